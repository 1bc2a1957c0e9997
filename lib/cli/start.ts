// `npm start`: one command from a fresh clone to a running app on the embedded SQLite default.
// Run compiled by bin/build-cli.mjs (which generates the Prisma client first when missing), it
// migrates, loads the demo customers into an empty database, runs the engine and an evaluation
// over them, builds the app when the build is missing or older than the sources, then serves it.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DEMO_EVENT_RATES } from "../data/defaults";
import { GENERATOR_DEFAULTS } from "../data/generator";
import { createPrisma } from "../db/client";
import { databaseUrl } from "../db/url";
import { databaseStatus, migrateDatabase } from "../services/database";
import { runEngine } from "../services/engine";
import { runEval } from "../services/eval";
import { loadGenerated } from "../services/generate";
import { cliFailure } from "./errors";
import { finish } from "./finish";
import { progress } from "./progress";
import { DEV_DEMO_PASSWORD, prepareStartStaff } from "../services/demo-staff";

/** NEXTAUTH_SECRET from the environment, else from .env.local, else generated into .env.local (git-ignored). */
function ensureAuthSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(root, ".env.local");
  const existing = fs.existsSync(file) ? /^NEXTAUTH_SECRET=(.+)$/m.exec(fs.readFileSync(file, "utf8"))?.[1] : undefined;
  if (existing) return existing;
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.appendFileSync(file, `NEXTAUTH_SECRET=${secret}\n`, { mode: 0o600 });
  console.log("Generated NEXTAUTH_SECRET into .env.local.");
  return secret;
}

const root = process.cwd();
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

class StepFailed extends Error {
  constructor(message: string, readonly exitCode: number) {
    super(message);
  }
}

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) throw new StepFailed(`\`${path.basename(cmd)} ${args.join(" ")}\` failed (exit ${r.status}).`, r.status ?? 1);
}

function newestMtime(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || /node_modules|generated/.test(entry.parentPath)) continue;
    newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function buildIsStale(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return ["app", "components", "lib", "public", "prisma"].some((d) => newestMtime(path.join(root, d)) > built);
}

async function main() {
  const port = process.env.PORT ?? "3000";
  const applied = await migrateDatabase();
  console.log(`Database ${databaseUrl()}: ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}.`);

  const status = await databaseStatus();
  if (!status.counts?.customers) {
    const opts = { ...GENERATOR_DEFAULTS, ...DEMO_EVENT_RATES };
    console.log(`Empty database: loading ${opts.users} demo customers (seed ${opts.seed}, as of ${opts.asOf}, ${opts.months} months, anomaly rate ${opts.anomalyRate}, fraud rate ${opts.fraudRate})…`);
    const bar = progress("demo data", opts.users);
    const res = await loadGenerated({ ...opts, onProgress: (d) => bar.update(d) }).finally(() => bar.stop());
    console.log(`Loaded ${res.customers} customers, ${res.accounts} accounts, ${res.transactions} transactions.`);
  }
  if (!status.counts?.engine_runs) {
    const bar = progress("engine", 1);
    const s = await runEngine({ asOf: GENERATOR_DEFAULTS.asOf, onProgress: (d, t) => bar.update(d, t) }).finally(() => bar.stop());
    console.log(`Engine run as of ${s.as_of}: ${s.customers} consenting customers, ${s.recommendations} recommendations awaiting review.`);
  }
  if (!status.counts?.eval_runs) {
    // So the analysts' insights page opens with an evaluation of the demo data.
    const bar = progress("evaluation", 1);
    const e = await runEval({ onProgress: (d, t) => bar.update(d, t) }).finally(() => bar.stop());
    console.log(`Evaluation of ${e.metrics.customers.consenting} customers written to ${e.out_dir} (shown on /insights).`);
  }

  {
    const db = createPrisma();
    // Demo staff only outside production (or when asked); production refuses the demo password.
    const staff = await prepareStartStaff(db, process.env).finally(() => db.$disconnect());
    if (staff.created.length) {
      console.log(`Demo staff sign-ins (password ${staff.password === "environment" ? "from SPENDSENSE_DEMO_PASSWORD" : `"${DEV_DEMO_PASSWORD}", development only`}):`);
      for (const s of staff.created) console.log(`  ${s.role.padEnd(8)} ${s.email}`);
    }
    if (staff.note) console.log(staff.note);
  }
  const secret = ensureAuthSecret();

  if (buildIsStale()) {
    console.log("Building the app (first start or sources changed)…");
    run(bin("next"), ["build"]);
  }

  console.log(`\nSpendSense is running at http://localhost:${port}  (Ctrl+C to stop)\n`);
  const server = spawn(bin("next"), ["start", "-p", port], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_SECRET: secret, NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}` },
  });
  const stop = () => server.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => finish(code ?? 0));
}

main().catch((err) => {
  // A failed build or server step ends with that step's own exit code; anything else as the CLI would (lib/errors.ts).
  const failure = cliFailure(err);
  for (const line of failure.lines) console.error(line);
  finish(err instanceof StepFailed ? err.exitCode : failure.exitCode);
});
