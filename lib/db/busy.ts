// "The database is busy": another connection (often another process — a CLI ingest or run, or a
// `BEGIN IMMEDIATE` from any client) holds SQLite's one write lock for longer than a write may
// wait. One error for it, recognised in one place, whichever layer reported it: our connections,
// libsql, or Prisma's adapter (which reports SQLITE_BUSY as its "Operation has timed out", P1008).
// Callers map it to 503 + Retry-After (API), a notice (staff pages) or a message (CLI).

const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;

/** How long a write waits for the lock before it gives up (ms); SPENDSENSE_DB_BUSY_TIMEOUT_MS overrides. */
export function busyTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.SPENDSENSE_DB_BUSY_TIMEOUT_MS);
  return Number.isFinite(v) && v > 0 ? v : 5000;
}

export class DatabaseBusyError extends Error {
  readonly code = "database_busy";
  /** SQLite's own code, so a driver adapter that maps SQLite errors reports it as a lock timeout too. */
  readonly rawCode = SQLITE_BUSY;
  /** When trying again is likely to work. */
  readonly retryAfterSeconds: number;

  constructor(waitedMs: number, retryAfterSeconds = 2) {
    super(`the database is busy: another process (an ingest or engine run?) held the write lock for over ${(waitedMs / 1000).toFixed(1)} s; nothing was written, try again in a few seconds`);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

function busyCode(code: unknown): boolean {
  return typeof code === "number" && ((code & 0xff) === SQLITE_BUSY || (code & 0xff) === SQLITE_LOCKED);
}

/** Whether `err` (or what it wraps) says the write lock could not be had in time. */
export function isDatabaseBusy(err: unknown): boolean {
  for (let e = err as Record<string, unknown> | null | undefined, depth = 0; e && typeof e === "object" && depth < 5; e = e.cause as Record<string, unknown>, depth++) {
    if (e instanceof DatabaseBusyError) return true;
    if (typeof e.code === "string" && (e.code.startsWith("SQLITE_BUSY") || e.code.startsWith("SQLITE_LOCKED"))) return true;
    if (busyCode(e.rawCode)) return true;
    // Prisma: the adapter's SQLITE_BUSY surfaces as P1008 "Operation has timed out".
    const adapter = (e.meta as { driverAdapterError?: { cause?: { kind?: string; originalCode?: string } } } | undefined)?.driverAdapterError?.cause;
    if (e.code === "P1008" || adapter?.kind === "SocketTimeout" || busyCode(Number(adapter?.originalCode))) return true;
    // PostgreSQL: a write transaction's wait for the write lock ran past its lock_timeout (lib/db/pg.ts).
    if (e.code === "55P03" || adapter?.originalCode === "55P03") return true;
    // Prisma: an interactive transaction that could not start within its wait (it queues for the lock).
    if (e.code === "P2028" && typeof e.message === "string" && e.message.includes("Unable to start a transaction in the given time")) return true;
  }
  return false;
}

/** The one "database busy" error for `err`, or null when it is something else. */
export function asDatabaseBusy(err: unknown): DatabaseBusyError | null {
  if (err instanceof DatabaseBusyError) return err;
  return isDatabaseBusy(err) ? new DatabaseBusyError(busyTimeoutMs()) : null;
}
