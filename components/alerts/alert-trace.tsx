import type { AlertTrace } from "@/lib/engine/alerts/types";
import { inputRows, thresholdRows, toneText, type TraceRow } from "./alert-view";

function Rows({ heading, rows }: { heading: string; rows: TraceRow[] }) {
  return (
    <>
      <tr className="border-t border-slate-200 bg-slate-50">
        <th scope="rowgroup" colSpan={2} className="px-2 py-1 text-left font-medium text-slate-700">{heading}</th>
      </tr>
      {rows.length === 0 ? (
        <tr className="border-t border-slate-100"><td colSpan={2} className="px-2 py-1 text-slate-600">None</td></tr>
      ) : (
        rows.map((r) => (
          <tr key={`${heading}-${r.label}`} className="border-t border-slate-100 align-top">
            <th scope="row" className="px-2 py-1 text-left font-normal text-slate-600">{r.label}</th>
            <td className="break-words px-2 py-1 tabular-nums">{r.value}</td>
          </tr>
        ))
      )}
    </>
  );
}

/**
 * "How this was decided": the rule in words, every value it read (labelled, money to the cent),
 * the thresholds it compared against and the tone check — with the raw JSON one click away.
 */
export function AlertTraceTable({ trace, currency, label }: { trace: AlertTrace; currency: string; label: string }) {
  return (
    <div className="space-y-2" data-testid="alert-trace">
      <p className="text-xs text-slate-700"><span className="font-medium">Rule:</span> {trace.rule}</p>
      <table className="w-full table-fixed text-xs">
        <caption className="sr-only">{label}</caption>
        <colgroup><col className="w-2/5" /><col /></colgroup>
        <tbody>
          <Rows heading="What the rule read" rows={inputRows(trace, currency)} />
          <Rows heading="What it compared against" rows={thresholdRows(trace, currency)} />
          <Rows heading="Tone" rows={[{ label: "Message", value: toneText(trace.tone) }]} />
        </tbody>
      </table>
      {trace.notes.length ? <p className="text-xs text-slate-600">{trace.notes.join(" ")}</p> : null}
      <details>
        <summary className="cursor-pointer text-xs text-emerald-800">Raw trace (JSON)</summary>
        <pre tabIndex={0} className="mt-1 max-h-80 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs">{JSON.stringify(trace, null, 2)}</pre>
      </details>
    </div>
  );
}
