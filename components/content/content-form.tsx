"use client";
import type { ContentItem } from "@/lib/engine/recommend/content";
import { PERSONA_LABELS } from "@/lib/engine/personas/assign";
import { CONTENT_FORMATS, TRIGGER_IDS } from "@/lib/engine/recommend/content";
import { PERSONA_IDS } from "@/lib/engine/types";
import { FIELD_LABELS, humanise, kindLabel, triggerLabel } from "@/lib/labels";
import { centsAsDollarsInput, CONTENT_LIMITS, TEXT_LIMITS } from "@/lib/validation/text";
import { ActionForm, keptValue, keptValues, useFormOutcome, type StaffFormAction } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/text-field";

const field = "rounded border border-slate-300 px-2 py-1";
const sentenceCase = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** The one content form, for a new item (no `item`) or an edit of an existing one (its id and kind fixed). */
export function ContentForm({ action, item, version, submit }: { action: StaffFormAction; item?: ContentItem; version?: number; submit: string }) {
  return (
    <ActionForm action={action} className="mt-3 grid gap-3 text-sm md:grid-cols-2">
      <ContentFields item={item} version={version} submit={submit} />
    </ActionForm>
  );
}

function FieldError({ name }: { name: string }) {
  const error = useFormOutcome().fieldErrors?.[name];
  return error ? <span className="text-xs text-red-800">{error}</span> : null;
}

/** Inside the form, so a refusal brings back every field as it was typed, with its problem beside it. */
function ContentFields({ item, version, submit }: { item?: ContentItem; version?: number; submit: string }) {
  const state = useFormOutcome();
  const personas = keptValues(state, "personas", item?.personas);
  const triggers = keptValues(state, "triggers", item?.triggers);
  return (
    <>
      {item ? (
        <>
          <input type="hidden" name="id" value={item.id} />
          <input type="hidden" name="kind" value={item.kind} />
          <input type="hidden" name="version" value={version} />
        </>
      ) : (
        <>
          <TextField name="id" label="Id" max={TEXT_LIMITS.id} placeholder="edu-… or offer-…" />
          <label className="flex flex-col">Kind<select name="kind" key={`kind-${state.seq}`} defaultValue={keptValue(state, "kind")} className={field}><option value="education">{kindLabel("education")}</option><option value="offer">{kindLabel("offer")}</option></select><FieldError name="kind" /></label>
        </>
      )}
      <label className="flex flex-col">Format<select name="format" key={`format-${state.seq}`} defaultValue={keptValue(state, "format", item?.format)} className={field}>{CONTENT_FORMATS.map((f) => <option key={f} value={f}>{humanise(f)}</option>)}</select><FieldError name="format" /></label>
      <TextField name="title" label="Title" max={CONTENT_LIMITS.title} defaultValue={item?.title} />
      <TextField name="summary" label="Summary" max={CONTENT_LIMITS.summary} defaultValue={item?.summary} className="flex flex-col gap-1 md:col-span-2" />
      <TextField name="because" label="Because (completes the data-citing rationale)" max={CONTENT_LIMITS.because} defaultValue={item?.because} className="flex flex-col gap-1 md:col-span-2" />
      <fieldset className="flex flex-col" key={`personas-${state.seq}`}><legend>Personas</legend>{PERSONA_IDS.map((p) => <label key={p}><input type="checkbox" name="personas" value={p} defaultChecked={personas.includes(p)} /> {PERSONA_LABELS[p]}</label>)}<FieldError name="personas" /></fieldset>
      <label className="flex flex-col">Triggers<select name="triggers" multiple size={6} key={`triggers-${state.seq}`} defaultValue={triggers} className={field}>{TRIGGER_IDS.map((t) => <option key={t} value={t}>{sentenceCase(triggerLabel(t))}</option>)}</select><FieldError name="triggers" /></label>
      <TextField name="product_category" label="Product category (offers)" max={CONTENT_LIMITS.product_category} defaultValue={item?.product_category ?? ""} />
      <TextField name="partner" label="Partner (offers)" max={CONTENT_LIMITS.partner} defaultValue={item?.partner ?? ""} />
      <TextField name="min_monthly_income" label={`${FIELD_LABELS.min_monthly_income_cents} (dollars, to the cent)`} max={15} inputMode="decimal" placeholder="2500.00" defaultValue={centsAsDollarsInput(item?.eligibility.min_monthly_income_cents)} />
      <TextField name="min_credit_score" label={FIELD_LABELS.min_credit_score} max={4} inputMode="numeric" defaultValue={item?.eligibility.min_credit_score} />
      <div><button className="rounded bg-emerald-800 px-3 py-1.5 font-medium text-white">{submit}</button></div>
    </>
  );
}
