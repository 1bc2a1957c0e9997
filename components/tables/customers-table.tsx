"use client";

import { ScrollRegion } from "@/components/ui/scroll-region";
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import Link from "next/link";
import type { CustomerRow } from "@/lib/services/customers-api";

const column = createColumnHelper<CustomerRow>();

export interface CustomersTableProps {
  rows: CustomerRow[];
  sort: string;
  dir: "asc" | "desc";
  /** Builds the list URL for a sort column (server-side sorting). */
  sortHref: Record<string, string>;
  personaLabels: Record<string, string>;
}

export function CustomersTable({ rows, sort, dir, sortHref, personaLabels }: CustomersTableProps) {
  const columns = [
    column.accessor("user_id", { header: "Customer", cell: (c) => <Link className="font-mono text-emerald-800 underline" href={`/customers/${c.getValue()}`}>{c.getValue()}</Link> }),
    column.accessor("name", { header: "Name" }),
    column.accessor("consent", { header: "Consent", enableSorting: false, cell: (c) => (c.getValue() ? "Opted in" : "No consent") }),
    column.accessor("persona", {
      header: "Primary persona",
      cell: (c) => {
        const o = c.row.original.override;
        const engine = c.getValue() ? personaLabels[c.getValue()!] : c.row.original.consent ? "—" : "Not processed";
        return o ? (
          <span>
            {personaLabels[o.persona] ?? o.persona} <span className="text-xs text-amber-900">(override by {o.actor}; engine: {engine})</span>
          </span>
        ) : (
          engine
        );
      },
    }),
    column.accessor("strength", { header: "Strength", cell: (c) => c.getValue() ?? "—" }),
    column.accessor("as_of", { header: "Results as of", enableSorting: false, cell: (c) => c.getValue() ?? "—" }),
    column.accessor("pending", { header: "Awaiting review", cell: (c) => <span className="tabular-nums">{c.getValue()}</span> }),
  ];
  // react-table manages its own state; the React compiler skips this component, as intended.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), manualSorting: true, manualPagination: true });
  return (
    <ScrollRegion label="Customers table">
    <table className="w-full border-collapse text-sm">
      <thead>
        {table.getHeaderGroups().map((g) => (
          <tr key={g.id} className="border-b border-slate-300 text-left">
            {g.headers.map((h) => {
              const id = h.column.id;
              const sortable = id in sortHref;
              const active = sort === id;
              return (
                <th key={h.id} scope="col" className="px-2 py-2 font-medium" aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
                  {sortable ? (
                    <Link href={sortHref[id]} className="hover:underline">
                      {flexRender(h.column.columnDef.header, h.getContext())}
                      {active ? (dir === "asc" ? " ▲" : " ▼") : ""}
                    </Link>
                  ) : (
                    flexRender(h.column.columnDef.header, h.getContext())
                  )}
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((r) => (
          <tr key={r.id} className="border-b border-slate-100 hover:bg-slate-50">
            {r.getVisibleCells().map((c) => (
              <td key={c.id} className="px-2 py-1.5">
                {flexRender(c.column.columnDef.cell, c.getContext())}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
    </ScrollRegion>
  );
}
