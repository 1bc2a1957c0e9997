// Long jobs started from the staff app (SPEC §4 "long jobs show progress"): an engine run in
// the server process, one at a time, with its progress kept in memory for the live stream and
// its outcome in `engine_runs` and the audit log. The run itself is the same `runEngine` the
// CLI uses.
import { z } from "zod";
import type { Db } from "../db/client";
import { DEFAULT_AS_OF, runEngine, type RunSummary } from "./engine";
import { isoDate } from "../validation/plaid";
import { ConflictError } from "./errors";

export interface Job {
  id: number;
  as_of: string;
  started_by: string;
  started_at: string;
  done: number;
  total: number;
  status: "running" | "finished" | "failed";
  error: string | null;
  summary: Pick<RunSummary, "run_id" | "customers" | "recommendations" | "seconds"> | null;
}

const engineJobSchema = z.object({
  as_of: isoDate.default(DEFAULT_AS_OF),
});

const KEEP = 10;
const registry = globalThis as unknown as { spendsenseJobs?: { next: number; jobs: Job[] } };
const state = () => (registry.spendsenseJobs ??= { next: 1, jobs: [] });

/** The latest jobs of this server process, newest first (copies, safe to serialise). */
export function recentJobs(): Job[] {
  return state().jobs.map((j) => ({ ...j }));
}

/**
 * Starts an engine run in the background and returns at once; refuses while one is running.
 * The audit entry is written before the run starts, so a run is never unaccounted for.
 */
export async function startEngineJob(db: Db, input: unknown, actor: string, run: typeof runEngine = runEngine): Promise<Job> {
  const { as_of } = engineJobSchema.parse(input);
  const s = state();
  const running = s.jobs.find((j) => j.status === "running");
  if (running) throw new ConflictError(`an engine run (as of ${running.as_of}, started by ${running.started_by}) is still going: ${running.done} of ${running.total} customers; wait for it to finish`);
  const job: Job = { id: s.next++, as_of, started_by: actor, started_at: new Date().toISOString(), done: 0, total: 0, status: "running", error: null, summary: null };
  s.jobs = [job, ...s.jobs].slice(0, KEEP);
  try {
    await db.auditEntry.create({ data: { actor, action: "engine.run", target_type: "engine", target_id: String(job.id), details: JSON.stringify({ as_of }) } });
  } catch (err) {
    s.jobs = s.jobs.filter((j) => j !== job);
    throw err;
  }
  run({
    asOf: as_of,
    prepare: false,
    onProgress(done, total) {
      job.done = done;
      job.total = total;
    },
  }).then(
    (r) => {
      job.status = "finished";
      job.summary = { run_id: r.run_id, customers: r.customers, recommendations: r.recommendations, seconds: r.seconds };
      job.done = job.total = r.customers;
    },
    (err: Error) => {
      job.status = "failed";
      job.error = err.message;
    },
  );
  return { ...job };
}
