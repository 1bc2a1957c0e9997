// Budget status and suggestions (issue 15). Filled in by the budgets work; the engine wires it in run().
import type { EngineConfig } from "../config";
import type { Prepared } from "../signals/prepare";
import type { BudgetInput, BudgetStatus, BudgetSuggestion } from "./types";

export type { BudgetInput, BudgetStatus, BudgetSuggestion } from "./types";

export function budgetStatuses(_p: Prepared, _budgets: readonly BudgetInput[], _config: EngineConfig): BudgetStatus[] {
  return [];
}

export function suggestBudgets(_p: Prepared, _config: EngineConfig): BudgetSuggestion[] {
  return [];
}
