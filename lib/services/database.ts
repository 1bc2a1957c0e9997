// Database administration use cases shared by the CLI (`db`, `health`) and the app.
import fs from "node:fs";
import { asDatabaseBusy } from "../db/busy";
import { prisma, type Db } from "../db/client";
import { migrationStatus, type MigrationStatus } from "../db/migrate";
import { prepareDatabase } from "../db/prepare";
import { dialectOfUrl, type Dialect } from "../db/dialect";
import { dropAllTables, roundTrip, tableCounts, type TableCounts } from "../db/admin";
import { latestRunRow } from "../db/queries/runs";
import { processSingleton } from "../db/process-singleton";
import { openSql, type Sql } from "../db/sql";
import { databaseFilePath, databaseUrl } from "../db/url";
import { noQueueNote, queueStats, type QueueStats } from "./queue-stats";
import { expireRuns } from "./run-lease";

export { TABLES, tableCounts, type TableCounts } from "../db/admin";

export async function withSql<T>(fn: (sql: Sql) => Promise<T>, url = databaseUrl()): Promise<T> {
  const sql = await openSql(url);
  try {
    return await fn(sql);
  } finally {
    sql.close();
  }
}


/**
 * Runs read-only work on the process's shared connection for `url` (opened once), so busy read
 * paths — API reads, staff pages — do not pay for a new connection per request. Never for writes
 * or transactions: those open their own with `withSql`.
 */
export async function withReadSql<T>(fn: (sql: Sql) => Promise<T>, url = databaseUrl()): Promise<T> {
  const cache = processSingleton("read-connections", () => new Map<string, Promise<Sql>>());
  let sql = cache.get(url);
  if (!sql) {
    sql = openSql(url);
    cache.set(url, sql);
    sql.catch(() => cache.delete(url));
  }
  return fn(await sql);
}

export async function migrateDatabase(url = databaseUrl()): Promise<string[]> {
  return withSql(async (sql) => (await prepareDatabase(sql)).applied, url);
}

/** Deletes every row and table, then migrates afresh. */
export async function resetDatabase(url = databaseUrl()): Promise<string[]> {
  const file = databaseFilePath(url);
  if (file) {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  } else {
    await withSql(dropAllTables, url);
  }
  return migrateDatabase(url);
}

export interface DatabaseStatus {
  url: string;
  migrations: MigrationStatus;
  counts: TableCounts | null;
}

export async function databaseStatus(url = databaseUrl()): Promise<DatabaseStatus> {
  return withSql(async (sql) => {
    const migrations = await migrationStatus(sql);
    const counts = migrations.applied.length ? await tableCounts(sql) : null;
    return { url: redactUrl(url), migrations, counts };
  }, url);
}

export interface HealthReport extends DatabaseStatus {
  ok: boolean;
  /** Which database, whether it answered, and how long one round trip (a trivial query) took. */
  database: { dialect: Dialect; reachable: boolean; latency_ms: number | null };
  /** The engine's job queue and its workers, or why there is none. */
  queue: ({ used: true } & QueueStats) | { used: false; note: string };
  /** Whether a write could take the lock within the busy timeout (null when not checked: unreachable). */
  writable: boolean | null;
  /** The latest engine run; one whose lease expired shows as failed, with why. */
  latest_run: { id: number; as_of: string; status: string; error: string | null } | null;
  problems: string[];
}

async function latestRun(sql: Sql, writable: boolean): Promise<HealthReport["latest_run"]> {
  if (writable) await expireRuns(sql);
  return latestRunRow(sql);
}

/** Takes the write lock as any write would (waiting up to the busy timeout) and lets it go at once, writing nothing. */
async function canWrite(sql: Sql): Promise<true | string> {
  try {
    const tx = await sql.transaction("write");
    await tx.rollback();
    return true;
  } catch (err) {
    const busy = asDatabaseBusy(err);
    if (busy) return `the database cannot take writes: ${busy.message}`;
    throw err;
  }
}

async function queueHealth(url: string): Promise<HealthReport["queue"]> {
  const q = await queueStats(url);
  return q ? { used: true, ...q } : { used: false, note: noQueueNote(dialectOfUrl(url)) };
}

export async function checkHealth(url = databaseUrl()): Promise<HealthReport> {
  const dialect = dialectOfUrl(url);
  try {
    const { status, writable, latest, latency } = await withSql(async (sql) => {
      const latency = await roundTrip(sql);
      const status = await databaseStatus(url);
      const writable = await canWrite(sql);
      const latest = status.migrations.pending.length ? null : await latestRun(sql, writable === true);
      return { status, writable, latest, latency };
    }, url);
    const queue = await queueHealth(url);
    const problems: string[] = [];
    if (status.migrations.pending.length) problems.push(`pending migrations: ${status.migrations.pending.join(", ")} (run: spendsense db migrate)`);
    if (status.migrations.modified.length) problems.push(`applied migrations changed on disk: ${status.migrations.modified.join(", ")}`);
    if (writable !== true) problems.push(writable);
    return { ...status, ok: problems.length === 0, database: { dialect, reachable: true, latency_ms: latency }, queue, writable: writable === true, latest_run: latest, problems };
  } catch (err) {
    const queue = await queueHealth(url).catch(() => ({ used: false as const, note: "unknown: the database is unreachable" }));
    return {
      url: redactUrl(url),
      database: { dialect, reachable: false, latency_ms: null },
      migrations: { applied: [], pending: [], modified: [] },
      counts: null,
      queue,
      ok: false,
      writable: null,
      latest_run: null,
      problems: [`database unreachable: ${redactUrl((err as Error).message)}`],
    };
  }
}

/** Never print credentials that may sit in a database URL. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, "//$1:***@").replace(/(authToken=)[^&]+/i, "$1***");
}

type OnProcessDb<T> = { [K in keyof T]: T[K] extends (db: Db, ...rest: infer A) => infer R ? (...rest: A) => R : never };

/**
 * A service's use cases bound to the process's own database (opened on first call), so the
 * staff pages' server actions call them without holding a database handle; tests and the CLI
 * call the unbound functions with the database they choose.
 */
export function onProcessDb<T extends Record<string, (db: Db, ...rest: never[]) => unknown>>(fns: T): OnProcessDb<T> {
  const bound: Record<string, (...rest: never[]) => unknown> = {};
  for (const [name, fn] of Object.entries(fns)) bound[name] = (...rest: never[]) => fn(prisma(), ...rest);
  return bound as OnProcessDb<T>;
}
