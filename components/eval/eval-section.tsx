import { SimpleBarChart } from "@/components/charts/bar-chart";
import { AlertQualityTable } from "@/components/eval/alert-quality-table";
import { ConfusionMatrixTable } from "@/components/eval/confusion-matrix";
import { FairnessTable } from "@/components/eval/fairness-table";
import { EvalMetricsTable } from "@/components/eval/metrics-table";
import { WINDOWS } from "@/lib/engine/types";
import { EVAL_FILES } from "@/lib/eval/render";
import { belowTarget, pct } from "@/lib/eval/report";
import { MIN_GROUP_SIZE, PARITY_THRESHOLD } from "@/lib/eval/targets";
import type { LatestEval } from "@/lib/services/eval-latest";
import { utcTime } from "@/lib/data/dates";
import { plural } from "@/lib/labels";
import type { ReactNode } from "react";

/** The latest evaluation run (SPEC §7): aggregates only, like the rest of the insights page. */
export function EvalSection({ latest, start }: { latest: LatestEval | null; start?: ReactNode }) {
  const m = latest?.metrics;
  return (
    <section aria-labelledby="eval" className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="eval" className="text-lg font-semibold">Evaluation metrics</h2>
        {start}
      </div>
      {!latest || !m ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600">
          {latest ? "The latest evaluation was written by an older version." : "No evaluation run yet."} Produce one{start ? " with Start evaluation above, or" : ""} with <code className="font-mono">npx spendsense eval</code> (after <code className="font-mono">npx spendsense run</code>); it writes metrics.json, metrics.csv, report.md and per-customer traces, and this section shows the latest.
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-600" data-testid="eval-judged">
            Evaluation {latest.id}, {utcTime(latest.created_at)} UTC{latest.started_by ? `, started by ${latest.started_by}` : ""}: judged{" "}
            <strong>{latest.engine_run_id !== null ? `engine run #${latest.engine_run_id}` : "the engine run"} as of {m.as_of}</strong> (engine {m.engine_version}); {m.customers.evaluated} of{" "}
            {plural(m.customers.consenting, "consenting customer")} evaluated, {m.customers.labelled} with a generator label.
          </p>
          {latest.newer_run ? (
            <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="eval-stale">
              Out of date: engine run #{latest.newer_run.id} (as of {latest.newer_run.as_of}) finished after this evaluation; these figures describe the earlier run.
              {start ? " Start an evaluation to judge the new one." : " An admin or analyst can start an evaluation of it."}
            </p>
          ) : null}
          <nav aria-label="Evaluation downloads" className="flex flex-wrap gap-3 text-sm">
            {EVAL_FILES.map((f) => (
              <a key={f} href={`/api/eval/latest/${f}`} download className="rounded border border-slate-300 bg-white px-3 py-1.5 text-emerald-800 underline hover:bg-slate-50">
                Download {f}
              </a>
            ))}
          </nav>
          <EvalMetricsTable metrics={m} />
          <BelowTarget metrics={m} />
          <AlertQualityTable metrics={m} />
          <div className="grid gap-6 2xl:grid-cols-2">
            {[...WINDOWS].reverse().map((w) => (
              <div key={w} className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
                <ConfusionMatrixTable matrix={m.persona_accuracy[w]} caption={`Persona confusion matrix, ${w} window: accuracy ${pct(m.persona_accuracy[w].accuracy)} (${m.persona_accuracy[w].correct}/${m.persona_accuracy[w].total}), lenient ${pct(m.persona_accuracy[w].lenient_accuracy)}`} />
              </div>
            ))}
          </div>
          {m.measured.latency_ms ? (
            <SimpleBarChart
              title={`Engine time per customer, both windows (p50 ${m.measured.latency_ms.p50} ms, p95 ${m.measured.latency_ms.p95} ms, p99 ${m.measured.latency_ms.p99} ms)`}
              data={m.measured.latency_ms.histogram}
              x="bucket"
              bars={[{ key: "customers", label: "Customers", color: "#0369a1" }]}
            />
          ) : null}
          <div className="space-y-3">
            <h3 className="font-semibold">Fairness across demographic groups</h3>
            <p className="text-sm text-slate-600">
              Each cell: the share of the group, then in brackets its parity ratio against the best group (best among groups of at least {MIN_GROUP_SIZE}). Ratios under {PARITY_THRESHOLD} are highlighted; groups under {MIN_GROUP_SIZE} customers are marked small and their rates are unreliable. Offer access and a matched persona are benefits; per-persona rates can mirror real differences in the data.
            </p>
            {[...WINDOWS].reverse().map((w) => (
              <details key={w} open={w === "180d"} className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4">
                <summary className="cursor-pointer font-medium">
                  {w} window: {plural(m.fairness[w].flags.filter((f) => f.kind === "access").length, "access flag")}, {plural(m.fairness[w].flags.filter((f) => f.kind === "mix").length, "persona-mix flag")}
                </summary>
                <FairnessTable fairness={m.fairness[w]} caption={`Persona and offer-access rates by group, ${w} window`} />
              </details>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function BelowTarget({ metrics }: { metrics: NonNullable<LatestEval["metrics"]> }) {
  const below = belowTarget(metrics);
  if (!below.length) return <p className="text-sm text-emerald-800">Every metric meets its target.</p>;
  return (
    <div className="rounded-lg border border-rose-200 bg-rose-50 p-4 text-sm">
      <h3 className="font-semibold text-rose-900">Below target, and why</h3>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {below.map(({ entry, why }) => (
          <li key={`${entry.id}-${entry.window}`}>
            <strong>{entry.label} ({entry.window})</strong>: {why}
          </li>
        ))}
      </ul>
    </div>
  );
}
