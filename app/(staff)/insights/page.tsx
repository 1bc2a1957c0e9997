import { SimpleBarChart } from "@/components/charts/bar-chart";
import { EvalSection } from "@/components/eval/eval-section";
import { StartEvalForm } from "@/components/eval/start-eval-form";
import { Flash } from "@/components/ui/flash";
import { guardPage } from "@/lib/auth/page-guard";
import { can } from "@/lib/auth/permissions";
import { PERSONA_IDS } from "@/lib/engine/types";
import { personaLabel, plural } from "@/lib/labels";
import { insightsPage } from "@/lib/services/staff-pages";
import { startEvalAction } from "./actions";
import { alertVolumeChart } from "@/components/alerts/alert-volumes";
import { BudgetAdherenceSection } from "@/components/budgets/budget-adherence";

export const dynamic = "force-dynamic";

const DIRECTION: Record<string, string> = { positive: "Towards a healthier persona", negative: "Towards a riskier persona", newly_matched: "Newly matched", no_longer_matched: "No longer matched" };

export default async function InsightsPage({ searchParams }: { searchParams: Promise<{ notice?: string; error?: string }> }) {
  const access = await guardPage("/insights", "/insights");
  const sp = await searchParams;
  const { insights: i, latest, volumes, adherence } = await insightsPage();
  if (!i.as_of) return <p>No engine run yet: run <code className="font-mono">npx spendsense run</code>.</p>;
  const mix = [...PERSONA_IDS, "none"].map((p) => ({
    persona: personaLabel(p),
    "30d": i.personaMix.find((m) => m.window === "30d" && m.persona === p)?.count ?? 0,
    "180d": i.personaMix.find((m) => m.window === "180d" && m.persona === p)?.count ?? 0,
  }));
  const customers = mix.reduce((s, m) => s + m["30d"], 0);
  const t = i.transitions;
  const alertChart = alertVolumeChart(volumes);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Insights</h1>
      <p className="text-sm text-slate-600">Aggregates from the latest engine run (as of {i.as_of}); consenting customers with enough data. No names, no single customers.</p>
      <Flash notice={sp.notice} error={sp.error} />
      <div className="grid gap-4 lg:grid-cols-2">
        <SimpleBarChart title="Persona mix per window" data={mix} x="persona" horizontal empty="No personas assigned at this run." bars={[{ key: "30d", label: "30 days", color: "#047857" }, { key: "180d", label: "180 days", color: "#0369a1" }]} />
        <SimpleBarChart title="Highest card utilization (30 days)" empty="No customer at this run has a credit card with a known limit." data={i.utilization.map((b) => ({ bucket: b.label, customers: b.count }))} x="bucket" bars={[{ key: "customers", label: "Customers", color: "#b45309" }]} />
        <SimpleBarChart title="Monthly subscription spend (30 days)" empty="No monthly subscription figure at this run (too little history)." data={i.subscriptionSpend.map((b) => ({ bucket: b.label, customers: b.count }))} x="bucket" bars={[{ key: "customers", label: "Customers", color: "#7c3aed" }]} />
        <SimpleBarChart title="Cash-flow buffer in months (30 days)" empty="No cash-flow buffer could be computed at this run." data={i.bufferMonths.map((b) => ({ bucket: b.label, customers: b.count }))} x="bucket" bars={[{ key: "customers", label: "Customers", color: "#0f766e" }]} />
      </div>
      <section aria-labelledby="transitions" className="space-y-2">
        <h2 id="transitions" className="text-lg font-semibold">Persona transitions (30 days)</h2>
        <p className="text-sm text-slate-600" data-testid="transitions-scope">
          From the persona histories: {plural(t.dates.length, "assignment date")}
          {t.dates.length ? ` (${t.dates[0]}${t.dates.length > 1 ? ` to ${t.dates[t.dates.length - 1]}` : ""})` : ""}, {plural(t.customersWithHistory, "customer")} assigned at two dates or more.
        </p>
        {t.rows.length === 0 ? (
          <p className="text-sm text-slate-600" data-testid="transitions-empty">
            {t.dates.length < 2 ? "No transitions yet: they appear once customers have been assigned at two different dates." : "No customer's primary persona changed between assignment dates."}
          </p>
        ) : (
          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Persona transitions">
            <table className="text-sm" data-testid="transitions-table">
              <caption className="sr-only">Changes of primary persona between consecutive assignment dates</caption>
              <thead>
                <tr className="border-b text-left">
                  <th scope="col" className="py-1 pr-4 font-medium">From</th><th scope="col" className="py-1 pr-4 font-medium">To</th><th scope="col" className="py-1 pr-4 font-medium">Direction</th><th scope="col" className="py-1 text-right font-medium">Customers</th>
                </tr>
              </thead>
              <tbody>
                {t.rows.map((r) => (
                  <tr key={`${r.from}-${r.to}`} className="border-b border-slate-100">
                    <td className="py-1 pr-4">{personaLabel(r.from)}</td><td className="py-1 pr-4">{personaLabel(r.to)}</td><td className="py-1 pr-4">{DIRECTION[r.kind]}</td><td className="py-1 text-right tabular-nums">{r.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="alerts" className="min-w-0 space-y-2">
        <h2 id="alerts" className="text-lg font-semibold">Alerts</h2>
        <p className="text-sm text-slate-600" data-testid="alert-volume-scope">Every stored alert by the month of its event and its kind, whatever happened to it since. Counts only.</p>
        <SimpleBarChart title="Alerts by kind per month" data={alertChart.data} x="Month" bars={alertChart.bars} stacked empty="No alerts stored yet: they appear after an engine run finds one." />
      </section>
      <BudgetAdherenceSection adherence={adherence} />
      <EvalSection latest={latest} start={can(access.session.user.role, "eval:run") ? <StartEvalForm action={startEvalAction} customers={customers} /> : null} />
    </div>
  );
}
