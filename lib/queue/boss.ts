// The engine's job queue (issue 14, point 3): pg-boss in its own schema (`pgboss`) of the app's
// PostgreSQL database. The one module that imports pg-boss: queue names and their retry / lease
// policy, sending a run's chunks, the workers' pollers, the nightly schedule and the queue's size.
// pg-boss gives each chunk job a lease (expireInSeconds): a worker that dies mid-chunk stops
// completing it, the queue's maintenance (run by every worker) fails it by timeout and it is retried.
import PgBoss from "pg-boss";
import { forgetProcessSingleton, processSingleton } from "../db/process-singleton";

export const QUEUE_SCHEMA = "pgboss";
/** One job per chunk of customers of a run. */
export const CHUNK_QUEUE = "engine-chunk";
/** Chunks that failed for good (retries spent, or timed out on the last one): their run is marked failed. */
export const DEAD_QUEUE = "engine-chunk-dead";
/** Scheduled runs: the scheduler sends one job at each cron time; a worker plans the run. */
export const SCHEDULE_QUEUE = "engine-run-scheduled";

export interface ChunkData {
  run_id: number;
  chunk: number;
  as_of: string;
  config_hash: string;
  user_ids: string[];
}

export interface ScheduledRunData {
  started_by: string;
}

const num = (v: string | undefined, fallback: number, min: number) => {
  const n = Number(v);
  return Number.isFinite(n) && n >= min ? n : fallback;
};

/** The queue's timings; environment overrides exist for tests and operators. */
export function queuePolicy(env: NodeJS.ProcessEnv = process.env) {
  return {
    /** How long a worker may hold a chunk before it is given to another (the chunk's lease). */
    chunkLeaseSeconds: num(env.SPENDSENSE_CHUNK_LEASE_SECONDS, 300, 1),
    /** Attempts after the first before the chunk (and its run) fails. */
    retryLimit: num(env.SPENDSENSE_CHUNK_RETRIES, 3, 0),
    retryDelaySeconds: num(env.SPENDSENSE_CHUNK_RETRY_DELAY_SECONDS, 1, 0),
    /** How often the queue looks for timed-out chunks (one worker does it per interval). */
    maintenanceSeconds: num(env.SPENDSENSE_QUEUE_MAINTENANCE_SECONDS, 30, 1),
    /** How often an idle worker asks for a chunk. */
    pollingSeconds: num(env.SPENDSENSE_QUEUE_POLL_SECONDS, 2, 0.5),
    /** How often the scheduler looks whether a cron time has come (schedules fire on the minute, up to this late). */
    cronCheckSeconds: Math.min(45, num(env.SPENDSENSE_QUEUE_CRON_SECONDS, 30, 1)),
  };
}

function newBoss(url: string, role: "worker" | "client"): PgBoss {
  const p = queuePolicy();
  const boss = new PgBoss({
    connectionString: url,
    schema: QUEUE_SCHEMA,
    application_name: `spendsense-${role}`,
    max: role === "worker" ? 4 : 2,
    // Only workers run the queue's upkeep (expiring leases, retries, archiving) and the scheduler.
    supervise: role === "worker",
    schedule: role === "worker",
    maintenanceIntervalSeconds: p.maintenanceSeconds,
    cronMonitorIntervalSeconds: p.cronCheckSeconds,
  });
  // Connection errors are retried by pg-boss; say so once per error, without any connection string.
  boss.on("error", (err) => console.error(`queue: ${err.message}`));
  return boss;
}

async function ensureQueues(boss: PgBoss): Promise<void> {
  const p = queuePolicy();
  // Runs re-plan nothing: a queue's options are what every later job of it gets.
  await boss.createQueue(DEAD_QUEUE, { name: DEAD_QUEUE, retryLimit: 2, expireInSeconds: 60 });
  const chunk = { name: CHUNK_QUEUE, retryLimit: p.retryLimit, retryDelay: p.retryDelaySeconds, expireInSeconds: p.chunkLeaseSeconds, deadLetter: DEAD_QUEUE };
  await boss.createQueue(CHUNK_QUEUE, chunk);
  await boss.updateQueue(CHUNK_QUEUE, chunk);
  await boss.createQueue(SCHEDULE_QUEUE, { name: SCHEDULE_QUEUE, retryLimit: 0, expireInSeconds: 600 });
}

async function started(boss: PgBoss): Promise<PgBoss> {
  await boss.start();
  await ensureQueues(boss);
  return boss;
}

const clientKey = (url: string) => `queue-client:${url}`;

/** The process's sending client for a database (app instances and the CLI): started once, reused. */
export function queueClient(url: string): Promise<PgBoss> {
  const key = clientKey(url);
  const p = processSingleton(key, () => started(newBoss(url, "client")));
  // A failed start is not kept: the next caller tries again.
  p.catch(() => forgetProcessSingleton(key));
  return p;
}

/** Stops this process's sending client (the CLI, before it exits; tests). */
export async function closeQueueClient(url: string): Promise<void> {
  const p = forgetProcessSingleton<Promise<PgBoss>>(clientKey(url));
  if (!p) return;
  const boss = await p.catch(() => null);
  await boss?.stop({ graceful: false, wait: true });
}

/** Queues a run's chunks (one job each). */
export async function sendChunks(url: string, chunks: ChunkData[]): Promise<void> {
  const boss = await queueClient(url);
  for (let i = 0; i < chunks.length; i += 1000) await boss.insert(chunks.slice(i, i + 1000).map((data) => ({ name: CHUNK_QUEUE, data })));
}

export interface ChunkJob {
  data: ChunkData;
  retryCount: number;
  retryLimit: number;
}

export interface QueueWorker {
  stop(): Promise<void>;
}

/**
 * Starts a worker's queue instance: `concurrency` pollers taking one chunk each, one for dead
 * chunks, one for scheduled runs. It also runs the queue's maintenance and scheduler.
 */
export async function startQueueWorker(
  url: string,
  concurrency: number,
  handlers: { chunk: (job: ChunkJob) => Promise<void>; dead: (data: ChunkData) => Promise<void>; scheduled: (data: ScheduledRunData) => Promise<void> },
): Promise<QueueWorker> {
  const boss = await started(newBoss(url, "worker"));
  const pollingIntervalSeconds = queuePolicy().pollingSeconds;
  for (let i = 0; i < concurrency; i++) {
    await boss.work<ChunkData>(CHUNK_QUEUE, { batchSize: 1, pollingIntervalSeconds, includeMetadata: true }, async ([job]) => {
      await handlers.chunk({ data: job.data, retryCount: job.retryCount, retryLimit: job.retryLimit });
    });
  }
  await boss.work<ChunkData>(DEAD_QUEUE, { batchSize: 1, pollingIntervalSeconds }, async ([job]) => handlers.dead(job.data));
  await boss.work<ScheduledRunData>(SCHEDULE_QUEUE, { batchSize: 1, pollingIntervalSeconds }, async ([job]) => handlers.scheduled(job.data));
  return {
    // Graceful: chunks in hand are finished first (up to the timeout), then the pool closes.
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 30_000 }),
  };
}

// ── schedule ─────────────────────────────────────────────────────────────────────────────────
/** Sets (or replaces) the run schedule; throws a plain error when the cron expression is invalid. */
export async function setRunSchedule(url: string, cron: string, data: ScheduledRunData): Promise<void> {
  const boss = await queueClient(url);
  await boss.schedule(SCHEDULE_QUEUE, cron, data, { tz: "UTC" });
}

export async function clearRunSchedule(url: string): Promise<boolean> {
  const boss = await queueClient(url);
  const had = (await boss.getSchedules()).some((s) => s.name === SCHEDULE_QUEUE);
  await boss.unschedule(SCHEDULE_QUEUE);
  return had;
}

export async function runSchedule(url: string): Promise<{ cron: string; timezone: string } | null> {
  const boss = await queueClient(url);
  const s = (await boss.getSchedules()).find((x) => x.name === SCHEDULE_QUEUE);
  // pg-boss stores the time zone as `timezone` (its types call it options.tz).
  return s ? { cron: s.cron, timezone: String((s as { timezone?: string }).timezone ?? "UTC") } : null;
}

// ── size ─────────────────────────────────────────────────────────────────────────────────────
/** Chunks waiting (created or retry) and being worked on (active). */
export async function chunkQueueSize(url: string): Promise<{ waiting: number; active: number }> {
  const boss = await queueClient(url);
  const [waiting, upToActive] = await Promise.all([boss.getQueueSize(CHUNK_QUEUE), boss.getQueueSize(CHUNK_QUEUE, { before: "completed" })]);
  return { waiting, active: upToActive - waiting };
}
