// Alert precision and recall per kind from the latest evaluation's metrics.json
// (`alerts.<kind>.precision / .recall / .support`), against the aims of issue 15. Pure; reads the
// stored document defensively, because an evaluation written before alerts were measured has none.
import { ALERT_KINDS, type AlertKind } from "@/lib/engine/alerts/types";
import { alertKindLabel } from "@/lib/labels";

/** Issue 15's aims: precision ≥ 0.9 and recall ≥ 0.8 for these kinds; the others have no stated aim. */
export const ALERT_AIMS: Partial<Record<AlertKind, { precision: number; recall: number }>> = {
  duplicate_charge: { precision: 0.9, recall: 0.8 },
  unusual_amount: { precision: 0.9, recall: 0.8 },
  price_increase: { precision: 0.9, recall: 0.8 },
  low_balance_forecast: { precision: 0.9, recall: 0.8 },
};

export interface AlertQualityRow {
  kind: AlertKind;
  label: string;
  /** null: not measurable (nothing fired, or nothing to find), never shown as zero. */
  precision: number | null;
  recall: number | null;
  support: number | null;
  aim: { precision: number; recall: number } | null;
  /** null when there is no aim or a figure is not measurable. */
  meets: boolean | null;
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** One row per alert kind the evaluation measured, in the engine's kind order; [] when it measured none. */
export function alertQualityRows(metrics: unknown): AlertQualityRow[] {
  const alerts = (metrics as { alerts?: unknown } | null)?.alerts;
  if (!alerts || typeof alerts !== "object") return [];
  const rows: AlertQualityRow[] = [];
  for (const kind of ALERT_KINDS) {
    const m = (alerts as Record<string, unknown>)[kind];
    if (!m || typeof m !== "object") continue;
    const { precision, recall, support } = m as Record<string, unknown>;
    const p = num(precision), r = num(recall);
    const aim = ALERT_AIMS[kind] ?? null;
    const meets = aim && p !== null && r !== null ? p >= aim.precision && r >= aim.recall : null;
    rows.push({ kind, label: alertKindLabel(kind), precision: p, recall: r, support: num(support), aim, meets });
  }
  return rows;
}
