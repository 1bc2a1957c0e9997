// PATCH /api/budgets/{id} — change a budget's amount or currency (audited).
// DELETE /api/budgets/{id} — soft-delete it (kept for audit; no longer shown or used).
import * as api from "@/lib/api/endpoints";
import { handle } from "@/lib/api/handler";
import { deleteBudget, updateBudget } from "@/lib/services/budgets";

export const PATCH = handle(api.updateBudget, ({ db, params, body, caller }) => updateBudget(db, params.id, body, caller.actor));
export const DELETE = handle(api.deleteBudget, ({ db, params, caller }) => deleteBudget(db, params.id, caller.actor));
