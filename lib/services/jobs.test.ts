import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createPrisma, type Db } from "../db/client";
import { tempDb, type TempDb } from "../testing/temp-db";
import type { RunOptions, RunSummary } from "./engine";
import { ConflictError } from "./errors";
import { recentJobs, startEngineJob } from "./jobs";

let t: TempDb;
let db: Db;
beforeAll(async () => {
  t = await tempDb();
  db = createPrisma(t.url);
});
afterAll(async () => {
  await db.$disconnect();
  t.cleanup();
});

/** A stand-in for runEngine that reports progress and finishes (or fails) when told to. */
function controllableRun() {
  let finish!: (r: RunSummary) => void;
  let fail!: (e: Error) => void;
  let opts!: RunOptions;
  const run = (o: RunOptions = {}) => {
    opts = o;
    return new Promise<RunSummary>((resolve, reject) => ((finish = resolve), (fail = reject)));
  };
  return { run, progress: (d: number, n: number) => opts.onProgress!(d, n), finish: (r: Partial<RunSummary>) => finish(r as RunSummary), fail: (e: Error) => fail(e), options: () => opts };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe("engine jobs", () => {
  it("runs one at a time, reports progress, and audits who started it", async () => {
    const c = controllableRun();
    const job = await startEngineJob(db, { as_of: "2026-09-30" }, "op@x", c.run as never);
    expect(c.options().asOf).toBe("2026-09-30");
    c.progress(250, 1000);
    expect(recentJobs()[0]).toMatchObject({ id: job.id, status: "running", done: 250, total: 1000, started_by: "op@x" });
    await expect(startEngineJob(db, {}, "admin@x", c.run as never)).rejects.toBeInstanceOf(ConflictError);
    c.finish({ run_id: 7, customers: 1000, recommendations: 6000, seconds: 3.2 });
    await settle();
    expect(recentJobs()[0]).toMatchObject({ status: "finished", done: 1000, total: 1000, summary: { run_id: 7, recommendations: 6000 } });
    expect(await db.auditEntry.findFirstOrThrow({ where: { action: "engine.run" } })).toMatchObject({ actor: "op@x", target_id: String(job.id) });
  });

  it("records a failure with its message, and a new run may start afterwards", async () => {
    const c = controllableRun();
    const job = await startEngineJob(db, {}, "op@x", c.run as never);
    expect(job.as_of).toBe("2026-10-31");
    c.fail(new Error("database is locked"));
    await settle();
    expect(recentJobs()[0]).toMatchObject({ id: job.id, status: "failed", error: "database is locked" });
    const next = controllableRun();
    await startEngineJob(db, {}, "op@x", next.run as never);
    next.finish({ run_id: 8, customers: 0, recommendations: 0, seconds: 0 });
    await settle();
  });

  it("refuses an impossible date before starting anything", async () => {
    const before = recentJobs().length;
    await expect(startEngineJob(db, { as_of: "2026-02-30" }, "op@x")).rejects.toBeInstanceOf(ZodError);
    expect(recentJobs()).toHaveLength(before);
  });
});
