// A customer's feedback on a recommendation or a content item, recorded with an audit entry in
// one transaction. Feedback on a recommendation is checked to be that customer's.
import { z } from "zod";
import { recordAudit } from "../db/audit";
import type { Db } from "../db/client";
import { customerExists } from "../db/queries/customers";
import { contentItemExists, insertFeedback, recommendationOwner } from "../db/queries/feedback";
import type { FeedbackInput } from "../validation/api";
import { NotFoundError } from "./errors";

export async function recordFeedback(db: Db, input: FeedbackInput, actor: string) {
  return db.$transaction(async (tx) => {
    if (!(await customerExists(tx, input.user_id))) throw new NotFoundError(`no customer with id "${input.user_id}"`);
    let contentId = input.content_id ?? null;
    if (input.recommendation_id !== undefined) {
      const rec = await recommendationOwner(tx, input.recommendation_id);
      if (!rec || rec.user_id !== input.user_id) throw new NotFoundError(`customer "${input.user_id}" has no recommendation ${input.recommendation_id}`);
      if (contentId !== null && contentId !== rec.content_id) {
        throw new z.ZodError([{ code: "custom", path: ["content_id"], message: `recommendation ${input.recommendation_id} is about "${rec.content_id}", not "${contentId}"`, input: contentId }]);
      }
      contentId = rec.content_id;
    } else if (contentId !== null && !(await contentItemExists(tx, contentId))) {
      throw new NotFoundError(`no content item "${contentId}"`);
    }
    const feedback = await insertFeedback(tx, { user_id: input.user_id, recommendation_id: input.recommendation_id ?? null, content_id: contentId, rating: input.rating, comment: input.comment ?? null, source: actor });
    await recordAudit(tx, "feedback.record", { type: "feedback", id: feedback.id, user_id: input.user_id }, { actor, details: { rating: input.rating, recommendation_id: feedback.recommendation_id, content_id: contentId } });
    return feedback;
  });
}
