// Engine use case: load customers in chunks → run the pure engine (on worker threads when the
// run is large) → persist results. Non-consenting customers are never loaded or computed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { configHash, DEFAULT_CONFIG, ENGINE_VERSION, type EngineConfig, type EngineResult } from "../engine";
import type { ContentItem } from "../engine/recommend/content";
import type { PersonaId, WindowId } from "../engine/types";
import { listCustomerIds, loadApprovedCatalog, loadBudgets, loadCustomerInputs, loadDeclined, loadPersonaOverrides, loadPreviousPrimary, loadRecentlyShown } from "../db/queries/engine-input";
import { prepareDatabase } from "../db/prepare";
import { setRunScope } from "../db/queries/runs";
import { openSql, type Sql } from "../db/sql";
import { writeEngineResults } from "../db/write-engine-results";
import { engineChunkClock } from "../observability/metrics";
import { computeJob, type EngineJob } from "./engine-job";
import { assertKnownIds } from "./errors";
import { DEFAULT_AS_OF } from "../data/defaults";
import { acquireRunLease, endRun, heartbeat, LeaseLostError, renewRunLease, type RunLease } from "./run-lease";
import { assertRunnableAsOf, todayIso } from "./run-as-of";

export { DEFAULT_AS_OF };

/** Customers per chunk (loaded, computed and written together): 250, or SPENDSENSE_CHUNK_SIZE. */
export function chunkSize(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.SPENDSENSE_CHUNK_SIZE);
  return Number.isInteger(n) && n > 0 ? n : 250;
}

export interface RunOptions {
  asOf?: string;
  userIds?: string[];
  url?: string;
  config?: EngineConfig;
  /** Worker threads for the engine; default: one per core for runs over 2 chunks, else inline. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /** Bring the database up to date first (default). Callers on an app's request path, whose database is prepared at start-up, pass false. */
  prepare?: boolean;
  /** The run's lease when the caller already took it (the app, to refuse a second run at once); otherwise the run takes it. */
  lease?: RunLease;
  /** Who started the run, recorded with it (default "cli"). */
  startedBy?: string;
  /** Today's date (YYYY-MM-DD): an as-of after it is refused. Default: the clock's UTC date. */
  today?: string;
}

export interface RunSummary {
  run_id: number;
  as_of: string;
  customers: number;
  skipped_no_consent: number;
  personas: Record<WindowId, Record<PersonaId | "none", number>>;
  strengths: Record<WindowId, Record<string, number>>;
  recommendations: number;
  /** Alerts this run found (stored one per customer and event: an event seen before is refreshed, not added). */
  alerts: number;
  seconds: number;
}

/**
 * The worker's source file: beside this module under tsx (CLI, tests), or under the project
 * root when bundled into the Next.js server; null when neither exists (then runs are inline).
 */
export function workerFile(): string | null {
  return [path.join(__dirname, "engine-worker.ts"), path.join(process.cwd(), "lib/services/engine-worker.ts")].find((f) => fs.existsSync(f)) ?? null;
}

/** Runs the engine for one chunk: inline, or on a worker thread. */
export type Compute = (job: EngineJob) => Promise<EngineResult[]>;

export function workerPool(size: number, file: string): { compute: Compute; close: () => Promise<void> } {
  // The worker is TypeScript: a two-line bootstrap registers tsx inside the thread, then loads it.
  const bootstrap = `require("tsx/cjs/api").register(); require(${JSON.stringify(file)});`;
  const workers = Array.from({ length: size }, () => new Worker(bootstrap, { eval: true }));
  const idle = [...workers];
  const waiting: Array<(w: Worker) => void> = [];
  const take = () => new Promise<Worker>((resolve) => (idle.length ? resolve(idle.pop()!) : waiting.push(resolve)));
  const give = (w: Worker) => (waiting.length ? waiting.shift()!(w) : idle.push(w));
  return {
    async compute(job) {
      const w = await take();
      try {
        return await new Promise<EngineResult[]>((resolve, reject) => {
          const onMessage = (m: { ok: true; results: EngineResult[] } | { ok: false; error: string }) => {
            w.off("error", reject);
            if (m.ok) resolve(m.results);
            else reject(new Error(m.error));
          };
          w.once("message", onMessage);
          w.once("error", reject);
          w.postMessage(job);
        });
      } finally {
        give(w);
      }
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * What the engine needs for a chunk of customers: their data, what they were shown lately, what
 * reviewers rejected or swapped out, reviewers' personas for this asOf, their previous personas.
 */
export async function loadEngineJob(sql: Sql, ids: string[], ctx: { asOf: string; config: EngineConfig; catalog: readonly ContentItem[] }): Promise<EngineJob> {
  const days = ctx.config.recommend.noRepeatDays;
  const [inputs, recentlyShown, declined, personaOverrides, previousPrimary, budgets] = await Promise.all([
    loadCustomerInputs(sql, ids),
    loadRecentlyShown(sql, ids, ctx.asOf, days),
    loadDeclined(sql, ids, ctx.asOf, days),
    loadPersonaOverrides(sql, ids, ctx.asOf),
    loadPreviousPrimary(sql, ids, ctx.asOf),
    loadBudgets(sql, ids),
  ]);
  return {
    asOf: ctx.asOf,
    config: ctx.config,
    catalog: ctx.catalog as ContentItem[],
    inputs,
    recentlyShown: Object.fromEntries(recentlyShown),
    declined: Object.fromEntries(declined),
    personaOverrides: Object.fromEntries(personaOverrides),
    previousPrimary: Object.fromEntries(previousPrimary),
    budgets: Object.fromEntries(budgets),
  };
}

export async function runEngine(opts: RunOptions = {}): Promise<RunSummary> {
  const started = performance.now();
  const asOf = opts.asOf ?? DEFAULT_AS_OF;
  const config = opts.config ?? DEFAULT_CONFIG;
  const sql = await openSql(opts.url);
  let lease: RunLease | null = opts.lease ?? null;
  let beat: ReturnType<typeof heartbeat> | null = null;
  try {
    if (opts.prepare !== false) await prepareDatabase(sql);
    const all = await listCustomerIds(sql, opts.userIds);
    assertKnownIds(opts.userIds, all);
    const consenting = all.filter((c) => c.consent).map((c) => c.user_id);
    // A caller holding the lease checked the as-of before taking it.
    if (!opts.lease) await assertRunnableAsOf(sql, asOf, { today: opts.today ?? todayIso() });
    const catalog = await loadApprovedCatalog(sql);
    // One run at a time across every process: the lease in engine_runs, kept alive by a heartbeat.
    lease ??= await acquireRunLease(sql, { asOf, engineVersion: ENGINE_VERSION, configHash: configHash(config), startedBy: opts.startedBy ?? "cli" });
    beat = heartbeat(sql, lease);
    const held = lease;
    const id = held.id;
    await setRunScope(sql, id, { skipped: all.length - consenting.length, total: consenting.length });

    const CHUNK = chunkSize();
    const chunks: string[][] = [];
    for (let i = 0; i < consenting.length; i += CHUNK) chunks.push(consenting.slice(i, i + CHUNK));
    const wanted = opts.workers ?? (chunks.length > 2 ? Math.min(2, os.availableParallelism()) : 0);
    const file = wanted > 0 ? workerFile() : null;
    const size = file === null ? 0 : wanted;
    const pool = file === null ? null : workerPool(size, file);
    const compute: Compute = pool ? pool.compute : async (job) => computeJob(job);

    const summary: RunSummary = { run_id: id, as_of: asOf, customers: consenting.length, skipped_no_consent: all.length - consenting.length, personas: { "30d": {} as never, "180d": {} as never }, strengths: { "30d": {}, "180d": {} }, recommendations: 0, alerts: 0, seconds: 0 };
    let done = 0;
    const chunkClock = engineChunkClock();
    try {
      // Load chunk i+1 while chunk i computes; write each chunk in its own transaction, in order.
      const pending: Array<Promise<EngineResult[]>> = [];
      for (let i = 0; i < chunks.length; i++) {
        pending.push(compute(await loadEngineJob(sql, chunks[i], { asOf, config, catalog })));
        // Keep at most `size + 1` chunks in flight so memory stays flat.
        if (pending.length > Math.max(1, size)) await persist(await pending.shift()!);
      }
      while (pending.length) await persist(await pending.shift()!);
    } finally {
      await pool?.close();
    }

    async function persist(results: EngineResult[]) {
      const lost = beat?.lost();
      if (lost) throw lost;
      const tx = await sql.transaction("write");
      try {
        const w = await writeEngineResults(tx, id, results);
        await tx.commit();
        chunkClock.lap(results.length);
        summary.recommendations += w.recommendations;
        summary.alerts += w.alerts;
      } catch (err) {
        await tx.rollback();
        throw err;
      } finally {
        tx.close();
      }
      for (const r of results) {
        if (!r.consent) continue;
        for (const w of ["30d", "180d"] as const) {
          const p = r.windows[w].persona;
          const key = p.primary ?? "none";
          summary.personas[w][key] = (summary.personas[w][key] ?? 0) + 1;
          summary.strengths[w][p.strength] = (summary.strengths[w][p.strength] ?? 0) + 1;
        }
      }
      done += results.length;
      // Progress for every process to see; a busy database only delays it (the heartbeat carries the lease).
      await renewRunLease(sql, held, { done, total: consenting.length }).catch((e) => {
        if (e instanceof LeaseLostError) throw e;
      });
      opts.onProgress?.(done, consenting.length);
    }

    summary.seconds = (performance.now() - started) / 1000;
    await endRun(sql, held, { status: "finished", customers: consenting.length, recommendations: summary.recommendations });
    return summary;
  } catch (err) {
    // Chunks already written stay (each was its own transaction); the run says it did not finish, and why.
    if (lease) await endRun(sql, lease, { status: "failed", error: (err as Error).message }).catch(() => undefined);
    throw err;
  } finally {
    beat?.stop();
    sql.close();
  }
}
