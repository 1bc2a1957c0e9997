import { ScrollRegion } from "@/components/ui/scroll-region";
import type { EvalMetrics } from "@/lib/eval/metrics";
import { alertQualityRows, type AlertQualityRow } from "./alert-quality";

const share = (v: number | null) => (v === null ? "Not measurable" : `${(v * 100).toFixed(1)}%`);
const verdict = (r: AlertQualityRow) => (r.aim === null ? "No aim set" : r.meets === null ? "Not measurable" : r.meets ? "Met" : "Not met");
const figure = (r: AlertQualityRow, v: number | null) => (r.labelled ? share(v) : "No ground truth");

/** Precision and recall of each alert kind against the generator's ground truth, with the aims and met / not met in words. */
export function AlertQualityTable({ metrics }: { metrics: Pick<EvalMetrics, "alerts"> }) {
  const rows = alertQualityRows(metrics);
  return (
    <section aria-labelledby="alert-quality" className="space-y-2">
      <h3 id="alert-quality" className="font-semibold">Alert precision and recall per kind</h3>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600" data-testid="alert-quality-empty">
          The latest evaluation did not measure alerts. Run <code className="font-mono">npx spendsense eval</code> on data generated with anomalies and fraud to see how well each kind is found.
        </p>
      ) : (
        <ScrollRegion label="Alert precision and recall table">
          <table className="w-full border-collapse text-sm" data-testid="alert-quality">
            <caption className="sr-only">Alert precision and recall per kind against the ground truth, with the aims</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                {["Alert", "Alerts raised", "Precision", "Recall", "Events in the truth", "False alerts per 1,000 customer-months", "Aim", "Status"].map((h) => (
                  <th key={h} scope="col" className="px-2 py-1.5 font-medium">{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.kind} className={`border-b border-slate-100 ${r.meets === false ? "bg-rose-50" : ""}`}>
                  <th scope="row" className="px-2 py-1 text-left font-normal">{r.label}</th>
                  <td className="px-2 py-1 tabular-nums">{r.alerts.toLocaleString("en-US")}</td>
                  <td className="px-2 py-1 tabular-nums">{figure(r, r.precision)}</td>
                  <td className="px-2 py-1 tabular-nums">{figure(r, r.recall)}</td>
                  <td className="px-2 py-1 tabular-nums">{r.labelled ? r.support.toLocaleString("en-US") : "Not labelled"}</td>
                  <td className="px-2 py-1 tabular-nums">{r.falsePer1000 === null ? "Not measurable" : r.falsePer1000.toLocaleString("en-US", { maximumFractionDigits: 1 })}</td>
                  <td className="px-2 py-1 tabular-nums">{r.aim ? `precision ≥ ${r.aim.precision * 100}%, recall ≥ ${r.aim.recall * 100}%` : "—"}</td>
                  <td className={`px-2 py-1 ${r.meets === false ? "font-semibold text-rose-800" : "text-slate-700"}`}>{verdict(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
