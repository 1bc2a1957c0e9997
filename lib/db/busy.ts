// "The database is busy": another connection (often another process — a CLI ingest or run, or a
// `BEGIN IMMEDIATE` from any client) holds SQLite's one write lock for longer than a write may
// wait. One error for it, recognised in one place, whichever layer reported it: our connections,
// libsql, or Prisma's adapter (which reports SQLITE_BUSY as its "Operation has timed out", P1008).
// PostgreSQL's equivalents are recognised here too: a lock wait that timed out (55P03), a
// serialization failure (40001), a deadlock (40P01) and too many connections (53300) — each
// leaves nothing written and is worth retrying. lib/errors.ts's table maps the one error to
// 503 + Retry-After (API), a notice (staff pages) and exit 1 with its message (CLI).
import { DomainError } from "../errors";

const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;

/** How long a write waits for the lock before it gives up (ms); SPENDSENSE_DB_BUSY_TIMEOUT_MS overrides. */
export function busyTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.SPENDSENSE_DB_BUSY_TIMEOUT_MS);
  return Number.isFinite(v) && v > 0 ? v : 5000;
}

/** PostgreSQL's SQLSTATEs for "busy": lock_not_available, serialization_failure, deadlock_detected, too_many_connections. */
export const POSTGRES_BUSY_CODES: ReadonlySet<string> = new Set(["55P03", "40001", "40P01", "53300"]);
/** What Prisma's pg adapter turns two of them into: a write conflict or deadlock (40001), too many connections (53300). */
const PRISMA_BUSY_CODES: ReadonlySet<string> = new Set(["P2034", "P2037"]);

export class DatabaseBusyError extends DomainError {
  /** SQLite's own code, so a driver adapter that maps SQLite errors reports it as a lock timeout too. */
  readonly rawCode = SQLITE_BUSY;
  declare readonly retryAfterSeconds: number;

  constructor(waitedMs: number, retryAfterSeconds = 2) {
    super(
      "database_busy",
      `the database is busy: another process (an ingest or engine run?) held the write lock for over ${(waitedMs / 1000).toFixed(1)} s; nothing was written, try again in a few seconds`,
      { retryAfterSeconds, publicMessage: `The database is busy with another write (an ingest or engine run); nothing was changed. Try again in ${retryAfterSeconds} s.` },
    );
  }
}

/** A SQLite result code (a number, or an adapter's numeric string); a PostgreSQL SQLSTATE is five characters and never one. */
function busyCode(code: unknown): boolean {
  if (typeof code === "string") return /^\d{1,4}$/.test(code) && busyCode(Number(code));
  return typeof code === "number" && ((code & 0xff) === SQLITE_BUSY || (code & 0xff) === SQLITE_LOCKED);
}

/** Whether `err` (or what it wraps) says the write lock could not be had in time. */
export function isDatabaseBusy(err: unknown): boolean {
  for (let e = err as Record<string, unknown> | null | undefined, depth = 0; e && typeof e === "object" && depth < 5; e = e.cause as Record<string, unknown>, depth++) {
    if (e instanceof DatabaseBusyError) return true;
    if (typeof e.code === "string" && (e.code.startsWith("SQLITE_BUSY") || e.code.startsWith("SQLITE_LOCKED"))) return true;
    if (busyCode(e.rawCode)) return true;
    // PostgreSQL, raw (pg's DatabaseError) or as a driver adapter's cause (`originalCode`).
    if (POSTGRES_BUSY_CODES.has(String(e.code)) || POSTGRES_BUSY_CODES.has(String(e.originalCode))) return true;
    // Prisma: the adapter's SQLITE_BUSY surfaces as P1008 "Operation has timed out"; PostgreSQL's as P2034/P2037 or its own code.
    const adapter = (e.meta as { driverAdapterError?: { cause?: { kind?: string; originalCode?: string } } } | undefined)?.driverAdapterError?.cause;
    if (e.code === "P1008" || PRISMA_BUSY_CODES.has(String(e.code)) || adapter?.kind === "SocketTimeout") return true;
    if (busyCode(adapter?.originalCode) || POSTGRES_BUSY_CODES.has(String(adapter?.originalCode))) return true;
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
