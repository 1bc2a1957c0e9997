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
import { isPostgresUrl } from "../db/dialect";
import { latestRuns, recentRunRows, staleRuns, workersSeenSince } from "../db/queries/runs";
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
  /** Queued for workers (PostgreSQL) with none taken yet, and no worker seen in the last minute: the run waits until one starts. */
  no_worker: boolean;
}

const engineJobSchema = z.object({
  as_of: isoDate.default(DEFAULT_AS_OF),
});

const KEEP = 5;

/** The latest runs, from any process, newest first; runs whose lease expired are marked failed first. */
export async function recentJobs(url = databaseUrl()): Promise<Job[]> {
  const stale = await withReadSql((sql) => staleRuns(sql, new Date().toISOString()), url);
  if (stale.count) await withSql((sql) => expireRuns(sql), url);
  const waiting = (r: { status: string; done: number }) => r.status === "running" && r.done === 0;
  const { rows, noWorker } = await withReadSql(async (sql) => {
    const rows = await recentRunRows(sql, KEEP);
    // Only queued runs wait for workers; on SQLite a run computes in the process that started it.
    return { rows, noWorker: isPostgresUrl(url) && rows.some(waiting) && (await workersSeenSince(sql)) === 0 };
  }, url);
  return rows.map((r) => {
    const started = new Date(r.started_at);
    const finished = r.finished_at === null ? null : new Date(r.finished_at);
    return {
      id: r.id,
      as_of: r.as_of,
      started_by: r.started_by ?? "unknown",
      started_at: started.toISOString(),
      done: r.done,
      total: r.total,
      status: r.status,
      error: r.error,
      summary: r.status === "finished" && finished ? { run_id: r.id, customers: r.customers, recommendations: r.recommendation_count, seconds: (finished.getTime() - started.getTime()) / 1000 } : null,
      no_worker: noWorker && waiting(r),
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
  return { id: run.run_id, as_of, started_by: actor, started_at: new Date().toISOString(), done: 0, total: run.customers, status: "running", error: null, summary: null, no_worker: false };
}

/** The latest 20 engine runs recorded, newest first. */
export function recentRuns(db: Db = prisma()) {
  return latestRuns(db);
}

/** These use cases on the process's own database, for the staff pages' server actions. */
export const jobsOnProcessDb = onProcessDb({ startEngineJob });
