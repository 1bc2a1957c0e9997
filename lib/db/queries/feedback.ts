// Customers' feedback (lib/services/feedback.ts holds the rules), on the caller's transaction so the
// audit row commits with it.
import type { Prisma } from "../generated/client";

type Tx = Prisma.TransactionClient;

/** Whose recommendation it is and what it recommends, or null when there is none. */
export function recommendationOwner(tx: Tx, id: number): Promise<{ user_id: string; content_id: string } | null> {
  return tx.recommendation.findUnique({ where: { id }, select: { user_id: true, content_id: true } });
}

export async function contentItemExists(tx: Tx, id: string): Promise<boolean> {
  return (await tx.contentItem.findUnique({ where: { id }, select: { id: true } })) !== null;
}

export function insertFeedback(tx: Tx, data: { user_id: string; recommendation_id: number | null; content_id: string | null; rating: string; comment: string | null; source: string }) {
  return tx.feedback.create({ data });
}
