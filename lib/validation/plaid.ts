// zod schemas for Plaid-shaped input (SPEC §2, §2.2). Unknown fields Plaid sends (location,
// counterparties, logo_url, …) are accepted and dropped (the legacy `category` is kept only to
// categorise a transaction that has no personal_finance_category); fields we rely on
// are required and checked; a field Plaid allows to be null ("not set") may be null here too.
// Amounts are Plaid dollars (positive = money out), stored as integer cents by one rule: see
// `toCents` (half to even on the decimal digits as written).
import { z } from "zod";
import { safeId, safeName, safeText, TEXT_LIMITS } from "./text";

/** A short free-text label Plaid sends (subtype, loan term, …): a name's limits. */
const label = () => safeText(TEXT_LIMITS.name, { min: 1 });

/** A zod error function naming what a required field holds when it is null or missing. */
export const required =
  (what: string, otherwise?: string) =>
  (iss: { input?: unknown }): string | undefined =>
    iss.input === null || iss.input === undefined ? `required: ${what} (it is ${iss.input === null ? "null" : "missing"})` : otherwise;

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
  .string({ error: required("a date YYYY-MM-DD", "expected a date string YYYY-MM-DD") })
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), "expected a date in the form YYYY-MM-DD")
  .refine(isRealDate, { error: (iss) => `"${String(iss.input)}" is not a real calendar date` });

/** A Plaid date or datetime (authorized_datetime etc.); we keep the date part. */
export const isoDateLoose = z
  .string({ error: "expected a date string YYYY-MM-DD" })
  .transform((s) => s.slice(0, 10))
  .pipe(isoDate);

/** Plaid dollars, any precision (a 401k's `23631.9805` is real); `toCents` says how they are stored. */
export const dollars = z
  .number({ error: required("an amount in dollars", "expected a number (dollars)") })
  .refine(Number.isFinite, "must be a finite number")
  .refine((n) => Math.abs(n) <= MAX_ABS_DOLLARS, `must be within ±${MAX_ABS_DOLLARS.toLocaleString("en-US")}`);

export const nonNegativeDollars = dollars.refine((n) => n >= 0, "must not be negative");

/**
 * THE precision rule (README "Money", docs/real-data.md): money is stored as integer cents; an
 * amount with more than two decimals is rounded to the cent half to even, on its decimal digits
 * as written (JavaScript's shortest round-trip form), never on the binary float: 23631.9805 →
 * 2363198, 0.125 → 12, 0.135 → 14, -2.675 → -268.
 */
export function toCents(n: number): number;
export function toCents(n: number | null | undefined): number | null;
export function toCents(n: number | null | undefined): number | null {
  if (n === null || n === undefined) return null;
  // Two decimals or fewer as written (nearly every amount): the nearest double to cents/100 IS
  // the amount, so its digits say exactly these cents and there is nothing to round.
  const exact = Math.round(Math.abs(n) * 100);
  if (exact / 100 === Math.abs(n)) return n < 0 && exact !== 0 ? -exact : exact;
  const [mantissa, exponent = "0"] = String(Math.abs(n)).split("e");
  const [whole, frac = ""] = mantissa.split(".");
  let digits = whole + frac;
  let point = whole.length + Number(exponent);
  if (point < 0) [digits, point] = ["0".repeat(-point) + digits, 0];
  digits = digits.padEnd(point + 2, "0");
  let cents = Number(digits.slice(0, point + 2));
  const rest = digits.slice(point + 2).replace(/0+$/, "");
  // Past half ("51", "6") rounds up; exactly half ("5") rounds to the even cent.
  if (rest > "5" || (rest === "5" && cents % 2 === 1)) cents += 1;
  return n < 0 && cents !== 0 ? -cents : cents;
}

export const currencyCode = z.string().regex(/^[A-Z]{3}$/, "expected an ISO 4217 code such as USD");
/** Plaid's code for a currency ISO 4217 does not list (e.g. a cryptocurrency): kept as sent. */
export const unofficialCurrencyCode = z.string().regex(/^[A-Za-z0-9]{1,12}$/, "expected a currency code such as BTC");

/** Plaid's account types (its AccountType enum); the engine ignores those it does not use. */
export const ACCOUNT_TYPES = ["depository", "credit", "loan", "investment", "brokerage", "other"] as const;
export const HOLDER_CATEGORIES = ["personal", "business", "unrecognized"] as const;

const id = (what: string) => safeText(TEXT_LIMITS.id, { min: 1, error: required(what) });
const named = (what: string) => safeText(TEXT_LIMITS.name, { min: 1, error: required(what) });

export const plaidAccountSchema = z.object({
  account_id: id("the account's account_id"),
  balances: z.object(
    {
      available: dollars.nullish(),
      current: dollars.nullish(),
      limit: nonNegativeDollars.nullish(),
      iso_currency_code: currencyCode.nullish(),
      unofficial_currency_code: unofficialCurrencyCode.nullish(),
    },
    { error: required("the account's balances object") },
  ),
  mask: z.string().regex(/^[0-9A-Za-z]{2,4}$/, "expected the last 2–4 characters of the account number").nullish(),
  name: named("the account's name"),
  official_name: safeText(TEXT_LIMITS.name).nullish(),
  type: z.enum(ACCOUNT_TYPES, { error: required(`the account type (${ACCOUNT_TYPES.join(", ")})`, `expected one of ${ACCOUNT_TYPES.join(", ")}`) }),
  subtype: label().nullish(),
  holder_category: z.enum(HOLDER_CATEGORIES).nullish(),
});

export const PAYMENT_CHANNELS = ["online", "in store", "other"] as const;

export const plaidTransactionSchema = z.object({
  transaction_id: id("the transaction_id"),
  account_id: id("the transaction's account_id"),
  date: isoDate,
  authorized_date: isoDate.nullish(),
  amount: dollars,
  iso_currency_code: currencyCode.nullish(),
  unofficial_currency_code: unofficialCurrencyCode.nullish(),
  name: named("the transaction's name (its descriptor)"),
  merchant_name: safeText(TEXT_LIMITS.name).nullish(),
  merchant_entity_id: safeText(TEXT_LIMITS.id).nullish(),
  payment_channel: z.enum(PAYMENT_CHANNELS, { error: required(`the payment_channel (${PAYMENT_CHANNELS.join(", ")})`, `expected one of ${PAYMENT_CHANNELS.join(", ")}`) }),
  personal_finance_category: z
    .object({
      primary: z.string().max(TEXT_LIMITS.id).regex(/^[A-Z_]+$/, "expected a Plaid PFC primary such as FOOD_AND_DRINK"),
      detailed: z.string().max(TEXT_LIMITS.id).regex(/^[A-Z_]+$/, "expected a Plaid PFC detailed such as FOOD_AND_DRINK_GROCERIES"),
    })
    .nullish(),
  /** Plaid's legacy category path, e.g. ["Transfer", "Payroll"]: used only when personal_finance_category is absent. */
  category: z.array(safeText(TEXT_LIMITS.name)).nullish(),
  pending: z.boolean({ error: required("pending (true or false)", "expected boolean: true or false") }),
});

/** /transactions/sync's `removed[]`: transactions Plaid withdrew, applied as soft deletes. */
export const plaidRemovedTransactionSchema = z.object({
  transaction_id: id("the removed transaction_id"),
  account_id: safeText(TEXT_LIMITS.id).nullish(),
});

const aprSchema = z.object({
  apr_type: label(),
  apr_percentage: z.number().min(0, "must not be negative").max(100, "must be at most 100"),
  balance_subject_to_apr: dollars.nullish(),
  interest_charge_amount: nonNegativeDollars.nullish(),
});

export const plaidCreditLiabilitySchema = z.object({
  account_id: safeId(),
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
  account_id: safeId(),
  interest_rate: z.object({ percentage: rate.nullish(), type: label().nullish() }).nullish(),
  next_payment_due_date: isoDate.nullish(),
  next_monthly_payment: nonNegativeDollars.nullish(),
  last_payment_amount: nonNegativeDollars.nullish(),
  last_payment_date: isoDate.nullish(),
  origination_date: isoDate.nullish(),
  origination_principal_amount: nonNegativeDollars.nullish(),
  past_due_amount: nonNegativeDollars.nullish(),
  loan_term: label().nullish(),
  maturity_date: isoDate.nullish(),
  escrow_balance: dollars.nullish(),
  ytd_interest_paid: nonNegativeDollars.nullish(),
  ytd_principal_paid: nonNegativeDollars.nullish(),
});

export const plaidStudentLiabilitySchema = z.object({
  account_id: safeId(),
  interest_rate_percentage: rate.nullish(),
  next_payment_due_date: isoDate.nullish(),
  minimum_payment_amount: nonNegativeDollars.nullish(),
  last_payment_amount: nonNegativeDollars.nullish(),
  last_payment_date: isoDate.nullish(),
  is_overdue: z.boolean().nullish(),
  loan_name: label().nullish(),
  loan_status: z.object({ type: label().nullish() }).nullish(),
  repayment_plan: z.object({ type: label().nullish() }).nullish(),
  expected_payoff_date: isoDate.nullish(),
  origination_date: isoDate.nullish(),
  origination_principal_amount: nonNegativeDollars.nullish(),
  outstanding_interest_amount: nonNegativeDollars.nullish(),
  ytd_interest_paid: nonNegativeDollars.nullish(),
  ytd_principal_paid: nonNegativeDollars.nullish(),
});

export const bundleUserSchema = z.object({
  user_id: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, "expected 1–64 letters, digits, _ . : or -"),
  name: safeName(),
  consent: z.boolean().nullish(),
  age_band: label().nullish(),
  gender: label().nullish(),
  region: label().nullish(),
  income_tier: label().nullish(),
  credit_score: z.number().int("must be a whole number").min(300).max(850).nullish(),
});

/** A ground-truth event the generator injected (issue 15): what a detector should raise and where. */
export const generatorEventSchema = z.object({
  kind: label(),
  source: z.enum(["injected", "natural"]),
  date: isoDate,
  account_id: z.string().min(1).max(64),
  transaction_ids: z.array(z.string().min(1).max(64)).max(50),
  expected_alert: label(),
});

export const generatorLabelSchema = z.object({
  intended_persona: label(),
  profile: label(),
  seed: z.number().int(),
  events: z.array(generatorEventSchema).max(50).optional(),
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
  removed: z.array(plaidRemovedTransactionSchema).optional(),
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
