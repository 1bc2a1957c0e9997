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

export function accountRecord(a: PlaidAccount, userId: string): AccountRecord {
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
    iso_currency_code: a.balances.iso_currency_code ?? "USD",
    holder_category: a.holder_category === "business" ? "business" : "personal",
  };
}

export function transactionRecord(t: PlaidTransaction, userId: string): TransactionRecord {
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
    iso_currency_code: t.iso_currency_code ?? "USD",
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

function addBundle(b: ParsedBundle, root: string, ctx: ParseContext, batch: IngestBatch, refs: AccountRef[], issues: IngestIssue[]) {
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
  });
  if (b.label) batch.labels.push({ user_id: userId, ...b.label });

  const accountIds = new Set<string>();
  b.accounts.forEach((a, i) => {
    if (accountIds.has(a.account_id)) {
      issues.push({ file: ctx.file, record: `${root}.accounts[${i}]`, field: "account_id", reason: `duplicate account_id "${a.account_id}"` });
    }
    accountIds.add(a.account_id);
    batch.accounts.push(accountRecord(a, userId));
  });

  const lists: Array<[string, PlaidTransaction[] | undefined]> = [
    ["transactions", b.transactions],
    ["added", b.added],
    ["modified", b.modified],
  ];
  for (const [key, list] of lists) {
    list?.forEach((t, i) => {
      const rec = transactionRecord(t, userId);
      if (!accountIds.has(t.account_id)) refs.push({ file: ctx.file, record: `${root}.${key}[${i}]`, account_id: t.account_id, user_id: userId, tx: rec });
      batch.transactions.push(rec);
    });
  }

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
      issues.push(...zodIssues(ctx.file, rootName(i), parsed.error));
      return;
    }
    addBundle(parsed.data, rootName(i), ctx, batch, refs, issues);
  });
}
