// Format (c): Plaid sandbox custom-user files (`override_accounts[]`), loaded exactly as Plaid
// publishes them. They carry no ids, so account and transaction ids are derived from the
// customer id and the record's position: re-ingesting the same file yields the same ids.
import crypto from "node:crypto";
import { z } from "zod";
import { dayFromIso, isoFromDay, monthlyDays } from "../dates";
import { dollars, isoDate, nonNegativeDollars, toCents } from "../../validation/plaid";
import { findMerchant, inferPaymentChannel, inferPfc } from "../categorise";
import { merchantNameFromDescriptor } from "../merchant-normalise";
import type { HolderCategory, IngestBatch, IngestIssue } from "../types";
import type { ParseContext } from "./bundle";
import { zodIssues } from "./issues";

const sandboxTransaction = z.object({
  date_transacted: isoDate,
  date_posted: isoDate,
  amount: dollars,
  description: z.string().min(1, "must not be empty"),
  currency: z.string().regex(/^[A-Z]{3}$/, "expected an ISO 4217 code such as USD").optional(),
});

const sandboxLiability = z.object({
  type: z.enum(["credit", "student", "mortgage"]),
  purchase_apr: z.number().min(0).max(100).optional(),
  cash_apr: z.number().min(0).max(100).optional(),
  balance_transfer_apr: z.number().min(0).max(100).optional(),
  special_apr: z.number().min(0).max(100).optional(),
  last_payment_amount: nonNegativeDollars.optional(),
  minimum_payment_amount: nonNegativeDollars.optional(),
  last_payment_date: isoDate.optional(),
  next_payment_due_date: isoDate.optional(),
  last_statement_balance: dollars.optional(),
  is_overdue: z.boolean().optional(),
  origination_date: isoDate.optional(),
  principal: nonNegativeDollars.optional(),
  nominal_apr: z.number().min(0).max(100).optional(),
  loan_name: z.string().optional(),
  repayment_model: z.object({ type: z.string().optional() }).optional(),
});

const sandboxAccount = z.object({
  type: z.string().min(1),
  subtype: z.string().min(1),
  starting_balance: dollars.optional(),
  force_available_balance: dollars.optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  holder_category: z.enum(["personal", "business", "unrecognized"]).optional(),
  meta: z
    .object({
      name: z.string().optional(),
      official_name: z.string().optional(),
      limit: nonNegativeDollars.optional(),
      mask: z.string().regex(/^[0-9A-Za-z]{2,4}$/).optional(),
    })
    .optional(),
  numbers: z.object({ account: z.string().optional() }).optional(),
  transactions: z.array(sandboxTransaction).optional(),
  liability: sandboxLiability.optional(),
  identity: z.object({ names: z.array(z.string()).optional() }).optional(),
  // Plaid generates recurring inflows from this model; "monthly-income" is a paycheck.
  inflow_model: z
    .object({
      type: z.string().min(1),
      income_amount: nonNegativeDollars.optional(),
      payment_day_of_month: z.number().int().min(1).max(31).optional(),
      transaction_name: z.string().min(1).optional(),
    })
    .optional(),
});

export const sandboxFileSchema = z.object({ override_accounts: z.array(sandboxAccount).min(1, "must list at least one account") });

export function isSandboxFile(json: unknown): boolean {
  return typeof json === "object" && json !== null && !Array.isArray(json) && "override_accounts" in json;
}

const ACCOUNT_TYPES = new Set(["depository", "credit", "loan", "investment", "other"]);
// Income-verification "accounts" in sandbox files hold paystubs, not transactions.
const INCOME_ONLY_TYPES = new Set(["payroll"]);
const BUSINESS_NAME = /\b(LLC|L\.L\.C\.|INC\.?|CORP\.?|CORPORATION|LTD\.?|LLP|PLLC|GMBH)$/i;

const shortHash = (...parts: Array<string | number>) =>
  crypto.createHash("sha256").update(parts.join("\u001f")).digest("hex").slice(0, 24);

export function parseSandbox(json: unknown, ctx: ParseContext, batch: IngestBatch, issues: IngestIssue[]): void {
  const parsed = sandboxFileSchema.safeParse(json);
  if (!parsed.success) {
    issues.push(...zodIssues(ctx.file, "file", parsed.error));
    return;
  }
  const userId = ctx.userId;
  if (!userId) {
    issues.push({ file: ctx.file, record: "file", field: "", reason: "missing customer id: pass --user or name the file after the customer" });
    return;
  }
  const accounts = parsed.data.override_accounts;
  // The span the file's own transactions cover: inflows a model describes are placed inside it.
  const posted = accounts.flatMap((a) => a.transactions ?? []).map((t) => t.date_posted).sort();
  const holderName = accounts.flatMap((a) => a.identity?.names ?? [])[0];
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
  });

  accounts.forEach((a, i) => {
    const record = `override_accounts[${i}]`;
    if (INCOME_ONLY_TYPES.has(a.type)) {
      batch.notes.push(`${ctx.file}: ${record} is a ${a.type} income-verification account (paystubs, no transactions); not stored as an account`);
      return;
    }
    if (!ACCOUNT_TYPES.has(a.type)) {
      issues.push({ file: ctx.file, record, field: "type", reason: `unknown account type "${a.type}" (expected depository, credit, loan, investment or other)` });
      return;
    }
    const account_id = `sbx_${shortHash(userId, i)}`;
    const names = a.identity?.names ?? [];
    const holder: HolderCategory =
      a.holder_category === "business" || (a.holder_category === undefined && names.some((n) => BUSINESS_NAME.test(n.trim())))
        ? "business"
        : "personal";
    const current = a.starting_balance ?? (a.liability?.type === "student" || a.liability?.type === "mortgage" ? a.liability.principal : undefined);
    const limit = a.meta?.limit;
    const available = a.force_available_balance ?? (a.type === "credit" && limit !== undefined && current !== undefined ? limit - current : a.type === "depository" ? current : undefined);
    const currency = a.currency ?? a.transactions?.[0]?.currency ?? "USD";
    batch.accounts.push({
      account_id,
      user_id: userId,
      type: a.type,
      subtype: a.subtype,
      name: a.meta?.name ?? `${a.subtype} account`,
      official_name: a.meta?.official_name ?? null,
      mask: a.meta?.mask ?? a.numbers?.account?.slice(-4) ?? null,
      available_cents: toCents(available),
      current_cents: toCents(current),
      limit_cents: toCents(limit),
      iso_currency_code: currency,
      holder_category: holder,
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
        authorized_date: t.date_transacted,
        amount_cents,
        iso_currency_code: t.currency ?? currency,
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
    if (!l) return;
    if (l.type === "credit") {
      const aprs = (["purchase_apr", "cash_apr", "balance_transfer_apr", "special_apr"] as const)
        .filter((k) => l[k] !== undefined)
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
  if (model.type !== "monthly-income" || model.income_amount === undefined || !model.payment_day_of_month) {
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
