import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createPrisma, type Db } from "../db/client";
import { tempDb, type TempDb } from "../testing/temp-db";
import { runEngine } from "./engine";
import { loadGenerated } from "./generate";
import { ConflictError } from "./errors";
import { auditFor, batchApprove, pendingReview, reviewRecommendation } from "./review";

let t: TempDb;
let db: Db;
beforeEach(async () => {
  t = await tempDb();
  await loadGenerated({ users: 20, seed: 3, asOf: "2026-10-31", months: 7, url: t.url });
  await runEngine({ url: t.url, asOf: "2026-10-31" });
  db = createPrisma(t.url);
});
afterEach(async () => {
  await db.$disconnect();
  t.cleanup();
});

describe("review queue", () => {
  it("approve, reject with a reason and flag are recorded in the audit log", async () => {
    const { rows } = await pendingReview(db, { page: 1, pageSize: 3 });
    const [a, b, c] = rows;
    await reviewRecommendation(db, { action: "approve", id: a.id, version: a.version }, "op@x");
    await reviewRecommendation(db, { action: "reject", id: b.id, version: b.version, reason: "Not relevant this month" }, "op@x");
    await reviewRecommendation(db, { action: "flag", id: c.id, version: c.version, reason: "Check the rationale wording" }, "op@x");
    const after = await db.recommendation.findMany({ where: { id: { in: [a.id, b.id, c.id] } }, orderBy: { id: "asc" } });
    expect(after.map((r) => [r.status, r.flagged, r.version])).toEqual([
      ["approved", false, 2],
      ["rejected", false, 2],
      ["pending_review", true, 2],
    ]);
    const audit = await auditFor(db, a.user_id);
    expect(audit.find((e) => e.target_id === String(a.id))).toMatchObject({ actor: "op@x", action: "recommendation.approve" });
    const rejected = await db.auditEntry.findFirstOrThrow({ where: { target_id: String(b.id) } });
    expect(rejected).toMatchObject({ action: "recommendation.reject", reason: "Not relevant this month" });
  });

  it("a reject without a reason is refused and changes nothing", async () => {
    const [r] = (await pendingReview(db, { page: 1, pageSize: 1 })).rows;
    await expect(reviewRecommendation(db, { action: "reject", id: r.id, version: r.version, reason: " " }, "op@x")).rejects.toBeInstanceOf(ZodError);
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("pending_review");
    expect(await db.auditEntry.count({ where: { target_type: "recommendation" } })).toBe(0);
  });

  it("the second of two operators acting on the same version gets a conflict, not an overwrite", async () => {
    const [r] = (await pendingReview(db, { page: 1, pageSize: 1 })).rows;
    const results = await Promise.allSettled([
      reviewRecommendation(db, { action: "approve", id: r.id, version: r.version }, "first@x"),
      reviewRecommendation(db, { action: "reject", id: r.id, version: r.version, reason: "Second operator disagrees" }, "second@x"),
    ]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((x) => x.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(ConflictError);
    expect(await db.auditEntry.count({ where: { target_id: String(r.id) } })).toBe(1);
  });

  it("batch approve is all-or-nothing", async () => {
    const { rows } = await pendingReview(db, { page: 1, pageSize: 3 });
    await reviewRecommendation(db, { action: "approve", id: rows[2].id, version: rows[2].version }, "other@x");
    await expect(batchApprove(db, rows.map((r) => ({ id: r.id, version: r.version })), "op@x")).rejects.toBeInstanceOf(ConflictError);
    const statuses = await db.recommendation.findMany({ where: { id: { in: [rows[0].id, rows[1].id] } }, select: { status: true } });
    expect(statuses.map((s) => s.status)).toEqual(["pending_review", "pending_review"]);
    expect(await batchApprove(db, rows.slice(0, 2).map((r) => ({ id: r.id, version: r.version })), "op@x")).toEqual({ approved: 2, already: 0 });
  });

  it("the same batch sent twice (a double click) approves once and says the rest were already approved", async () => {
    const { rows } = await pendingReview(db, { page: 1, pageSize: 2 });
    const batch = rows.map((r) => ({ id: r.id, version: r.version }));
    expect(await batchApprove(db, batch, "op@x")).toEqual({ approved: 2, already: 0 });
    const audited = await db.auditEntry.count({ where: { action: "recommendation.approve" } });
    expect(await batchApprove(db, batch, "op@x")).toEqual({ approved: 0, already: 2 });
    expect(await db.auditEntry.count({ where: { action: "recommendation.approve" } })).toBe(audited);
  });

  it("an item flagged for a second review is decided only by a different staff member, and the queue says who flagged it", async () => {
    const { rows } = await pendingReview(db, { page: 1, pageSize: 2 });
    const [a, b] = rows;
    await reviewRecommendation(db, { action: "flag", id: a.id, version: a.version, reason: "Check the rationale wording" }, "op@x");
    await reviewRecommendation(db, { action: "flag", id: b.id, version: b.version, reason: "Is this offer suitable?" }, "op@x");
    const flagged = await pendingReview(db, { page: 1, pageSize: 10, flaggedOnly: true });
    expect(flagged.rows.map((r) => [r.id, r.flagged, r.flagged_by])).toEqual([
      [a.id, true, "op@x"],
      [b.id, true, "op@x"],
    ]);
    // The flagger cannot approve, reject or batch-approve it: a clear conflict, nothing changes.
    await expect(reviewRecommendation(db, { action: "approve", id: a.id, version: 2 }, "op@x")).rejects.toThrow(new ConflictError(`you flagged recommendation ${a.id} for a second review; a different staff member must approve, reject or swap it`));
    await expect(reviewRecommendation(db, { action: "reject", id: b.id, version: 2, reason: "Changed my mind after all" }, "op@x")).rejects.toBeInstanceOf(ConflictError);
    await expect(batchApprove(db, [{ id: a.id, version: 2 }], "op@x")).rejects.toBeInstanceOf(ConflictError);
    expect((await db.recommendation.findMany({ where: { id: { in: [a.id, b.id] } } })).map((r) => [r.status, r.version])).toEqual([
      ["pending_review", 2],
      ["pending_review", 2],
    ]);
    expect(await db.auditEntry.count({ where: { action: { in: ["recommendation.approve", "recommendation.reject"] } } })).toBe(0);
    // A different staff member can.
    await reviewRecommendation(db, { action: "approve", id: a.id, version: 2 }, "lead@x");
    await reviewRecommendation(db, { action: "reject", id: b.id, version: 2, reason: "Not suitable for this customer" }, "lead@x");
    expect((await db.recommendation.findMany({ where: { id: { in: [a.id, b.id] } }, orderBy: { id: "asc" } })).map((r) => r.status)).toEqual(["approved", "rejected"]);
    expect(await db.auditEntry.findFirstOrThrow({ where: { action: "recommendation.approve", target_id: String(a.id) } })).toMatchObject({ actor: "lead@x" });
  });
});
