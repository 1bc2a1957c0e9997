// Applies the dialect's migrations (prisma/migrations, or prisma/postgres/migrations) in order, recording them in Prisma's own
// `_prisma_migrations` table (same columns and checksums), so `prisma migrate status` agrees.
// A small runner rather than `prisma migrate deploy`: no CLI start-up, and it also works where
// Prisma 6.19's WASM migrate cannot (PostgreSQL, see STACK.md).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ledgerSql, migrationsDir, tableExistsSql } from "./dialect";
import type { Sql } from "./sql";


export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir: string): Migration[] {
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(/*turbopackIgnore: true*/ path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Applied migrations whose file changed since: a sign of a hand-edited history. */
  modified: string[];
}

export async function migrationStatus(sql: Sql, dir: string = migrationsDir(sql)): Promise<MigrationStatus> {
  const all = listMigrations(dir);
  const table = await sql.execute({ sql: tableExistsSql(sql), args: ["_prisma_migrations"] });
  const rows = table.rows.length
    ? (await sql.execute(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)).rows
    : [];
  const done = new Map(rows.map((r) => [String(r.migration_name), String(r.checksum)]));
  return {
    applied: all.filter((m) => done.has(m.name)).map((m) => m.name),
    pending: all.filter((m) => !done.has(m.name)).map((m) => m.name),
    modified: all.filter((m) => done.has(m.name) && done.get(m.name) !== m.checksum).map((m) => m.name),
  };
}

/**
 * Applies every pending migration, each in its own write transaction. Returns the names applied.
 * Several processes may start at once (two app instances on one PostgreSQL): write transactions
 * are serialised, and each checks the ledger again inside its own, so a migration runs once.
 */
export async function migrate(sql: Sql, dir: string = migrationsDir(sql)): Promise<string[]> {
  await sql.batch([ledgerSql(sql)], "write");
  const status = await migrationStatus(sql, dir);
  const byName = new Map(listMigrations(dir).map((m) => [m.name, m]));
  const applied: string[] = [];
  for (const name of status.pending) {
    const m = byName.get(name)!;
    const tx = await sql.transaction("write");
    try {
      const done = await tx.execute({ sql: `SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL AND rolled_back_at IS NULL`, args: [m.name] });
      if (done.rows.length) {
        await tx.rollback();
        continue;
      }
      await tx.executeMultiple(m.sql);
      const now = new Date().toISOString();
      await tx.execute({
        sql: `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
        args: [crypto.randomUUID(), m.checksum, now, m.name, now],
      });
      await tx.commit();
      applied.push(m.name);
    } catch (err) {
      await tx.rollback();
      throw new Error(`Migration ${m.name} failed and was rolled back: ${(err as Error).message}`, { cause: err });
    } finally {
      tx.close();
    }
  }
  return applied;
}
