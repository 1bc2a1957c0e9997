// Alert volumes by kind over time, as the analyst page's chart reads them: one row per period,
// one column per kind that fired at all, labelled in words. Aggregates only. Pure.
import { ALERT_KINDS, type AlertKind } from "@/lib/engine/alerts/types";
import { alertKindLabel } from "@/lib/labels";
import type { AlertVolume } from "@/lib/services/alerts";

/** The store's aggregate: alerts of one kind whose event falls in one month (YYYY-MM). */
type Volume = Pick<AlertVolume, "month" | "kind" | "alerts">;

/** A colour per kind, dark enough for text contrast; the legend and the table name each one. */
const COLOURS: Record<AlertKind, string> = {
  budget_80: "#b45309",
  budget_100: "#9a3412",
  upcoming_payment: "#0369a1",
  price_increase: "#7c3aed",
  bill_changed: "#6d28d9",
  new_recurring: "#0f766e",
  payment_due: "#1d4ed8",
  low_balance_forecast: "#be123c",
  unusual_amount: "#a21caf",
  duplicate_charge: "#b91c1c",
  fee_charged: "#4d7c0f",
};

export function alertVolumeChart(volumes: readonly Volume[]) {
  const kinds = ALERT_KINDS.filter((k) => volumes.some((v) => v.kind === k && v.alerts > 0));
  const months = [...new Set(volumes.map((v) => v.month))].sort();
  const data = months.map((month) => {
    const row: Record<string, string | number> = { Month: month };
    for (const k of kinds) row[k] = volumes.filter((v) => v.month === month && v.kind === k).reduce((s, v) => s + v.alerts, 0);
    return row;
  });
  return { data, bars: kinds.map((k) => ({ key: k, label: alertKindLabel(k), color: COLOURS[k] })) };
}
