// The two ways an input withdraws records an earlier input loaded (SPEC §2.2), inside the
// ingest's write transaction:
// - a Plaid sandbox custom-user file is a WHOLE snapshot of its customer. Plaid shifts every
//   date in it by a day, daily, and our transaction ids hash the date, so loading a newer copy
//   must replace what the older copy loaded, never add to it;
// - /transactions/sync's `removed[]` names transactions Plaid withdrew.
// Transactions are soft-deleted (deleted_at, and deleted_by saying why) so the trail stays; the
// ingest's audit entry counts both. The engine and every list skip soft-deleted transactions.
import type { InStatement, Transaction } from "@libsql/client";
import { IngestError, type IngestBatch, type IngestIssue } from "../data/types";
import { placeholders } from "./sql";

/** deleted_by of a transaction a newer snapshot of its customer no longer holds. */
export const SNAPSHOT_REPLACED = "ingest:snapshot-replaced";
/** deleted_by of a transaction named in /transactions/sync's `removed`. */
export const SYNC_REMOVED = "ingest:transactions/sync removed";

const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

async function column(tx: Transaction, sql: string, args: Array<string | number>): Promise<string[]> {
  return (await tx.execute({ sql, args })).rows.map((r) => String(r[0]));
}

/** Applies every snapshot in the batch; returns how many records were replaced (transactions soft-deleted, accounts and liabilities removed). */
export async function replaceSnapshots(tx: Transaction, batch: IngestBatch): Promise<number> {
  let replaced = 0;
  for (const { user_id, source } of batch.snapshots) {
    const accounts = new Set(batch.accounts.filter((a) => a.user_id === user_id).map((a) => a.account_id));
    const transactions = new Set(batch.transactions.filter((t) => t.user_id === user_id).map((t) => t.transaction_id));
    const stmts: InStatement[] = [];
    // A transaction an earlier replacement withdrew and this snapshot holds again comes back.
    for (const part of chunks([...transactions])) {
      stmts.push({ sql: `UPDATE transactions SET deleted_at = NULL, deleted_by = NULL WHERE deleted_by = ? AND transaction_id IN (${placeholders(part)})`, args: [SNAPSHOT_REPLACED, ...part] });
    }
    const stored = await column(tx, "SELECT account_id FROM accounts WHERE user_id = ? AND source = ?", [user_id, source]);
    // Accounts the snapshot no longer has go, with their liabilities and transactions (cascade).
    const gone = stored.filter((id) => !accounts.has(id));
    for (const part of chunks(gone)) {
      replaced += part.length + Number((await tx.execute({ sql: `SELECT COUNT(*) FROM transactions WHERE account_id IN (${placeholders(part)})`, args: part })).rows[0][0]);
      stmts.push({ sql: `DELETE FROM accounts WHERE account_id IN (${placeholders(part)})`, args: part });
    }
    const kept = stored.filter((id) => accounts.has(id));
    for (const part of chunks(kept)) {
      const live = await column(tx, `SELECT transaction_id FROM transactions WHERE account_id IN (${placeholders(part)}) AND deleted_at IS NULL`, part);
      const stale = live.filter((id) => !transactions.has(id));
      replaced += stale.length;
      for (const ids of chunks(stale)) {
        stmts.push({ sql: `UPDATE transactions SET deleted_at = CURRENT_TIMESTAMP, deleted_by = ? WHERE transaction_id IN (${placeholders(ids)})`, args: [SNAPSHOT_REPLACED, ...ids] });
      }
      // A liability the snapshot no longer states is no longer known.
      const holding: Record<string, Set<string>> = {
        credit_liabilities: new Set(batch.credit.map((c) => c.account_id)),
        credit_aprs: new Set(batch.credit.map((c) => c.account_id)),
        mortgage_liabilities: new Set(batch.mortgage.map((m) => m.account_id)),
        student_liabilities: new Set(batch.student.map((s) => s.account_id)),
      };
      for (const [table, has] of Object.entries(holding)) {
        const without = part.filter((id) => !has.has(id));
        if (!without.length) continue;
        const n = Number((await tx.execute({ sql: `SELECT COUNT(*) FROM ${table} WHERE account_id IN (${placeholders(without)})`, args: without })).rows[0][0]);
        if (!n) continue;
        if (table !== "credit_aprs") replaced += n;
        stmts.push({ sql: `DELETE FROM ${table} WHERE account_id IN (${placeholders(without)})`, args: without });
      }
    }
    if (stmts.length) await tx.batch(stmts);
  }
  return replaced;
}

/**
 * Soft-deletes the transactions /transactions/sync removed. One that belongs to another customer
 * refuses the whole ingest; one never stored (Plaid may remove what it never sent us) is noted.
 */
export async function applyRemovals(tx: Transaction, batch: IngestBatch): Promise<number> {
  if (!batch.removed.length) return 0;
  const owners = new Map<string, string>();
  for (const part of chunks([...new Set(batch.removed.map((r) => r.transaction_id))])) {
    const rs = await tx.execute({ sql: `SELECT transaction_id, user_id FROM transactions WHERE transaction_id IN (${placeholders(part)})`, args: part });
    for (const r of rs.rows) owners.set(String(r.transaction_id), String(r.user_id));
  }
  const issues: IngestIssue[] = [];
  const byUser = new Map<string, string[]>();
  for (const r of batch.removed) {
    const owner = owners.get(r.transaction_id);
    if (owner === undefined) batch.notes.push(`${r.file}: ${r.record}: transaction "${r.transaction_id}" is not stored, so there is nothing to remove`);
    else if (owner !== r.user_id) issues.push({ file: r.file, record: r.record, field: "transaction_id", reason: `transaction "${r.transaction_id}" belongs to another customer` });
    else byUser.set(owner, [...(byUser.get(owner) ?? []), r.transaction_id]);
  }
  if (issues.length) throw new IngestError(issues);
  let removed = 0;
  for (const [user, ids] of byUser) {
    for (const part of chunks(ids)) {
      const rs = await tx.execute({
        sql: `UPDATE transactions SET deleted_at = CURRENT_TIMESTAMP, deleted_by = ? WHERE user_id = ? AND deleted_at IS NULL AND transaction_id IN (${placeholders(part)})`,
        args: [SYNC_REMOVED, user, ...part],
      });
      removed += rs.rowsAffected;
    }
  }
  return removed;
}
