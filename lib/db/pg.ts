// The raw-SQL client for PostgreSQL: the same `Sql` interface the SQLite client has (libsql's
// `Client`), over a `pg` pool, so query modules are written once.
// - SQL is written with `?` placeholders; they become `$1, $2, …` here (outside strings,
//   quoted names and comments).
// - Values come back as SQLite hands them back, so callers read one shape whatever the database:
//   booleans as 1/0, counts and sums (int8, numeric) as numbers, timestamps as ISO-8601 strings
//   (UTC), dates and JSON as their text.
// - A "write" transaction takes one transaction-scoped advisory lock, so writes are serialised
//   across every process exactly as SQLite's single write lock serialises them: code written
//   against SQLite's guarantees (read, decide, write, in one transaction) stays correct.
//   "deferred" and "read" transactions take no lock. Like a write on SQLite, it waits for the
//   lock up to `busyTimeoutMs()` (the transaction's lock_timeout), then fails with DatabaseBusyError.
import type { Client, InArgs, InStatement, InValue, ResultSet, Row, Transaction, TransactionMode } from "@libsql/client";
import pg from "pg";
import { busyTimeoutMs, DatabaseBusyError } from "./busy";

/** The advisory-lock key every write transaction takes (any fixed 64-bit number). */
export const WRITE_LOCK_KEY = 7_301_994_120;

/** Run first in a write transaction: how long it may wait for the write lock (SQLite's busy timeout). */
export const lockTimeoutSql = () => `SET LOCAL lock_timeout = ${Math.max(1, Math.round(busyTimeoutMs()))}`;

/** PostgreSQL's "lock not available" (a lock_timeout ran out). */
export const isLockTimeout = (err: unknown) => (err as { code?: unknown } | null)?.code === "55P03";

const TYPES = {
  BOOL: 16,
  INT8: 20,
  JSON: 114,
  DATE: 1082,
  TIMESTAMP: 1114,
  TIMESTAMPTZ: 1184,
  NUMERIC: 1700,
  JSONB: 3802,
} as const;

const asIso = (v: string, zone: "" | "Z") => new Date(`${v.replace(" ", "T")}${zone}`).toISOString();

/** pg's parsers, made to return what SQLite returns for the same column. */
export const sqliteLikeTypes: pg.CustomTypesConfig = {
  getTypeParser(oid: number, format?: string) {
    switch (oid) {
      case TYPES.BOOL:
        return (v: string) => (v === "t" ? 1 : 0);
      case TYPES.INT8:
      case TYPES.NUMERIC:
        return (v: string) => Number(v);
      case TYPES.TIMESTAMP:
        return (v: string) => asIso(v, "Z");
      case TYPES.TIMESTAMPTZ:
        return (v: string) => new Date(v).toISOString();
      case TYPES.DATE:
      case TYPES.JSON:
      case TYPES.JSONB:
        return (v: string) => v;
      default:
        return pg.types.getTypeParser(oid, format as "text");
    }
  },
};

const cache = new Map<string, string>();

/** `?` placeholders → `$n`, leaving string literals, quoted identifiers and comments alone. */
export function numberPlaceholders(sql: string): string {
  const hit = cache.get(sql);
  if (hit !== undefined) return hit;
  let out = "";
  let n = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      const stop = end < 0 ? sql.length : end;
      out += sql.slice(i, stop + 1);
      i = stop;
    } else if (c === "-" && sql[i + 1] === "-") {
      const end = sql.indexOf("\n", i);
      const stop = end < 0 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === "?") {
      out += `$${++n}`;
    } else {
      out += c;
    }
  }
  if (cache.size > 5000) cache.clear();
  cache.set(sql, out);
  return out;
}

function bindable(v: InValue): unknown {
  if (typeof v === "bigint") return v.toString();
  if (v instanceof ArrayBuffer) return Buffer.from(v);
  return v;
}

function toQuery(stmt: InStatement): { text: string; values: unknown[] } {
  if (typeof stmt === "string") return { text: numberPlaceholders(stmt), values: [] };
  const args: InArgs = stmt.args ?? [];
  if (!Array.isArray(args)) throw new Error("Named SQL arguments are not supported; use ? placeholders");
  return { text: numberPlaceholders(stmt.sql), values: args.map(bindable) };
}

const CELL = Symbol("cell");

/**
 * Rows as libsql gives them: values by column name (enumerable, the first of a repeated name) and
 * by position (not enumerable: spreading or serialising a row gives its named values only). One
 * class per result set, positions read through its prototype: building a row costs one object,
 * not a property definition per cell (~10× faster on large results).
 */
function rowMaker(columns: string[]): (values: unknown[]) => Row {
  const named = columns.map((name, i) => columns.indexOf(name) === i);
  class PgRow {
    readonly #values: unknown[];
    constructor(values: unknown[]) {
      this.#values = values;
      const self = this as unknown as Record<string, unknown>;
      for (let i = 0; i < columns.length; i++) if (named[i]) self[columns[i]] = values[i];
    }
    [CELL](i: number): unknown {
      return this.#values[i];
    }
  }
  for (let i = 0; i < columns.length; i++) {
    Object.defineProperty(PgRow.prototype, i, {
      get(this: PgRow) {
        return this[CELL](i);
      },
    });
  }
  Object.defineProperty(PgRow.prototype, "length", { value: columns.length });
  return (values) => new PgRow(values) as unknown as Row;
}

function toResultSet(r: pg.QueryArrayResult): ResultSet {
  const columns = (r.fields ?? []).map((f) => f.name);
  const rows = (r.rows ?? []).map(rowMaker(columns));
  return {
    columns,
    columnTypes: columns.map(() => ""),
    rows,
    rowsAffected: r.command === "SELECT" ? 0 : (r.rowCount ?? 0),
    lastInsertRowid: undefined,
    toJSON: () => ({ columns, rows: rows.map((row) => columns.map((_, i) => row[i])), rowsAffected: r.rowCount ?? 0 }),
  };
}

type Queryable = pg.Pool | pg.PoolClient;

async function run(q: Queryable, stmt: InStatement): Promise<ResultSet> {
  const { text, values } = toQuery(stmt);
  const r = await q.query({ text, values, rowMode: "array", types: sqliteLikeTypes });
  // A multi-statement string (no arguments) yields one result per statement: keep the last.
  return toResultSet((Array.isArray(r) ? r[r.length - 1] : r) as pg.QueryArrayResult);
}

class PgTransaction implements Transaction {
  readonly dialect = "postgres";
  private done = false;

  constructor(private readonly client: pg.PoolClient) {}

  get closed(): boolean {
    return this.done;
  }

  private live(): pg.PoolClient {
    if (this.done) throw Object.assign(new Error("The transaction is closed"), { code: "TRANSACTION_CLOSED" });
    return this.client;
  }

  execute(stmt: InStatement): Promise<ResultSet> {
    return run(this.live(), stmt);
  }

  async batch(stmts: InStatement[]): Promise<ResultSet[]> {
    const out: ResultSet[] = [];
    for (const s of stmts) out.push(await run(this.live(), s));
    return out;
  }

  async executeMultiple(sql: string): Promise<void> {
    await this.live().query(sql);
  }

  async commit(): Promise<void> {
    try {
      await this.live().query("COMMIT");
    } catch (err) {
      await this.client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      this.close();
    }
  }

  async rollback(): Promise<void> {
    if (this.done) return;
    try {
      await this.client.query("ROLLBACK");
    } finally {
      this.close();
    }
  }

  /** The connection this transaction runs on, while it is open: for the COPY protocol only (see pgConnection). */
  connection(): pg.PoolClient {
    return this.live();
  }

  /** Ends the transaction (rolled back unless committed) and returns the connection. Idempotent. */
  close(): void {
    if (this.done) return;
    this.done = true;
    // A connection still inside a transaction is rolled back before anyone else gets it.
    void this.client
      .query("ROLLBACK")
      .catch(() => undefined)
      .finally(() => this.client.release());
  }
}

/**
 * The pg connection of an open PostgreSQL transaction, so work the `Sql` interface cannot express
 * (streaming `COPY … FROM STDIN`, lib/db/pg-copy.ts) runs inside that same transaction; null for any
 * other handle (a SQLite transaction, a client). Throws once the transaction is closed.
 */
export function pgConnection(tx: object): pg.PoolClient | null {
  return tx instanceof PgTransaction ? tx.connection() : null;
}

/** The `Sql` client over PostgreSQL (see the top of this file). */
export class PgSqlClient implements Client {
  closed = false;
  readonly dialect = "postgres";
  readonly protocol = "postgres";
  readonly pool: pg.Pool;

  constructor(url: string, max = Number(process.env.SPENDSENSE_PG_POOL ?? 5)) {
    this.pool = new pg.Pool({ connectionString: url, max, allowExitOnIdle: true });
    // An idle connection the server dropped must not crash the process.
    this.pool.on("error", () => undefined);
  }

  execute(stmt: InStatement): Promise<ResultSet> {
    return run(this.pool, stmt);
  }

  async transaction(mode: TransactionMode = "write"): Promise<Transaction> {
    const client = await this.pool.connect();
    try {
      await client.query(mode === "read" ? "BEGIN READ ONLY" : "BEGIN");
      if (mode === "write") {
        await client.query(lockTimeoutSql());
        await client.query("SELECT pg_advisory_xact_lock($1)", [WRITE_LOCK_KEY]);
      }
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      client.release();
      throw isLockTimeout(err) ? new DatabaseBusyError(busyTimeoutMs()) : err;
    }
    return new PgTransaction(client);
  }

  async batch(stmts: InStatement[], mode: TransactionMode = "deferred"): Promise<ResultSet[]> {
    return batchInTransaction(this, stmts, mode);
  }

  async executeMultiple(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async sync(): Promise<void> {}

  close(): void {
    if (this.closed) return;
    this.closed = true;
    void this.pool.end().catch(() => undefined);
  }
}

/** Runs `stmts` in one transaction of `mode` on `client`: committed together or not at all. */
export async function batchInTransaction(client: Pick<Client, "transaction">, stmts: InStatement[], mode: TransactionMode): Promise<ResultSet[]> {
  const tx = await client.transaction(mode);
  try {
    const out = await tx.batch(stmts);
    await tx.commit();
    return out;
  } finally {
    tx.close();
  }
}
