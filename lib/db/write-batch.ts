// Writes an IngestBatch with batched multi-row upserts on an open write transaction. Upserts
// make re-ingesting the same data a no-op; the caller owns commit/rollback (all-or-nothing).
import type { InStatement, InValue, Transaction } from "@libsql/client";
import type { IngestBatch } from "../data/types";
import { applyRemovals, replaceSnapshots } from "./replace-snapshot";
import { bulkInsert, placeholders } from "./sql";

type Row = InValue[];

/** `keep`: columns a null in the input does not erase; `custom`: columns set by their own expression. */
function upsert(table: string, columns: readonly string[], key: readonly string[], rows: Row[], keep: readonly string[] = [], custom: Record<string, string> = {}): InStatement[] {
  if (!rows.length) return [];
  const set = columns
    .filter((c) => !key.includes(c))
    .map((c) => (custom[c] ? `"${c}" = ${custom[c]}` : keep.includes(c) ? `"${c}" = COALESCE(excluded."${c}", "${table}"."${c}")` : `"${c}" = excluded."${c}"`));
  const tail = set.length
    ? `ON CONFLICT(${key.map((k) => `"${k}"`).join(",")}) DO UPDATE SET ${set.join(", ")}`
    : `ON CONFLICT(${key.map((k) => `"${k}"`).join(",")}) DO NOTHING`;
  return bulkInsert(table, columns, rows, tail);
}

const bool = (b: boolean | null) => (b === null ? null : b ? 1 : 0);

/**
 * A bulk load that will at least double the transactions table skips its secondary indexes and
 * builds them at the end: SQLite sorts once (~0.3 s per million rows) instead of inserting every
 * key into two B-trees, which nearly halves the write time. It runs inside the caller's
 * transaction, so a rollback restores the indexes as well; the definitions are read back from
 * the schema, so they never drift from the migrations. `expectedRows` is the caller's estimate of
 * what it will write (0 when unknown: the indexes then stay). Returns the step that rebuilds them.
 */
export async function deferTransactionIndexes(tx: Transaction, expectedRows: number): Promise<() => Promise<void>> {
  // MAX(rowid) is an O(log n) upper bound of the row count (COUNT(*) would scan an index).
  const existing = Number((await tx.execute("SELECT COALESCE(MAX(rowid), 0) AS n FROM transactions")).rows[0].n);
  if (expectedRows <= 0 || existing > expectedRows) return async () => {};
  const indexes = (await tx.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'transactions' AND sql IS NOT NULL")).rows.map((r) => ({ name: String(r.name), sql: String(r.sql) }));
  await tx.batch(indexes.map((i) => `DROP INDEX "${i.name}"`));
  return async () => {
    await tx.batch(indexes.map((i) => i.sql));
  };
}

export interface WriteCounts {
  customers: number;
  accounts: number;
  transactions: number;
  liabilities: number;
  consentEvents: number;
  /** Transactions soft-deleted by /transactions/sync's `removed`. */
  removed: number;
  /** Records an older sandbox snapshot held that the newer one does not: replaced (see replace-snapshot.ts). */
  replaced: number;
}

export async function writeBatch(tx: Transaction, batch: IngestBatch): Promise<WriteCounts> {
  const stmts: InStatement[] = [];

  // Demographics missing from an input (a sandbox file, say) keep what is already known.
  const demo = ["age_band", "gender", "region", "income_tier", "credit_score"];
  stmts.push(
    ...upsert(
      "customers",
      ["user_id", "name", "age_band", "gender", "region", "income_tier", "credit_score", "source"],
      ["user_id"],
      batch.customers.map((c) => [c.user_id, c.name, c.age_band, c.gender, c.region, c.income_tier, c.credit_score, c.source]),
      demo,
    ),
  );
  stmts.push(
    ...upsert(
      "generator_labels",
      ["user_id", "intended_persona", "profile", "seed"],
      ["user_id"],
      batch.labels.map((l) => [l.user_id, l.intended_persona, l.profile, l.seed]),
    ),
  );
  stmts.push(
    ...upsert(
      "accounts",
      ["account_id", "user_id", "type", "subtype", "name", "official_name", "mask", "available_cents", "current_cents", "limit_cents", "iso_currency_code", "unofficial_currency_code", "holder_category", "source"],
      ["account_id"],
      batch.accounts.map((a) => [a.account_id, a.user_id, a.type, a.subtype, a.name, a.official_name, a.mask, a.available_cents, a.current_cents, a.limit_cents, a.iso_currency_code, a.unofficial_currency_code, a.holder_category, a.source]),
    ),
  );
  stmts.push(
    ...upsert(
      "transactions",
      ["transaction_id", "account_id", "user_id", "date", "authorized_date", "amount_cents", "iso_currency_code", "unofficial_currency_code", "name", "merchant_name", "merchant_entity_id", "merchant_id", "payment_channel", "pfc_primary", "pfc_detailed", "pending"],
      ["transaction_id"],
      batch.transactions.map((t) => [
        t.transaction_id,
        t.account_id,
        t.user_id,
        t.date,
        t.authorized_date,
        t.amount_cents,
        t.iso_currency_code,
        t.unofficial_currency_code,
        t.name,
        t.merchant_name,
        t.merchant_entity_id,
        t.merchant_id,
        t.payment_channel,
        t.pfc_primary,
        t.pfc_detailed,
        t.pending ? 1 : 0,
      ]),
      [],
      // A category a person corrected (transaction_category_changes) outlives re-ingesting the source.
      Object.fromEntries(
        (["pfc_primary", "pfc_detailed"] as const).map((c) => [c, `CASE WHEN EXISTS (SELECT 1 FROM transaction_category_changes h WHERE h.transaction_id = transactions.transaction_id) THEN transactions."${c}" ELSE excluded."${c}" END`]),
      ),
    ),
  );
  stmts.push(
    ...upsert(
      "credit_liabilities",
      ["account_id", "minimum_payment_cents", "last_payment_cents", "last_payment_date", "last_statement_balance_cents", "last_statement_issue_date", "next_payment_due_date", "is_overdue"],
      ["account_id"],
      batch.credit.map((c) => [c.account_id, c.minimum_payment_cents, c.last_payment_cents, c.last_payment_date, c.last_statement_balance_cents, c.last_statement_issue_date, c.next_payment_due_date, bool(c.is_overdue)]),
    ),
  );
  for (const c of batch.credit) {
    // APRs are replaced per card: stale types go, current ones upsert in place (stable ids).
    const types = c.aprs.map((a) => a.apr_type);
    stmts.push({
      sql: `DELETE FROM credit_aprs WHERE account_id = ?${types.length ? ` AND apr_type NOT IN (${placeholders(types)})` : ""}`,
      args: [c.account_id, ...types],
    });
  }
  stmts.push(
    ...upsert(
      "credit_aprs",
      ["account_id", "apr_type", "apr_percentage", "balance_subject_to_apr_cents", "interest_charge_amount_cents"],
      ["account_id", "apr_type"],
      batch.credit.flatMap((c) => c.aprs.map((a) => [c.account_id, a.apr_type, a.apr_percentage, a.balance_subject_to_apr_cents, a.interest_charge_amount_cents])),
    ),
  );
  const mortgageCols = [
    "account_id", "interest_rate_percentage", "interest_rate_type", "next_payment_due_date", "next_monthly_payment_cents", "last_payment_cents", "last_payment_date",
    "origination_date", "origination_principal_cents", "past_due_amount_cents", "loan_term", "maturity_date", "escrow_balance_cents", "ytd_interest_paid_cents", "ytd_principal_paid_cents",
  ] as const;
  stmts.push(...upsert("mortgage_liabilities", mortgageCols, ["account_id"], batch.mortgage.map((m) => mortgageCols.map((c) => m[c]))));
  const studentCols = [
    "account_id", "interest_rate_percentage", "next_payment_due_date", "minimum_payment_cents", "last_payment_cents", "last_payment_date", "is_overdue", "loan_name",
    "loan_status_type", "repayment_plan_type", "expected_payoff_date", "origination_date", "origination_principal_cents", "outstanding_interest_cents", "ytd_interest_paid_cents", "ytd_principal_paid_cents",
  ] as const;
  stmts.push(
    ...upsert("student_liabilities", studentCols, ["account_id"], batch.student.map((s) => studentCols.map((c) => (c === "is_overdue" ? bool(s.is_overdue) : s[c])))),
  );

  // A transaction that names no currency, whose account was loaded earlier, takes that account's.
  const unstated = batch.transactions.filter((t) => t.currency_from_account).map((t) => t.transaction_id);
  for (let i = 0; i < unstated.length; i += 500) {
    const ids = unstated.slice(i, i + 500);
    stmts.push({
      sql: `UPDATE transactions SET (iso_currency_code, unofficial_currency_code) = (SELECT a.iso_currency_code, a.unofficial_currency_code FROM accounts a WHERE a.account_id = transactions.account_id) WHERE transaction_id IN (${placeholders(ids)})`,
      args: ids,
    });
  }
  if (stmts.length) await tx.batch(stmts);
  const consentEvents = await recordConsent(tx, batch);
  const replaced = await replaceSnapshots(tx, batch);
  const removed = await applyRemovals(tx, batch);
  return {
    customers: batch.customers.length,
    accounts: batch.accounts.length,
    transactions: batch.transactions.length,
    liabilities: batch.credit.length + batch.mortgage.length + batch.student.length,
    consentEvents,
    removed,
    replaced,
  };
}

/**
 * An input that states consent records an event only when it changes the customer's state, so
 * re-ingesting the same file leaves the history as it was. Silence about consent records nothing.
 */
async function recordConsent(tx: Transaction, batch: IngestBatch): Promise<number> {
  const stated = batch.customers.filter((c) => c.consent !== null);
  if (!stated.length) return 0;
  const current = new Map<string, { consent: boolean; events: number }>();
  for (let i = 0; i < stated.length; i += 500) {
    const ids = stated.slice(i, i + 500).map((c) => c.user_id);
    const rs = await tx.execute({
      sql: `SELECT c.user_id, c.consent, (SELECT COUNT(*) FROM consent_events e WHERE e.user_id = c.user_id) AS events FROM customers c WHERE c.user_id IN (${placeholders(ids)})`,
      args: ids,
    });
    for (const r of rs.rows) current.set(String(r.user_id), { consent: Number(r.consent) === 1, events: Number(r.events) });
  }
  const changes = stated.filter((c) => {
    const now = current.get(c.user_id);
    return !now || now.consent !== c.consent || now.events === 0;
  });
  if (!changes.length) return 0;
  const stmts: InStatement[] = bulkInsert(
    "consent_events",
    ["user_id", "granted", "source", "note"],
    changes.map((c) => [c.user_id, c.consent ? 1 : 0, `ingest:${c.source}`, c.consent ? "opt-in stated in ingested data" : "opt-out stated in ingested data"]),
  );
  for (let i = 0; i < changes.length; i += 500) {
    const part = changes.slice(i, i + 500);
    for (const value of [true, false]) {
      const ids = part.filter((c) => c.consent === value).map((c) => c.user_id);
      if (ids.length) stmts.push({ sql: `UPDATE customers SET consent = ? WHERE user_id IN (${placeholders(ids)})`, args: [value ? 1 : 0, ...ids] });
    }
  }
  await tx.batch(stmts);
  return changes.length;
}
