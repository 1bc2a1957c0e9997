import type { Command } from "commander";
import { isRealDate } from "../../validation/plaid";
import { formatTarget, formatValue } from "../../eval/report";
import { allMetrics } from "../../eval/metrics";
import { fail } from "../errors";
import { progress } from "../progress";

export function registerEval(program: Command) {
  program
    .command("eval")
    .description("Evaluate the engine's stored results (SPEC §7): metrics.json, metrics.csv, report.md and per-customer decision traces")
    .option("--as-of <date>", "evaluate the engine run at this date, YYYY-MM-DD (default: the latest run's)")
    .option("--out <dir>", "output folder (default: data/eval/<as-of>)")
    .option("--users <ids>", "comma-separated customer ids (default: everyone)")
    .option("--no-traces", "skip the per-customer trace files")
    .action(async (o: { asOf?: string; out?: string; users?: string; traces: boolean }) => {
      if (o.asOf !== undefined && !isRealDate(o.asOf)) fail(`--as-of must be a real date YYYY-MM-DD (got "${o.asOf}")`);
      const userIds = o.users?.split(",").map((s) => s.trim()).filter(Boolean);
      if (o.users !== undefined && !userIds?.length) fail("--users needs at least one customer id");
      const { runEval } = await import("../../services/eval"); // loaded when run, not for `--help`
      const bar = progress("eval", 1);
      const s = await runEval({ asOf: o.asOf, outDir: o.out, userIds, traces: o.traces, onProgress: (d, t) => bar.update(d, t) }).finally(() => bar.stop());
      const m = s.metrics;
      console.log(`Eval run ${s.eval_run_id} as of ${m.as_of}: ${m.customers.evaluated} of ${m.customers.consenting} consenting customers evaluated in ${m.measured.seconds.toFixed(2)} s.`);
      for (const e of allMetrics(m)) {
        const status = e.meets === null ? "n/a" : e.meets ? "ok" : "BELOW TARGET";
        console.log(`  ${e.label.padEnd(38)} ${e.window.padEnd(5)} ${formatValue(e).padStart(9)}  target ${formatTarget(e).padEnd(9)} ${status}`);
      }
      console.log(`Wrote ${s.files.join(", ")}${o.traces ? ` and ${m.customers.consenting} trace files in ${s.out_dir}/traces` : ""}.`);
    });
}
