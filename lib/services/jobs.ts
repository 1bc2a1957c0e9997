// Engine runs started from the staff app (SPEC §4 "long jobs show progress"). Their state lives
// in `engine_runs` — status, lease, heartbeat, progress — so every process (servers and the CLI)
// sees the same runs, and only one runs at a time anywhere (./run-lease). The run itself is the
// same `runEngine` the CLI uses, started in the background once its lease is held.
import { z } from "zod";
import { recordAudit } from "../db/audit";
import { prisma, type Db } from "../db/client";
import { databaseUrl } from "../db/url";
import { isoDate } from "../validation/plaid";
import { withReadSql, withSql, onProcessDb } from "./database";
import { DEFAULT_AS_OF } from "./engine";
import { expireRuns } from "./run-lease";
import { todayIso } from "./run-as-of";
import { startRun } from "./run-queue";

export interface Job {
  id: number;
  as_of: string;
  started_by: string;
  started_at: string;
  done: number;
  total: number;
  status: "running" | "finished" | "failed";
  error: string | null;
  summary: { run_id: number; customers: number; recommendations: number; seconds: number } | null;
}

const engineJobSchema = z.object({
  as_of: isoDate.default(DEFAULT_AS_OF),
});

const KEEP = 5;
const time = (v: unknown) => (v === null || v === undefined ? null : new Date(String(v).includes("T") ? String(v) : `${String(v).replace(" ", "T")}Z`));

/** The latest runs, from any process, newest first; runs whose lease expired are marked failed first. */
export async function recentJobs(url = databaseUrl()): Promise<Job[]> {
  const stale = await withReadSql((sql) => sql.execute({ sql: "SELECT 1 FROM engine_runs WHERE status = 'running' AND (lease_expires_at IS NULL OR lease_expires_at < ?) LIMIT 1", args: [new Date().toISOString()] }), url);
  if (stale.rows.length) await withSql((sql) => expireRuns(sql), url);
  const rs = await withReadSql((sql) => sql.execute({ sql: "SELECT id, as_of, started_by, started_at, finished_at, done, total, status, error, customers, recommendation_count FROM engine_runs ORDER BY id DESC LIMIT ?", args: [KEEP] }), url);
  return rs.rows.map((r) => {
    const started = time(r.started_at)!;
    const finished = time(r.finished_at);
    const status = String(r.status) as Job["status"];
    return {
      id: Number(r.id),
      as_of: String(r.as_of),
      started_by: r.started_by === null ? "unknown" : String(r.started_by),
      started_at: started.toISOString(),
      done: Number(r.done),
      total: Number(r.total),
      status,
      error: r.error === null ? null : String(r.error),
      summary: status === "finished" && finished ? { run_id: Number(r.id), customers: Number(r.customers), recommendations: Number(r.recommendation_count), seconds: (finished.getTime() - started.getTime()) / 1000 } : null,
    };
  });
}

/**
 * Starts a run (./run-queue: queued for workers on PostgreSQL, in this process's background on
 * SQLite), audited before any work starts, and returns at once; refuses (RunInProgressError, a
 * conflict) while any run is going.
 */
export async function startEngineJob(db: Db, input: unknown, actor: string, url = databaseUrl(), today = todayIso()): Promise<Job> {
  const { as_of } = engineJobSchema.parse(input);
  const run = await startRun({ url, asOf: as_of, startedBy: actor, today, prepare: false, beforeStart: (id) => recordAudit(db, "engine.run", { type: "engine", id }, { actor, details: { as_of } }).then(() => undefined) });
  return { id: run.run_id, as_of, started_by: actor, started_at: new Date().toISOString(), done: 0, total: run.customers, status: "running", error: null, summary: null };
}

/** The latest 20 engine runs recorded, newest first. */
export function recentRuns(db: Db = prisma()) {
  return db.engineRun.findMany({ orderBy: { id: "desc" }, take: 20 });
}

/** These use cases on the process's own database, for the staff pages' server actions. */
export const jobsOnProcessDb = onProcessDb({ startEngineJob });
