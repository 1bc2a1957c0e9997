import { MEASURES, type FairnessWindow } from "@/lib/eval/fairness";
import { DIMENSION_LABELS, groupLabel, humanise } from "@/lib/labels";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { measureLabel, pct } from "@/lib/eval/report";
import { PARITY_THRESHOLD } from "@/lib/eval/targets";

/** Rate and parity ratio per demographic group; cells under the parity threshold are highlighted and say so. */
export function FairnessTable({ fairness, caption }: { fairness: FairnessWindow; caption: string }) {
  return (
    <ScrollRegion label="Fairness table">
    <table className="w-full border-collapse text-sm">
      <caption className="mb-2 text-left font-medium">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300 text-left">
          <th scope="col" className="px-2 py-1 font-medium">Group</th>
          <th scope="col" className="px-2 py-1 font-medium">Customers</th>
          {MEASURES.map((m) => (
            <th key={m} scope="col" className="px-2 py-1 font-medium">{measureLabel(m)}</th>
          ))}
        </tr>
      </thead>
      {fairness.dimensions.map((d) => (
        <tbody key={d.dimension}>
          <tr className="border-b border-slate-200 bg-slate-50">
            <th scope="colgroup" colSpan={MEASURES.length + 2} className="px-2 py-1 text-left font-medium">{DIMENSION_LABELS[d.dimension] ?? humanise(d.dimension)}</th>
          </tr>
          {d.groups.map((g) => (
            <tr key={g.group} className="border-b border-slate-100">
              <th scope="row" className="px-2 py-1 text-left font-normal">{groupLabel(d.dimension, g.group)}</th>
              <td className="px-2 py-1 tabular-nums">
                {g.n}
                {g.small ? <span className="ml-1 text-xs text-slate-500">(small)</span> : null}
              </td>
              {MEASURES.map((m) => {
                const ratio = g.parity[m];
                const flagged = ratio !== null && ratio < PARITY_THRESHOLD;
                return (
                  <td key={m} className={`px-2 py-1 tabular-nums ${flagged ? "bg-rose-50 font-semibold text-rose-800" : ""}`}>
                    {pct(g.rates[m])}
                    <span className="ml-1 text-xs">({ratio === null ? "n/a" : ratio.toFixed(2)})</span>
                    {flagged ? <span className="sr-only"> below {PARITY_THRESHOLD} of the best group</span> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      ))}
    </table>
    </ScrollRegion>
  );
}
