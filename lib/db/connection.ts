// Every SQLite connection of the app — raw (`openSql`) and Prisma's adapter alike — is this one
// client, so they all behave the same under contention:
// - each connection is configured on open (WAL, a busy timeout, foreign keys). libsql's own
//   client silently opens a fresh, unconfigured connection after every `transaction()`; this one
//   never hands its connection away: a transaction gets a connection of its own, configured too.
// - a write waits for SQLite's one write lock up to `busyTimeoutMs()` (5 s), then fails with
//   DatabaseBusyError. libsql waits synchronously, freezing the event loop, so the native busy
//   timeout is a short slice and the rest of the wait is asynchronous (other requests go on).
//   Writers of this process queue on an in-process gate first, so they never spin against each other.
// - transactions are BEGIN IMMEDIATE (Prisma asks for DEFERRED): the lock is taken — and waited
//   for — up front, where giving up is clean, never halfway through.
// - a statement that failed (SQLite leaves a statement that hit SQLITE_BUSY "in progress" until it
//   is finalised) never stays on a connection: the connection is closed and replaced. A failed
//   COMMIT is rolled back; every transaction's connection is closed when it ends. This is what
//   used to wedge the server: a BUSY statement left on Prisma's connection made the next
//   transaction's COMMIT fail ("SQL statements in progress"), and that transaction, never rolled
//   back, kept the write lock until the process was restarted.
import { createClient, type Client, type InStatement, type ResultSet, type Transaction, type TransactionMode } from "@libsql/client";
import { busyTimeoutMs, DatabaseBusyError, isDatabaseBusy } from "./busy";
import { isPostgresUrl } from "./dialect";
import { batchInTransaction, PgSqlClient } from "./pg";
import { processSingleton } from "./process-singleton";
import { databaseFilePath, ensureDatabaseDir } from "./url";

/** How long one native attempt may block the event loop waiting for a lock (ms). */
const NATIVE_BUSY_SLICE_MS = 10;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Writers of this process, one at a time per database (FIFO), waiting asynchronously. */
class WriteGate {
  private held = false;
  private waiters: Array<() => void> = [];

  async acquire(deadline: number, timeoutMs: number): Promise<() => void> {
    if (this.held) {
      await new Promise<void>((resolve, reject) => {
        const wake = () => (clearTimeout(timer), resolve());
        const timer = setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== wake);
          reject(new DatabaseBusyError(timeoutMs));
        }, Math.max(0, deadline - Date.now()));
        this.waiters.push(wake);
      });
    }
    this.held = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next();
      else this.held = false;
    };
  }
}

function gateFor(url: string): WriteGate {
  const map = processSingleton("sqlite-write-gates", () => new Map<string, WriteGate>());
  const key = databaseFilePath(url) ?? url;
  let g = map.get(key);
  if (!g) map.set(key, (g = new WriteGate()));
  return g;
}

/** A new libsql connection, configured. */
async function connect(url: string): Promise<Client> {
  const c = createClient({ url });
  try {
    if (url.startsWith("file:")) {
      await c.execute(`PRAGMA busy_timeout = ${NATIVE_BUSY_SLICE_MS}`);
      await retryBusy(Date.now() + busyTimeoutMs(), () => c.execute("PRAGMA journal_mode = WAL"));
    }
    await c.execute("PRAGMA foreign_keys = ON");
    return c;
  } catch (err) {
    c.close();
    throw err;
  }
}

/** Retries `fn` while it fails with SQLITE_BUSY, asynchronously, until `deadline`. */
async function retryBusy<T>(deadline: number, fn: () => Promise<T>, onBusy?: () => void): Promise<T> {
  for (let pause = 5; ; pause = Math.min(pause * 2, 50)) {
    try {
      return await fn();
    } catch (err) {
      if (!isDatabaseBusy(err) || err instanceof DatabaseBusyError) throw err;
      onBusy?.();
      if (Date.now() + pause >= deadline) throw new DatabaseBusyError(busyTimeoutMs());
      await sleep(pause);
    }
  }
}

const sqlOf = (stmt: InStatement) => (typeof stmt === "string" ? stmt : stmt.sql);
/** Reads need no write lock (WAL). Anything unsure counts as a write and queues. */
const isRead = (stmt: InStatement) => /^\s*(SELECT|PRAGMA|EXPLAIN)\b/i.test(sqlOf(stmt));

/**
 * libsql's transaction on a connection of its own, ended for good whatever happens: a failed
 * COMMIT is rolled back, and the write gate is released exactly once.
 */
class SpendSenseTransaction implements Transaction {
  readonly dialect = "sqlite";
  private done = false;

  constructor(
    private readonly tx: Transaction,
    private readonly release: () => void,
  ) {}

  get closed(): boolean {
    return this.done || this.tx.closed;
  }

  execute(stmt: InStatement): Promise<ResultSet> {
    return this.tx.execute(stmt);
  }

  batch(stmts: InStatement[]): Promise<ResultSet[]> {
    return this.tx.batch(stmts);
  }

  executeMultiple(sql: string): Promise<void> {
    return this.tx.executeMultiple(sql);
  }

  async commit(): Promise<void> {
    try {
      await this.tx.commit();
    } catch (err) {
      // A COMMIT that failed leaves the transaction open, holding the lock: end it here.
      await this.tx.rollback().catch(() => undefined);
      throw err;
    } finally {
      this.close();
    }
  }

  async rollback(): Promise<void> {
    if (this.done) return;
    try {
      if (!this.tx.closed) await this.tx.rollback();
    } finally {
      this.close();
    }
  }

  /** Ends the transaction (rolled back unless committed) and frees the gate. Idempotent. */
  close(): void {
    if (this.done) return;
    this.done = true;
    try {
      this.tx.close();
    } finally {
      this.release();
    }
  }
}

/** A libsql `Client` whose every connection is configured and never left stuck (see above). */
export class SpendSenseClient implements Client {
  closed = false;
  readonly dialect = "sqlite";
  readonly protocol = "file";
  private base: Promise<Client> | null = null;

  constructor(private readonly url: string) {
    ensureDatabaseDir(url);
  }

  private connection(): Promise<Client> {
    if (this.closed) throw Object.assign(new Error("The client is closed"), { code: "CLIENT_CLOSED" });
    if (!this.base) {
      const opening = connect(this.url);
      opening.catch(() => {
        if (this.base === opening) this.base = null;
      });
      this.base = opening;
    }
    return this.base;
  }

  /** After a failed statement: close the connection (it may hold the statement) and open another next time. */
  private discard(conn: Client): void {
    if (this.base) {
      void this.base.then((c) => c === conn && c.close(), () => undefined);
    }
    this.base = null;
  }

  async execute(stmt: InStatement): Promise<ResultSet> {
    const timeout = busyTimeoutMs();
    const deadline = Date.now() + timeout;
    const release = isRead(stmt) ? null : await gateFor(this.url).acquire(deadline, timeout);
    try {
      return await retryBusy(deadline, async () => {
        const conn = await this.connection();
        try {
          return await conn.execute(stmt);
        } catch (err) {
          this.discard(conn);
          throw err;
        }
      });
    } finally {
      release?.();
    }
  }

  async transaction(mode: TransactionMode = "write"): Promise<Transaction> {
    if (this.closed) throw Object.assign(new Error("The client is closed"), { code: "CLIENT_CLOSED" });
    const timeout = busyTimeoutMs();
    const deadline = Date.now() + timeout;
    const release = mode === "read" ? () => undefined : await gateFor(this.url).acquire(deadline, timeout);
    try {
      const tx = await retryBusy(deadline, async () => {
        // libsql hands the connection to the transaction (the throwaway client keeps nothing).
        const c = await connect(this.url);
        try {
          return await c.transaction(mode === "read" ? "read" : "write");
        } catch (err) {
          c.close();
          throw err;
        }
      });
      return new SpendSenseTransaction(tx, release);
    } catch (err) {
      release();
      throw err;
    }
  }

  async batch(stmts: InStatement[], mode: TransactionMode = "deferred"): Promise<ResultSet[]> {
    return batchInTransaction(this, stmts, mode);
  }

  async executeMultiple(sql: string): Promise<void> {
    const timeout = busyTimeoutMs();
    const release = await gateFor(this.url).acquire(Date.now() + timeout, timeout);
    try {
      const conn = await this.connection();
      try {
        await conn.executeMultiple(sql);
      } catch (err) {
        this.discard(conn);
        throw err;
      }
    } finally {
      release();
    }
  }

  async sync(): Promise<void> {}

  close(): void {
    this.closed = true;
    const base = this.base;
    this.base = null;
    void base?.then((c) => c.close(), () => undefined);
  }
}

/**
 * The client for `url`: PostgreSQL gets PgSqlClient (./pg), SQLite files get SpendSenseClient; a libSQL server (`libsql://`, `http(s)://`)
 * keeps libsql's own client, whose transactions and lock waits happen on the server.
 */
export function openClient(url: string): Client {
  if (isPostgresUrl(url)) return new PgSqlClient(url);
  return url.startsWith("file:") ? new SpendSenseClient(url) : createClient({ url });
}
