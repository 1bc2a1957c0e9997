// GET /api/profile/{userId} — a consenting customer's signals and personas per window.
import * as api from "@/lib/api/endpoints";
import { handle } from "@/lib/api/handler";
import { customerProfile } from "@/lib/services/customers-api";

export const GET = handle(api.getProfile, ({ url, params, query }) => customerProfile(url, params.userId, query.window));
