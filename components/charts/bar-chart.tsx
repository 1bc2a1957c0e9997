"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface SimpleBarChartProps {
  title: string;
  data: Array<Record<string, string | number>>;
  x: string;
  bars: Array<{ key: string; label: string; color: string }>;
  /** Bars run left to right with the labels on the left: for long category names (personas). */
  horizontal?: boolean;
  /** What the chart says when it has nothing to draw (no rows, or every count zero). */
  empty?: string;
  /** The bars of one row sit on top of each other (parts of a whole, e.g. alert kinds per month). */
  stacked?: boolean;
}

/** A labelled bar chart with the numbers also in a table for screen readers; an empty chart says so. */
export function SimpleBarChart({ title, data, x, bars, horizontal = false, empty = "No data for this chart yet.", stacked = false }: SimpleBarChartProps) {
  const hasData = data.some((d) => bars.some((b) => Number(d[b.key] ?? 0) > 0));
  // Many short category labels on the x axis are angled so they never overlap.
  const crowded = !horizontal && data.length > 5;
  const height = horizontal ? Math.max(160, data.length * (bars.length > 1 ? 40 : 28) + 60) : 256;
  return (
    <figure className="relative min-w-0 rounded-lg border border-slate-200 bg-white p-4" aria-label={title}>
      <figcaption className="mb-2 font-medium">{title}</figcaption>
      {hasData ? (
        <div style={{ height }}>
          <ResponsiveContainer width="100%" height="100%">
            {horizontal ? (
              <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
                <YAxis type="category" dataKey={x} width={150} tick={{ fontSize: 12 }} interval={0} />
                <Tooltip />
                {bars.length > 1 ? <Legend /> : null}
                {bars.map((b) => (
                  <Bar key={b.key} dataKey={b.key} name={b.label} fill={b.color} stackId={stacked ? "stack" : undefined} />
                ))}
              </BarChart>
            ) : (
              <BarChart data={data} margin={{ top: 8, right: 8, bottom: crowded ? 24 : 8, left: 0 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey={x} tick={{ fontSize: 11 }} interval={0} angle={crowded ? -35 : 0} textAnchor={crowded ? "end" : "middle"} height={crowded ? 56 : 30} />
                <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={40} />
                <Tooltip />
                {bars.length > 1 ? <Legend /> : null}
                {bars.map((b) => (
                  <Bar key={b.key} dataKey={b.key} name={b.label} fill={b.color} stackId={stacked ? "stack" : undefined} />
                ))}
              </BarChart>
            )}
          </ResponsiveContainer>
        </div>
      ) : (
        <p className="flex h-32 items-center justify-center rounded border border-dashed border-slate-300 text-sm text-slate-600" data-testid="chart-empty">
          {empty}
        </p>
      )}
      {/* The table sits in a clipped 1 px box: an sr-only table alone still widens the page by its content. */}
      <div className="sr-only">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{x}</th>
            {bars.map((b) => (
              <th key={b.key} scope="col">{b.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.map((d) => (
            <tr key={String(d[x])}>
              <th scope="row">{d[x]}</th>
              {bars.map((b) => (
                <td key={b.key}>{d[b.key] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}
