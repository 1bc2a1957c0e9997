// Reviewers' decisions on recommendations (lib/services/review.ts holds the rules). Functions
// taking `Tx` run on the client or inside the caller's transaction.
import type { Db } from "../client";
import type { Prisma } from "../generated/client";

type Tx = Prisma.TransactionClient;

export function recommendationById(tx: Tx, id: number) {
  return tx.recommendation.findUnique({ where: { id } });
}

/** The item an override put in place of recommendation `id`, or null. */
export function replacementOf(tx: Tx, id: number) {
  return tx.recommendation.findFirst({ where: { replaces_id: id } });
}

/**
 * Applies `change` to the recommendation only if it is still at `version`, bumping the version.
 * False when someone changed it first (nothing is written).
 */
export async function updateRecommendationAt(tx: Tx, id: number, version: number, change: { status: string } | { flagged: true; flagged_by: string }): Promise<boolean> {
  return (await tx.recommendation.updateMany({ where: { id, version }, data: { ...change, version: { increment: 1 } } })).count === 1;
}

/** Whether `actor` has an approval of the recommendation in the audit log. */
export async function hasApproved(tx: Tx, id: number, actor: string): Promise<boolean> {
  return (await tx.auditEntry.findFirst({ where: { target_type: "recommendation", target_id: String(id), action: "recommendation.approve", actor }, select: { id: true } })) !== null;
}

/** One page of the pending recommendations (flagged first, then oldest), with the total. */
export async function pendingRecommendationRows(db: Db, opts: { page: number; pageSize: number; flaggedOnly?: boolean }) {
  const where = { status: "pending_review", ...(opts.flaggedOnly ? { flagged: true } : {}) };
  const [rows, total] = await Promise.all([
    db.recommendation.findMany({
      where,
      orderBy: [{ flagged: "desc" }, { created_at: "asc" }, { id: "asc" }],
      skip: (opts.page - 1) * opts.pageSize,
      take: opts.pageSize,
      select: { id: true, version: true, user_id: true, window: true, kind: true, title: true, rationale: true, flagged: true, flagged_by: true, as_of: true },
    }),
    db.recommendation.count({ where }),
  ]);
  return { rows, total };
}

/** The customer's latest 100 audit entries, newest first. */
export function customerAuditRows(db: Db, userId: string) {
  return db.auditEntry.findMany({ where: { user_id: userId }, orderBy: { id: "desc" }, take: 100 });
}
