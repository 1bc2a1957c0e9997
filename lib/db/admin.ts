// Database administration (the CLI's `db` commands, health): the tables in reading order with
// their row counts, dropping every table for a reset, and one timed round trip. What differs
// between SQLite and PostgreSQL comes from ./dialect.
import { dropTablesSql, listTablesSql } from "./dialect";
import type { Sql } from "./sql";

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

export async function tableCounts(sql: Pick<Sql, "execute">): Promise<TableCounts> {
  const rs = await sql.execute(TABLES.map((t) => `SELECT '${t}' AS t, COUNT(*) AS n FROM "${t}"`).join(" UNION ALL "));
  const counts = Object.fromEntries(TABLES.map((t) => [t, 0])) as TableCounts;
  for (const r of rs.rows) counts[String(r.t) as keyof TableCounts] = Number(r.n);
  return counts;
}

/** Drops every table, the migrations ledger included (a reset then migrates afresh). */
export async function dropAllTables(sql: Pick<Sql, "execute">): Promise<void> {
  const rs = await sql.execute(listTablesSql(sql));
  const names = [...rs.rows.map((r) => String(r.name)), "_prisma_migrations"];
  for (const stmt of dropTablesSql(sql, names)) await sql.execute(stmt);
}

/** One round trip, in milliseconds (to a tenth). */
export async function roundTrip(sql: Pick<Sql, "execute">): Promise<number> {
  const started = performance.now();
  await sql.execute("SELECT 1");
  return Math.round((performance.now() - started) * 10) / 10;
}
