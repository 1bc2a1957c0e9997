// GET /api/recommendations/{userId} — a consenting customer's current recommendations per window, with rationale and trace.
import * as api from "@/lib/api/endpoints";
import { handle } from "@/lib/api/handler";
import { customerRecommendations } from "@/lib/services/customers-api";

export const GET = handle(api.getRecommendations, ({ url, params, query }) => customerRecommendations(url, params.userId, query));
