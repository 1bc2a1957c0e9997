import type { DecisionTrace } from "@/lib/engine";
import { decisionRows, decisionSummary } from "./decision-rows";

/**
 * A decision trace as a reviewer reads it: each candidate, its score and what made it up,
 * eligibility, tone, and whether it was chosen or why it was left out. The raw JSON stays one
 * click away for an auditor. `highlight` marks the row of the item being reviewed.
 */
export function DecisionTable({ trace, titles, highlight, label, raw }: { trace: DecisionTrace; titles?: Record<string, string>; highlight?: string; label: string; raw?: unknown }) {
  const rows = decisionRows(trace, titles);
  return (
    <div className="space-y-2" data-testid="decision-table">
      <p className="text-xs text-slate-600">{decisionSummary(trace)}</p>
      {trace.notes.length ? <p className="text-xs text-slate-600">{trace.notes.join(" ")}</p> : null}
      <div className="overflow-x-auto rounded border border-slate-200 bg-white" tabIndex={0} role="region" aria-label={label}>
        <table className="w-full min-w-[44rem] text-xs">
          <caption className="sr-only">{label}</caption>
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              <th scope="col" className="px-2 py-1.5 font-medium">Item</th>
              <th scope="col" className="px-2 py-1.5 text-right font-medium">Score</th>
              <th scope="col" className="px-2 py-1.5 font-medium">What made the score</th>
              <th scope="col" className="px-2 py-1.5 font-medium">Eligibility</th>
              <th scope="col" className="px-2 py-1.5 font-medium">Tone</th>
              <th scope="col" className="px-2 py-1.5 font-medium">Decision</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.contentId} className={`border-t border-slate-100 align-top ${r.contentId === highlight ? "bg-amber-50" : r.chosen ? "bg-emerald-50/50" : ""}`} data-chosen={r.chosen}>
                <th scope="row" className="px-2 py-1.5 text-left font-medium">
                  {r.item}
                  <span className="block font-normal text-slate-500">{r.kind}</span>
                </th>
                <td className="px-2 py-1.5 text-right tabular-nums">{r.score}</td>
                <td className="px-2 py-1.5">
                  <ul>{r.scoreParts.map((p) => <li key={p}>{p}</li>)}</ul>
                </td>
                <td className="px-2 py-1.5">{r.eligibility}</td>
                <td className="px-2 py-1.5">{r.tone}</td>
                <td className={`px-2 py-1.5 ${r.chosen ? "font-medium text-emerald-900" : "text-slate-700"}`}>{r.decision}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="text-xs">
        <summary className="cursor-pointer text-emerald-800">Raw trace (JSON)</summary>
        <pre className="mt-1 max-h-80 overflow-auto rounded bg-slate-50 p-2">{JSON.stringify(raw ?? trace, null, 2)}</pre>
      </details>
    </div>
  );
}
