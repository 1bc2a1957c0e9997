// Database administration use cases shared by the CLI (`db`, `health`) and the app.
import fs from "node:fs";
import { asDatabaseBusy } from "../db/busy";
import { prisma, type Db } from "../db/client";
import { migrationStatus, type MigrationStatus } from "../db/migrate";
import { prepareDatabase } from "../db/prepare";
import { dialectOf, dialectOfUrl, listTablesSql, type Dialect } from "../db/dialect";
import { processSingleton } from "../db/process-singleton";
import { openSql, type Sql } from "../db/sql";
import { databaseFilePath, databaseUrl } from "../db/url";
import { noQueueNote, queueStats, type QueueStats } from "./queue-stats";
import { expireRuns } from "./run-lease";

/** Tables in the order a person reads them; row counts come from these. */
export const TABLES = [
  "customers",
  "consent_events",
  "generator_labels",
  "generator_events",
  "accounts",
  "transactions",
  "credit_liabilities",
  "credit_aprs",
  "mortgage_liabilities",
  "student_liabilities",
  "merchants",
  "merchant_aliases",
  "content_items",
  "engine_runs",
  "signal_snapshots",
  "persona_assignments",
  "decision_traces",
  "recommendations",
  "alerts",
  "alert_sightings",
  "persona_overrides",
  "feedback",
  "budgets",
  "budget_statuses",
  "transaction_category_changes",
  "audit_log",
  "staff_users",
  "api_keys",
  "eval_runs",
  "engine_run_chunks",
  "queue_workers",
] as const;

export type TableCounts = Record<(typeof TABLES)[number], number>;

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

export async function tableCounts(sql: Sql): Promise<TableCounts> {
  const rs = await sql.execute(TABLES.map((t) => `SELECT '${t}' AS t, COUNT(*) AS n FROM "${t}"`).join(" UNION ALL "));
  const counts = Object.fromEntries(TABLES.map((t) => [t, 0])) as TableCounts;
  for (const r of rs.rows) counts[String(r.t) as keyof TableCounts] = Number(r.n);
  return counts;
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
    await withSql(async (sql) => {
      const pg = dialectOf(sql) === "postgres";
      const rs = await sql.execute(listTablesSql(sql));
      const names = [...rs.rows.map((r) => String(r.name)), "_prisma_migrations"];
      if (!pg) await sql.execute("PRAGMA foreign_keys = OFF");
      for (const name of names) await sql.execute(`DROP TABLE IF EXISTS "${name}"${pg ? " CASCADE" : ""}`);
    }, url);
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
  /** Which database, whether it answered, and how long one round trip (`SELECT 1`) took. */
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
  const r = (await sql.execute("SELECT id, as_of, status, error FROM engine_runs ORDER BY id DESC LIMIT 1")).rows[0];
  return r ? { id: Number(r.id), as_of: String(r.as_of), status: String(r.status), error: r.error === null ? null : String(r.error) } : null;
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

/** One round trip, in milliseconds (to a tenth). */
async function roundTrip(sql: Sql): Promise<number> {
  const started = performance.now();
  await sql.execute("SELECT 1");
  return Math.round((performance.now() - started) * 10) / 10;
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
