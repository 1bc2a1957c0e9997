// Issue 14: generate-and-load on PostgreSQL, the bulk rows streamed through COPY (lib/db/pg-copy.ts),
// in ONE all-or-nothing transaction, beside the same load into SQLite for comparison. Prints
// figures, never asserts. Each load runs in a child process of its own, so its peak memory is its own.
//   npx tsx bench/pg-load.ts [--users 100000] [--sqlite-users 10000] [--months 7]
// The PostgreSQL server is SPENDSENSE_BENCH_PG_URL (default postgresql://postgres@127.0.0.1:55432/postgres);
// the bench creates a database of its own there and drops it afterwards.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { finish } from "../lib/cli/finish";
import { prepareDatabase } from "../lib/db/prepare";
import { openSql } from "../lib/db/sql";
import type { IngestBatch } from "../lib/data/types";
import { expectedTransactions, generatedBatches } from "../lib/services/generate";
import { ingestBatches } from "../lib/services/ingest";

const ADMIN_URL = process.env.SPENDSENSE_BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:55432/postgres";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

export interface LoadFigures {
  database: "postgres" | "sqlite";
  customers: number;
  accounts: number;
  transactions: number;
  /** The load alone: generating, validating and writing, in its one transaction. */
  seconds: number;
  /** Of which generating and validating the customers (this process's CPU, between writes). */
  generateSeconds: number;
  /** Creating and migrating the empty database, before the load. */
  prepareSeconds: number;
  peakRssMb: number;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** One load, in this process: a fresh database, prepared (not timed), then the timed load. */
async function load(database: "postgres" | "sqlite", users: number, months: number): Promise<LoadFigures> {
  let url: string;
  let cleanup: () => Promise<void>;
  if (database === "postgres") {
    const name = `spendsense_bench_${crypto.randomBytes(4).toString("hex")}`;
    await admin((c) => c.query(`CREATE DATABASE ${name}`));
    const u = new URL(ADMIN_URL);
    u.pathname = `/${name}`;
    url = u.toString();
    cleanup = () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined);
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spendsense-bench-"));
    url = `file:${path.join(dir, "bench.db")}`;
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  try {
    const t0 = performance.now();
    const sql = await openSql(url);
    await prepareDatabase(sql);
    sql.close();
    // loadGenerated's own steps, with the time spent pulling each batch from the generator counted apart.
    const opts = { users, seed: 42, asOf: "2026-10-31", months };
    let generating = 0;
    function* timed(batches: Iterator<IngestBatch>): Generator<IngestBatch> {
      for (;;) {
        const t = performance.now();
        const next = batches.next();
        generating += performance.now() - t;
        if (next.done) return;
        yield next.value;
      }
    }
    const t1 = performance.now();
    const loading = await openSql(url);
    let done = 0;
    const r = await ingestBatches(timed(generatedBatches(opts)), loading, expectedTransactions(opts), (c) => {
      done += c.customers;
      if (done % 5000 < c.customers) console.error(`  ${database}: ${fmt(done)} customers loaded, ${((performance.now() - t1) / 1000).toFixed(0)} s`);
    });
    loading.close();
    const seconds = (performance.now() - t1) / 1000;
    return { database, customers: r.customers, accounts: r.accounts, transactions: r.transactions, seconds, generateSeconds: generating / 1000, prepareSeconds: (t1 - t0) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  } finally {
    await cleanup();
  }
}

function child(database: "postgres" | "sqlite", users: number, months: number): LoadFigures {
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const r = spawnSync(tsx, [__filename, "--child", database, "--users", String(users), "--months", String(months)], { encoding: "utf8", maxBuffer: 1 << 24, stdio: ["ignore", "pipe", "inherit"] });
  if (r.status !== 0) throw new Error(`pg-load ${database} ${users} failed (exit ${r.status})`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

async function main() {
  const months = arg("months", 7);
  const childDb = process.argv.includes("--child") ? (process.argv[process.argv.indexOf("--child") + 1] as "postgres" | "sqlite") : null;
  if (childDb) {
    console.log(JSON.stringify(await load(childDb, arg("users", 1000), months)));
    return;
  }
  const runs = [child("postgres", arg("users", 100_000), months), child("sqlite", arg("sqlite-users", 10_000), months)];
  const table = [["generate + load", "customers", "transactions", "load s", "tx/s", "customers/s", "of which generating s", "writing tx/s", "peak RSS MB"]];
  for (const f of runs) {
    const writing = f.seconds - f.generateSeconds;
    table.push([f.database === "postgres" ? "PostgreSQL (COPY)" : "SQLite", fmt(f.customers), fmt(f.transactions), f.seconds.toFixed(1), fmt(f.transactions / f.seconds), fmt(f.customers / f.seconds), f.generateSeconds.toFixed(1), fmt(f.transactions / writing), fmt(f.peakRssMb)]);
  }
  const widths = table[0].map((_, i) => table.reduce((m, r) => Math.max(m, r[i].length), 0));
  console.error(table.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ")).join("\n"));
  // The last line, for bench/index.ts.
  console.log(JSON.stringify(runs));
}

main()
  .then(() => finish(0))
  .catch((e) => {
    console.error(e);
    finish(1);
  });
