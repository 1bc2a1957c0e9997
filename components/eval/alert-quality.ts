// Alert precision and recall per kind from the latest evaluation (metrics.json `alerts.<kind>`),
// against issue 15's aims, as the analyst page's table reads them. Pure. An evaluation written
// before alerts were measured has no `alerts`, and gives no rows.
import { ALERT_KINDS, type AlertKind } from "@/lib/engine/alerts/types";
import type { EvalMetrics } from "@/lib/eval/metrics";
import { alertKindLabel } from "@/lib/labels";

export interface AlertQualityRow {
  kind: AlertKind;
  label: string;
  /** Whether the generator labels this kind at all (without a label nothing is measurable). */
  labelled: boolean;
  /** null: not measurable (nothing fired, or nothing to find), never shown as zero. */
  precision: number | null;
  recall: number | null;
  support: number;
  alerts: number;
  falsePer1000: number | null;
  aim: { precision: number; recall: number } | null;
  /** null when there is no aim or a figure is not measurable. */
  meets: boolean | null;
}

/** One row per alert kind the evaluation reports, in the engine's kind order; [] when it measured none. */
export function alertQualityRows(metrics: Pick<EvalMetrics, "alerts"> | null): AlertQualityRow[] {
  const alerts = metrics?.alerts;
  if (!alerts) return [];
  return ALERT_KINDS.filter((k) => alerts[k]).map((kind) => {
    const m = alerts[kind];
    return {
      kind,
      label: alertKindLabel(kind),
      labelled: m.labelled,
      precision: m.precision,
      recall: m.recall,
      support: m.support,
      alerts: m.alerts,
      falsePer1000: m.false_alerts_per_1000_customer_months,
      aim: m.aim ? { precision: m.aim.precision, recall: m.aim.recall } : null,
      meets: m.aim?.met ?? null,
    };
  });
}
