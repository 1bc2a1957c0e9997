// Format (a)/(b): SpendSense/Plaid JSON bundles — one object or an array of them (SPEC §2.2).
import {
  bundleSchema,
  toCents,
  type ParsedBundle,
  type PlaidAccount,
  type PlaidTransaction,
} from "../../validation/plaid";
import { findMerchant, inferPfc } from "../categorise";
import type { AccountRecord, IngestBatch, IngestIssue, TransactionRecord } from "../types";
import { zodIssues } from "./issues";

export interface ParseContext {
  file: string;
  /** Customer id from `--user` when the input carries no `user` object. */
  userId?: string;
  source: string;
}

/** A transaction whose account is not in its own bundle: resolved against the database later. */
export interface AccountRef {
  file: string;
  record: string;
  account_id: string;
  /** The customer the reference must belong to; null when the input does not say (CSV). */
  user_id: string | null;
  /** A transaction whose user_id is filled in from the account's owner once resolved. */
  tx?: TransactionRecord;
}

/** Currencies Plaid leaves unsaid (both codes null) default to this; Plaid itself always sets one. */
export const DEFAULT_CURRENCY = "USD";
/** ISO 4217's code for "no currency": the ISO column when Plaid names only an unofficial one. */
export const NO_ISO_CURRENCY = "XXX";

/**
 * The stored currency columns of one money value: Plaid's ISO code, else its unofficial code
 * (stored as sent, with iso "XXX"), else `fallback` (the account's currency, or USD).
 */
export function currencyColumns(iso: string | null | undefined, unofficial: string | null | undefined, fallback: { iso_currency_code: string; unofficial_currency_code: string | null } | null = null) {
  if (iso) return { iso_currency_code: iso, unofficial_currency_code: null };
  if (unofficial) return { iso_currency_code: NO_ISO_CURRENCY, unofficial_currency_code: unofficial };
  return fallback ? { iso_currency_code: fallback.iso_currency_code, unofficial_currency_code: fallback.unofficial_currency_code } : { iso_currency_code: DEFAULT_CURRENCY, unofficial_currency_code: null };
}

export function accountRecord(a: PlaidAccount, userId: string, source: string): AccountRecord {
  return {
    account_id: a.account_id,
    user_id: userId,
    type: a.type,
    subtype: a.subtype ?? a.type,
    name: a.name,
    official_name: a.official_name ?? null,
    mask: a.mask ?? null,
    available_cents: toCents(a.balances.available),
    current_cents: toCents(a.balances.current),
    limit_cents: toCents(a.balances.limit),
    ...currencyColumns(a.balances.iso_currency_code, a.balances.unofficial_currency_code),
    holder_category: a.holder_category === "business" ? "business" : "personal",
    source,
  };
}

/** `account`: the transaction's account when known, whose currency it takes if it names none. */
export function transactionRecord(t: PlaidTransaction, userId: string, account: AccountRecord | null = null): TransactionRecord {
  const amount_cents = toCents(t.amount);
  const merchant = findMerchant(t);
  const pfc = t.personal_finance_category ?? inferPfc(t.name, amount_cents, merchant, t.category);
  return {
    transaction_id: t.transaction_id,
    account_id: t.account_id,
    user_id: userId,
    date: t.date,
    authorized_date: t.authorized_date ?? null,
    amount_cents,
    ...currencyColumns(t.iso_currency_code, t.unofficial_currency_code, account),
    ...(!t.iso_currency_code && !t.unofficial_currency_code && !account ? { currency_from_account: true } : {}),
    name: t.name,
    merchant_name: t.merchant_name ?? merchant?.canonical_name ?? null,
    merchant_entity_id: t.merchant_entity_id ?? null,
    merchant_id: merchant?.id ?? null,
    payment_channel: t.payment_channel,
    pfc_primary: pfc.primary,
    pfc_detailed: pfc.detailed,
    pending: t.pending,
  };
}

/** Top-level keys that make a JSON document something SpendSense can load. */
const LOADABLE = ["accounts", "transactions", "added", "modified", "removed", "liabilities"] as const;

/**
 * A document with no accounts, transactions or liabilities (an income report, a W-2, a
 * /transactions/recurring/get response) is not an empty customer: it is the wrong file.
 */
function lacksData(b: ParsedBundle, item: unknown): string | null {
  const l = b.liabilities;
  const count = b.accounts.length + (b.transactions?.length ?? 0) + (b.added?.length ?? 0) + (b.modified?.length ?? 0) + (b.removed?.length ?? 0) + (l?.credit?.length ?? 0) + (l?.mortgage?.length ?? 0) + (l?.student?.length ?? 0);
  if (count) return null;
  const keys = item && typeof item === "object" ? Object.keys(item) : [];
  return (
    `holds no accounts, transactions or liabilities, so there is nothing to load ` +
    `(it has ${keys.length ? keys.map((k) => `"${k}"`).join(", ") : "no fields"}; SpendSense reads ${LOADABLE.join(", ")}, or a sandbox file's override_accounts)`
  );
}

function addBundle(b: ParsedBundle, root: string, ctx: ParseContext, batch: IngestBatch, refs: AccountRef[], issues: IngestIssue[], item: unknown) {
  const empty = lacksData(b, item);
  if (empty) {
    issues.push({ file: ctx.file, record: root, field: "", reason: empty });
    return;
  }
  const userId = b.user?.user_id ?? ctx.userId;
  if (!userId) {
    issues.push({ file: ctx.file, record: root, field: "user.user_id", reason: "missing customer id: add a `user` object or pass --user" });
    return;
  }
  const u = b.user;
  batch.customers.push({
    user_id: userId,
    name: u?.name ?? `Customer ${userId}`,
    consent: u?.consent ?? null,
    age_band: u?.age_band ?? null,
    gender: u?.gender ?? null,
    region: u?.region ?? null,
    income_tier: u?.income_tier ?? null,
    credit_score: u?.credit_score ?? null,
    source: ctx.source,
    ...(u ? {} : { unnamed: true as const }),
  });
  if (b.label) batch.labels.push({ user_id: userId, ...b.label });

  const accounts = new Map<string, AccountRecord>();
  b.accounts.forEach((a, i) => {
    if (accounts.has(a.account_id)) {
      issues.push({ file: ctx.file, record: `${root}.accounts[${i}]`, field: "account_id", reason: `duplicate account_id "${a.account_id}"` });
    }
    const rec = accountRecord(a, userId, ctx.source);
    accounts.set(a.account_id, rec);
    batch.accounts.push(rec);
  });

  const lists: Array<[string, PlaidTransaction[] | undefined]> = [
    ["transactions", b.transactions],
    ["added", b.added],
    ["modified", b.modified],
  ];
  for (const [key, list] of lists) {
    list?.forEach((t, i) => {
      const account = accounts.get(t.account_id) ?? null;
      const rec = transactionRecord(t, userId, account);
      if (!account) refs.push({ file: ctx.file, record: `${root}.${key}[${i}]`, account_id: t.account_id, user_id: userId, tx: rec });
      batch.transactions.push(rec);
    });
  }

  b.removed?.forEach((r, i) => batch.removed.push({ transaction_id: r.transaction_id, user_id: userId, file: ctx.file, record: `${root}.removed[${i}]` }));

  const liab = b.liabilities;
  const checkLiabilityAccount = (kind: string, i: number, id: string, expected: string) => {
    const acct = b.accounts.find((a) => a.account_id === id);
    if (!acct) refs.push({ file: ctx.file, record: `${root}.liabilities.${kind}[${i}]`, account_id: id, user_id: userId });
    else if (acct.type !== expected) {
      issues.push({ file: ctx.file, record: `${root}.liabilities.${kind}[${i}]`, field: "account_id", reason: `account "${id}" is of type ${acct.type}, expected ${expected}` });
    }
  };
  liab?.credit?.forEach((c, i) => {
    checkLiabilityAccount("credit", i, c.account_id, "credit");
    batch.credit.push({
      account_id: c.account_id,
      aprs: c.aprs.map((a) => ({
        apr_type: a.apr_type,
        apr_percentage: a.apr_percentage,
        balance_subject_to_apr_cents: toCents(a.balance_subject_to_apr),
        interest_charge_amount_cents: toCents(a.interest_charge_amount),
      })),
      minimum_payment_cents: toCents(c.minimum_payment_amount),
      last_payment_cents: toCents(c.last_payment_amount),
      last_payment_date: c.last_payment_date ?? null,
      last_statement_balance_cents: toCents(c.last_statement_balance),
      last_statement_issue_date: c.last_statement_issue_date ?? null,
      next_payment_due_date: c.next_payment_due_date ?? null,
      is_overdue: c.is_overdue ?? null,
    });
  });
  liab?.mortgage?.forEach((m, i) => {
    checkLiabilityAccount("mortgage", i, m.account_id, "loan");
    batch.mortgage.push({
      account_id: m.account_id,
      interest_rate_percentage: m.interest_rate?.percentage ?? null,
      interest_rate_type: m.interest_rate?.type ?? null,
      next_payment_due_date: m.next_payment_due_date ?? null,
      next_monthly_payment_cents: toCents(m.next_monthly_payment),
      last_payment_cents: toCents(m.last_payment_amount),
      last_payment_date: m.last_payment_date ?? null,
      origination_date: m.origination_date ?? null,
      origination_principal_cents: toCents(m.origination_principal_amount),
      past_due_amount_cents: toCents(m.past_due_amount),
      loan_term: m.loan_term ?? null,
      maturity_date: m.maturity_date ?? null,
      escrow_balance_cents: toCents(m.escrow_balance),
      ytd_interest_paid_cents: toCents(m.ytd_interest_paid),
      ytd_principal_paid_cents: toCents(m.ytd_principal_paid),
    });
  });
  liab?.student?.forEach((s, i) => {
    checkLiabilityAccount("student", i, s.account_id, "loan");
    batch.student.push({
      account_id: s.account_id,
      interest_rate_percentage: s.interest_rate_percentage ?? null,
      next_payment_due_date: s.next_payment_due_date ?? null,
      minimum_payment_cents: toCents(s.minimum_payment_amount),
      last_payment_cents: toCents(s.last_payment_amount),
      last_payment_date: s.last_payment_date ?? null,
      is_overdue: s.is_overdue ?? null,
      loan_name: s.loan_name ?? null,
      loan_status_type: s.loan_status?.type ?? null,
      repayment_plan_type: s.repayment_plan?.type ?? null,
      expected_payoff_date: s.expected_payoff_date ?? null,
      origination_date: s.origination_date ?? null,
      origination_principal_cents: toCents(s.origination_principal_amount),
      outstanding_interest_cents: toCents(s.outstanding_interest_amount),
      ytd_interest_paid_cents: toCents(s.ytd_interest_paid),
      ytd_principal_paid_cents: toCents(s.ytd_principal_paid),
    });
  });
}

/** Validates and converts already-parsed JSON. Issues are collected, never thrown. */
export function parseBundles(json: unknown, ctx: ParseContext, batch: IngestBatch, refs: AccountRef[], issues: IngestIssue[]): void {
  const items = Array.isArray(json) ? json : [json];
  const rootName = (i: number) => (Array.isArray(json) ? `bundle[${i}]` : "bundle");
  if (Array.isArray(json) && json.length === 0) {
    issues.push({ file: ctx.file, record: "bundle", field: "", reason: "the file holds an empty array: nothing to ingest" });
  }
  items.forEach((item, i) => {
    const parsed = bundleSchema.safeParse(item);
    if (!parsed.success) {
      for (const issue of zodIssues(ctx.file, rootName(i), parsed.error)) issues.push(issue);
      return;
    }
    addBundle(parsed.data, rootName(i), ctx, batch, refs, issues, item);
  });
}
