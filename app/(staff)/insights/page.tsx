import { SimpleBarChart } from "@/components/charts/bar-chart";
import { EvalSection } from "@/components/eval/eval-section";
import { guardPage } from "@/lib/auth/page-guard";
import { prisma } from "@/lib/db/client";
import { getInsights } from "@/lib/db/queries/insights";
import { PERSONA_LABELS } from "@/lib/engine/personas/assign";
import { PERSONA_IDS, type PersonaId } from "@/lib/engine/types";
import { latestEval } from "@/lib/services/eval-latest";

export const dynamic = "force-dynamic";

const label = (p: string) => (p === "none" ? "No persona" : PERSONA_LABELS[p as PersonaId]);

export default async function InsightsPage() {
  await guardPage("/insights", "/insights");
  const [i, latest] = await Promise.all([getInsights(prisma()), latestEval(prisma())]);
  if (!i.as_of) return <p>No engine run yet: run <code>npx spendsense run</code>.</p>;
  const mix = [...PERSONA_IDS, "none"].map((p) => ({
    persona: label(p),
    "30d": i.personaMix.find((m) => m.window === "30d" && m.persona === p)?.count ?? 0,
    "180d": i.personaMix.find((m) => m.window === "180d" && m.persona === p)?.count ?? 0,
  }));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Insights</h1>
      <p className="text-sm text-slate-600">Aggregates from the latest engine run (as of {i.as_of}); consenting customers with enough data. No names, no single customers.</p>
      <div className="grid gap-4 lg:grid-cols-2">
        <SimpleBarChart title="Persona mix per window" data={mix} x="persona" bars={[{ key: "30d", label: "30 days", color: "#047857" }, { key: "180d", label: "180 days", color: "#0369a1" }]} />
        <SimpleBarChart title="Highest card utilization (30 days)" data={i.utilization.map((b) => ({ bucket: b.label, customers: b.count }))} x="bucket" bars={[{ key: "customers", label: "Customers", color: "#b45309" }]} />
        <SimpleBarChart title="Monthly subscription spend (30 days)" data={i.subscriptionSpend.map((b) => ({ bucket: b.label, customers: b.count }))} x="bucket" bars={[{ key: "customers", label: "Customers", color: "#7c3aed" }]} />
        <SimpleBarChart title="Cash-flow buffer in months (30 days)" data={i.bufferMonths.map((b) => ({ bucket: b.label, customers: b.count }))} x="bucket" bars={[{ key: "customers", label: "Customers", color: "#0f766e" }]} />
      </div>
      <section aria-labelledby="transitions" className="space-y-2">
        <h2 id="transitions" className="text-lg font-semibold">Persona transitions at this run (30 days)</h2>
        {i.transitions.length === 0 ? (
          <p className="text-sm text-slate-600">No transitions yet: they appear once a customer has been assigned at two different dates.</p>
        ) : (
          <table className="text-sm">
            <thead><tr className="text-left"><th scope="col" className="pr-4">From</th><th scope="col" className="pr-4">To</th><th scope="col" className="pr-4">Direction</th><th scope="col">Customers</th></tr></thead>
            <tbody>
              {i.transitions.map((t) => (
                <tr key={`${t.from}-${t.to}`}><td className="pr-4">{label(t.from)}</td><td className="pr-4">{label(t.to)}</td><td className="pr-4">{t.kind}</td><td>{t.count}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <EvalSection latest={latest} />
    </div>
  );
}
