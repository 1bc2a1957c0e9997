// Writes an IngestBatch with batched multi-row statements on an open write transaction: new
// customers are inserted (an existing one is never changed), their records upserted, so
// re-ingesting the same data is a no-op. The caller owns commit/rollback (all-or-nothing).
import type { InStatement, InValue, Transaction } from "@libsql/client";
import { IngestError, type CustomerRecord, type IngestBatch } from "../data/types";
import { applyRemovals, replaceSnapshots } from "./replace-snapshot";
import { analyzeSql, COPY_MIN_ROWS, deferrableKeys, jsonRows, refusedKey, secondaryIndexesSql, writeRows, type BulkRows } from "./dialect";
import { placeholders } from "./sql";

type Row = InValue[];

/**
 * Multi-row upserts: a row whose key exists is updated in place. `custom`: columns set by their
 * own expression; `where`: the condition an existing row must meet to be updated (else it stays).
 */
function upsert(table: string, columns: readonly string[], key: readonly string[], rows: Row[], opts: { custom?: Record<string, string>; where?: string; append?: boolean } = {}): BulkRows[] {
  if (!rows.length) return [];
  const { custom = {}, where, append } = opts;
  const set = columns.filter((c) => !key.includes(c)).map((c) => `"${c}" = ${custom[c] ?? `excluded."${c}"`}`);
  const target = `ON CONFLICT(${key.map((k) => `"${k}"`).join(",")})`;
  return [{ table, columns, rows, append, tail: set.length ? `${target} DO UPDATE SET ${set.join(", ")}${where ? ` WHERE ${where}` : ""}` : `${target} DO NOTHING` }];
}

const bool = (b: boolean | null) => (b === null ? null : b ? 1 : 0);

/**
 * What a bulk load defers until its end, inside the caller's transaction (a rollback restores it
 * all): built once over the loaded table, an index or key costs a fraction of maintaining it row
 * by row. A load that will at least double the transactions table skips its secondary indexes
 * (the database then sorts once, ~0.3 s per million rows in SQLite, instead of inserting every
 * key into two B-trees). On PostgreSQL a load into an EMPTY transactions table also appends: its
 * primary and foreign keys are dropped and its rows are copied straight in, with no staging table
 * and no ON CONFLICT (no stored row can conflict, and the ingest refuses ids repeated within it);
 * building the keys at the end checks every row once, so a repeated id or an unknown account
 * still refuses the whole load. Definitions are read back from the schema, so they never drift
 * from the migrations.
 */
export interface BulkLoad {
  /** Transactions are appended (see above) rather than upserted. */
  readonly appending: boolean;
  /** Builds what was deferred; idempotent. A batch that must find transactions by id calls it early, and the rest of the load upserts. */
  finish(): Promise<void>;
}

/** The tables a load writes most of, whose statistics it refreshes when done. */
const LOADED_TABLES = ["customers", "accounts", "transactions"] as const;

/** A load that defers nothing: too small for it, or of unknown size. */
const NOTHING_DEFERRED: BulkLoad = { appending: false, finish: async () => {} };

/** Starts a bulk load of about `expectedRows` transactions (0 when unknown: nothing is deferred). */
export async function beginBulkLoad(tx: Transaction, expectedRows: number): Promise<BulkLoad> {
  if (expectedRows <= 0) return NOTHING_DEFERRED;
  // Counting stops past `expectedRows`: the cost is bounded by the load, not the table.
  const existing = Number((await tx.execute({ sql: "SELECT COUNT(*) AS n FROM (SELECT 1 FROM transactions LIMIT ?) AS t", args: [Math.ceil(expectedRows) + 1] })).rows[0].n);
  if (existing > expectedRows) return NOTHING_DEFERRED;
  const indexes = (await tx.execute({ sql: secondaryIndexesSql(tx), args: ["transactions"] })).rows.map((r) => ({ name: String(r.name), sql: String(r.sql) }));
  const keys = existing === 0 && expectedRows >= COPY_MIN_ROWS ? await deferrableKeys(tx, "transactions") : { drop: [], restore: [] };
  await tx.batch([...keys.drop, ...indexes.map((i) => `DROP INDEX "${i.name}"`)]);
  let appending = keys.drop.length > 0;
  let finished = false;
  return {
    get appending() {
      return appending;
    },
    async finish() {
      if (finished) return;
      finished = true;
      appending = false;
      try {
        await tx.batch([...keys.restore, ...indexes.map((i) => i.sql), ...analyzeSql(tx, LOADED_TABLES)]);
      } catch (err) {
        const key = refusedKey(err);
        if (!key) throw err;
        const reason = key.problem === "repeated" ? `${key.column} "${key.value}" appears more than once in this load` : `${key.column} "${key.value}" is not stored: a transaction names an unknown ${key.column.replace(/_id$/, "")}`;
        throw new IngestError([{ file: "this load", record: "transactions", field: key.column, reason }]);
      }
    },
  };
}

/** Does writing `batch` look transactions up by id (so an appending load must have its keys first)? */
const findsTransactionsById = (batch: IngestBatch) => batch.snapshots.length > 0 || batch.removed.length > 0 || batch.transactions.some((t) => t.currency_from_account);

/** A label that carries events replaces the customer's stored events (re-ingesting is a no-op). */
function generatorEvents(batch: IngestBatch): Array<InStatement | BulkRows> {
  const labelled = batch.labels.filter((l) => l.events !== undefined);
  if (!labelled.length) return [];
  const users = labelled.map((l) => l.user_id);
  const stmts: Array<InStatement | BulkRows> = [];
  for (let i = 0; i < users.length; i += 500) stmts.push({ sql: `DELETE FROM generator_events WHERE user_id IN (${placeholders(users.slice(i, i + 500))})`, args: users.slice(i, i + 500) });
  const rows = labelled.flatMap((l) => (l.events ?? []).map((e, seq) => [l.user_id, seq, e.kind, e.source, e.date, e.account_id, JSON.stringify(e.transaction_ids), e.expected_alert]));
  return [...stmts, { table: "generator_events", columns: ["user_id", "seq", "kind", "source", "event_date", "account_id", "transaction_ids", "expected_alert"], rows }];
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

export interface WriteResult extends WriteCounts {
  /** What the input said that was not applied (an existing customer's consent or profile). */
  notes: string[];
}

/**
 * Writes one batch whose ownership has been checked (lib/db/ownership.ts). The upserts also
 * refuse, row by row, to move an account or transaction to another customer, so even an
 * unchecked batch cannot touch another customer's records. `load`: the bulk load it is part of.
 */
export async function writeBatch(tx: Transaction, batch: IngestBatch, load?: BulkLoad): Promise<WriteResult> {
  if (load?.appending && findsTransactionsById(batch)) await load.finish();
  const append = load?.appending ?? false;
  const customers = await customerStatements(tx, batch);
  const ownRowsOnly = (table: string) => ({ where: `"${table}".user_id = excluded.user_id` });
  const stmts: Array<InStatement | BulkRows> = [
    ...customers.stmts,
    ...upsert(
      "generator_labels",
      ["user_id", "intended_persona", "profile", "seed"],
      ["user_id"],
      batch.labels.map((l) => [l.user_id, l.intended_persona, l.profile, l.seed]),
    ),
    ...generatorEvents(batch),
    ...upsert(
      "accounts",
      ["account_id", "user_id", "type", "subtype", "name", "official_name", "mask", "available_cents", "current_cents", "limit_cents", "iso_currency_code", "unofficial_currency_code", "holder_category", "source"],
      ["account_id"],
      batch.accounts.map((a) => [a.account_id, a.user_id, a.type, a.subtype, a.name, a.official_name, a.mask, a.available_cents, a.current_cents, a.limit_cents, a.iso_currency_code, a.unofficial_currency_code, a.holder_category, a.source]),
      ownRowsOnly("accounts"),
    ),
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
      {
        ...ownRowsOnly("transactions"),
        append,
        // A category a person corrected (transaction_category_changes) outlives re-ingesting the source.
        custom: Object.fromEntries(
          (["pfc_primary", "pfc_detailed"] as const).map((c) => [c, `CASE WHEN EXISTS (SELECT 1 FROM transaction_category_changes h WHERE h.transaction_id = transactions.transaction_id) THEN transactions."${c}" ELSE excluded."${c}" END`]),
        ),
      },
    ),
    ...upsert(
      "credit_liabilities",
      ["account_id", "minimum_payment_cents", "last_payment_cents", "last_payment_date", "last_statement_balance_cents", "last_statement_issue_date", "next_payment_due_date", "is_overdue"],
      ["account_id"],
      batch.credit.map((c) => [c.account_id, c.minimum_payment_cents, c.last_payment_cents, c.last_payment_date, c.last_statement_balance_cents, c.last_statement_issue_date, c.next_payment_due_date, bool(c.is_overdue)]),
    ),
    // APRs are replaced per card: stale types go, current ones upsert in place (stable ids).
    ...batch.credit.map((c) => {
      const types = c.aprs.map((a) => a.apr_type);
      return { sql: `DELETE FROM credit_aprs WHERE account_id = ?${types.length ? ` AND apr_type NOT IN (${placeholders(types)})` : ""}`, args: [c.account_id, ...types] };
    }),
    ...upsert(
      "credit_aprs",
      ["account_id", "apr_type", "apr_percentage", "balance_subject_to_apr_cents", "interest_charge_amount_cents"],
      ["account_id", "apr_type"],
      batch.credit.flatMap((c) => c.aprs.map((a) => [c.account_id, a.apr_type, a.apr_percentage, a.balance_subject_to_apr_cents, a.interest_charge_amount_cents])),
    ),
    ...upsert("mortgage_liabilities", MORTGAGE_COLUMNS, ["account_id"], batch.mortgage.map((m) => MORTGAGE_COLUMNS.map((c) => m[c]))),
    ...upsert("student_liabilities", STUDENT_COLUMNS, ["account_id"], batch.student.map((s) => STUDENT_COLUMNS.map((c) => (c === "is_overdue" ? bool(s.is_overdue) : s[c])))),
  ];
  // A transaction that names no currency, whose account was loaded earlier, takes that account's.
  const unstated = batch.transactions.filter((t) => t.currency_from_account).map((t) => t.transaction_id);
  for (let i = 0; i < unstated.length; i += 500) {
    const ids = unstated.slice(i, i + 500);
    stmts.push({
      sql: `UPDATE transactions SET (iso_currency_code, unofficial_currency_code) = (SELECT a.iso_currency_code, a.unofficial_currency_code FROM accounts a WHERE a.account_id = transactions.account_id) WHERE transaction_id IN (${placeholders(ids)})`,
      args: ids,
    });
  }
  await writeRows(tx, stmts);
  const replaced = await replaceSnapshots(tx, batch);
  const removed = await applyRemovals(tx, batch);
  return {
    customers: batch.customers.length,
    accounts: batch.accounts.length,
    transactions: batch.transactions.length,
    liabilities: batch.credit.length + batch.mortgage.length + batch.student.length,
    consentEvents: customers.consentEvents,
    removed,
    replaced,
    notes: customers.notes,
  };
}

const MORTGAGE_COLUMNS = [
  "account_id", "interest_rate_percentage", "interest_rate_type", "next_payment_due_date", "next_monthly_payment_cents", "last_payment_cents", "last_payment_date",
  "origination_date", "origination_principal_cents", "past_due_amount_cents", "loan_term", "maturity_date", "escrow_balance_cents", "ytd_interest_paid_cents", "ytd_principal_paid_cents",
] as const;
const STUDENT_COLUMNS = [
  "account_id", "interest_rate_percentage", "next_payment_due_date", "minimum_payment_cents", "last_payment_cents", "last_payment_date", "is_overdue", "loan_name",
  "loan_status_type", "repayment_plan_type", "expected_payoff_date", "origination_date", "origination_principal_cents", "outstanding_interest_cents", "ytd_interest_paid_cents", "ytd_principal_paid_cents",
] as const;

/** The profile an input may give a customer it creates, and that it never changes afterwards. */
const PROFILE = ["name", "age_band", "gender", "region", "income_tier", "credit_score"] as const;

/**
 * An input creates the customers it names that do not exist yet, with the consent it states (an
 * event in their history; silence means no consent). A customer that exists keeps its consent and
 * profile: only the consent paths (staff, POST /api/consent, `spendsense consent`) change consent,
 * audited there, so an input that differs is noted, not applied.
 */
async function customerStatements(tx: Transaction, batch: IngestBatch): Promise<{ stmts: BulkRows[]; notes: string[]; consentEvents: number }> {
  const existing = new Map<string, Record<string, unknown>>();
  const ids = batch.customers.map((c) => c.user_id);
  for (let i = 0; i < ids.length; i += 10_000) {
    const rs = await tx.execute({
      sql: `SELECT c.user_id, c.consent, ${PROFILE.map((f) => `c."${f}"`).join(", ")} FROM ${jsonRows(tx)} JOIN customers AS c ON c.user_id = j.value`,
      args: [JSON.stringify(ids.slice(i, i + 10_000))],
    });
    for (const r of rs.rows) existing.set(String(r.user_id), r);
  }
  const notes: string[] = [];
  for (const c of batch.customers) {
    const now = existing.get(c.user_id);
    if (now) noteIgnoredChanges(c, now, notes);
  }
  const created = batch.customers.filter((c) => !existing.has(c.user_id));
  const stated = created.filter((c) => c.consent !== null);
  const stmts: BulkRows[] = [
    {
      table: "customers",
      columns: ["user_id", ...PROFILE, "consent", "source"],
      rows: created.map((c) => [c.user_id, ...PROFILE.map((f) => c[f]), c.consent ? 1 : 0, c.source]),
      tail: 'ON CONFLICT("user_id") DO NOTHING',
    },
    {
      table: "consent_events",
      columns: ["user_id", "granted", "source", "note"],
      rows: stated.map((c) => [c.user_id, c.consent ? 1 : 0, `ingest:${c.source}`, c.consent ? "opt-in stated in ingested data" : "opt-out stated in ingested data"]),
    },
  ];
  return { stmts, notes, consentEvents: stated.length };
}

/** Notes what an input says about an existing customer that differs from what is stored. */
function noteIgnoredChanges(c: CustomerRecord, now: Record<string, unknown>, notes: string[]): void {
  const consenting = Number(now.consent) === 1;
  if (c.consent !== null && c.consent !== consenting) {
    notes.push(
      `customer "${c.user_id}" already exists: the input's consent (${c.consent ? "granted" : "declined"}) was ignored and consent stays ${consenting ? "granted" : "not granted"}; ` +
        "consent changes only through staff, POST /api/consent or `spendsense consent`",
    );
  }
  const differs = PROFILE.filter((f) => {
    const given = c[f];
    if (given === null || (f === "name" && c.unnamed)) return false;
    return now[f] === null || String(now[f]) !== String(given);
  });
  if (differs.length) notes.push(`customer "${c.user_id}" already exists: the input's ${differs.join(", ")} differ from the stored profile and were ignored (an ingest never changes an existing customer)`);
}
