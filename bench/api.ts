// The developer API under load: prepares a bench database (generated customers + an engine run)
// in a temporary folder, creates an API key, serves the built app with `next start` on a free
// port against that database, and drives GET /api/recommendations/{userId} across every
// consenting customer with autocannon (20 connections, 10 s after a short warm-up), with and
// without the decision traces, and without a key (the 401 floor). Prints figures, never passes or fails; the last line is JSON
// for bench/index.ts.
//   npx next build && npx tsx bench/api.ts [users]     or     BENCH_ONLY=api npm run bench
// BENCH_DB_URL=file:… reuses a database that already holds customers and an engine run.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type autocannon from "autocannon";
import { createPrisma } from "../lib/db/client";
import { createApiKey } from "../lib/services/api-keys";
import { runEngine } from "../lib/services/engine";
import { loadGenerated } from "../lib/services/generate";
import { quantile } from "./quantile";
import { drive as driveApp, freePort, startApp, stopApp } from "./server";
import { finish } from "../lib/cli/finish";

const users = Number(process.argv[2] ?? 1000);
const CONNECTIONS = Number(process.env.BENCH_API_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 10);
const AS_OF = "2026-10-31";

async function main() {
  if (!fs.existsSync(path.join(".next", "BUILD_ID"))) throw new Error("no production build: run `npx next build` first");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spendsense-bench-api-"));
  const url = process.env.BENCH_DB_URL ?? `file:${path.join(dir, "bench.db")}`;
  const server: { child?: ChildProcess } = {};
  try {
    if (!process.env.BENCH_DB_URL) {
      await loadGenerated({ users, seed: 42, asOf: AS_OF, months: 7, url });
      await runEngine({ url, asOf: AS_OF });
    }
    const db = createPrisma(url);
    const { key } = await createApiKey(db, { name: "bench", scopes: ["recommendations:read"], createdBy: "bench" });
    const ids = (await db.customer.findMany({ where: { consent: true }, select: { user_id: true }, orderBy: { user_id: "asc" } })).map((c) => c.user_id);
    await db.$disconnect();

    const port = await freePort();
    server.child = await startApp(port, url);
    const base = `http://127.0.0.1:${port}`;

    const drive = (query: string, seconds: number, latencies?: number[], withKey = true): Promise<autocannon.Result> =>
      driveApp(base, { seconds, connections: CONNECTIONS, headers: withKey ? { authorization: `Bearer ${key}` } : {}, pathOf: (i) => `/api/recommendations/${ids[i % ids.length]}${query}`, latencies });
    await drive("", 2); // warm-up: route code, JIT, SQLite page cache
    const all = [];
    // With each item's slice of the decision trace (the §6 shape), without (trace=false), and —
    // as the floor this machine sets — without a key: a 401 of 0.4 KB that reads nothing, so its
    // figures are Next.js's own per-request cost beside autocannon on the same two cores.
    const runs = [
      { query: "", withKey: true },
      { query: "?trace=false", withKey: true },
      { query: " without a key (401: the floor)", withKey: false },
    ];
    for (const { query, withKey } of runs) {
      const latencies: number[] = [];
      const r = await drive(withKey ? query : "", SECONDS, latencies, withKey);
      latencies.sort((a, b) => a - b);
      const figures = {
        route: `GET /api/recommendations/{userId}${query}`,
        users,
        customers: ids.length,
        connections: CONNECTIONS,
        seconds: r.duration,
        requests: r.requests.total,
        rps: r.requests.total / r.duration,
        kbPerResponse: r.throughput.total / Math.max(1, r.requests.total) / 1024,
        p50: quantile(latencies, 0.5),
        p95: quantile(latencies, 0.95),
        p99: quantile(latencies, 0.99),
        errors: r.errors + r.timeouts,
        non2xx: r.non2xx,
      };
      all.push(figures);
      console.log(
        `${figures.route}: ${figures.customers} customers, ${CONNECTIONS} connections, ${figures.requests} requests in ${figures.seconds.toFixed(1)} s → ` +
          `${figures.rps.toFixed(0)} req/s, ${figures.kbPerResponse.toFixed(0)} KB/response, p50 ${figures.p50.toFixed(1)} ms, p95 ${figures.p95.toFixed(1)} ms, p99 ${figures.p99.toFixed(1)} ms, errors ${figures.errors}, non-2xx ${figures.non2xx}`,
      );
    }
    console.log(JSON.stringify(all));
  } finally {
    // Stop the server (and let it finish what autocannon left in flight) before its database goes.
    await stopApp(server.child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  finish(1);
});
