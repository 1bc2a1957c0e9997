import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/text-field";
import { TEXT_LIMITS } from "@/lib/validation/text";
import { guardPage } from "@/lib/auth/page-guard";
import { DecisionTable } from "@/components/trace/decision-table";
import { kindLabel, statusLabel } from "@/lib/labels";
import { reviewItem } from "@/lib/services/staff-pages";
import { parseReviewQueueQuery, reviewQueueHref } from "@/lib/validation/review";
import { overrideAction } from "../actions";

export const dynamic = "force-dynamic";

export default async function OverridePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ back?: string }> }) {
  const { id: raw } = await params;
  const sp = await searchParams;
  await guardPage("/review/[id]", `/review/${raw}`);
  const item = await reviewItem(raw);
  if (!item) notFound();
  const { rec, alternatives, trace, titles, replacement } = item;
  return (
    <div className="space-y-5">
      <Link href={reviewQueueHref(parseReviewQueueQuery(new URLSearchParams(sp.back ?? "")).query)} className="text-sm text-emerald-800 underline">← Review queue</Link>
      <h1 className="text-2xl font-bold">Override recommendation #{rec.id}</h1>
      <section aria-labelledby="current" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <h2 id="current" className="font-medium">
          Current: {kindLabel(rec.kind)} · {rec.title} <span className="text-slate-500">— {statusLabel(rec.status)}</span>
        </h2>
        <p className="text-slate-600">
          <Link className="font-mono underline" href={`/customers/${rec.user_id}`}>{rec.user_id}</Link> · {rec.window} · as of {rec.as_of}
        </p>
        <p className="mt-1" data-testid="current-rationale">{rec.rationale}</p>
        {replacement ? (
          <p className="mt-2 text-emerald-900" data-testid="replacement">
            Replaced by #{replacement.id}: {replacement.title} ({statusLabel(replacement.status)})
          </p>
        ) : null}
      </section>
      <section aria-labelledby="decision" className="space-y-2">
        <h2 id="decision" className="font-medium">How the engine decided</h2>
        {trace ? (
          <DecisionTable trace={trace} titles={titles} highlight={rec.content_id} label={`Every candidate for ${rec.user_id}, ${rec.window} window`} />
        ) : (
          <p className="text-sm text-slate-600">No decision trace is stored for this recommendation (the customer revoked consent, or it predates traces).</p>
        )}
      </section>
      {alternatives.unavailable ? (
        <p className="text-sm text-slate-600">Nothing can be swapped in: {alternatives.unavailable}.</p>
      ) : alternatives.items.length === 0 ? (
        <p className="text-sm text-slate-600">No other {rec.kind} item passed every check for this customer and window, so there is nothing to swap in. Reject it with a reason instead.</p>
      ) : (
        <ActionForm action={overrideAction} className="space-y-3">
          <input type="hidden" name="id" value={rec.id} />
          <input type="hidden" name="version" value={rec.version} />
          <fieldset className="space-y-2">
            <legend className="font-medium">Swap in another {rec.kind} item that passed every check (best first)</legend>
            {alternatives.items.map((a, i) => (
              <label key={a.content_id} className="flex gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm">
                <input type="radio" name="content_id" value={a.content_id} defaultChecked={i === 0} className="mt-1" />
                <span>
                  <span className="font-medium">{a.title}</span> <span className="text-slate-500">score {a.score}</span>
                  <span className="mt-1 block">{a.rationale}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <TextField name="reason" label="Why this item fits better" multiline rows={2} required min={5} max={TEXT_LIMITS.reason} className="flex max-w-xl flex-col gap-1 text-sm" />
          <button className="rounded bg-violet-800 px-3 py-1.5 font-medium text-white">Swap and approve</button>
        </ActionForm>
      )}
    </div>
  );
}
