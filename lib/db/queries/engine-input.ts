// Reads everything the engine needs for a set of customers in a few bulk queries (raw SQL:
// this runs for every customer of a run, see STACK.md for why not Prisma here).
import type { BudgetInput } from "../../engine/budgets";
import type { ContentItem } from "../../engine/recommend/content";
import type { Declined, RecentlyShown } from "../../engine/recommend/recommend";
import type { CustomerInput, EngineCreditLiability, MerchantKind, PersonaId, WindowId } from "../../engine/types";
import { addDays } from "../../data/dates";
import { packedRows } from "../dialect";
import { placeholders, type Sql } from "../sql";
import { ELIGIBLE_RUN_IDS } from "./current-results";

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Customer ids in a stable order, with consent. */
export async function listCustomerIds(sql: Sql, only?: string[]): Promise<Array<{ user_id: string; consent: boolean }>> {
  const rs = only?.length
    ? await sql.execute({ sql: `SELECT user_id, consent FROM customers WHERE user_id IN (${placeholders(only)}) ORDER BY user_id`, args: only })
    : await sql.execute("SELECT user_id, consent FROM customers ORDER BY user_id");
  return rs.rows.map((r) => ({ user_id: String(r.user_id), consent: Number(r.consent) === 1 }));
}

export async function loadCustomerInputs(sql: Sql, userIds: string[]): Promise<CustomerInput[]> {
  if (!userIds.length) return [];
  const ph = placeholders(userIds);
  const [customers, accounts, txs, credit, aprs] = await Promise.all([
    sql.execute({ sql: `SELECT user_id, consent, credit_score FROM customers WHERE user_id IN (${ph})`, args: userIds }),
    sql.execute({ sql: `SELECT account_id, user_id, type, subtype, name, mask, current_cents, available_cents, limit_cents, holder_category, COALESCE(unofficial_currency_code, iso_currency_code) AS currency FROM accounts WHERE user_id IN (${ph}) ORDER BY account_id`, args: userIds }),
    // Transactions are most of the data: read as packed rows (lib/db/dialect).
    packedRows(sql, {
      cells: ["t.transaction_id", "t.account_id", "t.user_id", "t.date", "t.amount_cents", "t.name", "t.merchant_name", "t.merchant_entity_id", "m.kind", "t.pfc_primary", "t.pfc_detailed", "CASE WHEN t.pending THEN 1 ELSE 0 END", "COALESCE(t.unofficial_currency_code, t.iso_currency_code)"],
      from: `(SELECT * FROM transactions WHERE user_id IN (${ph}) AND deleted_at IS NULL ORDER BY user_id, date, transaction_id) t LEFT JOIN merchants m ON m.id = t.merchant_id`,
      orderBy: "t.user_id, t.date, t.transaction_id",
      args: userIds,
    }),
    sql.execute({
      sql: `SELECT c.*, a.user_id FROM credit_liabilities c JOIN accounts a ON a.account_id = c.account_id WHERE a.user_id IN (${ph}) ORDER BY c.account_id`,
      args: userIds,
    }),
    sql.execute({
      sql: `SELECT p.account_id, p.apr_type, p.apr_percentage, p.interest_charge_amount_cents FROM credit_aprs p JOIN accounts a ON a.account_id = p.account_id WHERE a.user_id IN (${ph}) ORDER BY p.account_id, p.apr_type`,
      args: userIds,
    }),
  ]);
  const byUser = new Map<string, CustomerInput>();
  for (const r of customers.rows) {
    byUser.set(String(r.user_id), { user_id: String(r.user_id), consent: Number(r.consent) === 1, credit_score: num(r.credit_score), accounts: [], transactions: [], credit: [] });
  }
  for (const r of accounts.rows) {
    byUser.get(String(r.user_id))?.accounts.push({
      account_id: String(r.account_id),
      type: String(r.type),
      subtype: String(r.subtype),
      name: String(r.name),
      mask: str(r.mask),
      current_cents: num(r.current_cents),
      available_cents: num(r.available_cents),
      limit_cents: num(r.limit_cents),
      holder_category: String(r.holder_category),
      currency: String(r.currency),
    });
  }
  type TxRow = [string, string, string, string, number, string, string | null, string | null, MerchantKind | null, string, string, number, string];
  for (const r of txs as unknown as TxRow[]) {
    byUser.get(r[2])?.transactions.push({
      transaction_id: r[0],
      account_id: r[1],
      date: r[3],
      amount_cents: r[4],
      name: r[5],
      merchant_name: r[6],
      merchant_entity_id: r[7],
      merchant_kind: r[8],
      pfc_primary: r[9],
      pfc_detailed: r[10],
      pending: r[11] === 1,
      currency: r[12],
    });
  }
  const aprsByAccount = new Map<string, EngineCreditLiability["aprs"]>();
  for (const r of aprs.rows) {
    const list = aprsByAccount.get(String(r.account_id)) ?? [];
    list.push({ apr_type: String(r.apr_type), apr_percentage: Number(r.apr_percentage), interest_charge_amount_cents: num(r.interest_charge_amount_cents) });
    aprsByAccount.set(String(r.account_id), list);
  }
  for (const r of credit.rows) {
    byUser.get(String(r.user_id))?.credit.push({
      account_id: String(r.account_id),
      aprs: aprsByAccount.get(String(r.account_id)) ?? [],
      minimum_payment_cents: num(r.minimum_payment_cents),
      last_payment_cents: num(r.last_payment_cents),
      last_payment_date: str(r.last_payment_date),
      last_statement_balance_cents: num(r.last_statement_balance_cents),
      last_statement_issue_date: str(r.last_statement_issue_date),
      is_overdue: r.is_overdue === null ? null : Number(r.is_overdue) === 1,
      next_payment_due_date: str(r.next_payment_due_date),
    });
  }
  return userIds.map((id) => byUser.get(id)).filter((c): c is CustomerInput => c !== undefined);
}

/** Each customer's live budgets (deleted ones left out), by customer; a customer without any is absent. */
export async function loadBudgets(sql: Sql, userIds: string[]): Promise<Map<string, BudgetInput[]>> {
  const out = new Map<string, BudgetInput[]>();
  if (!userIds.length) return out;
  const rs = await sql.execute({
    sql: `SELECT id, user_id, category, amount_cents, currency FROM budgets WHERE user_id IN (${placeholders(userIds)}) AND deleted_at IS NULL ORDER BY user_id, category, id`,
    args: userIds,
  });
  for (const r of rs.rows) {
    const list = out.get(String(r.user_id)) ?? out.set(String(r.user_id), []).get(String(r.user_id))!;
    list.push({ budget_id: String(r.id), category: String(r.category), amount_cents: Number(r.amount_cents), currency: String(r.currency) });
  }
  return out;
}

/** Approved catalog content, the only content the engine may recommend. */
export async function loadApprovedCatalog(sql: Sql): Promise<ContentItem[]> {
  const rs = await sql.execute("SELECT * FROM content_items WHERE status = 'approved' ORDER BY id");
  return rs.rows.map((r) => ({
    id: String(r.id),
    kind: String(r.kind) as ContentItem["kind"],
    format: String(r.format) as ContentItem["format"],
    title: String(r.title),
    summary: String(r.summary),
    because: String(r.because),
    personas: JSON.parse(String(r.personas)),
    triggers: JSON.parse(String(r.triggers)),
    eligibility: JSON.parse(String(r.eligibility)),
    product_category: str(r.product_category),
    partner: str(r.partner),
  }));
}

/**
 * Items shown to the customer (approved for delivery or delivered) within the no-repeat period up
 * to asOf, per customer, with the window and kind they were made for (they count toward its caps).
 */
export async function loadRecentlyShown(sql: Sql, userIds: string[], asOf: string, noRepeatDays: number): Promise<Map<string, RecentlyShown[]>> {
  const out = new Map<string, RecentlyShown[]>();
  if (!userIds.length) return out;
  const fromDate = addDays(asOf, -(noRepeatDays - 1));
  const rs = await sql.execute({
    sql: `SELECT user_id, content_id, "window", kind, MAX(as_of) AS as_of FROM recommendations
          WHERE user_id IN (${placeholders(userIds)}) AND status IN ('approved', 'delivered') AND as_of >= ? AND as_of <= ?
          GROUP BY user_id, content_id, "window", kind ORDER BY user_id, content_id, "window"`,
    args: [...userIds, fromDate, asOf],
  });
  for (const r of rs.rows) {
    const list = out.get(String(r.user_id)) ?? [];
    list.push({ content_id: String(r.content_id), as_of: String(r.as_of), window: String(r.window) as WindowId, kind: String(r.kind) as ContentItem["kind"] });
    out.set(String(r.user_id), list);
  }
  return out;
}

/** Items a reviewer rejected or swapped out within the no-repeat period up to asOf, per customer: each item's latest decline, with the numbers it cited. */
export async function loadDeclined(sql: Sql, userIds: string[], asOf: string, noRepeatDays: number): Promise<Map<string, Declined[]>> {
  const out = new Map<string, Declined[]>();
  if (!userIds.length) return out;
  const rs = await sql.execute({
    sql: `SELECT user_id, content_id, "window", as_of, status, citations FROM recommendations
          WHERE user_id IN (${placeholders(userIds)}) AND status IN ('rejected', 'overridden') AND as_of >= ? AND as_of <= ?
          ORDER BY user_id, content_id, as_of, id`,
    args: [...userIds, addDays(asOf, -(noRepeatDays - 1)), asOf],
  });
  const latest = new Map<string, Map<string, Declined>>();
  for (const r of rs.rows) {
    const byContent = latest.get(String(r.user_id)) ?? new Map<string, Declined>();
    const cited = JSON.parse(String(r.citations)) as Array<{ signal: string; value: Declined["citations"][number]["value"] }>;
    byContent.set(String(r.content_id), { content_id: String(r.content_id), as_of: String(r.as_of), status: String(r.status) as Declined["status"], window: String(r.window) as WindowId, citations: cited.map((c) => ({ signal: c.signal, value: c.value })) });
    latest.set(String(r.user_id), byContent);
  }
  for (const [user, byContent] of latest) out.set(user, [...byContent.values()]);
  return out;
}

/** A reviewer's persona per window for the assignment at asOf (the latest override of each), per customer. */
export async function loadPersonaOverrides(sql: Sql, userIds: string[], asOf: string): Promise<Map<string, Partial<Record<WindowId, PersonaId>>>> {
  const out = new Map<string, Partial<Record<WindowId, PersonaId>>>();
  if (!userIds.length) return out;
  const rs = await sql.execute({
    sql: `SELECT user_id, "window", persona FROM persona_overrides WHERE user_id IN (${placeholders(userIds)}) AND as_of = ? ORDER BY id`,
    args: [...userIds, asOf],
  });
  for (const r of rs.rows) {
    const entry = out.get(String(r.user_id)) ?? {};
    entry[String(r.window) as WindowId] = String(r.persona) as PersonaId;
    out.set(String(r.user_id), entry);
  }
  return out;
}

/** The primary persona of each customer's latest assignment before asOf, per window. */
export async function loadPreviousPrimary(sql: Sql, userIds: string[], asOf: string): Promise<Map<string, Partial<Record<WindowId, PersonaId | null>>>> {
  const out = new Map<string, Partial<Record<WindowId, PersonaId | null>>>();
  if (!userIds.length) return out;
  const rs = await sql.execute({
    // The latest eligible run's row at the latest earlier as-of (./current-results).
    sql: `SELECT user_id, "window", primary_persona FROM (
            SELECT pa.user_id, pa."window", pa.primary_persona, ROW_NUMBER() OVER (PARTITION BY pa.user_id, pa."window" ORDER BY pa.as_of DESC, pa.run_id DESC) AS n
            FROM persona_assignments pa WHERE pa.user_id IN (${placeholders(userIds)}) AND pa.as_of < ? AND pa.run_id IN ${ELIGIBLE_RUN_IDS}) ranked
          WHERE n = 1`,
    args: [...userIds, asOf],
  });
  for (const r of rs.rows) {
    const entry = out.get(String(r.user_id)) ?? {};
    entry[String(r.window) as WindowId] = str(r.primary_persona) as PersonaId | null;
    out.set(String(r.user_id), entry);
  }
  return out;
}
