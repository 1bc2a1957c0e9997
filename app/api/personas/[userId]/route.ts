// GET /api/personas/{userId} — current persona per window, with the latest reviewer override.
import * as api from "@/lib/api/endpoints";
import { handle } from "@/lib/api/handler";
import { currentPersonas } from "@/lib/services/personas-api";

export const GET = handle(api.getPersonas, ({ url, params }) => currentPersonas(url, params.userId));
