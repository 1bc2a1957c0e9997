import Link from "next/link";
import { plural } from "@/lib/labels";
import { notFound } from "next/navigation";
import { guardPage } from "@/lib/auth/page-guard";
import { DISCLAIMER } from "@/lib/engine";
import { PERSONA_LABELS } from "@/lib/engine/personas/assign";
import type { PersonaId } from "@/lib/engine/types";
import { ConsentRequiredError, NotFoundError } from "@/lib/services/errors";
import { AlertList } from "@/components/alerts/alert-card";
import { customerVisibleAlerts, customerWindows } from "@/lib/services/staff-pages";

export const dynamic = "force-dynamic";

// Friendly, non-judgmental framing of each persona, as the customer would read it.
const SUMMARY: Record<PersonaId, string> = {
  high_utilization: "A few ideas for easing card balances and the interest that comes with them.",
  variable_income: "Ideas for planning around income that arrives on an uneven schedule.",
  fee_fighter: "Ways to keep more of your money by steering clear of bank fees.",
  subscription_heavy: "A look at your recurring subscriptions, so each one keeps earning its place.",
  savings_builder: "You are building savings. Here are ideas to keep that momentum going.",
};

export default async function PreviewPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  await guardPage("/customers/[userId]/preview", `/customers/${userId}/preview`);
  let view;
  try {
    view = await customerWindows(userId, ["30d"]);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    if (err instanceof ConsentRequiredError) return <p className="text-sm">This customer has not opted in, so there is nothing to preview.</p>;
    throw err;
  }
  const w = view.windows["30d"];
  // What the customer would see: current alerts, not dismissed, released when they needed a person; most urgent first.
  const { alerts } = await customerVisibleAlerts(userId);
  // A reviewer's persona, when set, is the one the customer's recommendations were made for.
  const override = w?.persona?.override ?? null;
  const primary = (override?.persona ?? w?.persona?.primary) as PersonaId | null | undefined;
  // Only what has been approved (or delivered) would reach the customer.
  const shown = (w?.recommendations ?? []).filter((r) => r.status === "approved" || r.status === "delivered");
  const pending = (w?.recommendations ?? []).length - shown.length;
  return (
    <div className="space-y-6">
      <Link href={`/customers/${userId}`} className="text-sm text-emerald-800 underline">← Back to the staff view</Link>
      <p className="rounded-md border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">
        Preview of the customer&apos;s page. {pending === 1 ? "1 recommendation still waiting for review is" : `${plural(pending, "recommendation")} still waiting for review are`} not shown.
        {override ? (
          <span data-testid="preview-override">
            {" "}
            Persona set to {PERSONA_LABELS[override.persona as PersonaId] ?? override.persona} by {override.actor} (the engine assigned {w?.persona?.primary ? PERSONA_LABELS[w.persona.primary as PersonaId] : "no persona"}).
          </span>
        ) : null}
      </p>
      <section className="mx-auto max-w-2xl space-y-4 rounded-xl border border-slate-200 bg-white p-6" aria-label="Customer view">
        <h1 className="text-2xl font-bold">Your money, explained</h1>
        {w?.as_of ? <p className="text-sm text-slate-500" data-testid="preview-as-of">Based on your accounts up to {w.as_of}.</p> : null}
        {primary ? (
          <p className="text-slate-700" data-testid="preview-summary">
            <strong>{PERSONA_LABELS[primary]}</strong>: {SUMMARY[primary]}
          </p>
        ) : (
          <p className="text-slate-700">We need a little more history before we can suggest anything.</p>
        )}
        <section aria-labelledby="preview-alerts" className="space-y-2" data-testid="preview-alerts">
          <h2 id="preview-alerts" className="text-lg font-semibold">Alerts</h2>
          <AlertList alerts={alerts} audience="customer" label="Your alerts, most urgent first" empty="No alerts for you right now." />
        </section>
        <h2 className="text-lg font-semibold">Ideas for you</h2>
        <ul className="space-y-3">
          {shown.map((r) => (
            <li key={r.id} className="rounded-lg border border-slate-200 p-4">
              <p className="font-semibold">{r.title}</p>
              <p className="mt-1 text-sm">{r.rationale}</p>
              {r.kind === "offer" ? <p className="mt-1 text-xs text-slate-500">Partner offer</p> : null}
            </li>
          ))}
          {shown.length === 0 ? <li className="text-sm text-slate-600">Nothing approved for this customer yet.</li> : null}
        </ul>
        <p className="text-xs text-slate-500" data-testid="preview-disclaimer">{DISCLAIMER}</p>
      </section>
    </div>
  );
}
