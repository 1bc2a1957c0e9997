// Bulk rows into PostgreSQL through `COPY … FROM STDIN` (pg-copy-streams), inside the caller's open
// transaction, so a refused or failed load still leaves nothing behind. Rows written as they are
// go straight into their table. COPY cannot say ON CONFLICT, so an upsert's rows are streamed into
// a temporary staging table of the same column types first, then moved with one
// `INSERT … SELECT … <tail>`: the upsert's ON CONFLICT rules (and every constraint of the real
// table) hold exactly as for the JSON-argument inserts of dialect.bulkInsert.
// Reached through dialect.writeRows only.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { InValue, Transaction } from "@libsql/client";
import { from as copyFrom } from "pg-copy-streams";
import { pgConnection } from "./pg";

/** Rows encoded per chunk written to the COPY stream. */
const LINES_PER_CHUNK = 2000;

/** One cell in COPY's text format: `\N` is null; backslash, tab, newline and carriage return are escaped. */
export function copyCell(v: InValue | undefined): string {
  if (v === null || v === undefined) return "\\N";
  switch (typeof v) {
    case "string":
      return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r")) : v;
    case "number":
      if (!Number.isFinite(v)) throw new Error(`cannot store ${v}`);
      return String(v);
    case "bigint":
      return v.toString();
    case "boolean":
      return v ? "t" : "f";
    default:
      throw new Error("binary values are not copied");
  }
}

function* copyText(rows: readonly InValue[][]): Generator<string> {
  for (let start = 0; start < rows.length; start += LINES_PER_CHUNK) {
    let chunk = "";
    const end = Math.min(rows.length, start + LINES_PER_CHUNK);
    for (let i = start; i < end; i++) {
      const row = rows[i];
      let line = copyCell(row[0]);
      for (let j = 1; j < row.length; j++) line += "\t" + copyCell(row[j]);
      chunk += line + "\n";
    }
    yield chunk;
  }
}

/**
 * Writes `rows` into `table` through COPY, in the open transaction `tx`: straight into the table
 * when there is no `tail`, else through a staging table moved with `tail`, the INSERT's ON CONFLICT
 * clause. Returns false (writing nothing) when `tx` is not a PostgreSQL transaction.
 */
export async function copyRows(tx: Transaction, table: string, columns: readonly string[], rows: readonly InValue[][], tail = ""): Promise<boolean> {
  const client = pgConnection(tx);
  if (!client) return false;
  if (!rows.length) return true;
  const cols = columns.map((c) => `"${c}"`).join(",");
  const copy = (into: string) => pipeline(Readable.from(copyText(rows)), client.query(copyFrom(`COPY "${into}" (${cols}) FROM STDIN`)));
  if (!tail) {
    await copy(table);
    return true;
  }
  // One staging table per table and column list, created on first use in this transaction and
  // dropped with it (commit or rollback): the same column types, no constraints, no defaults.
  const stage = `_copy_${table}_${createHash("sha1").update(cols).digest("hex").slice(0, 8)}`;
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS "${stage}" ON COMMIT DROP AS SELECT ${cols} FROM "${table}" WITH NO DATA`);
  await client.query(`TRUNCATE "${stage}"`);
  await copy(stage);
  await client.query(`INSERT INTO "${table}" (${cols}) SELECT ${cols} FROM "${stage}" ${tail}`);
  return true;
}
