// Alert detection (issue 15). Filled in by the alerts work; the engine wires it in run().
import type { EngineConfig } from "../config";
import type { BudgetStatus } from "../budgets/types";
import type { Prepared } from "../signals/prepare";
import type { Alert } from "./types";

export type { Alert, AlertKind, AlertSeverity } from "./types";

export function detectAlerts(_p: Prepared, _budgets: readonly BudgetStatus[], _config: EngineConfig): Alert[] {
  return [];
}
