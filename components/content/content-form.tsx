import type { ContentItem } from "@/lib/engine/recommend/content";
import { PERSONA_LABELS } from "@/lib/engine/personas/assign";
import { CONTENT_FORMATS, TRIGGER_IDS } from "@/lib/engine/recommend/content";
import { PERSONA_IDS } from "@/lib/engine/types";

const field = "rounded border border-slate-300 px-2 py-1";

/** The one content form, for a new item (no `item`) or an edit of an existing one (its id and kind fixed). */
export function ContentForm({ action, item, version, submit }: { action: (form: FormData) => Promise<void>; item?: ContentItem; version?: number; submit: string }) {
  return (
    <form action={action} className="mt-3 grid gap-3 text-sm md:grid-cols-2">
      {item ? (
        <>
          <input type="hidden" name="id" value={item.id} />
          <input type="hidden" name="kind" value={item.kind} />
          <input type="hidden" name="version" value={version} />
        </>
      ) : (
        <>
          <label className="flex flex-col">Id<input name="id" placeholder="edu-… or offer-…" className={field} /></label>
          <label className="flex flex-col">Kind<select name="kind" className={field}><option value="education">education</option><option value="offer">offer</option></select></label>
        </>
      )}
      <label className="flex flex-col">Format<select name="format" defaultValue={item?.format} className={field}>{CONTENT_FORMATS.map((f) => <option key={f}>{f}</option>)}</select></label>
      <label className="flex flex-col">Title<input name="title" defaultValue={item?.title} className={field} /></label>
      <label className="flex flex-col md:col-span-2">Summary<input name="summary" defaultValue={item?.summary} className={field} /></label>
      <label className="flex flex-col md:col-span-2">Because (completes the data-citing rationale)<input name="because" defaultValue={item?.because} className={field} /></label>
      <fieldset className="flex flex-col"><legend>Personas</legend>{PERSONA_IDS.map((p) => <label key={p}><input type="checkbox" name="personas" value={p} defaultChecked={item?.personas.includes(p)} /> {PERSONA_LABELS[p]}</label>)}</fieldset>
      <label className="flex flex-col">Triggers<select name="triggers" multiple size={6} defaultValue={item?.triggers} className={field}>{TRIGGER_IDS.map((t) => <option key={t}>{t}</option>)}</select></label>
      <label className="flex flex-col">Product category (offers)<input name="product_category" defaultValue={item?.product_category ?? ""} className={field} /></label>
      <label className="flex flex-col">Partner (offers)<input name="partner" defaultValue={item?.partner ?? ""} className={field} /></label>
      <label className="flex flex-col">Minimum monthly income, cents<input name="min_monthly_income_cents" inputMode="numeric" defaultValue={item?.eligibility.min_monthly_income_cents} className={field} /></label>
      <label className="flex flex-col">Minimum credit score<input name="min_credit_score" inputMode="numeric" defaultValue={item?.eligibility.min_credit_score} className={field} /></label>
      <div><button className="rounded bg-emerald-800 px-3 py-1.5 font-medium text-white">{submit}</button></div>
    </form>
  );
}
