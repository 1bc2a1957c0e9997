// What a customer's consent covers, table by table (SPEC §3.4). One declared list, read both by
// the revocation (which removes every derived value it names) and by the consent tests (which
// require every table holding a customer's rows to be listed here, then sweep for leftovers).
//
// "Derived" is anything computed from the customer's data — signals, personas and their criteria,
// decision traces, rationales, citations, scores — and what staff wrote about those results
// (review reasons, persona overrides). The customer's own records, the consent history and the
// bare facts of who did what when (ids, statuses, timestamps) are kept.
import type { InStatement, InValue, Transaction } from "@libsql/client";
import { KEPT_ON_REVOKE } from "./audit";
import { placeholders, type Sql } from "./sql";
import { forShare } from "./dialect";
import type { Prisma } from "./generated/client";

/** What replaces a derived text value after a revocation. */
export const REMOVED = "Removed: consent revoked.";


type Policy =
  /** Rows about the customer (SQL condition; each `?` is the user id) that hold no derived value. */
  | { rows: string; kept: string }
  /** Rows that are derived through and through: deleted. */
  | { rows: string; derived: "rows" }
  /** Rows whose named columns are derived: set to the given values (ids, statuses, timestamps stay); `only` narrows which rows. */
  | { rows: string; derived: Record<string, string | null>; only?: string }
  /** Tables with nothing about any one customer. */
  | { unrelated: string };

export const CUSTOMER_DATA = {
  customers: { rows: "user_id = ?", kept: "the customer's profile and current consent" },
  consent_events: { rows: "user_id = ?", kept: "the consent history" },
  generator_labels: { rows: "user_id = ?", kept: "the generator's ground-truth label, input to the synthetic data, not computed from it" },
  generator_events: { rows: "user_id = ?", kept: "the generator's ground-truth events, input to the synthetic data, not computed from it" },
  accounts: { rows: "user_id = ?", kept: "the customer's own accounts" },
  transactions: { rows: "user_id = ?", kept: "the customer's own transactions" },
  credit_liabilities: { rows: "account_id IN (SELECT account_id FROM accounts WHERE user_id = ?)", kept: "the customer's own liabilities" },
  credit_aprs: { rows: "account_id IN (SELECT account_id FROM accounts WHERE user_id = ?)", kept: "the customer's own liabilities" },
  mortgage_liabilities: { rows: "account_id IN (SELECT account_id FROM accounts WHERE user_id = ?)", kept: "the customer's own liabilities" },
  student_liabilities: { rows: "account_id IN (SELECT account_id FROM accounts WHERE user_id = ?)", kept: "the customer's own liabilities" },
  transaction_category_changes: { rows: "transaction_id IN (SELECT transaction_id FROM transactions WHERE user_id = ?)", kept: "staff corrections to the customer's own transactions" },
  feedback: { rows: "user_id = ?", kept: "the customer's own words about an item" },
  budgets: { rows: "user_id = ?", kept: "the bank's budget settings for the customer (category, amount, who set them); suggestions are computed on request; statuses computed by runs are derived (budget_statuses)" },
  signal_snapshots: { rows: "user_id = ?", derived: "rows" },
  persona_assignments: { rows: "user_id = ?", derived: "rows" },
  persona_overrides: { rows: "user_id = ?", derived: "rows" },
  decision_traces: { rows: "user_id = ?", derived: "rows" },
  budget_statuses: { rows: "user_id = ?", derived: "rows" },
  alert_sightings: { rows: "alert_id IN (SELECT id FROM alerts WHERE user_id = ?)", derived: "rows" },
  alerts: { rows: "user_id = ?", derived: "rows" },
  recommendations: { rows: "user_id = ?", derived: { rationale: REMOVED, citations: "[]", score: null, trace_id: null } },
  audit_log: {
    rows: "user_id = ?",
    derived: { reason: null, details: JSON.stringify({ removed: "consent revoked" }) },
    only: `action NOT IN (${KEPT_ON_REVOKE.map((a) => `'${a}'`).join(", ")})`,
  },
  merchants: { unrelated: "the merchant catalog" },
  merchant_aliases: { unrelated: "the merchant catalog" },
  content_items: { unrelated: "the content catalog" },
  engine_runs: { unrelated: "run bookkeeping: counts, versions, times" },
  eval_runs: { unrelated: "aggregate metrics and where their files are" },
  staff_users: { unrelated: "staff accounts" },
  sign_in_attempts: { unrelated: "staff sign-ins" },
  api_keys: { unrelated: "developer keys" },
} satisfies Record<string, Policy>;

export type CustomerTable = keyof typeof CUSTOMER_DATA;

function scoped(rows: string, userId: string, extra: InValue[] = []): InValue[] {
  return [...extra, ...Array.from(rows.matchAll(/\?/g), () => userId)];
}

/** The statements that remove every derived value of one customer: redactions first (they drop links to rows deleted next). */
export function removeDerivedStatements(userId: string): InStatement[] {
  const updates: InStatement[] = [];
  const deletes: InStatement[] = [];
  for (const [table, p] of Object.entries(CUSTOMER_DATA) as Array<[string, Policy]>) {
    if (!("derived" in p)) continue;
    if (p.derived === "rows") {
      deletes.push({ sql: `DELETE FROM "${table}" WHERE ${p.rows}`, args: scoped(p.rows, userId) });
      continue;
    }
    const columns = Object.entries(p.derived);
    const only = "only" in p && p.only ? ` AND (${p.only})` : "";
    updates.push({
      sql: `UPDATE "${table}" SET ${columns.map(([c]) => `"${c}" = ?`).join(", ")} WHERE (${p.rows})${only}`,
      args: scoped(p.rows, userId, columns.map(([, v]) => v)),
    });
  }
  return [...updates, ...deletes];
}

/** Removes every derived value of one customer on an open write transaction. */
export async function removeDerivedData(tx: Transaction, userId: string): Promise<void> {
  await tx.batch(removeDerivedStatements(userId));
}

/** Which of `ids` consent now, read on the given transaction (so a revocation committed meanwhile is seen). */
/** A handle consent is read on: a raw one (libsql / pg, or its transaction) or Prisma's (or its transaction). */
export type ConsentReader = Pick<Transaction | Sql, "execute"> | Pick<Prisma.TransactionClient, "customer">;

/**
 * The customer's consent: true or false, undefined when there is no such customer. The one
 * lookup for either kind of handle, read on the caller's transaction when it passes one.
 */
export async function customerConsent(tx: ConsentReader, userId: string): Promise<boolean | undefined> {
  if (!("execute" in tx)) return (await tx.customer.findUnique({ where: { user_id: userId }, select: { consent: true } }))?.consent;
  const r = (await tx.execute({ sql: "SELECT consent FROM customers WHERE user_id = ?", args: [userId] })).rows[0];
  return r ? Number(r.consent) === 1 : undefined;
}

export async function consentingNow(tx: Transaction | Sql, ids: readonly string[], opts: { lock?: boolean } = {}): Promise<Set<string>> {
  const out = new Set<string>();
  // Chunks stay under SQLite's bound-parameter limit. `lock`: a writer that does not hold the one
  // write lock (PostgreSQL engine chunks) keeps these customers' rows shared until it commits, so
  // a revocation waits for it (and then deletes what it wrote), or it waits for the revocation.
  const lock = opts.lock ? ` ORDER BY user_id${forShare(tx)}` : "";
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rs = await tx.execute({ sql: `SELECT user_id FROM customers WHERE consent = TRUE AND user_id IN (${placeholders(chunk)})${lock}`, args: chunk });
    for (const r of rs.rows) out.add(String(r.user_id));
  }
  return out;
}
