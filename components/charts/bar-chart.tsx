"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface SimpleBarChartProps {
  title: string;
  data: Array<Record<string, string | number>>;
  x: string;
  bars: Array<{ key: string; label: string; color: string }>;
}

/** A labelled bar chart with the numbers also in a table for screen readers. */
export function SimpleBarChart({ title, data, x, bars }: SimpleBarChartProps) {
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4" aria-label={title}>
      <figcaption className="mb-2 font-medium">{title}</figcaption>
      <div className="h-64">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey={x} tick={{ fontSize: 11 }} interval={0} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
            <Tooltip />
            {bars.length > 1 ? <Legend /> : null}
            {bars.map((b) => (
              <Bar key={b.key} dataKey={b.key} name={b.label} fill={b.color} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="sr-only">
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
    </figure>
  );
}
