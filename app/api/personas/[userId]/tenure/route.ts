// GET /api/personas/{userId}/tenure — how long the current persona has held, per window.
import * as api from "@/lib/api/endpoints";
import { handle } from "@/lib/api/handler";
import { personaTenure } from "@/lib/services/personas-api";

export const GET = handle(api.getTenure, ({ db, params }) => personaTenure(db, params.userId));
