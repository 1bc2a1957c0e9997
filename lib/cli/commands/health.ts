import type { Command } from "commander";

export function registerHealth(program: Command) {
  program
    .command("health")
    .description("Check the database is reachable, migrations are current, the engine's queue and workers, and show counts")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      const { checkHealth } = await import("../../services/database"); // loaded when run, not for `--help`
      const h = await checkHealth();
      if (opts.json) console.log(JSON.stringify(h, null, 2));
      else {
        console.log(`${h.ok ? "OK" : "UNHEALTHY"}  ${h.url}`);
        const db = h.database;
        console.log(`  database: ${db.dialect}, ${db.reachable ? `reachable (${db.latency_ms} ms round trip)` : "unreachable"}`);
        console.log(`  migrations: ${h.migrations.applied.length} applied, ${h.migrations.pending.length} pending, ${h.migrations.modified.length} modified`);
        const q = h.queue;
        console.log(`  queue: ${q.used ? `${q.queue}: ${q.queued} queued, ${q.active} active, ${q.failed} failed; workers ${q.workers ?? "unknown"}` : q.note}`);
        if (h.counts) console.log(`  customers ${h.counts.customers}, accounts ${h.counts.accounts}, transactions ${h.counts.transactions}, consent events ${h.counts.consent_events}`);
        if (h.latest_run) console.log(`  latest engine run #${h.latest_run.id} as of ${h.latest_run.as_of}: ${h.latest_run.status}${h.latest_run.error ? ` (${h.latest_run.error})` : ""}`);
        for (const p of h.problems) console.log(`  problem: ${p}`);
      }
      if (!h.ok) process.exitCode = 1;
    });
}
