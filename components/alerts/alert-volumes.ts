// Alert volumes by kind over time, as the analyst page's chart reads them: one row per period,
// one column per kind that fired at all, labelled in words. Aggregates only. Pure.
import { ALERT_KINDS, type AlertKind } from "@/lib/engine/alerts/types";
import { alertKindLabel } from "@/lib/labels";

export interface AlertVolume {
  /** The period the alerts' events fall in, e.g. "2026-11". */
  period: string;
  kind: AlertKind;
  count: number;
}

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

export function alertVolumeChart(volumes: readonly AlertVolume[]) {
  const kinds = ALERT_KINDS.filter((k) => volumes.some((v) => v.kind === k && v.count > 0));
  const periods = [...new Set(volumes.map((v) => v.period))].sort();
  const data = periods.map((period) => {
    const row: Record<string, string | number> = { Month: period };
    for (const k of kinds) row[k] = volumes.filter((v) => v.period === period && v.kind === k).reduce((s, v) => s + v.count, 0);
    return row;
  });
  return { data, bars: kinds.map((k) => ({ key: k, label: alertKindLabel(k), color: COLOURS[k] })) };
}
