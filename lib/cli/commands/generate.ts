import path from "node:path";
import type { Command } from "commander";
import { GENERATOR_DEFAULTS } from "../../data/defaults";
import { isRealDate } from "../../validation/plaid";
import { fail } from "../errors";
import { progress } from "../progress";

function rate(name: string, value: string): number {
  if (!/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(value)) fail(`${name} must be a number from 0 to 1, a share of customers (got "${value}")`);
  return Number(value);
}

function positiveInt(name: string, value: string, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) fail(`${name} must be a whole number from 1 to ${max.toLocaleString("en-US")} (got "${value}")`);
  return Number(value);
}

export function registerGenerate(program: Command) {
  program
    .command("generate")
    .description("Generate deterministic synthetic customers as Plaid-shaped JSON bundles and CSV")
    .option("--users <n>", "number of customers", String(GENERATOR_DEFAULTS.users))
    .option("--seed <s>", "random seed (same arguments → byte-identical output)", String(GENERATOR_DEFAULTS.seed))
    .option("--as-of <date>", "last day of history, YYYY-MM-DD", GENERATOR_DEFAULTS.asOf)
    .option("--months <m>", "months of history", String(GENERATOR_DEFAULTS.months))
    .option("--anomaly-rate <r>", "share of customers (0–1) given one labelled anomaly (ground truth for the alerts)", "0")
    .option("--fraud-rate <r>", "share of customers (0–1) given one labelled fraud event (ground truth for the alerts)", "0")
    .option("--out <dir>", "output folder", path.join("data", "generated"))
    .option("--load", "also load the customers straight into the database")
    .option("--no-files", "with --load, skip writing files")
    .action(async (o: { users: string; seed: string; asOf: string; months: string; anomalyRate: string; fraudRate: string; out: string; load?: boolean; files: boolean }) => {
      const users = positiveInt("--users", o.users, 1_000_000);
      if (!/^-?\d+$/.test(o.seed)) fail(`--seed must be a whole number (got "${o.seed}")`);
      const seed = Number(o.seed);
      if (!isRealDate(o.asOf)) fail(`--as-of must be a real date YYYY-MM-DD (got "${o.asOf}")`);
      const months = positiveInt("--months", o.months, 36);
      if (!o.files && !o.load) fail("--no-files only makes sense with --load");
      const { loadGenerated, writeGeneratedFiles } = await import("../../services/generate"); // loaded when run, not for `--help`
      const opts = { users, seed, asOf: o.asOf, months, anomalyRate: rate("--anomaly-rate", o.anomalyRate), fraudRate: rate("--fraud-rate", o.fraudRate) };
      const started = performance.now();
      if (o.files) {
        const bar = progress("generate", users);
        const res = await writeGeneratedFiles({ ...opts, outDir: o.out, onProgress: (done) => bar.update(done) }).finally(() => bar.stop());
        console.log(`Wrote ${res.customers} customers, ${res.accounts} accounts, ${res.transactions} transactions to ${o.out} (${res.files.length} files).`);
      }
      if (o.load) {
        const bar = progress("load", users);
        const res = await loadGenerated({ ...opts, onProgress: (done) => bar.update(done) }).finally(() => bar.stop());
        console.log(`Loaded ${res.customers} customers, ${res.accounts} accounts, ${res.transactions} transactions into the database.`);
      }
      console.log(`Done in ${((performance.now() - started) / 1000).toFixed(2)} s.`);
    });
}
