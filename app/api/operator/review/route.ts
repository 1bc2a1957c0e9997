// GET /api/operator/review — the queue of recommendations awaiting review, paged.
import * as api from "@/lib/api/endpoints";
import { handle, paged } from "@/lib/api/handler";
import { pendingReview } from "@/lib/services/review";

export const GET = handle(api.reviewQueue, async ({ db, query }) => {
  const { rows, total } = await pendingReview(db, { page: query.page, pageSize: query.pageSize, flaggedOnly: query.flagged });
  return paged(rows, total, query);
});
