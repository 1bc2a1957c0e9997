// The developer API with one app instance and with two behind a round-robin proxy (http-proxy),
// on PostgreSQL, beside one instance on SQLite at the same size: GET /api/recommendations/{userId}
// across every consenting customer, 20 connections, 10 s after a warm-up. Prints figures, never
// passes or fails; the last line is JSON for bench/index.ts.
//   npx next build && npx tsx bench/api-instances.ts [users]     or     BENCH_ONLY=instances npm run bench
// PostgreSQL: SPENDSENSE_BENCH_PG_URL (a server's admin URL; the bench makes and drops its own database).
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import httpProxy from "http-proxy";
import pg from "pg";
import { createPrisma } from "../lib/db/client";
import { finish } from "../lib/cli/finish";
import { createApiKey } from "../lib/services/api-keys";
import { runEngine } from "../lib/services/engine";
import { loadGenerated } from "../lib/services/generate";
import { quantile } from "./quantile";
import { drive, freePort, startApp, stopApp } from "./server";

const users = Number(process.argv[2] ?? 1000);
const CONNECTIONS = Number(process.env.BENCH_API_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 10);
const AS_OF = "2026-10-31";
const PG_ADMIN = process.env.SPENDSENSE_BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:55432/postgres";

interface Figures {
  setup: string;
  instances: number;
  customers: number;
  rps: number;
  p50: number;
  p95: number;
  errors: number;
  non2xx: number;
}

/** Customers, a run, and a key: what the API serves. */
async function prepare(url: string): Promise<{ key: string; ids: string[] }> {
  await loadGenerated({ users, seed: 42, asOf: AS_OF, months: 7, url });
  await runEngine({ url, asOf: AS_OF });
  const db = createPrisma(url);
  try {
    const { key } = await createApiKey(db, { name: "bench", scopes: ["recommendations:read"], createdBy: "bench" });
    const ids = (await db.customer.findMany({ where: { consent: true }, select: { user_id: true }, orderBy: { user_id: "asc" } })).map((c) => c.user_id);
    return { key, ids };
  } finally {
    await db.$disconnect();
  }
}

async function measure(setup: string, instances: number, base: string, key: string, ids: string[]): Promise<Figures> {
  const opts = { connections: CONNECTIONS, headers: { authorization: `Bearer ${key}` }, pathOf: (i: number) => `/api/recommendations/${ids[i % ids.length]}` };
  await drive(base, { ...opts, seconds: 2 }); // warm-up
  const latencies: number[] = [];
  const r = await drive(base, { ...opts, seconds: SECONDS, latencies });
  latencies.sort((a, b) => a - b);
  const f = { setup, instances, customers: ids.length, rps: r.requests.total / r.duration, p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), errors: r.errors + r.timeouts, non2xx: r.non2xx };
  console.log(`${setup}: ${f.customers} customers, ${CONNECTIONS} connections → ${f.rps.toFixed(0)} req/s, p50 ${f.p50.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms, errors ${f.errors}, non-2xx ${f.non2xx}`);
  return f;
}

/** A round-robin reverse proxy over `targets` (what a load balancer does). */
function roundRobin(targets: string[], port: number): Promise<http.Server> {
  const proxy = httpProxy.createProxyServer({ agent: new http.Agent({ keepAlive: true, maxSockets: 64 }) });
  proxy.on("error", (_err, _req, res) => {
    const out = res as http.ServerResponse;
    if (!out.headersSent) out.writeHead(502);
    out.end();
  });
  let next = 0;
  const server = http.createServer((req, res) => proxy.web(req, res, { target: targets[next++ % targets.length] }));
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

async function main() {
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) throw new Error("no production build: run `npx next build` first");
  const out: Figures[] = [];
  const children: ChildProcess[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spendsense-bench-instances-"));
  const dbName = `spendsense_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN });
  let proxy: http.Server | undefined;
  try {
    // SQLite, one instance (it cannot have two on two machines): the baseline.
    const sqliteUrl = `file:${path.join(dir, "bench.db")}`;
    const s = await prepare(sqliteUrl);
    const sqlitePort = await freePort();
    const sqliteApp = await startApp(sqlitePort, sqliteUrl);
    out.push(await measure("SQLite, 1 instance", 1, `http://127.0.0.1:${sqlitePort}`, s.key, s.ids));
    await stopApp(sqliteApp);

    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    const u = new URL(PG_ADMIN);
    u.pathname = `/${dbName}`;
    const pgUrl = u.toString();
    const p = await prepare(pgUrl);
    const [pa, pb, pp] = [await freePort(), await freePort(), await freePort()];
    children.push(await startApp(pa, pgUrl), await startApp(pb, pgUrl));
    out.push(await measure("PostgreSQL, 1 instance", 1, `http://127.0.0.1:${pa}`, p.key, p.ids));
    proxy = await roundRobin([`http://127.0.0.1:${pa}`, `http://127.0.0.1:${pb}`], pp);
    out.push(await measure("PostgreSQL, 2 instances behind a round-robin proxy", 2, `http://127.0.0.1:${pp}`, p.key, p.ids));
    console.log(`2 instances ÷ 1 on PostgreSQL: ${(out[2].rps / out[1].rps).toFixed(2)}× the requests per second (all on ${os.cpus().length} cores with the database and the load generator)`);
    console.log(JSON.stringify(out));
  } finally {
    proxy?.close();
    for (const c of children) await stopApp(c);
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  finish(1);
});
