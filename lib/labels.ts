// The one table of human labels for every code a person reads on a page: Plaid categories,
// personas, demographics, audit actions, eligibility rules, triggers and form fields. Pure: no
// framework, database or clock, so pages, components, the CLI and tests can all import it.
import { DEFAULT_MARKETS, MARKET_CURRENCIES, type Market } from "./engine/currency";
import { PERSONA_LABELS } from "./engine/personas/assign";
import type { Eligibility, TriggerId } from "./engine/recommend/content";
import { exactMoney } from "./engine/recommend/format";
import type { PersonaId } from "./engine/types";
import type { AlertKind, AlertSeverity } from "./engine/alerts/types";
import { AUDIT_ACTIONS, isAuditAction } from "./db/audit"; // the closed action table (pure data)

/** "1 day", "2 days", "0 days": never "day(s)". `many` for irregular plurals. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** A code nobody wrote a label for still reads as words: `lower_middle` → "Lower middle". */
export function humanise(code: string): string {
  const words = code.replace(/[._-]+/g, " ").trim().toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : code;
}

const lookup = (table: Readonly<Record<string, string>>, code: string | null | undefined, missing: string) =>
  code == null || code === "" ? missing : (table[code] ?? humanise(code));

// ── Plaid personal finance categories (PFC v1) ────────────────────────────────────────────
/** Primary categories, longest first so FOOD_AND_DRINK wins over a shorter prefix. */
const PFC_PRIMARY: Record<string, string> = {
  GOVERNMENT_AND_NON_PROFIT: "Government and non-profit",
  GENERAL_MERCHANDISE: "Shopping",
  RENT_AND_UTILITIES: "Rent and utilities",
  HOME_IMPROVEMENT: "Home improvement",
  GENERAL_SERVICES: "Services",
  TRANSPORTATION: "Transportation",
  FOOD_AND_DRINK: "Food and drink",
  LOAN_PAYMENTS: "Loan payments",
  PERSONAL_CARE: "Personal care",
  ENTERTAINMENT: "Entertainment",
  TRANSFER_OUT: "Transfer out",
  TRANSFER_IN: "Transfer in",
  BANK_FEES: "Bank fees",
  MEDICAL: "Medical",
  INCOME: "Income",
  TRAVEL: "Travel",
};
/** Detailed categories whose words alone would mislead or read badly. */
const PFC_DETAILED: Record<string, string> = {
  FOOD_AND_DRINK_BEER_WINE_AND_LIQUOR: "Beer, wine and liquor",
  FOOD_AND_DRINK_OTHER_FOOD_AND_DRINK: "Other food and drink",
  GENERAL_MERCHANDISE_OTHER_GENERAL_MERCHANDISE: "Other shopping",
  GENERAL_SERVICES_OTHER_GENERAL_SERVICES: "Other services",
  GENERAL_SERVICES_ACCOUNTING_AND_FINANCIAL_PLANNING: "Accounting and financial planning",
  GOVERNMENT_AND_NON_PROFIT_GOVERNMENT_DEPARTMENTS_AND_AGENCIES: "Government departments and agencies",
  BANK_FEES_ATM_FEES: "ATM fees",
  BANK_FEES_OTHER_BANK_FEES: "Other bank fees",
  BANK_FEES_INTEREST_CHARGE: "Interest charge",
  BANK_FEES_INSUFFICIENT_FUNDS: "Insufficient funds fee",
  BANK_FEES_OVERDRAFT_FEES: "Overdraft fees",
  INCOME_WAGES: "Wages",
  INCOME_OTHER_INCOME: "Other income",
  INCOME_RETIREMENT_PENSION: "Retirement pension",
  LOAN_PAYMENTS_OTHER_PAYMENT: "Other loan payment",
  MEDICAL_OTHER_MEDICAL: "Other medical",
  PERSONAL_CARE_OTHER_PERSONAL_CARE: "Other personal care",
  ENTERTAINMENT_OTHER_ENTERTAINMENT: "Other entertainment",
  ENTERTAINMENT_TV_AND_MOVIES: "TV and movies",
  RENT_AND_UTILITIES_OTHER_UTILITIES: "Other utilities",
  TRANSFER_IN_ACCOUNT_TRANSFER: "Account transfer in",
  TRANSFER_OUT_ACCOUNT_TRANSFER: "Account transfer out",
  TRANSFER_IN_SAVINGS: "From savings",
  TRANSFER_OUT_SAVINGS: "To savings",
  TRANSFER_OUT_WITHDRAWAL: "Cash withdrawal",
  TRANSFER_OUT_INVESTMENT_AND_RETIREMENT_FUNDS: "Investment and retirement funds",
  TRAVEL_OTHER_TRAVEL: "Other travel",
};
/** Every Plaid PFC primary code (the 16 of PFC v1): what a category filter or a budget may name. */
export const PFC_PRIMARY_CODES: readonly string[] = Object.keys(PFC_PRIMARY).sort();
const PRIMARY_BY_LENGTH = Object.keys(PFC_PRIMARY).sort((a, b) => b.length - a.length);

/** A Plaid category code as a person says it: `FOOD_AND_DRINK_GROCERIES` → "Groceries". */
export function categoryLabel(code: string | null | undefined): string {
  if (!code) return "Uncategorised";
  if (PFC_DETAILED[code]) return PFC_DETAILED[code];
  if (PFC_PRIMARY[code]) return PFC_PRIMARY[code];
  const primary = PRIMARY_BY_LENGTH.find((p) => code.startsWith(`${p}_`));
  return humanise(primary ? code.slice(primary.length + 1) : code);
}

// ── Personas and persona history ──────────────────────────────────────────────────────────
export function personaLabel(p: string | null | undefined, none = "No persona"): string {
  if (!p || p === "none") return none;
  return PERSONA_LABELS[p as PersonaId] ?? humanise(p);
}
export const STRENGTH_LABELS: Record<string, string> = { strong: "Strong match", moderate: "Moderate match", weak: "Weak match", none: "No match" };
export const strengthLabel = (s: string | null | undefined) => lookup(STRENGTH_LABELS, s, "Not run");

/** How long the customer has held the persona; 0 days means this run assigned it. */
export function tenureLabel(days: number | null | undefined): string {
  if (days == null) return "Time in persona unknown";
  return days === 0 ? "New this run" : `In this persona for ${plural(days, "day")}`;
}

// ── Demographics ──────────────────────────────────────────────────────────────────────────
const INCOME_TIERS: Record<string, string> = { low: "Low income", lower_middle: "Lower-middle income", middle: "Middle income", upper_middle: "Upper-middle income", high: "High income" };
const GENDERS: Record<string, string> = { female: "Female", male: "Male", nonbinary: "Non-binary", non_binary: "Non-binary", undisclosed: "Not disclosed", unknown: "Not disclosed" };
export const incomeTierLabel = (t: string | null | undefined) => lookup(INCOME_TIERS, t, "Income not known");
export const genderLabel = (g: string | null | undefined) => lookup(GENDERS, g, "Gender not known");
export const ageBandLabel = (a: string | null | undefined) => (a ? `Age ${a}` : "Age not known");
/** "Age 25-34 · Female · Midwest · Lower-middle income", or null when nothing is known. */
export function demographicsLabel(c: { age_band?: string | null; gender?: string | null; region?: string | null; income_tier?: string | null }): string | null {
  const parts = [c.age_band ? ageBandLabel(c.age_band) : null, c.gender ? genderLabel(c.gender) : null, c.region ?? null, c.income_tier ? incomeTierLabel(c.income_tier) : null];
  const known = parts.filter((p): p is string => Boolean(p));
  return known.length ? known.join(" · ") : null;
}
/** A fairness grouping's name (age band, gender, region, income tier). */
export const DIMENSION_LABELS: Record<string, string> = { age_band: "Age band", gender: "Gender", region: "Region", income_tier: "Income tier" };
export function groupLabel(dimension: string, group: string): string {
  if (dimension === "income_tier") return incomeTierLabel(group);
  if (dimension === "gender") return genderLabel(group);
  return group;
}

// ── Audit log ─────────────────────────────────────────────────────────────────────────────
/** "recommendation.approve", 6 → "Approved recommendation #6". */
export function auditActionLabel(action: string, targetId?: string | number | null): string {
  const label = isAuditAction(action) ? AUDIT_ACTIONS[action].label : humanise(action);
  const target = targetId == null || targetId === "" ? "" : /^\d+$/.test(String(targetId)) ? ` #${targetId}` : ` ${targetId}`;
  return label + target;
}

// ── Recommendation and review statuses ────────────────────────────────────────────────────
const STATUSES: Record<string, string> = {
  pending_review: "Waiting for review",
  approved: "Approved",
  rejected: "Rejected",
  flagged: "Flagged",
  overridden: "Replaced by a reviewer",
  delivered: "Delivered",
  withdrawn: "Withdrawn",
  superseded: "Superseded by a later run",
  draft: "Draft",
  in_review: "Awaiting approval",
  retired: "Retired",
  running: "Running",
  finished: "Finished",
  failed: "Failed",
};
export const statusLabel = (s: string | null | undefined) => lookup(STATUSES, s, "Unknown");
export const KIND_LABELS: Record<string, string> = { education: "Education", offer: "Partner offer" };
export const kindLabel = (k: string) => lookup(KIND_LABELS, k, "Item");

// ── Engine triggers (what a score is made of) ─────────────────────────────────────────────
const TRIGGERS: Record<TriggerId, string> = {
  credit_utilization_high: "a card at 50% of its limit or more",
  credit_utilization_elevated: "a card at 30% of its limit or more",
  credit_interest: "card interest charged",
  credit_minimum_only: "paying only the minimum",
  credit_overdue: "a card payment overdue",
  income_irregular: "irregular income",
  income_low_buffer: "checking covers under a month of spending",
  fees_overdraft: "overdraft or insufficient-funds fees",
  fees_late: "late fees",
  fees_atm: "ATM fees",
  subscriptions_many: "three or more subscriptions",
  subscriptions_share: "subscriptions at 10% of spending or more",
  subscriptions_price_increase: "a subscription price went up",
  savings_growing: "money flowing into savings",
  savings_low_emergency_fund: "savings cover under three months",
  savings_no_account: "no savings account",
  savings_healthy_buffer: "savings cover three months or more",
  bills_recurring: "recurring bills",
};
export const triggerLabel = (t: string) => TRIGGERS[t as TriggerId] ?? humanise(t).toLowerCase();

// ── Eligibility rules and form fields ─────────────────────────────────────────────────────
export const FIELD_LABELS = {
  min_monthly_income_cents: "Minimum monthly income",
  min_credit_score: "Minimum credit score",
  requires_account_subtypes: "Requires an account of type",
  excludes_if_holds_subtypes: "Not for holders of",
  max_utilization_pct: "Every card under (utilization %)",
  markets: "Sold in",
} as const satisfies Record<keyof Eligibility, string>;

const subtypes = (s: readonly string[]) => s.map((x) => humanise(x).toLowerCase()).join(" or ");
/** An item's eligibility rules in words; `{}` reads as "Open to every customer". */
export function eligibilityLines(e: Eligibility | null | undefined): string[] {
  if (!e) return ["Open to every customer"];
  const currency = MARKET_CURRENCIES[(e.markets ?? DEFAULT_MARKETS)[0] as Market];
  const lines: string[] = [];
  if (e.min_monthly_income_cents != null) lines.push(`Monthly income of at least ${exactMoney(e.min_monthly_income_cents, currency)}`);
  if (e.min_credit_score != null) lines.push(`Credit score of at least ${e.min_credit_score}`);
  if (e.requires_account_subtypes?.length) lines.push(`Holds a ${subtypes(e.requires_account_subtypes)} account`);
  if (e.excludes_if_holds_subtypes?.length) lines.push(`Does not already hold a ${subtypes(e.excludes_if_holds_subtypes)} account`);
  if (e.max_utilization_pct != null) lines.push(`Every card under ${e.max_utilization_pct}% of its limit`);
  if (e.markets?.length) lines.push(`Sold in ${e.markets.join(", ")}`);
  return lines.length ? lines : ["Open to every customer"];
}
export const eligibilityLabel = (e: Eligibility | null | undefined) => eligibilityLines(e).join("; ");

// ── Budgets (issue 15) ────────────────────────────────────────────────────────────────────
/** A budget's status this month, in words. */
export const BUDGET_STATUS_LABELS: Record<string, string> = { on_track: "On track", at_risk: "At risk", over: "Over budget" };
export const budgetStatusLabel = (s: string | null | undefined) => lookup(BUDGET_STATUS_LABELS, s, "Unknown");

// ── Alerts (issue 15) ─────────────────────────────────────────────────────────────────────
export const ALERT_KIND_LABELS = {
  budget_80: "Budget 80% used",
  budget_100: "Budget fully used",
  upcoming_payment: "Upcoming payment",
  price_increase: "Subscription price went up",
  bill_changed: "A bill changed",
  new_recurring: "New recurring charge",
  payment_due: "Card payment due",
  low_balance_forecast: "Balance may run low",
  unusual_amount: "Unusual amount",
  duplicate_charge: "Possible duplicate charge",
  fee_charged: "Fee charged",
} as const satisfies Record<AlertKind, string>;
export const alertKindLabel = (k: string | null | undefined) => lookup(ALERT_KIND_LABELS, k, "Alert");
/** Severity in words (the colour only repeats it): info worth knowing, warning act soon, urgent act now. */
export const ALERT_SEVERITY_LABELS = { info: "For information", warning: "Act soon", urgent: "Act now" } as const satisfies Record<AlertSeverity, string>;
export const alertSeverityLabel = (s: string | null | undefined) => lookup(ALERT_SEVERITY_LABELS, s, "Severity unknown");
/** Delivery state of a stored alert (new → shown → dismissed). */
const ALERT_STATES: Record<string, string> = { new: "New, not yet shown", shown: "Shown to the customer", dismissed: "Dismissed" };
export const alertStateLabel = (s: string | null | undefined) => lookup(ALERT_STATES, s, "State unknown");
/** Where a possible-fraud alert stands with its second look. */
const ALERT_REVIEWS: Record<string, string> = { pending: "Waiting for a second look", released: "Released to the customer", cleared: "Cleared as a false alarm" };
export const alertReviewLabel = (s: string | null | undefined) => lookup(ALERT_REVIEWS, s, "No review needed");
