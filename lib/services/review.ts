// The review queue (SPEC §4): operators approve, reject (with a reason) or flag pending
// recommendations, one at a time or approving in batches. Every action is written to the
// append-only audit log in the same transaction. Each recommendation carries a version: an
// action names the version it saw, so a second operator acting on the same item at once gets
// a clear conflict instead of overwriting the first.
import { z } from "zod";
import { recordAudit } from "../db/audit";
import type { Db } from "../db/client";
import { customerAuditRows, hasApproved, pendingRecommendationRows, recommendationById, updateRecommendationAt } from "../db/queries/review-actions";
import { safeReason } from "../validation/text";
import { ConflictError, NotFoundError } from "./errors";
import { onProcessDb } from "./database";

export const reviewActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("approve"), id: z.coerce.number().int().positive(), version: z.coerce.number().int().positive() }),
  z.object({ action: z.literal("reject"), id: z.coerce.number().int().positive(), version: z.coerce.number().int().positive(), reason: safeReason(5, "a reason of at least 5 characters is required") }),
  z.object({ action: z.literal("flag"), id: z.coerce.number().int().positive(), version: z.coerce.number().int().positive(), reason: safeReason(5, "say what needs a second look (at least 5 characters)") }),
]);
export type ReviewAction = z.infer<typeof reviewActionSchema>;

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Changes a pending recommendation the reviewer saw at `version` (bumping the version), or
 * refuses with a conflict when it changed meanwhile; returns the row as it was. An item flagged
 * for a second review is decided (approved, rejected or swapped) only by someone other than the
 * staff member who flagged it, as content approval needs someone other than the author.
 */
export async function claimPending(tx: Tx, id: number, version: number, data: { status: string } | { flagged: true }, actor: string) {
  const rec = await recommendationById(tx, id);
  if (!rec) throw new NotFoundError(`recommendation ${id} does not exist`);
  if (rec.version !== version || rec.status !== "pending_review") {
    throw new ConflictError(`recommendation ${id} changed since you loaded it (now ${rec.status.replace("_", " ")}${rec.version !== version ? `, version ${rec.version}` : ""}); reload to see the latest`);
  }
  if ("status" in data && rec.flagged && rec.flagged_by === actor) {
    throw new ConflictError(`you flagged recommendation ${id} for a second review; a different staff member must approve, reject or swap it`);
  }
  const change = "status" in data ? data : { flagged: true as const, flagged_by: actor };
  if (!(await updateRecommendationAt(tx, id, version, change))) throw new ConflictError(`recommendation ${id} was changed by someone else a moment ago; reload to see the latest`);
  return rec;
}

async function act(tx: Tx, a: ReviewAction, actor: string) {
  const rec = await claimPending(tx, a.id, a.version, a.action === "approve" ? { status: "approved" } : a.action === "reject" ? { status: "rejected" } : { flagged: true }, actor);
  await recordAudit(tx, `recommendation.${a.action}`, { type: "recommendation", id: a.id, user_id: rec.user_id }, {
    actor,
    reason: "reason" in a ? a.reason : null,
    details: { content_id: rec.content_id, window: rec.window, from_version: a.version },
  });
}

export async function reviewRecommendation(db: Db, input: unknown, actor: string): Promise<void> {
  const a = reviewActionSchema.parse(input);
  await db.$transaction((tx) => act(tx, a, actor));
}

/**
 * One decision on every copy of a queue item (its 30-day and 180-day copies, as the reviewer saw
 * them): all of them in one transaction, or none if any changed meanwhile. Returns how many.
 */
export async function reviewCopies(db: Db, input: { action: unknown; reason?: unknown; copies: ReadonlyArray<{ id: number; version: number }> }, actor: string): Promise<number> {
  const actions = input.copies.map((c) => reviewActionSchema.parse({ action: input.action, reason: input.reason, ...c }));
  await db.$transaction(async (tx) => {
    for (const a of actions) await act(tx, a, actor);
  });
  return actions.length;
}

/**
 * Approves several at once: all of them, or none if any changed meanwhile. One this actor already
 * approved from the version sent (the same batch sent twice) is left as it is and counted in
 * `already`, not refused; one someone else changed is still a conflict.
 */
export async function batchApprove(db: Db, items: Array<{ id: number; version: number }>, actor: string): Promise<{ approved: number; already: number }> {
  if (!items.length) throw new z.ZodError([{ code: "custom", path: ["ids"], message: "select at least one recommendation", input: items }]);
  return db.$transaction(async (tx) => {
    let already = 0;
    for (const it of items) {
      const now = await recommendationById(tx, it.id);
      const repeat = now?.status === "approved" && now.version === it.version + 1 && (await hasApproved(tx, it.id, actor));
      if (repeat) already += 1;
      else await act(tx, { action: "approve", ...it }, actor);
    }
    return { approved: items.length - already, already };
  });
}

export function pendingReview(db: Db, opts: { page: number; pageSize: number; flaggedOnly?: boolean }) {
  return pendingRecommendationRows(db, opts);
}

export function auditFor(db: Db, userId: string) {
  return customerAuditRows(db, userId);
}

/** These use cases on the process's own database, for the staff pages' server actions. */
export const reviewOnProcessDb = onProcessDb({ reviewCopies, batchApprove });
