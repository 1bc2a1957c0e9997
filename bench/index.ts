// `npm run bench` — prints figures, never passes or fails on time. Each scenario runs in a
// child process so its peak memory is measured alone. BENCH_USERS=100,10000 picks the sizes.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const sizes = (process.env.BENCH_USERS ?? "100,10000").split(",").map(Number);
// BENCH_ONLY=ingest,engine runs a subset of the groups.
const only = new Set((process.env.BENCH_ONLY ?? "cli,data,engine,alerts,pages,eval,contention").split(","));
const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");

interface Figures {
  name: string;
  users: number;
  seconds: number;
  peakRssMb: number;
  customers: number;
  transactions: number;
  rows?: number;
  engineSeconds?: number;
  recommendations?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  mean?: number;
  listP50?: number;
  listP95?: number;
  detailP50?: number;
  detailP95?: number;
  queueP50?: number;
  queueP95?: number;
  evalSeconds?: number;
  outMb?: number;
}

function child<T = Figures>(script: string, ...args: string[]): T {
  const r = spawnSync(tsx, [path.join("bench", script), ...args], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`bench ${script} ${args.join(" ")} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}
const scenario = (...args: string[]) => child("scenario.ts", ...args);

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const rows: string[][] = [["scenario", "customers", "transactions", "seconds", "tx/s", "rows/s", "peak RSS MB"]];
const add = (label: string, f: Figures) =>
  rows.push([label, fmt(f.customers), fmt(f.transactions), f.seconds.toFixed(2), fmt(f.transactions / f.seconds), f.rows ? fmt(f.rows / f.seconds) : "", fmt(f.peakRssMb)]);

console.log(`SpendSense benchmarks — ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? "unknown CPU"}, node ${process.version}`);
// The command line's start-up, from the shell: `spendsense --help` compiled, and through tsx as before.
const cliRows: string[][] = [["spendsense --help (wall)", "runs", "p50 ms", "p95 ms", "min ms"]];
if (only.has("cli")) {
  type CliFigures = { runs: number; buildMs: number; helpP50: number; helpP95: number; helpMin: number; tsxHelpP50: number; nodeP50: number };
  const f = child<CliFigures>("cli.ts");
  cliRows.push(["compiled (bin/spendsense.mjs)", String(f.runs), fmt(f.helpP50), fmt(f.helpP95), fmt(f.helpMin)]);
  cliRows.push(["through tsx, as before", "3", fmt(f.tsxHelpP50), "", ""]);
  cliRows.push(["bare `node -e 0`, for scale", "5", fmt(f.nodeP50), "", ""]);
  cliRows.push(["building the bundle (first use)", "1", fmt(f.buildMs), "", ""]);
}
const engineRows: string[][] = [["engine", "customers", "p50 ms", "p95 ms", "p99 ms", "mean ms", "end-to-end s", "customers/s", "peak RSS MB"]];
for (const users of sizes) {
  if (only.has("data")) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), `spendsense-gen-${users}-`));
    add(`generate files (${users})`, scenario("generate", String(users), out));
    add(`ingest files → SQLite (${users})`, scenario("ingest", String(users), out));
    add(`generate + load (${users})`, scenario("generate-load", String(users)));
    fs.rmSync(out, { recursive: true, force: true });
  }
  if (only.has("engine")) {
    const pure = scenario("engine-pure", String(users));
    engineRows.push([`pure engine, both windows (${users})`, fmt(pure.customers), pure.p50!.toFixed(2), pure.p95!.toFixed(2), pure.p99!.toFixed(2), pure.mean!.toFixed(2), "", "", ""]);
    const e2e = scenario("engine-e2e", String(users));
    engineRows.push([`load → compute → persist (${users})`, fmt(e2e.customers), "", "", "", "", e2e.engineSeconds!.toFixed(2), fmt(e2e.customers / e2e.engineSeconds!), fmt(e2e.peakRssMb)]);
  }
}
// Issue 15: budget status + alert detection per customer, and what they add to the pure run.
const alertRows: string[][] = [["alerts + budgets (pure)", "customers", "p50 ms", "p95 ms", "mean ms", "run() mean ms", "added to run()", "added to windows only", "alerts"]];
if (only.has("alerts")) {
  type AlertFigures = Figures & { alerts: number; runMean: number; addedToRunPct: number; addedToWindowsPct: number };
  for (const users of sizes) {
    const f = child<AlertFigures>("alerts.ts", String(users));
    alertRows.push([`detect (${users})`, fmt(f.customers), f.p50!.toFixed(2), f.p95!.toFixed(2), f.mean!.toFixed(2), f.runMean.toFixed(2), `${f.addedToRunPct.toFixed(1)}%`, `${f.addedToWindowsPct.toFixed(1)}%`, fmt(f.alerts)]);
  }
}
const pageRows: string[][] = [["staff page data", "customers", "list p50 ms", "list p95 ms", "detail p50 ms", "detail p95 ms", "review queue p50 ms", "review queue p95 ms"]];
if (only.has("pages")) {
  for (const users of sizes) {
    const f = scenario("pages", String(users));
    pageRows.push([`customer list / detail (${users})`, fmt(users), f.listP50!.toFixed(1), f.listP95!.toFixed(1), f.detailP50!.toFixed(1), f.detailP95!.toFixed(1), f.queueP50!.toFixed(1), f.queueP95!.toFixed(1)]);
  }
}
const evalRows: string[][] = [["spendsense eval", "customers", "seconds", "customers/s", "engine p50 ms", "p95 ms", "p99 ms", "files MB", "peak RSS MB"]];
if (only.has("eval")) {
  for (const users of sizes) {
    const f = child("eval.ts", String(users));
    evalRows.push([`eval end to end (${users})`, fmt(f.customers), f.evalSeconds!.toFixed(2), fmt(f.customers / f.evalSeconds!), f.p50!.toFixed(2), f.p95!.toFixed(2), f.p99!.toFixed(2), fmt(f.outMb!), fmt(f.peakRssMb)]);
  }
}
// BENCH_ONLY=api: the developer API under load, served by `next start` (run `npx next build` first).
const apiRows: string[][] = [["developer API", "customers", "connections", "req/s", "KB/response", "p50 ms", "p95 ms", "p99 ms", "errors", "non-2xx"]];
if (only.has("api")) {
  for (const users of sizes) {
    type ApiFigures = { route: string; customers: number; connections: number; rps: number; kbPerResponse: number; p50: number; p95: number; p99: number; errors: number; non2xx: number };
    for (const f of child<ApiFigures[]>("api.ts", String(users))) {
      apiRows.push([`${f.route} (${users})`, fmt(f.customers), String(f.connections), fmt(f.rps), fmt(f.kbPerResponse), f.p50.toFixed(1), f.p95.toFixed(1), f.p99.toFixed(1), String(f.errors), String(f.non2xx)]);
    }
  }
}
// BENCH_ONLY=instances: the API with one and two app instances on PostgreSQL (behind a round-robin
// proxy), beside one on SQLite (run `npx next build` first; SPENDSENSE_BENCH_PG_URL names the server).
const instanceRows: string[][] = [["developer API, instances", "customers", "instances", "req/s", "p50 ms", "p95 ms", "errors", "non-2xx"]];
if (only.has("instances")) {
  type InstanceFigures = { setup: string; instances: number; customers: number; rps: number; p50: number; p95: number; errors: number; non2xx: number };
  for (const f of child<InstanceFigures[]>("api-instances.ts", process.env.BENCH_INSTANCE_USERS ?? "1000")) {
    instanceRows.push([f.setup, fmt(f.customers), String(f.instances), fmt(f.rps), f.p50.toFixed(1), f.p95.toFixed(1), String(f.errors), String(f.non2xx)]);
  }
}
// BENCH_ONLY=contention: server writes (feedback, review actions) beside a 1 000-customer CLI ingest in another process.
const contentionRows: string[][] = [["server writes beside a CLI ingest", "ingest customers", "ingest s", "writes", "p50 ms", "p95 ms", "max ms", "5xx", "of which 503 busy"]];
if (only.has("contention")) {
  type ContentionFigures = { users: number; ingestSeconds: number; writes: number; busy503: number; fiveXx: number; p50: number; p95: number; max: number };
  const f = child<ContentionFigures>("contention.ts", process.env.BENCH_CONTENTION_USERS ?? "1000");
  contentionRows.push(["feedback + review actions", fmt(f.users), f.ingestSeconds.toFixed(1), fmt(f.writes), f.p50.toFixed(0), f.p95.toFixed(0), f.max.toFixed(0), String(f.busy503 + f.fiveXx), String(f.busy503)]);
}
// BENCH_ONLY=workers: a queued engine run on PostgreSQL with 1 and 2 `spendsense worker` processes
// (BENCH_WORKER_USERS customers, default 100 000; SPENDSENSE_BENCH_PG_URL names the server).
const workerRows: string[][] = [["engine run over the queue", "customers", "workers", "seconds", "customers/s", "load ms/chunk", "compute ms/chunk", "persist ms/chunk", "ratio"]];
if (only.has("workers")) {
  type Run = { workers: number; customers: number; seconds: number; perSecond: number; chunks: number; load_ms: number; compute_ms: number; persist_ms: number };
  const f = child<{ one: Run; two: Run; ratio: number }>("run-workers.ts", "--users", process.env.BENCH_WORKER_USERS ?? "100000");
  for (const r of [f.one, f.two]) {
    workerRows.push([`PostgreSQL, ${r.workers} worker process(es)`, fmt(r.customers), String(r.workers), r.seconds.toFixed(1), fmt(r.perSecond), fmt(r.load_ms / r.chunks), fmt(r.compute_ms / r.chunks), fmt(r.persist_ms / r.chunks), r.workers === 2 ? `${f.ratio.toFixed(2)}×` : ""]);
  }
}
// BENCH_ONLY=pg-load: generate-and-load into a fresh PostgreSQL database through COPY (issue 14; the server is
// SPENDSENSE_BENCH_PG_URL), beside SQLite. BENCH_PG_USERS (100000) and BENCH_SQLITE_USERS (10000) pick the sizes.
const pgLoadRows: string[][] = [["generate + load, one transaction", "customers", "transactions", "load s", "tx/s", "of which generating s", "writing tx/s", "peak RSS MB"]];
if (only.has("pg-load")) {
  type LoadFigures = { database: string; customers: number; transactions: number; seconds: number; generateSeconds: number; peakRssMb: number };
  for (const f of child<LoadFigures[]>("pg-load.ts", "--users", process.env.BENCH_PG_USERS ?? "100000", "--sqlite-users", process.env.BENCH_SQLITE_USERS ?? "10000")) {
    pgLoadRows.push([f.database === "postgres" ? "PostgreSQL (COPY)" : "SQLite", fmt(f.customers), fmt(f.transactions), f.seconds.toFixed(1), fmt(f.transactions / f.seconds), f.generateSeconds.toFixed(1), fmt(f.transactions / (f.seconds - f.generateSeconds)), fmt(f.peakRssMb)]);
  }
}
const print = (table: string[][]) => {
  if (table.length < 2) return;
  const widths = table[0].map((_, i) => table.reduce((m, r) => Math.max(m, r[i].length), 0));
  for (const r of table) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "));
  console.log();
};
print(cliRows);
print(rows);
print(engineRows);
print(alertRows);
print(pageRows);
print(evalRows);
print(apiRows);
print(instanceRows);
print(contentionRows);
print(workerRows);
print(pgLoadRows);
