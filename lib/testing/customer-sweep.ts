// Test helpers for consent revocation: find every row about a customer from the schema itself
// (the catalogue, foreign keys, key-named columns, through lib/db/dialect.ts), gather the values derived from their data,
// and sweep tables and evaluation folders for any of them. Nothing here reads the declared list
// in lib/db/customer-data.ts, so a table the list forgot is still found.
import fs from "node:fs";
import path from "node:path";
import { listTablesSql, rowIdSql, tableShape, type TableShape } from "../db/dialect";
import type { Sql } from "../db/sql";

export interface SchemaTable {
  name: string;
  columns: string[];
  /** Condition selecting the customer's rows (every `?` is the user id), or null when no row can be about one customer. */
  rows: string | null;
}

const singular = (table: string) => table.replace(/s$/, "");

/** Every table of the schema, with how its rows refer to a customer: a user_id column, a foreign key, or a column named after a referring table's key. */
export async function schemaTables(sql: Sql): Promise<SchemaTable[]> {
  const names = (await sql.execute(listTablesSql(sql))).rows.map((r) => String(r.name));
  const info = new Map<string, TableShape>();
  for (const n of names) info.set(n, await tableShape(sql, n));
  const rows = new Map<string, string>();
  for (const n of names) if (info.get(n)!.columns.includes("user_id")) rows.set(n, "user_id = ?");
  // Follow references outward from the tables already known to hold the customer's rows.
  for (let changed = true; changed; ) {
    changed = false;
    for (const n of names) {
      if (rows.has(n)) continue;
      const t = info.get(n)!;
      const links: Array<{ from: string; table: string; to: string }> = [...t.fks];
      for (const parent of rows.keys()) {
        const p = info.get(parent)!;
        for (const c of t.columns) {
          if (p.pk.length === 1 && p.pk[0] !== "id" && c === p.pk[0]) links.push({ from: c, table: parent, to: c });
          if (p.pk.length === 1 && p.pk[0] === "id" && c === `${singular(parent)}_id`) links.push({ from: c, table: parent, to: "id" });
        }
      }
      const hit = links.find((l) => rows.has(l.table));
      if (hit) {
        rows.set(n, `"${hit.from}" IN (SELECT "${hit.to}" FROM "${hit.table}" WHERE ${rows.get(hit.table)})`);
        changed = true;
      }
    }
  }
  return names.map((n) => ({ name: n, columns: info.get(n)!.columns, rows: rows.get(n) ?? null }));
}

export const userArgs = (cond: string, userId: string) => Array.from(cond.matchAll(/\?/g), () => userId);

/** Values derived from one customer's data, as stored now. */
export interface Derived {
  /** Verbatim texts that only this customer's data produced: found anywhere, they leak. */
  unique: string[];
  /** The customer's numbers as cited ($, %) and their persona ids: found in a row about them, they leak. */
  inRows: string[];
}

export async function derivedValues(sql: Sql, userId: string): Promise<Derived> {
  const texts = new Map<string, Set<string>>();
  const inRows = new Set<string>();
  const add = (user: unknown, v: unknown) => {
    if (typeof v !== "string" || v.length < 8 || v === "[]") return;
    const users = texts.get(v) ?? new Set<string>();
    texts.set(v, users.add(String(user)));
  };
  const mine = (user: unknown) => String(user) === userId;
  for (const r of (await sql.execute("SELECT user_id, rationale, citations FROM recommendations")).rows) {
    add(r.user_id, r.rationale);
    add(r.user_id, r.citations);
    if (mine(r.user_id)) for (const c of JSON.parse(String(r.citations)) as Array<{ display: string }>) if (/\d/.test(c.display) && /[$%]/.test(c.display)) inRows.add(c.display);
  }
  for (const r of (await sql.execute("SELECT user_id, payload FROM signal_snapshots UNION ALL SELECT user_id, payload FROM decision_traces")).rows) add(r.user_id, r.payload);
  for (const r of (await sql.execute("SELECT user_id, primary_persona, secondary, criteria, reason, celebration FROM persona_assignments")).rows) {
    for (const v of [r.criteria, r.reason, r.celebration]) add(r.user_id, v);
    if (mine(r.user_id)) for (const p of [r.primary_persona, ...(JSON.parse(String(r.secondary)) as string[])]) if (p) inRows.add(String(p));
  }
  for (const r of (await sql.execute("SELECT user_id, persona, from_persona, justification FROM persona_overrides")).rows) {
    add(r.user_id, r.justification);
    if (mine(r.user_id)) for (const p of [r.persona, r.from_persona]) if (p) inRows.add(String(p));
  }
  // Only what this customer's data alone produced: a text another customer also has proves nothing.
  // (A generic sentence such as "We didn't find a savings account…" can be one customer's whole
  // rationale and part of another's, so a text that occurs inside another customer's is not theirs alone.)
  const others = [...texts].filter(([, users]) => [...users].some((u) => u !== userId)).map(([v]) => v);
  const unique = [...texts].filter(([v, users]) => users.size === 1 && users.has(userId) && !others.some((o) => o.includes(v))).map(([v]) => v);
  return { unique, inRows: [...inRows] };
}

export interface Leak {
  where: string;
  value: string;
}

/**
 * Every derived value still stored: in any column of any row about the customer, and (for the
 * values only they produced, and their id) in any row of any table. `allow` names columns that
 * may hold a persona id without it being derived (e.g. the generator's label, an input).
 */
export async function sweepTables(sql: Sql, userId: string, d: Derived, allow: readonly string[] = []): Promise<Leak[]> {
  const leaks: Leak[] = [];
  for (const t of await schemaTables(sql)) {
    const rowId = rowIdSql(sql);
    const mine = t.rows ? new Set((await sql.execute({ sql: `SELECT ${rowId} AS _r FROM "${t.name}" WHERE ${t.rows}`, args: userArgs(t.rows, userId) })).rows.map((r) => String(r._r))) : new Set<string>();
    for (const row of (await sql.execute(`SELECT ${rowId} AS _r, * FROM "${t.name}"`)).rows) {
      const about = mine.has(String(row._r));
      for (const c of t.columns) {
        const v = row[c];
        if (typeof v !== "string") continue;
        const where = `${t.name}.${c} (rowid ${row._r})`;
        for (const u of d.unique) if (v.includes(u)) leaks.push({ where, value: u.slice(0, 60) });
        if (about && !allow.includes(`${t.name}.${c}`)) for (const x of d.inRows) if (v.includes(x)) leaks.push({ where, value: x });
        if (!about && v.includes(userId)) leaks.push({ where, value: userId });
      }
    }
  }
  return leaks;
}

/** Every file under the evaluation folders recorded in eval_runs that names the customer or holds a value only their data produced. */
export async function sweepEvalFolders(sql: Sql, userId: string, d: Derived): Promise<Leak[]> {
  const leaks: Leak[] = [];
  const dirs = (await sql.execute("SELECT DISTINCT out_dir FROM eval_runs WHERE out_dir IS NOT NULL")).rows.map((r) => String(r.out_dir));
  for (const dir of dirs) {
    for (const rel of fs.readdirSync(dir, { recursive: true, encoding: "utf8" })) {
      const file = path.join(dir, rel);
      if (!fs.statSync(file).isFile()) continue;
      if (rel.includes(userId)) leaks.push({ where: file, value: "file name" });
      const text = fs.readFileSync(file, "utf8");
      for (const u of [userId, ...d.unique]) if (text.includes(u)) leaks.push({ where: file, value: u.slice(0, 60) });
    }
  }
  return leaks;
}
