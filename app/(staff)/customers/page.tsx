import Link from "next/link";
import { PersonaSelect } from "@/components/ui/persona-select";
import { CustomersTable } from "@/components/tables/customers-table";
import { guardPage } from "@/lib/auth/page-guard";
import { customerList } from "@/lib/services/customers-api";
import { PERSONA_LABELS, STRENGTHS } from "@/lib/engine/personas/assign";
import { CUSTOMER_SORTS, customerListQuerySchema, type CustomerListQuery } from "@/lib/validation/customers";
import { TEXT_LIMITS } from "@/lib/validation/text";

export const dynamic = "force-dynamic";

function href(q: CustomerListQuery, change: Partial<CustomerListQuery>): string {
  const next = { ...q, ...change };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(next)) if (v !== undefined && v !== "") params.set(k, String(v));
  return `/customers?${params.toString()}`;
}

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await guardPage("/customers", "/customers");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]).filter(([, v]) => v !== ""));
  const parsed = customerListQuerySchema.safeParse(raw);
  const q = parsed.success ? parsed.data : customerListQuerySchema.parse({});
  const { rows, total } = await customerList(q);
  const pages = Math.max(1, Math.ceil(total / q.pageSize));
  const sortHref = Object.fromEntries(CUSTOMER_SORTS.map((s) => [s, href(q, { sort: s, dir: q.sort === s && q.dir === "asc" ? "desc" : "asc", page: 1 })]));
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">Customers</h1>
      {!parsed.success ? <p role="status" className="text-sm text-amber-800">Some filters were not understood and were reset.</p> : null}
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter customers">
        <label className="flex flex-col">
          Search
          <input name="q" defaultValue={q.q ?? ""} maxLength={TEXT_LIMITS.query} placeholder="id or name" className="rounded border border-slate-300 px-2 py-1" />
        </label>
        <label className="flex flex-col">
          Window
          <select name="window" defaultValue={q.window} className="rounded border border-slate-300 px-2 py-1">
            <option value="30d">30 days</option>
            <option value="180d">180 days</option>
          </select>
        </label>
        <label className="flex flex-col">
          Persona
          <PersonaSelect value={q.persona} className="rounded border border-slate-300 px-2 py-1" />
        </label>
        <label className="flex flex-col">
          Strength
          <select name="strength" defaultValue={q.strength ?? ""} className="rounded border border-slate-300 px-2 py-1">
            <option value="">Any</option>
            {STRENGTHS.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          Consent
          <select name="consent" defaultValue={q.consent ?? ""} className="rounded border border-slate-300 px-2 py-1">
            <option value="">Any</option>
            <option value="yes">Opted in</option>
            <option value="no">No consent</option>
          </select>
        </label>
        <button type="submit" className="rounded bg-emerald-800 px-3 py-1.5 font-medium text-white">
          Apply
        </button>
      </form>
      <p className="text-sm text-slate-600" data-testid="customer-total">
        {total.toLocaleString("en-US")} customers · page {q.page} of {pages}
      </p>
      <CustomersTable rows={rows} sort={q.sort} dir={q.dir} sortHref={sortHref} personaLabels={PERSONA_LABELS} />
      <nav aria-label="Pages" className="flex gap-3 text-sm">
        {q.page > 1 ? <Link href={href(q, { page: q.page - 1 })}>← Previous</Link> : null}
        {q.page < pages ? <Link href={href(q, { page: q.page + 1 })}>Next →</Link> : null}
      </nav>
    </div>
  );
}
