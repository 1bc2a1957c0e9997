// Format (c): Plaid sandbox custom-user files (`override_accounts[]`), loaded exactly as Plaid
// publishes them. They carry no ids, so account and transaction ids are derived from the
// customer id and the record's position: re-ingesting the same file yields the same ids.
import crypto from "node:crypto";
import { z } from "zod";
import { safeText, TEXT_LIMITS } from "../../validation/text";
import { ACCOUNT_TYPES, currencyCode, dollars, isoDate, nonNegativeDollars, required, toCents } from "../../validation/plaid";
import { dayFromIso, isoFromDay, monthlyDays } from "../dates";
import { findMerchant, inferPaymentChannel, inferPfc } from "../categorise";
import { merchantNameFromDescriptor } from "../merchant-normalise";
import type { HolderCategory, IngestBatch, IngestIssue } from "../types";
import { DEFAULT_CURRENCY, type ParseContext } from "./bundle";
import { zodIssues } from "./issues";

// Plaid's blank template sets every field to null: null means "not set" for every optional field.
const sandboxTransaction = z.object({
  date_transacted: isoDate.nullish(),
  date_posted: isoDate,
  amount: dollars,
  description: safeText(TEXT_LIMITS.name, { min: 1, error: required("the transaction's description") }),
  currency: currencyCode.nullish(),
});

const apr = z.number().min(0).max(100).nullish();

const sandboxLiability = z.object({
  /** null (the blank template's "not set") means the account has no liability. */
  type: z.enum(["credit", "student", "mortgage"]).nullish(),
  purchase_apr: apr,
  cash_apr: apr,
  balance_transfer_apr: apr,
  special_apr: apr,
  last_payment_amount: nonNegativeDollars.nullish(),
  minimum_payment_amount: nonNegativeDollars.nullish(),
  last_payment_date: isoDate.nullish(),
  next_payment_due_date: isoDate.nullish(),
  last_statement_balance: dollars.nullish(),
  is_overdue: z.boolean().nullish(),
  origination_date: isoDate.nullish(),
  principal: nonNegativeDollars.nullish(),
  nominal_apr: apr,
  loan_name: safeText(TEXT_LIMITS.name).nullish(),
  repayment_model: z.object({ type: safeText(TEXT_LIMITS.name).nullish() }).nullish(),
});

const SANDBOX_TYPES = [...ACCOUNT_TYPES, "payroll"] as const;

const sandboxAccount = z.object({
  type: z.enum(SANDBOX_TYPES, { error: required(`the account type (${ACCOUNT_TYPES.join(", ")})`, `unknown account type (expected ${ACCOUNT_TYPES.join(", ")})`) }),
  subtype: safeText(TEXT_LIMITS.name, { min: 1 }).nullish(),
  starting_balance: dollars.nullish(),
  force_available_balance: dollars.nullish(),
  currency: currencyCode.nullish(),
  holder_category: z.enum(["personal", "business", "unrecognized"]).nullish(),
  meta: z
    .object({
      name: safeText(TEXT_LIMITS.name).nullish(),
      official_name: safeText(TEXT_LIMITS.name).nullish(),
      limit: nonNegativeDollars.nullish(),
      mask: z.string().regex(/^[0-9A-Za-z]{2,4}$/).nullish(),
    })
    .nullish(),
  numbers: z.object({ account: safeText(TEXT_LIMITS.id).nullish() }).nullish(),
  transactions: z.array(sandboxTransaction).nullish(),
  liability: sandboxLiability.nullish(),
  identity: z.object({ names: z.array(safeText(TEXT_LIMITS.name).nullable()).nullish() }).nullish(),
  // Plaid generates recurring inflows from this model; "monthly-income" is a paycheck.
  inflow_model: z
    .object({
      type: safeText(TEXT_LIMITS.name, { min: 1 }),
      income_amount: nonNegativeDollars.nullish(),
      payment_day_of_month: z.number().int().min(1).max(31).nullish(),
      transaction_name: safeText(TEXT_LIMITS.name, { min: 1 }).nullish(),
    })
    .nullish(),
});

export const sandboxFileSchema = z.object({ override_accounts: z.array(sandboxAccount).min(1, "must list at least one account") });

export function isSandboxFile(json: unknown): boolean {
  return typeof json === "object" && json !== null && !Array.isArray(json) && "override_accounts" in json;
}

// Income-verification "accounts" in sandbox files hold paystubs, not transactions.
const INCOME_ONLY_TYPES = new Set(["payroll"]);
const BUSINESS_NAME = /\b(LLC|L\.L\.C\.|INC\.?|CORP\.?|CORPORATION|LTD\.?|LLP|PLLC|GMBH)$/i;

const shortHash = (...parts: Array<string | number>) =>
  crypto.createHash("sha256").update(parts.join("\u001f")).digest("hex").slice(0, 24);

export function parseSandbox(json: unknown, ctx: ParseContext, batch: IngestBatch, issues: IngestIssue[]): void {
  const parsed = sandboxFileSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of zodIssues(ctx.file, "file", parsed.error)) issues.push(issue);
    return;
  }
  const userId = ctx.userId;
  if (!userId) {
    issues.push({ file: ctx.file, record: "file", field: "", reason: "missing customer id: pass --user or name the file after the customer" });
    return;
  }
  const accounts = parsed.data.override_accounts;
  if (accounts.every((a) => INCOME_ONLY_TYPES.has(a.type))) {
    issues.push({
      file: ctx.file,
      record: "file",
      field: "override_accounts",
      reason: `holds no accounts, transactions or liabilities SpendSense can load: its only account type is ${[...new Set(accounts.map((a) => a.type))].join(", ")} (income verification: paystubs, no transactions)`,
    });
    return;
  }
  // The file is the customer's whole sandbox configuration: it replaces their earlier copy.
  batch.snapshots.push({ user_id: userId, source: ctx.source });
  // The span the file's own transactions cover: inflows a model describes are placed inside it.
  const posted = accounts.flatMap((a) => a.transactions ?? []).map((t) => t.date_posted).sort();
  const holderName = accounts.flatMap((a) => a.identity?.names ?? []).find((n) => n);
  batch.customers.push({
    user_id: userId,
    name: holderName ?? `Sandbox customer ${userId}`,
    consent: null,
    age_band: null,
    gender: null,
    region: null,
    income_tier: null,
    credit_score: null,
    source: ctx.source,
    ...(holderName ? {} : { unnamed: true as const }),
  });

  accounts.forEach((a, i) => {
    const record = `override_accounts[${i}]`;
    if (INCOME_ONLY_TYPES.has(a.type)) {
      batch.notes.push(`${ctx.file}: ${record} is a ${a.type} income-verification account (paystubs, no transactions); not stored as an account`);
      return;
    }
    const account_id = `sbx_${shortHash(userId, i)}`;
    const names = (a.identity?.names ?? []).filter((n): n is string => !!n);
    const holder: HolderCategory =
      a.holder_category === "business" || (!a.holder_category && names.some((n) => BUSINESS_NAME.test(n.trim())))
        ? "business"
        : "personal";
    const current = a.starting_balance ?? (a.liability?.type === "student" || a.liability?.type === "mortgage" ? a.liability.principal : null);
    const limit = a.meta?.limit ?? null;
    const available = a.force_available_balance ?? (a.type === "credit" && limit !== null && current != null ? limit - current : a.type === "depository" ? current : null);
    // Plaid's sandbox takes an account with no currency as USD.
    const currency = a.currency ?? a.transactions?.find((t) => t.currency)?.currency ?? DEFAULT_CURRENCY;
    batch.accounts.push({
      account_id,
      user_id: userId,
      type: a.type,
      subtype: a.subtype ?? a.type,
      name: a.meta?.name ?? `${a.subtype ?? a.type} account`,
      official_name: a.meta?.official_name ?? null,
      mask: a.meta?.mask ?? a.numbers?.account?.slice(-4) ?? null,
      available_cents: toCents(available),
      current_cents: toCents(current),
      limit_cents: toCents(limit),
      iso_currency_code: currency,
      unofficial_currency_code: null,
      holder_category: holder,
      source: ctx.source,
    });

    const modelled = inflowTransactions(a.inflow_model, posted[0], posted[posted.length - 1], `${ctx.file}: ${record}`, batch.notes);
    [...(a.transactions ?? []), ...modelled].forEach((t, j) => {
      const amount_cents = toCents(t.amount);
      const merchant_name = merchantNameFromDescriptor(t.description);
      const merchant = findMerchant({ name: t.description, merchant_name });
      const pfc = inferPfc(t.description, amount_cents, merchant);
      batch.transactions.push({
        transaction_id: `sbx_${shortHash(userId, i, j, t.date_posted, t.amount, t.description)}`,
        account_id,
        user_id: userId,
        date: t.date_posted,
        authorized_date: t.date_transacted ?? null,
        amount_cents,
        iso_currency_code: t.currency ?? currency,
        unofficial_currency_code: null,
        name: t.description,
        merchant_name: merchant_name ?? merchant?.canonical_name ?? null,
        merchant_entity_id: null,
        merchant_id: merchant?.id ?? null,
        payment_channel: inferPaymentChannel(t.description),
        pfc_primary: pfc.primary,
        pfc_detailed: pfc.detailed,
        pending: false,
      });
    });

    const l = a.liability;
    if (!l?.type) return;
    if (l.type === "credit") {
      const aprs = (["purchase_apr", "cash_apr", "balance_transfer_apr", "special_apr"] as const)
        .filter((k) => l[k] != null)
        .map((k) => ({
          apr_type: k,
          apr_percentage: l[k]!,
          balance_subject_to_apr_cents: k === "purchase_apr" ? toCents(current) : null,
          interest_charge_amount_cents: null,
        }));
      batch.credit.push({
        account_id,
        aprs,
        minimum_payment_cents: toCents(l.minimum_payment_amount),
        last_payment_cents: toCents(l.last_payment_amount),
        last_payment_date: l.last_payment_date ?? null,
        last_statement_balance_cents: toCents(l.last_statement_balance),
        last_statement_issue_date: null,
        next_payment_due_date: l.next_payment_due_date ?? null,
        is_overdue: l.is_overdue ?? null,
      });
    } else if (l.type === "student") {
      batch.student.push({
        account_id,
        interest_rate_percentage: l.nominal_apr ?? null,
        next_payment_due_date: l.next_payment_due_date ?? null,
        minimum_payment_cents: toCents(l.minimum_payment_amount),
        last_payment_cents: toCents(l.last_payment_amount),
        last_payment_date: l.last_payment_date ?? null,
        is_overdue: l.is_overdue ?? null,
        loan_name: l.loan_name ?? null,
        loan_status_type: null,
        repayment_plan_type: l.repayment_model?.type ?? null,
        expected_payoff_date: null,
        origination_date: l.origination_date ?? null,
        origination_principal_cents: toCents(l.principal),
        outstanding_interest_cents: null,
        ytd_interest_paid_cents: null,
        ytd_principal_paid_cents: null,
      });
    } else {
      batch.mortgage.push({
        account_id,
        interest_rate_percentage: l.nominal_apr ?? null,
        interest_rate_type: null,
        next_payment_due_date: l.next_payment_due_date ?? null,
        next_monthly_payment_cents: toCents(l.minimum_payment_amount),
        last_payment_cents: toCents(l.last_payment_amount),
        last_payment_date: l.last_payment_date ?? null,
        origination_date: l.origination_date ?? null,
        origination_principal_cents: toCents(l.principal),
        past_due_amount_cents: null,
        loan_term: null,
        maturity_date: null,
        escrow_balance_cents: null,
        ytd_interest_paid_cents: null,
        ytd_principal_paid_cents: null,
      });
    }
  });
}

type SandboxTransaction = z.infer<typeof sandboxTransaction>;

/**
 * The deposits an account's `inflow_model` stands for. Plaid's sandbox generates a
 * "monthly-income" model as a paycheck of `income_amount` on `payment_day_of_month`; we place
 * them on that day of every month inside the span the file's transactions cover (never beyond
 * it: that history is not in the file). Other model types are noted and not applied.
 */
export function inflowTransactions(model: z.infer<typeof sandboxAccount>["inflow_model"], from: string | undefined, to: string | undefined, where: string, notes: string[]): SandboxTransaction[] {
  if (!model || model.type === "none") return [];
  if (model.type !== "monthly-income" || model.income_amount === undefined || model.income_amount === null || !model.payment_day_of_month) {
    notes.push(`${where}: inflow_model "${model.type}" is not applied (only "monthly-income" with income_amount and payment_day_of_month is)`);
    return [];
  }
  if (!from || !to) {
    notes.push(`${where}: inflow_model not applied: the file has no transactions to say which dates it covers`);
    return [];
  }
  const name = model.transaction_name ?? "MONTHLY PAYCHECK";
  const amount = -model.income_amount;
  return monthlyDays(dayFromIso(from), dayFromIso(to), model.payment_day_of_month).map((d) => ({ date_transacted: isoFromDay(d), date_posted: isoFromDay(d), amount, description: name }));
}
