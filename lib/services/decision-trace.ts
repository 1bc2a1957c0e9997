// A recommendation's stored decision trace, for the pages that show it as a decision table.
import type { Db } from "../db/client";
import type { DecisionTrace } from "../engine";

/** The decision trace a recommendation was chosen in, or null (consent revoked, or none stored). */
export async function traceOfRecommendation(db: Db, recommendationId: number): Promise<DecisionTrace | null> {
  const rec = await db.recommendation.findUnique({ where: { id: recommendationId }, select: { user_id: true, trace: { select: { payload: true, user_id: true } } } });
  // The trace must belong to the recommendation's customer (it always does; never show another's).
  if (!rec?.trace || rec.trace.user_id !== rec.user_id) return null;
  return JSON.parse(rec.trace.payload) as DecisionTrace;
}
