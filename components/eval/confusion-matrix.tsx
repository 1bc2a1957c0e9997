import type { ConfusionMatrix } from "@/lib/eval/persona-accuracy";
import { classLabel, pct } from "@/lib/eval/report";

/** Generator label (rows) against the engine's persona (columns), with recall per row and precision per column. */
export function ConfusionMatrixTable({ matrix, caption }: { matrix: ConfusionMatrix; caption: string }) {
  // Wider than its column on a narrow screen: it scrolls inside a region a keyboard can reach.
  return (
    <div className="max-w-full overflow-x-auto" tabIndex={0} role="region" aria-label={`${caption} (scrolls sideways)`}>
    <table className="min-w-max border-collapse text-sm">
      <caption className="mb-2 text-left font-medium">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="px-2 py-1 text-left font-medium">Generator label ↓ / engine →</th>
          {matrix.classes.map((c) => (
            <th key={c} scope="col" className="px-2 py-1 font-medium">{classLabel(c)}</th>
          ))}
          <th scope="col" className="px-2 py-1 font-medium">Recall</th>
        </tr>
      </thead>
      <tbody>
        {matrix.classes.map((c, i) => (
          <tr key={c} className="border-b border-slate-100">
            <th scope="row" className="px-2 py-1 text-left font-normal">{classLabel(c)}</th>
            {matrix.counts[i].map((n, j) => (
              <td key={matrix.classes[j]} className={`px-2 py-1 text-center tabular-nums ${i === j ? "bg-emerald-50 font-semibold" : n > 0 ? "bg-amber-50" : "text-slate-400"}`}>{n}</td>
            ))}
            <td className="px-2 py-1 text-center tabular-nums">{pct(matrix.per_class[i].recall)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" className="px-2 py-1 text-left font-medium">Precision</th>
          {matrix.per_class.map((c) => (
            <td key={c.class} className="px-2 py-1 text-center tabular-nums">{pct(c.precision)}</td>
          ))}
          <td className="px-2 py-1 text-center tabular-nums" title="accuracy">{pct(matrix.accuracy)}</td>
        </tr>
      </tfoot>
    </table>
    </div>
  );
}
