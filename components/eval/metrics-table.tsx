import { allMetrics, type EvalMetrics } from "@/lib/eval/metrics";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { formatTarget, formatValue } from "@/lib/eval/report";

/** Every headline metric against its target; results below target are marked in words, not colour alone. */
export function EvalMetricsTable({ metrics }: { metrics: EvalMetrics }) {
  return (
    <ScrollRegion label="Headline metrics table">
    <table className="w-full border-collapse text-sm">
      <caption className="mb-2 text-left font-medium">Headline metrics against targets</caption>
      <thead>
        <tr className="border-b border-slate-300 text-left">
          {["Metric", "Window", "Value", "Count", "Target", "Status"].map((h) => (
            <th key={h} scope="col" className="px-2 py-1.5 font-medium">{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {allMetrics(metrics).map((e) => (
          <tr key={`${e.id}-${e.window}`} className={`border-b border-slate-100 ${e.meets === false ? "bg-rose-50" : ""}`}>
            <th scope="row" className="px-2 py-1 text-left font-normal">{e.label}</th>
            <td className="px-2 py-1">{e.window}</td>
            <td className="px-2 py-1 tabular-nums">{formatValue(e)}</td>
            <td className="px-2 py-1 tabular-nums">{e.denominator === null ? "" : `${e.numerator}/${e.denominator}`}</td>
            <td className="px-2 py-1 tabular-nums">{formatTarget(e)}</td>
            <td className={`px-2 py-1 ${e.meets === false ? "font-semibold text-rose-800" : "text-slate-700"}`}>{e.meets === null ? "Not measurable" : e.meets ? "Meets target" : "Below target"}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </ScrollRegion>
  );
}
