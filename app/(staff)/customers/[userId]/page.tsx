import Link from "next/link";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { TextField } from "@/components/ui/text-field";
import { TEXT_LIMITS } from "@/lib/validation/text";
import { guardPage } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { PERSONA_LABELS } from "@/lib/engine/personas/assign";
import { DecisionTable } from "@/components/trace/decision-table";
import { BudgetPanel } from "@/components/budgets/budget-panel";
import { auditActionLabel, categoryLabel, demographicsLabel, kindLabel, personaLabel, statusLabel, strengthLabel, tenureLabel } from "@/lib/labels";
import { storedCurrency } from "@/lib/engine/currency";
import { exactMoney } from "@/lib/engine/recommend/format";
import type { WindowSignals } from "@/lib/engine/signals/types";
import { SIGNAL_ROWS } from "@/components/tables/signal-rows";
import { PERSONA_IDS } from "@/lib/engine/types";
import type { WindowView } from "@/lib/services/customer-view";
import { customerAuditAndTitles, customerRecord, customerStaffAlerts, customerWindows, recentTransactions } from "@/lib/services/staff-pages";
import { clearAlertAction, computeCustomerAction, dismissAlertAction, overridePersonaAction, recordConsentAction, releaseAlertAction } from "./actions";
import { AlertList } from "@/components/alerts/alert-card";
import { AlertStaffActions } from "@/components/alerts/alert-actions";
import { LiveAlerts } from "@/components/alerts/live-alerts";
import { utcTime } from "@/lib/data/dates";

export const dynamic = "force-dynamic";

const persona = (p: string | null) => personaLabel(p);
function SignalsTable({ windows }: { windows: Array<[string, WindowView]> }) {
  const rows = SIGNAL_ROWS;
  return (
    <ScrollRegion label="Signals table">
    <table className="w-full text-sm" aria-label="Signals by window">
      <thead>
        <tr className="border-b text-left">
          <th scope="col" className="py-1 font-medium">Signal</th>
          {windows.map(([w, v]) => (
            <th key={w} scope="col" className="py-1 font-medium">
              {w} {v.as_of ? `(as of ${v.as_of})` : ""}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, f]) => (
          <tr key={label} className="border-b border-slate-100">
            <th scope="row" className="py-1 pr-4 text-left font-normal text-slate-600">{label}</th>
            {windows.map(([w, v]) => (
              <td key={w} className="py-1 tabular-nums">{v.signals ? f(v.signals as WindowSignals) : "—"}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
    </ScrollRegion>
  );
}

export default async function CustomerPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const access = await guardPage("/customers/[userId]", `/customers/${userId}`);
  const customer = await customerRecord(userId);
  if (!customer) notFound();
  const view = customer.consent ? await customerWindows(userId, undefined, { fullTrace: true }) : null;
  const showTx = can(access.session.user.role, "transactions:read");
  const canReview = can(access.session.user.role, "review:act");
  const transactions = showTx ? await recentTransactions(userId) : [];
  const windows = view ? (Object.entries(view.windows) as Array<[string, WindowView]>) : [];
  const { audit, titles } = await customerAuditAndTitles(userId, !!view);
  const [alerts, counts] = customer.consent ? await customerStaffAlerts(userId) : [[], null];
  const currentAlerts = alerts.filter((a) => a.current);
  const olderAlerts = alerts.filter((a) => !a.current);
  const alertActions = { dismiss: dismissAlertAction, release: releaseAlertAction, clear: clearAlertAction };
  const back = `/customers/${userId}`;
  const actionsFor = can(access.session.user.role, "alerts:act") ? (a: (typeof alerts)[number]) => <AlertStaffActions alert={a} userId={userId} back={back} actions={alertActions} /> : undefined;

  return (
    <div className="space-y-8">
      <div>
        <Link href="/customers" className="text-sm text-emerald-800 underline">← Customers</Link>
        <h1 className="mt-2 text-2xl font-bold">
          {customer.name} <span className="font-mono text-base text-slate-500">{customer.user_id}</span>
        </h1>
        {view ? (
          <Link href={`/customers/${customer.user_id}/preview`} className="text-sm text-emerald-800 underline">
            Preview what the customer would see
          </Link>
        ) : null}
        <p className="text-sm text-slate-600">
          {demographicsLabel(customer) ?? "No demographics"} · consent:{" "}
          <strong data-testid="consent-state">{customer.consent ? "opted in" : "not given"}</strong>
        </p>
      </div>

      {view ? (
        <>
          {windows.every(([, v]) => v.as_of === null) ? (
            <ActionForm action={computeCustomerAction} className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm" data-testid="not-computed">
              <input type="hidden" name="userId" value={customer.user_id} />
              <span>No results yet for this customer: they arrive with the next engine run.</span>
              {can(access.session.user.role, "engine:run") ? <button className="rounded bg-emerald-800 px-3 py-1 font-medium text-white">Compute this customer now</button> : null}
            </ActionForm>
          ) : null}
          <section aria-labelledby="personas" className="space-y-2">
            <h2 id="personas" className="text-lg font-semibold">Personas</h2>
            <div className="grid gap-4 md:grid-cols-2">
              {windows.map(([w, v]) => (
                <div key={w} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`persona-${w}`}>
                  <h3 className="font-medium">
                    {w}: {persona(v.persona?.primary ?? null)} <span className="text-sm text-slate-600">({strengthLabel(v.persona?.strength)})</span>
                  </h3>
                  {v.persona ? (
                    <>
                      <p className="text-sm text-slate-600">{v.persona.reason}</p>
                      {v.persona.transition.celebration ? <p className="mt-1 text-sm text-emerald-800">{v.persona.transition.celebration}</p> : null}
                      <p className="mt-1 text-xs text-slate-500">
                        <span data-testid={`tenure-${w}`}>{tenureLabel(v.persona.tenure_days)}</span> · history: {v.persona.history.map((h) => `${h.as_of} ${personaLabel(h.primary)}`).join(", ")}
                      </p>
                      {v.persona.override ? (
                        <p className="mt-2 rounded border border-violet-200 bg-violet-50 p-2 text-sm text-violet-950" data-testid={`persona-override-${w}`}>
                          Overridden to <strong>{persona(v.persona.override.persona)}</strong> by {v.persona.override.actor} on {v.persona.override.at.slice(0, 10)}: “{v.persona.override.justification}”
                        </p>
                      ) : null}
                      {canReview ? (
                        <details className="mt-2 text-sm">
                          <summary className="cursor-pointer text-emerald-800">Override persona for {w}</summary>
                          <ActionForm action={overridePersonaAction} className="mt-2 space-y-2">
                            <input type="hidden" name="user_id" value={customer.user_id} />
                            <input type="hidden" name="window" value={w} />
                            <label className="flex flex-col gap-1">
                              Persona
                              <select name="persona" className="rounded border border-slate-300 px-2 py-1" defaultValue={v.persona.override?.persona ?? v.persona.primary ?? ""}>
                                {PERSONA_IDS.map((id) => (
                                  <option key={id} value={id}>{PERSONA_LABELS[id]}</option>
                                ))}
                              </select>
                            </label>
                            <TextField name="justification" label="Justification (at least 20 characters)" multiline rows={2} required min={20} max={TEXT_LIMITS.reason} />
                            <button className="rounded bg-violet-800 px-3 py-1 text-white">Record override</button>
                          </ActionForm>
                        </details>
                      ) : null}
                    </>
                  ) : null}
                </div>
              ))}
            </div>
          </section>
          <section aria-labelledby="signals" className="space-y-2">
            <h2 id="signals" className="text-lg font-semibold">Signals, 30 and 180 days</h2>
            <SignalsTable windows={windows} />
          </section>
          <section aria-labelledby="alerts" className="space-y-2" data-testid="alerts-section">
            <h2 id="alerts" className="text-lg font-semibold">Alerts</h2>
            {counts ? <LiveAlerts initial={counts} userId={userId} /> : null}
            <p className="text-sm text-slate-600">
              Alerts from the current run, most urgent first. A possible-fraud alert waits for a second look before the customer sees it.
            </p>
            <AlertList alerts={currentAlerts} audience="staff" actions={actionsFor} label="Current alerts" empty="No alerts from the current run." />
            {olderAlerts.length ? (
              <details className="text-sm">
                <summary className="cursor-pointer text-xs text-emerald-800">Earlier alerts the latest run no longer sees ({olderAlerts.length})</summary>
                <div className="mt-2">
                  <AlertList alerts={olderAlerts} audience="staff" label="Earlier alerts" empty="" />
                </div>
              </details>
            ) : null}
          </section>
          <section aria-labelledby="recs" className="space-y-3">
            <h2 id="recs" className="text-lg font-semibold">Recommendations</h2>
            {windows.map(([w, v]) => (
              <div key={w} className="space-y-2">
                <h3 className="font-medium">{w}</h3>
                {v.recommendations.length === 0 ? <p className="text-sm text-slate-600">None current.</p> : null}
                <ul className="space-y-2">
                  {v.recommendations.map((r) => (
                    <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                      <p className="font-medium">
                        <span className="mr-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-700">{kindLabel(r.kind)}</span>{r.title} <span className="text-slate-500">— {statusLabel(r.status)}{r.source === "override" ? ", swapped in by a reviewer" : ""}</span>
                      </p>
                      <p className="mt-1">{r.rationale}</p>
                      <p className="mt-1 text-xs text-slate-500">{r.disclaimer}</p>
                      {canReview ? (
                        <Link href={`/review/${r.id}`} className="mt-1 inline-block text-xs text-emerald-800 underline">
                          Open recommendation #{r.id}: decision table, override
                        </Link>
                      ) : null}
                      {r.citations.length ? (
                        <p className="mt-1 text-xs text-slate-600">Cites: {(r.citations as Array<{ display?: string }>).map((c) => c.display).filter(Boolean).join(" · ")}</p>
                      ) : null}
                      {r.trace?.candidate ? <p className="mt-1 text-xs text-slate-600">Why chosen: {r.trace.candidate.why}</p> : null}
                      <details className="mt-1">
                        <summary className="cursor-pointer text-xs text-emerald-800">Raw citations and trace (JSON)</summary>
                        <pre tabIndex={0} className="mt-1 max-h-80 overflow-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify({ citations: r.citations, trace: r.trace }, null, 2)}</pre>
                      </details>
                    </li>
                  ))}
                </ul>
                {v.decision ? (
                  <details className="text-sm">
                    <summary className="cursor-pointer text-xs text-emerald-800">
                      Decision table for {w}: all {v.decision.candidates.length} candidates and why each was chosen or left out
                    </summary>
                    <div className="mt-2">
                      <DecisionTable trace={v.decision} titles={titles} label={`Every candidate item for the ${w} window`} />
                    </div>
                  </details>
                ) : null}
              </div>
            ))}
          </section>
        </>
      ) : (
        <p className="rounded-md border border-slate-200 bg-white p-4 text-sm">No consent: nothing is computed or recommended for this customer.</p>
      )}

      <BudgetPanel userId={customer.user_id} consent={customer.consent} canEdit={can(access.session.user.role, "budgets:edit")} />

      <section aria-labelledby="audit" className="space-y-2">
        <h2 id="audit" className="text-lg font-semibold">Audit log</h2>
        <ul className="text-sm" data-testid="audit-log">
          {audit.map((e) => (
            <li key={e.id}>
              {utcTime(e.created_at)} · {e.actor} · {auditActionLabel(e.action, e.target_id)}
              {e.reason ? ` · “${e.reason}”` : ""}
            </li>
          ))}
          {audit.length === 0 ? <li>No staff actions yet.</li> : null}
        </ul>
      </section>

      <section aria-labelledby="consent" className="space-y-2">
        <h2 id="consent" className="text-lg font-semibold">Consent history</h2>
        {can(access.session.user.role, "consent:record") ? (
          <ActionForm action={recordConsentAction} className="flex flex-wrap items-end gap-2 text-sm">
            <input type="hidden" name="userId" value={customer.user_id} />
            <input type="hidden" name="granted" value={customer.consent ? "false" : "true"} />
            <TextField name="note" label="Note (what the customer said, where)" max={TEXT_LIMITS.reason} className="flex flex-col" inputClassName="w-80 max-w-full" />
            {customer.consent ? (
              <label className="flex items-center gap-1">
                <input type="checkbox" name="confirm" value="yes" required />
                Remove everything derived from their data (signals, personas, rationales, traces); this cannot be undone
              </label>
            ) : null}
            <ConfirmSubmit
              confirm={customer.consent ? `Record that ${customer.name} revoked consent? Their signals, personas, rationales and traces are deleted for good.` : undefined}
              className="rounded border border-slate-400 px-3 py-1"
            >
              {customer.consent ? "Record revocation" : "Record opt-in"}
            </ConfirmSubmit>
          </ActionForm>
        ) : null}
        <ul className="text-sm">
          {customer.consent_events.map((e) => (
            <li key={e.id}>
              {utcTime(e.recorded_at)} · {e.granted ? "granted" : "revoked / declined"} · {e.source}
              {e.note ? ` · ${e.note}` : ""}
            </li>
          ))}
          {customer.consent_events.length === 0 ? <li>No consent recorded.</li> : null}
        </ul>
      </section>

      <section aria-labelledby="accounts" className="space-y-2">
        <h2 id="accounts" className="text-lg font-semibold">Accounts</h2>
        <ul className="text-sm">
          {customer.accounts.map((a) => (
            <li key={a.account_id}>
              {a.name} {a.mask ? `••${a.mask}` : ""} · {a.type}/{a.subtype} · balance {a.current_cents === null ? "unknown" : exactMoney(a.current_cents, storedCurrency(a))}
              {a.limit_cents ? ` of ${exactMoney(a.limit_cents, storedCurrency(a))} limit` : ""}
              {a.holder_category === "business" ? " · business (excluded from signals)" : ""}
            </li>
          ))}
        </ul>
      </section>

      {showTx ? (
        <section aria-labelledby="tx" className="space-y-2">
          <h2 id="tx" className="text-lg font-semibold">Latest transactions</h2>
          <ScrollRegion label="Latest transactions table">
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b text-left">
                <th scope="col">Date</th>
                <th scope="col">Description</th>
                <th scope="col">Category</th>
                <th scope="col" className="text-right">Amount (+ = out)</th>
              </tr>
            </thead>
            <tbody>
              {transactions.map((t) => (
                <tr key={t.transaction_id} className="border-b border-slate-100">
                  <td className="py-1">{t.date}{t.pending ? " (pending)" : ""}</td>
                  <td>{t.merchant_name ?? t.name}</td>
                  <td className="text-slate-600">{categoryLabel(t.pfc_detailed ?? t.pfc_primary)}</td>
                  <td className="text-right tabular-nums">{exactMoney(t.amount_cents, storedCurrency(t))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </ScrollRegion>
        </section>
      ) : null}
    </div>
  );
}
