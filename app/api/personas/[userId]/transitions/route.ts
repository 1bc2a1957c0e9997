// GET /api/personas/{userId}/transitions — persona changes, most recent first.
import * as api from "@/lib/api/endpoints";
import { handle, paged } from "@/lib/api/handler";
import { personaTransitions } from "@/lib/services/personas-api";

export const GET = handle(api.listTransitions, async ({ db, params, query }) => {
  const { rows, total } = await personaTransitions(db, params.userId, query);
  return paged(rows, total, { page: 1, pageSize: query.limit });
});
