// The one home of everything that differs between SQLite and PostgreSQL. Query modules write
// portable SQL (`?` placeholders, TRUE/FALSE, ON CONFLICT, COALESCE, CASE) and ask this module
// for the few pieces that cannot be portable: unpacking a JSON argument into rows, bulk inserts,
// the schema catalogue, index deferral, the migrations folder, constraint-error codes.
import path from "node:path";
import type { Client, InStatement, InValue, ResultSet, Transaction } from "@libsql/client";
import { numberPlaceholders } from "./pg";

export type Dialect = "sqlite" | "postgres";

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//i.test(url);

export const dialectOfUrl = (url: string): Dialect => (isPostgresUrl(url) ? "postgres" : "sqlite");

/** The dialect of a client or transaction (ours carry it; Prisma's name their provider; libsql's own are SQLite). */
export function dialectOf(handle: object): Dialect {
  const h = handle as { dialect?: Dialect; _activeProvider?: string };
  return h.dialect ?? (h._activeProvider === "postgresql" ? "postgres" : "sqlite");
}

type Handle = Dialect | object;
const d = (h: Handle): Dialect => (typeof h === "string" ? h : dialectOf(h));

/** The migrations folder for a dialect: prisma/migrations (SQLite), prisma/postgres/migrations. */
export function migrationsDir(h: Handle): string {
  return d(h) === "postgres" ? path.resolve(process.cwd(), "prisma", "postgres", "migrations") : path.resolve(process.cwd(), "prisma", "migrations");
}

/**
 * A table source over a JSON array bound as ONE argument (`?`), whose elements are `j.value`:
 * `FROM ${jsonRows(h)} JOIN … ON t.id = j.value`. Scalars come back as text in PostgreSQL.
 */
export function jsonRows(h: Handle, alias = "j"): string {
  return d(h) === "postgres" ? `json_array_elements_text(?::json) AS ${alias}(value)` : `json_each(?) AS ${alias}`;
}

/** The `i`-th element (as text) of a JSON array element of `jsonTuples` (`j.value`). */
export function jsonAt(h: Handle, i: number, alias = "j"): string {
  return d(h) === "postgres" ? `(${alias}.value->>${i})` : `json_extract(${alias}.value, '$[${i}]')`;
}

/** Like jsonRows, for an array of arrays: pick the cells with jsonAt. */
export function jsonTuples(h: Handle, alias = "j"): string {
  return d(h) === "postgres" ? `json_array_elements(?::json) AS ${alias}(value)` : `json_each(?) AS ${alias}`;
}

/** The text at `jsonPath` (SQLite JSON path, e.g. `$.a.b`) of a JSON text column or expression. */
export function jsonText(h: Handle, expr: string, jsonPath: string): string {
  if (d(h) === "sqlite") return `json_extract(${expr}, '${jsonPath}')`;
  const keys = jsonPath.replace(/^\$\.?/, "").split(".").filter(Boolean);
  return `((${expr})::json #>> '{${keys.join(",")}}')`;
}

/**
 * SQL written with `?` placeholders, as the handle's Prisma `$queryRawUnsafe` takes it: unchanged
 * on SQLite, `$1, $2, …` on PostgreSQL.
 */
export function prismaRawSql(h: Handle, sql: string): string {
  return d(h) === "postgres" ? numberPlaceholders(sql) : sql;
}

/**
 * A timestamp column or expression as epoch milliseconds (a number). PostgreSQL's are timestamps;
 * SQLite holds ISO text from raw writes or epoch milliseconds from Prisma, and this reads either.
 */
export function epochMs(h: Handle, expr: string): string {
  return d(h) === "postgres"
    ? `(EXTRACT(EPOCH FROM ${expr}) * 1000)`
    : `(CASE WHEN typeof(${expr}) IN ('integer', 'real') THEN ${expr} ELSE (julianday(${expr}) - 2440587.5) * 86400000.0 END)`;
}

const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * A text expression with A–Z folded to a–z and nothing else: SQLite's LOWER() (without ICU), and
 * the same on PostgreSQL (whose LOWER() also folds accented letters). Searches that compare
 * `asciiLower(column) LIKE ?` with a pattern folded by `asciiLowerText` match alike on both.
 */
export function asciiLower(h: Handle, expr: string): string {
  return d(h) === "postgres" ? `translate(${expr}, '${UPPER}', '${UPPER.toLowerCase()}')` : `LOWER(${expr})`;
}

/** `asciiLower` for a value in TypeScript (a search pattern). */
export const asciiLowerText = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * A text expression ordered byte by byte, as SQLite's BINARY collation orders it, whatever the
 * PostgreSQL database's default collation (a managed server's is often a locale's, which ignores case and punctuation).
 */
export function bytewise(h: Handle, expr: string): string {
  return d(h) === "postgres" ? `${expr} COLLATE "C"` : expr;
}

/**
 * A LIKE pattern matching `text` anywhere, with LIKE's own `%`, `_` and the escape `\` taken
 * literally; use it with `LIKE ? ESCAPE '\'` (both databases).
 */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Like jsonText, as a number (null when absent or not a number on SQLite; PostgreSQL refuses text that is not one). */
export function jsonNumber(h: Handle, expr: string, jsonPath: string): string {
  return d(h) === "postgres" ? `CAST(${jsonText(h, expr, jsonPath)} AS DOUBLE PRECISION)` : jsonText(h, expr, jsonPath);
}

/**
 * Bulk INSERT statements that each carry their rows as ONE JSON argument: binding one string
 * instead of thousands of values makes bulk writes ~1.4× faster through libsql, and PostgreSQL
 * fills the table's own row type from it (json_populate_recordset), converting each cell by the
 * column's type. `tail` may hold an ON CONFLICT clause.
 */
export function bulkInsert(h: Handle, table: string, columns: readonly string[], rows: readonly InValue[][], tail = "", rowsPerStatement = 2000): InStatement[] {
  const out: InStatement[] = [];
  const cols = columns.map((c) => `"${c}"`).join(",");
  const pg = d(h) === "postgres";
  // `WHERE true` lets SQLite parse an ON CONFLICT clause after INSERT … SELECT.
  const sql = pg
    ? `INSERT INTO "${table}" (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::"${table}", ?::json) WHERE true${tail ? ` ${tail}` : ""}`
    : `INSERT INTO "${table}" (${cols}) SELECT ${columns.map((_, i) => `json_extract(j.value, '$[${i}]')`).join(",")} FROM json_each(?) AS j WHERE true${tail ? ` ${tail}` : ""}`;
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const part = rows.slice(start, start + rowsPerStatement);
    const json = pg ? JSON.stringify(part.map((r) => Object.fromEntries(columns.map((c, i) => [c, jsonCell(r[i])])))) : JSON.stringify(part);
    out.push({ sql, args: [json] });
  }
  return out;
}

const jsonCell = (v: InValue | undefined) => (typeof v === "bigint" ? v.toString() : (v ?? null));

/** The names of the schema's own tables (no catalogue or migration-ledger tables), sorted. */
export function listTablesSql(h: Handle): string {
  return d(h) === "postgres"
    ? `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`
    : `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY 1`;
}

/** Statements that drop the named tables whatever references them (SQLite: foreign keys off first; PostgreSQL: CASCADE). */
export function dropTablesSql(h: Handle, names: readonly string[]): string[] {
  const pg = d(h) === "postgres";
  return [...(pg ? [] : ["PRAGMA foreign_keys = OFF"]), ...names.map((n) => `DROP TABLE IF EXISTS "${n}"${pg ? " CASCADE" : ""}`)];
}

/** A table's secondary (non-unique, droppable) indexes as `name, sql` (their CREATE statement). One `?`: the table. */
export function secondaryIndexesSql(h: Handle): string {
  return d(h) === "postgres"
    ? `SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ? AND indexdef NOT LIKE 'CREATE UNIQUE %' ORDER BY 1`
    : `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %' ORDER BY 1`;
}

/**
 * What a bulk append defers on PostgreSQL: the statements that drop `table`'s primary key, its own
 * foreign keys and those that reference it, and the statements that add them back (read from the
 * catalogue, so they never drift from the migrations). A key built once over a sorted table costs
 * a fraction of checking it row by row. Nothing on SQLite, whose keys belong to the table itself.
 */
export async function deferrableKeys(db: Executor, table: string): Promise<{ drop: string[]; restore: string[] }> {
  if (dialectOf(db) === "sqlite") return { drop: [], restore: [] };
  const rows = [...(await db.execute({
    sql: `SELECT k.conrelid::regclass::text AS tbl, k.conname AS name, pg_get_constraintdef(k.oid) AS def, k.contype AS kind, k.conrelid = to_regclass(?) AS own
            FROM pg_constraint k
           WHERE (k.conrelid = to_regclass(?) AND k.contype IN ('p', 'f')) OR (k.confrelid = to_regclass(?) AND k.contype = 'f')
           ORDER BY k.conname`,
    args: [table, table, table],
  })).rows];
  // Dropped referencing keys first and the primary key last; added back the other way round.
  const rank = (r: (typeof rows)[number]) => (r.kind === "p" ? 0 : r.own ? 1 : 2);
  const ordered = rows.sort((a, b) => rank(a) - rank(b));
  return {
    drop: [...ordered].reverse().map((r) => `ALTER TABLE ${r.tbl} DROP CONSTRAINT "${r.name}"`),
    restore: ordered.map((r) => `ALTER TABLE ${r.tbl} ADD CONSTRAINT "${r.name}" ${r.def}`),
  };
}

/**
 * Statements that refresh the planner's statistics of `tables` after a bulk load. PostgreSQL
 * plans from them: without, the first engine run after a large load read every customer's
 * transactions by a full scan until autovacuum caught up. SQLite plans from its indexes: none.
 */
export function analyzeSql(h: Handle, tables: readonly string[]): string[] {
  return d(h) === "postgres" ? [`ANALYZE ${tables.map((t) => `"${t}"`).join(", ")}`] : [];
}

/** Does a table exist? One `?` argument: the table name. */
export function tableExistsSql(h: Handle): string {
  return d(h) === "postgres"
    ? `SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?`
    : `SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`;
}

/** The migrations ledger: Prisma's own `_prisma_migrations` table, in the dialect's types. */
export function ledgerSql(h: Handle): string {
  const time = d(h) === "postgres" ? "TIMESTAMPTZ" : "DATETIME";
  const count = d(h) === "postgres" ? "INTEGER" : "INTEGER UNSIGNED";
  return `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" ${time},
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" ${time},
  "started_at" ${time} NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" ${count} NOT NULL DEFAULT 0
)`;
}

const codeOf = (err: unknown): string => {
  const e = err as { code?: unknown; cause?: { code?: unknown; originalCode?: unknown }; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  return String(e?.code ?? e?.cause?.originalCode ?? e?.cause?.code ?? "");
};

/** A unique or primary-key clash, from either database, raw or through Prisma. */
export function isUniqueViolation(err: unknown): boolean {
  const code = codeOf(err);
  if (code === "P2002" || code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") return true;
  // Prisma's raw queries (P2010) carry the driver adapter's own verdict.
  return (err as { meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } } | null)?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}

/**
 * A key that PostgreSQL refused to build or check over stored rows (deferrableKeys' restore): the
 * column and value its error names, and whether the value was repeated or referenced nothing.
 */
export function refusedKey(err: unknown): { column: string; value: string; problem: "repeated" | "unknown" } | null {
  const code = codeOf(err);
  const m = /^Key \(([^)]+)\)=\((.*)\) is (duplicated|not present)/.exec(String((err as { detail?: unknown } | null)?.detail ?? ""));
  if (!m || (code !== "23505" && code !== "23503")) return null;
  return { column: m[1], value: m[2], problem: m[3] === "duplicated" ? "repeated" : "unknown" };
}

type Executor = { execute(stmt: InStatement): Promise<ResultSet> };

/** A table's shape from the schema catalogue: its columns (in order), primary key and foreign keys. */
export interface TableShape {
  columns: string[];
  pk: string[];
  fks: Array<{ table: string; from: string; to: string }>;
}

export async function tableShape(db: Executor, table: string): Promise<TableShape> {
  if (dialectOf(db) === "sqlite") {
    const cols = [...(await db.execute(`PRAGMA table_info("${table}")`)).rows];
    const fks = [...(await db.execute(`PRAGMA foreign_key_list("${table}")`)).rows];
    return {
      columns: cols.map((c) => String(c.name)),
      pk: cols.filter((c) => Number(c.pk) > 0).sort((a, b) => Number(a.pk) - Number(b.pk)).map((c) => String(c.name)),
      fks: fks.map((f) => ({ table: String(f.table), from: String(f.from), to: String(f.to) })),
    };
  }
  const cols = [...(await db.execute({ sql: `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`, args: [table] })).rows];
  // pg_constraint keeps each key's columns in order (conkey/confkey), which information_schema does not pair up.
  const keys = [...(await db.execute({
    sql: `SELECT k.contype AS kind, f.relname AS ref, a.attname AS col, fa.attname AS refcol
            FROM pg_constraint k
            JOIN pg_class t ON t.oid = k.conrelid AND t.relnamespace = to_regnamespace(current_schema())
            CROSS JOIN LATERAL unnest(k.conkey, COALESCE(k.confkey, k.conkey)) WITH ORDINALITY AS u(attnum, refattnum, n)
            JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
            LEFT JOIN pg_class f ON f.oid = k.confrelid
            LEFT JOIN pg_attribute fa ON fa.attrelid = k.confrelid AND fa.attnum = u.refattnum
           WHERE t.relname = ? AND k.contype IN ('p', 'f')
           ORDER BY k.conname, u.n`,
    args: [table],
  })).rows];
  return {
    columns: cols.map((c) => String(c.name)),
    pk: keys.filter((k) => k.kind === "p").map((k) => String(k.col)),
    fks: keys.filter((k) => k.kind === "f").map((k) => ({ table: String(k.ref), from: String(k.col), to: String(k.refcol) })),
  };
}

/** An expression naming a row's physical position (`rowid`; PostgreSQL's `ctid`), as text. Stable within one transaction only. */
export function rowIdSql(h: Handle): string {
  return d(h) === "postgres" ? "ctid::text" : "CAST(rowid AS TEXT)";
}

/**
 * The query plan the database picks for `stmt`, as one line of text. PostgreSQL's planner prefers
 * a sequential scan on a small table whatever its indexes, so it is asked with sequential scans
 * discouraged (enable_seqscan off, in a read transaction of its own): the plan then shows whether
 * an index can serve the query at all, which is what SQLite's EXPLAIN QUERY PLAN shows.
 */
export async function queryPlan(db: Client, stmt: { sql: string; args?: InValue[] }): Promise<string> {
  if (dialectOf(db) === "sqlite") return (await db.execute({ sql: `EXPLAIN QUERY PLAN ${stmt.sql}`, args: stmt.args ?? [] })).rows.map((r) => String(r.detail)).join(" ");
  const tx = await db.transaction("read");
  try {
    await tx.execute("SET LOCAL enable_seqscan = off");
    return (await tx.execute({ sql: `EXPLAIN ${stmt.sql}`, args: stmt.args ?? [] })).rows.map((r) => String(r[0])).join(" ");
  } finally {
    tx.close();
  }
}

/** Does a plan from queryPlan read through `index`? */
export const planUsesIndex = (plan: string, index: string) => new RegExp(`(USING (COVERING )?INDEX|Index (Only )?Scan using|Bitmap Index Scan on) ${index}\\b`).test(plan);

/** Rows for one table, written by writeRows (`tail`: an ON CONFLICT clause, as for bulkInsert). */
export interface BulkRows {
  table: string;
  columns: readonly string[];
  rows: readonly InValue[][];
  tail?: string;
  /** Rows per JSON-argument statement when written as statements (bulkInsert's default otherwise). */
  rowsPerStatement?: number;
  /**
   * None of these rows' keys is stored (a bulk append, write-batch's beginBulkLoad): they are
   * written as they are, without `tail`, straight into the table (PostgreSQL: COPY, no staging).
   */
  append?: boolean;
}

const isBulk = (x: InStatement | BulkRows): x is BulkRows => typeof x === "object" && "table" in x;

/** Below this many rows a COPY (staging table, stream, move) costs more than one JSON-argument INSERT. */
export const COPY_MIN_ROWS = 1000;
/** The same for rows copied straight into their table (no staging, no ON CONFLICT). */
const DIRECT_COPY_MIN_ROWS = 100;

/**
 * Runs statements and bulk rows in order on an open write transaction. SQLite: one batch of
 * JSON-argument inserts (bulkInsert). PostgreSQL: rows without an ON CONFLICT clause stream
 * through `COPY … FROM STDIN` straight into their table (from DIRECT_COPY_MIN_ROWS); upserts of
 * COPY_MIN_ROWS or more stream into a staging table and move with their ON CONFLICT clause
 * (lib/db/pg-copy.ts); the rest run as statements. Either way it is all inside `tx`.
 */
export async function writeRows(tx: Transaction, items: ReadonlyArray<InStatement | BulkRows>): Promise<void> {
  /** The ON CONFLICT clause the rows are written with: none for an append. */
  const tailOf = (b: BulkRows) => (b.append ? "" : (b.tail ?? ""));
  const asStatements = (b: BulkRows) => bulkInsert(tx, b.table, b.columns, b.rows, tailOf(b), b.rowsPerStatement);
  if (d(tx) === "sqlite") {
    const stmts = items.flatMap((i) => (isBulk(i) ? asStatements(i) : [i]));
    if (stmts.length) await tx.batch(stmts);
    return;
  }
  const { copyRows } = await import("./pg-copy");
  let pending: InStatement[] = [];
  for (const item of items) {
    // Rows written as they are (no ON CONFLICT) stream straight into the table: worth it from a few
    // hundred; an upsert goes through a staging table, worth it from COPY_MIN_ROWS.
    if (isBulk(item) && item.rows.length >= (tailOf(item) ? COPY_MIN_ROWS : DIRECT_COPY_MIN_ROWS)) {
      if (pending.length) await tx.batch(pending);
      pending = [];
      await copyRows(tx, item.table, item.columns, item.rows, tailOf(item));
    } else {
      for (const s of isBulk(item) ? asStatements(item) : [item]) pending.push(s);
    }
  }
  if (pending.length) await tx.batch(pending);
}

/**
 * Many rows of scalar `cells`, read the fastest way each database allows, in `orderBy` order:
 * SQLite packs them into ONE JSON array (parsing it is ~4× faster than libsql building a row
 * object per row; `from` must then yield its rows in order, e.g. an ordered subquery); PostgreSQL
 * sends plain rows (its JSON building costs more than the rows themselves). Booleans come back as 1/0.
 */
export async function packedRows(db: Executor, q: { cells: readonly string[]; from: string; orderBy: string; args: InValue[] }): Promise<Array<ArrayLike<unknown>>> {
  if (dialectOf(db) === "postgres") return (await db.execute({ sql: `SELECT ${q.cells.join(", ")} FROM ${q.from} ORDER BY ${q.orderBy}`, args: q.args })).rows;
  const rs = await db.execute({ sql: `SELECT json_group_array(json_array(${q.cells.join(", ")})) AS rows FROM ${q.from}`, args: q.args });
  return JSON.parse(String(rs.rows[0].rows)) as unknown[][];
}

/**
 * An aggregate: the group's rows as ONE JSON array of arrays (`cells` per row), `[]` when empty.
 * Reading one JSON document is ~4× faster through libsql than a row object per row. Row order:
 * SQLite keeps its FROM subquery's order; PostgreSQL is given `orderBy` (the same columns).
 * Booleans come back as true/false on PostgreSQL: select them as `CASE WHEN x THEN 1 ELSE 0 END`.
 */
export function jsonArrayAgg(h: Handle, cells: readonly string[], orderBy = ""): string {
  return d(h) === "postgres"
    ? `COALESCE(json_agg(json_build_array(${cells.join(", ")})${orderBy ? ` ORDER BY ${orderBy}` : ""}), '[]'::json)`
    : `json_group_array(json_array(${cells.join(", ")}))`;
}

/** An aggregate: the group as ONE JSON object `key → value`, `{}` when empty. */
export function jsonObjectAgg(h: Handle, key: string, value: string): string {
  return d(h) === "postgres" ? `COALESCE(json_object_agg(${key}, ${value}), '{}'::json)` : `json_group_object(${key}, ${value})`;
}

/** A text column holding JSON, embedded as JSON (not as a string) in jsonArrayAgg / jsonObjectAgg. */
export function jsonValue(h: Handle, expr: string): string {
  return d(h) === "postgres" ? `(${expr})::json` : `json(${expr})`;
}

/** The larger of two values: SQLite's two-argument MAX, PostgreSQL's GREATEST. */
export function greatest(h: Handle, a: string, b: string): string {
  return d(h) === "postgres" ? `GREATEST(${a}, ${b})` : `MAX(${a}, ${b})`;
}

/**
 * `n` fresh values of a table's autoincrement `id`, for rows inserted with explicit ids (so other
 * rows can point to them in the same batch). On an open write transaction: SQLite counts on from
 * the largest id under its write lock; PostgreSQL draws them from the column's sequence, so later
 * inserts that let the database choose never clash with them.
 */
export async function reserveIds(tx: { execute(stmt: InStatement): Promise<{ rows: ArrayLike<Record<string, unknown>> }> }, table: string, n: number): Promise<number[]> {
  if (n <= 0) return [];
  if (d(tx) === "postgres") {
    const rs = await tx.execute({ sql: `SELECT nextval(pg_get_serial_sequence(?, 'id')) AS id FROM generate_series(1, ?) ORDER BY 1`, args: [`"${table}"`, n] });
    return Array.from(rs.rows, (r) => Number(r.id));
  }
  const rs = await tx.execute(`SELECT COALESCE(MAX(id), 0) AS id FROM "${table}"`);
  const first = Number(rs.rows[0].id) + 1;
  return Array.from({ length: n }, (_, i) => first + i);
}

/**
 * A stored timestamp as read back (raw SQL), as ISO-8601 UTC: PostgreSQL's come back as ISO text;
 * SQLite holds ISO text from raw writes, epoch milliseconds from Prisma, or "YYYY-MM-DD HH:MM:SS"
 * (UTC) from its own CURRENT_TIMESTAMP default. Null stays null.
 */
export function storedTimeIso(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "bigint" || /^\d+$/.test(String(v))) return new Date(Number(v)).toISOString();
  const s = String(v);
  return new Date(s.includes("T") ? s : `${s.replace(" ", "T")}Z`).toISOString();
}

/**
 * The transaction mode for writes that may run beside each other: PostgreSQL's row locks and
 * unique keys keep them apart (engine chunks of distinct customers), so they skip the one write
 * lock ("deferred"); SQLite has a single writer anyway ("write").
 */
export function parallelWriteMode(h: Handle): "deferred" | "write" {
  return d(h) === "postgres" ? "deferred" : "write";
}

/** Appended to a SELECT inside such a transaction: holds the rows read until it ends (PostgreSQL); SQLite's write lock already does. */
export function forShare(h: Handle): string {
  return d(h) === "postgres" ? " FOR SHARE" : "";
}
