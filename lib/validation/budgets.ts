// zod schemas for budgets (issue 15), shared by the API, the CLI and the staff form: a budget names
// a Plaid PFC primary that can hold spending (money in — INCOME, TRANSFER_IN — never can), an
// amount in whole cents above zero, and a currency code.
import { z } from "zod";
import { PFC_PRIMARY_CODES } from "../labels";
import { bundleUserSchema, isoDate } from "./plaid";
import { queryNumber } from "./text";

/** The PFC primaries a budget may name: every primary except the ones money only comes in by. */
export const BUDGET_CATEGORIES = PFC_PRIMARY_CODES.filter((c) => c !== "INCOME" && c !== "TRANSFER_IN");

/** Upper bound for one monthly budget: $10,000,000.00 (a typing slip, not a budget, above it). */
export const MAX_BUDGET_CENTS = 1_000_000_000;

export const budgetCategory = z
  .string({ error: "expected a Plaid PFC primary such as FOOD_AND_DRINK" })
  .refine((c) => BUDGET_CATEGORIES.includes(c), { error: (iss) => `"${String(iss.input)}" is not a Plaid PFC primary a budget can hold; use one of ${BUDGET_CATEGORIES.join(", ")}` });

export const amountCents = z
  .number({ error: "expected the monthly amount in cents, a whole number such as 45000 for $450.00" })
  .int("expected whole cents (45000 for $450.00), not a fraction of a cent")
  .positive("the amount must be more than 0")
  .max(MAX_BUDGET_CENTS, `the amount must be at most ${MAX_BUDGET_CENTS} cents`);

/** "450", "450.5" or "450.50" (dollars, to the cent) → 45050; what the CLI and the staff form read. */
export const amountText = z
  .string({ error: "expected an amount such as 450.00" })
  .trim()
  .regex(/^\d{1,8}(\.\d{1,2})?$/, "expected an amount in dollars and cents such as 450.00 (at most two decimals)")
  .transform((s) => Math.round(Number(s) * 100))
  .pipe(amountCents);

export const currencyCode = z.string().regex(/^[A-Z]{3}$/, "expected a three-letter currency code such as USD");
const userId = bundleUserSchema.shape.user_id.describe("customer id");

export const budgetSource = z.enum(["staff", "api", "suggestion"]);
export type BudgetSource = z.output<typeof budgetSource>;

export const createBudgetBody = z
  .object({
    user_id: userId,
    category: budgetCategory.describe("Plaid PFC primary, e.g. FOOD_AND_DRINK"),
    amount_cents: amountCents.describe("the monthly amount in cents (45000 = $450.00)"),
    currency: currencyCode.optional().describe("default: the currency of the customer's accounts"),
    from_suggestion: z.boolean().optional().describe("true when the amount was taken from GET /api/budgets/suggestions (recorded as the source)"),
  })
  .strict();
export type CreateBudgetInput = z.output<typeof createBudgetBody>;

export const updateBudgetBody = z
  .object({ amount_cents: amountCents.optional(), currency: currencyCode.optional() })
  .strict()
  .refine((b) => b.amount_cents !== undefined || b.currency !== undefined, { message: "send amount_cents and/or currency", path: ["amount_cents"] });
export type UpdateBudgetInput = z.output<typeof updateBudgetBody>;

export const budgetParams = z.object({ id: queryNumber({ integer: true }).pipe(z.number().int().positive()).describe("budget id") });
export const budgetsQuery = z.object({ user_id: userId });
export const budgetStatusQuery = z.object({ user_id: userId, as_of: isoDate.optional().describe("default: the newest transaction date held") });

const money = { amount_cents: z.number().int(), currency: z.string() };

export const budgetView = z.object({
  id: z.number().int(),
  user_id: z.string(),
  category: z.string(),
  ...money,
  source: budgetSource,
  created_by: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});
export const budgetList = z.object({ data: z.array(budgetView) });
export const deletedBudget = z.object({ id: z.number().int(), category: z.string(), deleted_at: z.string(), deleted_by: z.string() });

const budgetMonth = z.object({ period: z.string(), spent_cents: z.number().int() });
export const budgetStatusView = z.object({
  budget_id: z.string(),
  category: z.string(),
  currency: z.string(),
  period: z.string().describe("YYYY-MM: the calendar month containing as_of"),
  period_start: z.string(),
  period_end: z.string(),
  amount_cents: z.number().int(),
  spent_cents: z.number().int().describe("settled spending in the category from period_start to as_of, refunds netted off"),
  remaining_cents: z.number().int(),
  percent_used: z.number().nullable(),
  projected_cents: z.number().int().nullable().describe("month-end spend at the pace so far; null before enough days"),
  days_elapsed: z.number().int(),
  days_in_period: z.number().int(),
  status: z.enum(["on_track", "at_risk", "over"]),
  history: z.array(budgetMonth).describe("earlier full months the history covers, oldest first (uncovered months are left out, not 0)"),
  notes: z.array(z.string()),
});
export const budgetStatusResponse = z.object({
  user_id: z.string(),
  as_of: z.string(),
  budgets: z.array(budgetStatusView),
  unavailable: z.array(z.object({ budget_id: z.string(), category: z.string(), reason: z.string() })).describe("budgets whose spend is not known (never shown as 0)"),
  totals: z
    .array(z.object({ currency: z.string(), budgeted_cents: z.number().int(), spent_cents: z.number().int(), remaining_cents: z.number().int(), over_budget: z.array(z.string()).describe("categories over budget") }))
    .describe("one per currency: amounts in different currencies are never added"),
});
export const budgetSuggestionsResponse = z.object({
  user_id: z.string(),
  as_of: z.string(),
  suggestions: z.array(
    z.object({ category: z.string(), currency: z.string(), amount_cents: z.number().int(), months: z.array(budgetMonth), median_cents: z.number().int(), buffer_percent: z.number(), explanation: z.string() }),
  ),
  notes: z.array(z.string()).describe("why a category, or the whole customer, has no suggestion"),
});
