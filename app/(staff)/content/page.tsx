import { Forbidden } from "@/components/ui/forbidden";
import { guardPage } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { PERSONA_LABELS } from "@/lib/engine/personas/assign";
import { CONTENT_FORMATS, TRIGGER_IDS } from "@/lib/engine/recommend/content";
import { PERSONA_IDS } from "@/lib/engine/types";
import { CONTENT_TRANSITIONS } from "@/lib/services/content";
import { createContentAction, transitionContentAction } from "./actions";

export const dynamic = "force-dynamic";

const LABEL: Record<string, string> = { in_review: "Submit for review", approved: "Approve", retired: "Retire", draft: "Back to draft" };
const field = "rounded border border-slate-300 px-2 py-1";

export default async function ContentPage({ searchParams }: { searchParams: Promise<{ notice?: string; error?: string }> }) {
  const access = await guardPage("content:read", "/content");
  if (access.status === "forbidden") return <Forbidden role={access.session.user.role} what="the content catalog" />;
  const role = access.session.user.role;
  const sp = await searchParams;
  const items = await prisma().contentItem.findMany({ orderBy: [{ status: "asc" }, { id: "asc" }] });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Content catalog</h1>
      {sp.notice ? <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">{sp.notice}</p> : null}
      {sp.error ? <p id="content-error" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">{sp.error}</p> : null}
      <p className="text-sm text-slate-600">Drafts go to review; someone other than the author approves; only approved items reach the engine. Harmful products and judgmental wording are refused on save.</p>

      {can(role, "content:write") ? (
        <details className="rounded-lg border border-slate-200 bg-white p-4">
          <summary className="cursor-pointer font-medium">New content</summary>
          <form action={createContentAction} className="mt-3 grid gap-3 text-sm md:grid-cols-2">
            <label className="flex flex-col">Id<input name="id" placeholder="edu-… or offer-…" className={field} /></label>
            <label className="flex flex-col">Kind<select name="kind" className={field}><option value="education">education</option><option value="offer">offer</option></select></label>
            <label className="flex flex-col">Format<select name="format" className={field}>{CONTENT_FORMATS.map((f) => <option key={f}>{f}</option>)}</select></label>
            <label className="flex flex-col">Title<input name="title" className={field} /></label>
            <label className="flex flex-col md:col-span-2">Summary<input name="summary" className={field} /></label>
            <label className="flex flex-col md:col-span-2">Because (completes the data-citing rationale)<input name="because" className={field} /></label>
            <fieldset className="flex flex-col"><legend>Personas</legend>{PERSONA_IDS.map((p) => <label key={p}><input type="checkbox" name="personas" value={p} /> {PERSONA_LABELS[p]}</label>)}</fieldset>
            <label className="flex flex-col">Triggers<select name="triggers" multiple size={6} className={field}>{TRIGGER_IDS.map((t) => <option key={t}>{t}</option>)}</select></label>
            <label className="flex flex-col">Product category (offers)<input name="product_category" className={field} /></label>
            <label className="flex flex-col">Partner (offers)<input name="partner" className={field} /></label>
            <label className="flex flex-col">Minimum monthly income, cents<input name="min_monthly_income_cents" inputMode="numeric" className={field} /></label>
            <label className="flex flex-col">Minimum credit score<input name="min_credit_score" inputMode="numeric" className={field} /></label>
            <div><button className="rounded bg-emerald-800 px-3 py-1.5 font-medium text-white">Save draft</button></div>
          </form>
        </details>
      ) : null}

      <table className="w-full text-sm">
        <thead>
          <tr className="border-b text-left">
            <th scope="col">Id</th><th scope="col">Title</th><th scope="col">Kind</th><th scope="col">Status</th><th scope="col">Author</th><th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id} className="border-b border-slate-100" data-testid={`content-${c.id}`}>
              <td className="py-1 font-mono text-xs">{c.id}</td>
              <td>{c.title}</td>
              <td>{c.kind}</td>
              <td>{c.status.replace("_", " ")}</td>
              <td className="text-slate-600">{c.author}</td>
              <td className="flex gap-1 py-1">
                {(CONTENT_TRANSITIONS[c.status] ?? [])
                  .filter((to) => can(role, to === "approved" ? "content:approve" : "content:write"))
                  .map((to) => (
                    <form key={to} action={transitionContentAction}>
                      <input type="hidden" name="id" value={c.id} />
                      <input type="hidden" name="to" value={to} />
                      <button className="rounded border border-slate-400 px-2 py-0.5">{LABEL[to]}</button>
                    </form>
                  ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
