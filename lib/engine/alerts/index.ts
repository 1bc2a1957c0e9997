// Alert detection (issue 15; docs/alerts.md): pure, at an explicit asOf. Each family lives in
// its own file; this assembles them, withholds any alert whose message fails the tone check,
// and sorts the rest (most urgent first, then by date and key).
import type { EngineConfig } from "../config";
import type { BudgetStatus } from "../budgets/types";
import type { Prepared } from "../signals/prepare";
import type { RecurringStream } from "../signals/types";
import { budgetAlerts } from "./budget";
import { alertContext, type Emit } from "./context";
import { lowBalanceAlerts, paymentDueAlerts } from "./forecast";
import { recurringAlerts } from "./recurring";
import { feeAlerts, transactionAlerts } from "./transactions";
import type { Alert, AlertSeverity } from "./types";

export type { Alert, AlertKind, AlertSeverity } from "./types";

const RANK: Record<AlertSeverity, number> = { urgent: 0, warning: 1, info: 2 };

export function compareAlerts(a: Alert, b: Alert): number {
  return RANK[a.severity] - RANK[b.severity] || (a.event_date < b.event_date ? -1 : a.event_date > b.event_date ? 1 : 0) || (a.alert_key < b.alert_key ? -1 : a.alert_key > b.alert_key ? 1 : 0);
}

/** Every alert, and those withheld because their message failed the tone check (a wording bug). */
export function collectAlerts(p: Prepared, budgets: readonly BudgetStatus[], config: EngineConfig, streams?: RecurringStream[]): { alerts: Alert[]; withheld: Alert[] } {
  const alerts: Alert[] = [];
  const withheld: Alert[] = [];
  const emit: Emit = ({ alert, ok }) => (ok ? alerts : withheld).push(alert);
  const ctx = alertContext(p, config, streams);
  budgetAlerts(ctx, budgets, emit);
  recurringAlerts(ctx, emit);
  paymentDueAlerts(ctx, emit);
  lowBalanceAlerts(ctx, emit);
  transactionAlerts(ctx, emit);
  feeAlerts(ctx, emit);
  return { alerts: alerts.sort(compareAlerts), withheld };
}

/**
 * The customer's alerts at p.asOf, most urgent first. `streams` (optional): recurring streams
 * already detected over the last config.alerts.historyDays, reused rather than found again.
 */
export function detectAlerts(p: Prepared, budgets: readonly BudgetStatus[], config: EngineConfig, streams?: RecurringStream[]): Alert[] {
  return collectAlerts(p, budgets, config, streams).alerts;
}
