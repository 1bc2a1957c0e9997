// Test helpers: a throwaway SQLite file per test, and a full dump to prove "nothing changed".
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openSql, type Sql } from "../db/sql";
import { prepareDatabase } from "../db/prepare";
import { TABLES } from "../db/admin";
import { createTestDatabase, onPostgres } from "./postgres";

export interface TempDb {
  url: string;
  dir: string;
  sql: Sql;
  cleanup(): void;
}

/**
 * A throwaway, prepared database: a SQLite file in a temporary folder, or, in the PostgreSQL
 * project (vitest.postgres.config.ts), a database of its own on the test server. `dir` is a
 * temporary folder either way, for the files a test writes.
 */
export async function tempDb(): Promise<TempDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spendsense-test-"));
  if (onPostgres()) {
    const db = await createTestDatabase();
    const sql = await openSql(db.url);
    return {
      url: db.url,
      dir,
      sql,
      cleanup() {
        sql.close();
        fs.rmSync(dir, { recursive: true, force: true });
        void db.drop().catch(() => undefined);
      },
    };
  }
  const url = `file:${path.join(dir, "test.db")}`;
  const sql = await openSql(url);
  await prepareDatabase(sql);
  return {
    url,
    dir,
    sql,
    cleanup() {
      sql.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Every row of every table, in a stable order: equal dumps mean an untouched database.
 * `withoutClock` drops wall-clock columns (every `*_at`) and autoincrement ids, to
 * compare two databases loaded at different moments.
 */
export async function dumpDb(sql: Sql, { withoutClock = false, except = [] as string[] } = {}): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES.filter((t) => !except.includes(t))) {
    const rs = await sql.execute(`SELECT * FROM "${t}" ORDER BY 2, 1`);
    out[t] = rs.rows.map((r) => {
      const row: Record<string, unknown> = { ...r };
      if (withoutClock) {
        // Wall-clock columns (created_at, updated_at, recorded_at, …) differ between two loads.
        for (const column of Object.keys(row)) if (column.endsWith("_at")) delete row[column];
        if (t === "consent_events" || t === "credit_aprs") delete row.id;
      }
      return row;
    });
  }
  return out;
}

export function writeTemp(dir: string, name: string, content: unknown): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return file;
}
