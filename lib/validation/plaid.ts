// zod schemas for Plaid-shaped input (SPEC §2, §2.2). Unknown fields Plaid sends (location,
// counterparties, logo_url, …) are accepted and dropped (the legacy `category` is kept only to
// categorise a transaction that has no personal_finance_category); fields we rely on
// are required and checked. Amounts are Plaid dollars (positive = money out) and must carry at
// most two decimals so they convert to integer cents exactly.
import { z } from "zod";

const MAX_ABS_DOLLARS = 20_000_000; // integer cents must fit a 32-bit column

// A file of 100 000 transactions holds a few hundred distinct dates: judge each once.
const realDates = new Map<string, boolean>();

export function isRealDate(s: string): boolean {
  let real = realDates.get(s);
  if (real === undefined) {
    if (realDates.size >= 10_000) realDates.clear();
    realDates.set(s, (real = judgeDate(s)));
  }
  return real;
}

function judgeDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

export const isoDate = z
  .string({ error: "expected a date string YYYY-MM-DD" })
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), "expected a date in the form YYYY-MM-DD")
  .refine(isRealDate, { error: (iss) => `"${String(iss.input)}" is not a real calendar date` });

/** A Plaid date or datetime (authorized_datetime etc.); we keep the date part. */
export const isoDateLoose = z
  .string({ error: "expected a date string YYYY-MM-DD" })
  .transform((s) => s.slice(0, 10))
  .pipe(isoDate);

export const dollars = z
  .number({ error: "expected a number (dollars)" })
  .refine(Number.isFinite, "must be a finite number")
  .refine((n) => Math.abs(n) <= MAX_ABS_DOLLARS, `must be within ±${MAX_ABS_DOLLARS.toLocaleString("en-US")}`)
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, "must have at most two decimal places");

export const nonNegativeDollars = dollars.refine((n) => n >= 0, "must not be negative");

export function toCents(n: number): number;
export function toCents(n: number | null | undefined): number | null;
export function toCents(n: number | null | undefined): number | null {
  return n === null || n === undefined ? null : Math.round(n * 100);
}

const currency = z.string().regex(/^[A-Z]{3}$/, "expected an ISO 4217 code such as USD");

export const ACCOUNT_TYPES = ["depository", "credit", "loan", "investment", "other"] as const;
export const HOLDER_CATEGORIES = ["personal", "business", "unrecognized"] as const;

export const plaidAccountSchema = z.object({
  account_id: z.string().min(1, "must not be empty"),
  balances: z.object({
    available: dollars.nullish(),
    current: dollars.nullish(),
    limit: nonNegativeDollars.nullish(),
    iso_currency_code: currency.nullish(),
  }),
  mask: z.string().regex(/^[0-9A-Za-z]{2,4}$/, "expected the last 2–4 characters of the account number").nullish(),
  name: z.string().min(1, "must not be empty"),
  official_name: z.string().nullish(),
  type: z.enum(ACCOUNT_TYPES),
  subtype: z.string().min(1).nullish(),
  holder_category: z.enum(HOLDER_CATEGORIES).nullish(),
});

export const PAYMENT_CHANNELS = ["online", "in store", "other"] as const;

export const plaidTransactionSchema = z.object({
  transaction_id: z.string().min(1, "must not be empty"),
  account_id: z.string().min(1, "must not be empty"),
  date: isoDate,
  authorized_date: isoDate.nullish(),
  amount: dollars,
  iso_currency_code: currency.nullish(),
  name: z.string().min(1, "must not be empty"),
  merchant_name: z.string().nullish(),
  merchant_entity_id: z.string().nullish(),
  payment_channel: z.enum(PAYMENT_CHANNELS),
  personal_finance_category: z
    .object({
      primary: z.string().regex(/^[A-Z_]+$/, "expected a Plaid PFC primary such as FOOD_AND_DRINK"),
      detailed: z.string().regex(/^[A-Z_]+$/, "expected a Plaid PFC detailed such as FOOD_AND_DRINK_GROCERIES"),
    })
    .nullish(),
  /** Plaid's legacy category path, e.g. ["Transfer", "Payroll"]: used only when personal_finance_category is absent. */
  category: z.array(z.string()).nullish(),
  pending: z.boolean(),
});

const aprSchema = z.object({
  apr_type: z.string().min(1),
  apr_percentage: z.number().min(0, "must not be negative").max(100, "must be at most 100"),
  balance_subject_to_apr: dollars.nullish(),
  interest_charge_amount: nonNegativeDollars.nullish(),
});

export const plaidCreditLiabilitySchema = z.object({
  account_id: z.string().min(1),
  aprs: z.array(aprSchema),
  is_overdue: z.boolean().nullish(),
  last_payment_amount: nonNegativeDollars.nullish(),
  last_payment_date: isoDate.nullish(),
  last_statement_balance: dollars.nullish(),
  last_statement_issue_date: isoDate.nullish(),
  minimum_payment_amount: nonNegativeDollars.nullish(),
  next_payment_due_date: isoDate.nullish(),
});

const rate = z.number().min(0, "must not be negative").max(100, "must be at most 100");

export const plaidMortgageLiabilitySchema = z.object({
  account_id: z.string().min(1),
  interest_rate: z.object({ percentage: rate.nullish(), type: z.string().nullish() }).nullish(),
  next_payment_due_date: isoDate.nullish(),
  next_monthly_payment: nonNegativeDollars.nullish(),
  last_payment_amount: nonNegativeDollars.nullish(),
  last_payment_date: isoDate.nullish(),
  origination_date: isoDate.nullish(),
  origination_principal_amount: nonNegativeDollars.nullish(),
  past_due_amount: nonNegativeDollars.nullish(),
  loan_term: z.string().nullish(),
  maturity_date: isoDate.nullish(),
  escrow_balance: dollars.nullish(),
  ytd_interest_paid: nonNegativeDollars.nullish(),
  ytd_principal_paid: nonNegativeDollars.nullish(),
});

export const plaidStudentLiabilitySchema = z.object({
  account_id: z.string().min(1),
  interest_rate_percentage: rate.nullish(),
  next_payment_due_date: isoDate.nullish(),
  minimum_payment_amount: nonNegativeDollars.nullish(),
  last_payment_amount: nonNegativeDollars.nullish(),
  last_payment_date: isoDate.nullish(),
  is_overdue: z.boolean().nullish(),
  loan_name: z.string().nullish(),
  loan_status: z.object({ type: z.string().nullish() }).nullish(),
  repayment_plan: z.object({ type: z.string().nullish() }).nullish(),
  expected_payoff_date: isoDate.nullish(),
  origination_date: isoDate.nullish(),
  origination_principal_amount: nonNegativeDollars.nullish(),
  outstanding_interest_amount: nonNegativeDollars.nullish(),
  ytd_interest_paid: nonNegativeDollars.nullish(),
  ytd_principal_paid: nonNegativeDollars.nullish(),
});

export const bundleUserSchema = z.object({
  user_id: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, "expected 1–64 letters, digits, _ . : or -"),
  name: z.string().min(1, "must not be empty"),
  consent: z.boolean().nullish(),
  age_band: z.string().nullish(),
  gender: z.string().nullish(),
  region: z.string().nullish(),
  income_tier: z.string().nullish(),
  credit_score: z.number().int("must be a whole number").min(300).max(850).nullish(),
});

export const generatorLabelSchema = z.object({
  intended_persona: z.string().min(1),
  profile: z.string().min(1),
  seed: z.number().int(),
});

/**
 * The JSON bundle (SPEC §2.2 b): a user plus Plaid API response parts. `transactions` may also
 * arrive as `/transactions/sync`'s `added` + `modified`. `user` may be omitted when the caller
 * names the customer (`--user`). `label` is the generator's ground truth, kept apart.
 */
export const bundleSchema = z.object({
  user: bundleUserSchema.optional(),
  accounts: z.array(plaidAccountSchema).default([]),
  transactions: z.array(plaidTransactionSchema).optional(),
  added: z.array(plaidTransactionSchema).optional(),
  modified: z.array(plaidTransactionSchema).optional(),
  liabilities: z
    .object({
      credit: z.array(plaidCreditLiabilitySchema).nullish(),
      mortgage: z.array(plaidMortgageLiabilitySchema).nullish(),
      student: z.array(plaidStudentLiabilitySchema).nullish(),
    })
    .optional(),
  label: generatorLabelSchema.optional(),
});

export type PlaidAccount = z.infer<typeof plaidAccountSchema>;
export type PlaidTransaction = z.infer<typeof plaidTransactionSchema>;
export type PlaidBundle = z.input<typeof bundleSchema>;
export type ParsedBundle = z.output<typeof bundleSchema>;
