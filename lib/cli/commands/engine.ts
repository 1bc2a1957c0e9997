import type { Command } from "commander";
import { isRealDate } from "../../validation/plaid";
import { DEFAULT_AS_OF } from "../../data/defaults";
import { PERSONA_IDS, WINDOWS, type WindowId } from "../../engine/types";
import { fail } from "../errors";
import { progress } from "../progress";

// Services load when a command runs, not for `--help` (see ../index.ts).
const database = () => import("../../services/database");

export function registerEngine(program: Command) {
  program
    .command("run")
    .description("Run the engine for consenting customers: signals, personas, recommendations (appended), traces. On PostgreSQL the run is queued for `spendsense worker` processes and followed until done")
    .option("--as-of <date>", "the day the windows end, YYYY-MM-DD", DEFAULT_AS_OF)
    .option("--users <ids>", "comma-separated customer ids (default: everyone)")
    .option("--workers <n>", "engine worker threads of an in-process run (default: one per core for large runs)")
    .option("--local", "compute in this process even on PostgreSQL (no queue, no workers)")
    .option("--detach", "queue the run and return at once, without following it (PostgreSQL)")
    .action(async (o: { asOf: string; users?: string; workers?: string; local?: boolean; detach?: boolean }) => {
      if (!isRealDate(o.asOf)) fail(`--as-of must be a real date YYYY-MM-DD (got "${o.asOf}")`);
      if (o.workers !== undefined && !/^\d+$/.test(o.workers)) fail(`--workers must be a whole number (got "${o.workers}")`);
      const userIds = o.users?.split(",").map((s) => s.trim()).filter(Boolean);
      const [{ startRun, followRun }, { databaseUrl }, { closeQueueClient }] = await Promise.all([import("../../services/run-queue"), import("../../db/url"), import("../../queue/boss")]);
      const url = databaseUrl();
      const bar = progress("engine", 1);
      try {
        const run = await startRun({ url, asOf: o.asOf, userIds, startedBy: "cli", local: o.local, workers: o.workers === undefined ? undefined : Number(o.workers), onProgress: (d, t) => bar.update(d, t) });
        if (run.queued) {
          console.error(`Run ${run.run_id} as of ${run.as_of} queued: ${run.customers} customers in chunks for \`spendsense worker\` processes.`);
          if (o.detach) return;
        }
        const s = run.result ? await run.result : await followRun(url, run.run_id, { onProgress: (d, t) => bar.update(d, t), onNoWorker: (m) => console.error(`\nwarning: ${m}`) });
        bar.stop();
        console.log(`Run ${s.run_id} as of ${s.as_of}: ${s.customers} customers in ${s.seconds.toFixed(2)} s (${s.skipped_no_consent} skipped: no consent), ${s.recommendations} recommendations appended, ${s.alerts} alerts found.`);
        for (const w of WINDOWS) {
          const mix = [...PERSONA_IDS, "none" as const].map((p) => `${p} ${s.personas[w]?.[p] ?? 0}`).join(", ");
          const strength = Object.entries(s.strengths[w] ?? {}).sort().map(([k, v]) => `${k} ${v}`).join(", ");
          console.log(`  ${w.padEnd(4)} personas: ${mix}  (strength: ${strength})`);
        }
      } finally {
        bar.stop();
        await closeQueueClient(url);
      }
    });

  program
    .command("show")
    .description("Show a customer's signals, personas and current recommendations")
    .argument("<userId>", "customer id")
    .option("--window <w>", `one window: ${WINDOWS.join("|")}`)
    .option("--json", "print JSON (the API's shape)")
    .action(async (userId: string, o: { window?: string; json?: boolean }) => {
      if (o.window !== undefined && !WINDOWS.includes(o.window as WindowId)) fail(`--window must be one of ${WINDOWS.join(", ")} (got "${o.window}")`);
      const [{ withSql }, { customerView }] = await Promise.all([database(), import("../../services/customer-view")]);
      const view = await withSql((sql) => customerView(sql, userId, o.window ? [o.window as WindowId] : WINDOWS));
      if (o.json) {
        console.log(JSON.stringify(view, null, 2));
        return;
      }
      console.log(`${view.user_id} (consent: yes)`);
      for (const [w, v] of Object.entries(view.windows)) {
        if (!v?.persona) {
          console.log(`\n${w}: no engine results yet (run: spendsense run)`);
          continue;
        }
        console.log(`\n${w} as of ${v.as_of}: ${v.persona.primary ?? "no persona"} (${v.persona.strength})${v.persona.secondary.length ? `, also ${v.persona.secondary.join(", ")}` : ""}`);
        console.log(`  ${v.persona.reason}`);
        const o = v.persona.override;
        if (o) console.log(`  Persona overridden to ${o.persona} by ${o.actor} (${o.at}): ${o.justification}; recommendations are made for ${o.persona}`);
        for (const r of v.recommendations) console.log(`  • [${r.kind}] ${r.title} — ${r.status}\n    ${r.rationale}`);
      }
    });

  const consent = program.command("consent").description("Record a customer's consent (opt-in) or its revocation");
  for (const [name, granted] of [["grant", true], ["revoke", false]] as const) {
    consent
      .command(name)
      .description(granted ? "Record opt-in: the engine may process this customer" : "Record revocation: stop processing, withdraw undelivered recommendations, delete derived data")
      .argument("<userId>", "customer id")
      .option("--note <text>", "why, for the history")
      .action(async (userId: string, o: { note?: string }) => {
        const { recordConsent } = await import("../../services/consent-compute");
        const r = await recordConsent(userId, granted, { source: "cli", note: o.note });
        if (!r.changed) console.log(`${userId} already ${granted ? "has consent" : "has no consent"}; nothing changed.`);
        else if (granted) console.log(`Consent recorded for ${userId}. ${consentOutcome(r.computed)}`);
        else console.log(`Consent revoked for ${userId}: every derived value removed, ${r.withdrawn_recommendations} undelivered recommendation(s) withdrawn.`);
      });
  }
}

function consentOutcome(c: { run_id: number | null; as_of: string | null; pending_reason: string | null } | null): string {
  if (c?.run_id) return `Computed at once as of ${c.as_of} (run #${c.run_id}).`;
  return `Not computed yet (${c?.pending_reason ?? "no run"}); run \`spendsense run\` to compute.`;
}
