// Server writes beside a CLI ingest (issue 11): a real `spendsense ingest` of BENCH_CONTENTION_USERS
// (default 1 000) generated customers runs in its own process while this process — the server's
// side, through the same code paths — records feedback (POST /api/feedback, the route handler)
// and review actions (the service the review page's action calls) back to back on two lanes.
// Prints p50/p95/max of those writes and how many ended in a 5xx (aim: 0, p95 under 2 s); never
// passes or fails. The last line is JSON for bench/index.ts.
//   npx tsx bench/contention.ts [customers]     or     BENCH_ONLY=contention npm run bench
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setApiDatabase, apiDatabase } from "../lib/api/database";
import { toDomainError } from "../lib/db/errors";
import { call } from "../lib/api/testing";
import { writeGeneratedFiles, loadGenerated } from "../lib/services/generate";
import { createApiKey } from "../lib/services/api-keys";
import { runEngine } from "../lib/services/engine";
import { reviewRecommendation } from "../lib/services/review";
import { openSql } from "../lib/db/sql";
import * as feedbackRoute from "../app/api/feedback/route";
import { quantile } from "./quantile";

const users = Number(process.argv[2] ?? process.env.BENCH_CONTENTION_USERS ?? 1000);
const AS_OF = "2026-10-31";

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spendsense-bench-contention-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  try {
    // The server's data: 60 customers with an engine run, so there are recommendations to review.
    await loadGenerated({ users: 60, seed: 42, asOf: AS_OF, months: 7, url });
    await runEngine({ url, asOf: AS_OF, workers: 0 });
    await setApiDatabase(url);
    const db = apiDatabase().db;
    const { key } = await createApiKey(db, { name: "bench", scopes: ["feedback:write"], createdBy: "bench" });
    const sql = await openSql(url);
    const customers = (await sql.execute("SELECT user_id FROM customers WHERE consent = 1 ORDER BY user_id")).rows.map((r) => String(r.user_id));
    const contentId = String((await sql.execute("SELECT id FROM content_items ORDER BY id LIMIT 1")).rows[0].id);
    const pending = (await sql.execute("SELECT id, version FROM recommendations WHERE status = 'pending_review' ORDER BY id")).rows.map((r) => ({ id: Number(r.id), version: Number(r.version) }));
    sql.close();
    // The ingest's input: files a CLI ingest reads (another seed: new customers).
    await writeGeneratedFiles({ users, seed: 7, asOf: AS_OF, months: 7, outDir: path.join(dir, "gen") });

    const latencies: number[] = [];
    let fiveXx = 0;
    let busy503 = 0;
    let ok = 0;
    const ingest = spawn(process.execPath, ["--import", "tsx", path.join("lib", "cli", "bin.ts"), "ingest", path.join(dir, "gen", "bundles")], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let ingestErr = "";
    ingest.stderr.on("data", (d) => {
      ingestErr += d;
      if (process.env.BENCH_TRACE) process.stderr.write(`[ingest] ${d}`);
    });
    const started = performance.now();
    if (process.env.BENCH_TRACE) console.error(`ingest pid ${ingest.pid}`);
    let running = true;
    const ended = new Promise<number | null>((r) => ingest.once("exit", (code) => {
      if (process.env.BENCH_TRACE) console.error(`ingest exit ${code}`);
      running = false;
      r(code);
    }));

    let n = 0;
    // libsql answers synchronously: without a turn of the event loop between writes, the child's exit would never be noticed.
    const turn = () => new Promise((r) => setImmediate(r));
    const feedbackLane = async () => {
      while (running) {
        await turn();
        const t0 = performance.now();
        const r = await call(feedbackRoute.POST, { path: "/api/feedback", key, body: { user_id: customers[n++ % customers.length], content_id: contentId, rating: "helpful" } });
        latencies.push(performance.now() - t0);
        if (process.env.BENCH_TRACE) console.error(`feedback ${r.status} ${(performance.now() - t0).toFixed(0)} ms`);
        if (r.status === 503) busy503++;
        else if (r.status >= 500) fiveXx++;
        else if (r.status < 300) ok++;
      }
    };
    const reviewLane = async () => {
      while (running && pending.length) {
        await turn();
        const rec = pending.shift()!;
        const t0 = performance.now();
        try {
          await reviewRecommendation(db, { action: "approve", id: rec.id, version: rec.version }, "bench@spendsense.local");
          ok++;
        } catch (err) {
          const status = toDomainError(err).status; // what the app would answer
          if (process.env.BENCH_TRACE) console.error(`review ${status} ${(err as Error).message.slice(0, 200)}`);
          if (status === 503) busy503++;
          else if (status >= 500) fiveXx++;
        }
        latencies.push(performance.now() - t0);
      }
    };
    await Promise.all([feedbackLane(), reviewLane()]);
    const code = await ended;
    const ingestSeconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`the ingest failed (exit ${code}): ${ingestErr.slice(-500)}`);
    // The ingest really loaded its customers (beside the server's own), or the figures mean nothing.
    const loaded = await db.customer.count();
    if (loaded < users) throw new Error(`the ingest loaded ${loaded} customers, expected at least ${users}`);
    latencies.sort((a, b) => a - b);
    const figures = { users, ingestSeconds, writes: latencies.length, ok, busy503, fiveXx, p50: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), max: latencies[latencies.length - 1] ?? Number.NaN };
    console.log(
      `server writes beside a ${users}-customer CLI ingest (${ingestSeconds.toFixed(1)} s): ${figures.writes} writes (feedback + review actions), ` +
        `p50 ${figures.p50.toFixed(0)} ms, p95 ${figures.p95.toFixed(0)} ms, max ${figures.max.toFixed(0)} ms; 5xx: ${busy503 + fiveXx} (${busy503} of them 503 database busy)`,
    );
    console.log(JSON.stringify(figures));
    await setApiDatabase(null);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
