// metrics.json and metrics.csv from the metrics document. The CLI writes them and the insights
// page's downloads regenerate them from the stored document with these same functions.
import { csvCell } from "../data/csv";
import { WINDOWS } from "../engine/types";
import { allMetrics, type EvalMetrics } from "./metrics";
import { renderReport } from "./report";
import { PARITY_THRESHOLD } from "./targets";

export const EVAL_FILES = ["metrics.json", "metrics.csv", "report.md"] as const;
export type EvalFile = (typeof EVAL_FILES)[number];

export function renderMetricsJson(m: EvalMetrics): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}

type Row = [section: string, window: string, name: string, value: number | string | null, numerator?: number | null, denominator?: number | null, target?: number | null, meets?: boolean | null];

/**
 * One long table a spreadsheet can pivot: headline metrics, then the confusion matrices, per-class
 * precision and recall, and every fairness rate and parity ratio.
 */
export function renderMetricsCsv(m: EvalMetrics): string {
  const rows: Row[] = allMetrics(m).map((e) => ["metric", e.window, e.id, e.value, e.numerator, e.denominator, e.target, e.meets]);
  for (const w of WINDOWS) {
    const cm = m.persona_accuracy[w];
    cm.classes.forEach((label, i) => cm.classes.forEach((pred, j) => rows.push(["confusion", w, `${label} -> ${pred}`, cm.counts[i][j]])));
    for (const c of cm.per_class) {
      rows.push(["precision", w, c.class, c.precision, c.correct, c.predicted]);
      rows.push(["recall", w, c.class, c.recall, c.correct, c.support]);
    }
    for (const d of m.fairness[w].dimensions) {
      for (const g of d.groups) {
        for (const [measure, value] of Object.entries(g.rates)) {
          rows.push(["fairness_rate", w, `${d.dimension}=${g.group}:${measure}`, value, null, g.n]);
          rows.push(["fairness_parity", w, `${d.dimension}=${g.group}:${measure}`, g.parity[measure as keyof typeof g.parity], null, g.n, PARITY_THRESHOLD]);
        }
      }
    }
  }
  for (const [kind, a] of Object.entries(m.alerts ?? {})) {
    rows.push(["alert_precision", "all", kind, a.precision, a.true_alerts, a.true_alerts + a.false_alerts, a.aim?.precision ?? null, a.aim ? (a.precision === null ? null : a.precision >= a.aim.precision) : null]);
    rows.push(["alert_recall", "all", kind, a.recall, a.found, a.support, a.aim?.recall ?? null, a.aim ? (a.recall === null ? null : a.recall >= a.aim.recall) : null]);
    rows.push(["alert_false_per_1000_customer_months", "all", kind, a.false_alerts_per_1000_customer_months, a.false_alerts, m.alert_truth?.customers ?? null]);
  }
  for (const e of m.alert_truth?.events ?? []) rows.push(["alert_event_recall", "all", `${e.event} -> ${e.expected_alert}`, e.recall, e.found, e.support]);
  const header = ["section", "window", "name", "value", "numerator", "denominator", "target", "meets"];
  return `${[header, ...rows].map((r) => header.map((_, i) => csvCell(r[i] ?? null)).join(",")).join("\n")}\n`;
}

const CONTENT_TYPES: Record<EvalFile, string> = { "metrics.json": "application/json", "metrics.csv": "text/csv", "report.md": "text/markdown" };

/** One of the evaluation's files, rendered from the metrics document. */
export function renderEvalFile(m: EvalMetrics, file: EvalFile): { body: string; contentType: string } {
  const body = file === "metrics.json" ? renderMetricsJson(m) : file === "metrics.csv" ? renderMetricsCsv(m) : renderReport(m);
  return { body, contentType: `${CONTENT_TYPES[file]}; charset=utf-8` };
}
