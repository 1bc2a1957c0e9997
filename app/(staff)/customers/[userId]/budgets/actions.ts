"use server";
// Server actions of the budgets panel on the staff customer page (components/budgets/budget-panel.tsx):
// set (create or change) a customer's monthly budget for a category, and delete one. Audited by the service.
import { z } from "zod";
import { ACTIONS } from "@/lib/auth/actions";
import { staffAction, type ActionState } from "@/lib/auth/staff-action";
import { exactMoney } from "@/lib/engine/recommend/format";
import { categoryLabel } from "@/lib/labels";
import { budgetsOnProcessDb } from "@/lib/services/budgets";
import { amountText, budgetCategory } from "@/lib/validation/budgets";
import { safeId } from "@/lib/validation/text";

const setForm = z.object({ userId: safeId(), category: budgetCategory, amount: amountText, from_suggestion: z.literal("yes").optional() });
const deleteForm = z.object({ userId: safeId(), budgetId: z.coerce.number().int().positive() });

/** Creates the budget for a category, or changes its amount (also "Use this budget" on a suggestion). */
export async function setBudgetAction(_prev: ActionState, form: FormData) {
  return await staffAction(ACTIONS.setBudgetAction, `/customers/${String(form.get("userId") ?? "")}`, form, async (actor) => {
    const f = setForm.parse(Object.fromEntries(form.entries()));
    const b = await budgetsOnProcessDb.setBudget({ user_id: f.userId, category: f.category, amount_cents: f.amount, from_suggestion: f.from_suggestion === "yes" }, actor);
    return `${categoryLabel(b.category)} budget set to ${exactMoney(b.amount_cents, b.currency)} a month.`;
  });
}

/** Deletes (soft) a budget of this customer, after the staff member confirmed it (ConfirmSubmit). */
export async function deleteBudgetAction(_prev: ActionState, form: FormData) {
  return await staffAction(ACTIONS.deleteBudgetAction, `/customers/${String(form.get("userId") ?? "")}`, form, async (actor) => {
    const f = deleteForm.parse(Object.fromEntries(form.entries()));
    const d = await budgetsOnProcessDb.deleteBudget(f.budgetId, actor, f.userId);
    return `${categoryLabel(d.category)} budget deleted.`;
  });
}
