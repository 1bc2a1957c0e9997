// One benchmark scenario in its own process, so peak memory (maxRSS) is its own. Prints JSON.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeGeneratedFiles } from "../lib/data/generator";
import { loadGenerated } from "../lib/services/generate";
import { ingestFiles } from "../lib/services/ingest";
import { runEngine } from "../lib/services/engine";
import { DEFAULT_CONFIG, run } from "../lib/engine";
import { loadApprovedCatalog, loadCustomerInputs, listCustomerIds } from "../lib/db/queries/engine-input";
import { openSql } from "../lib/db/sql";
import { quantile } from "./quantile";
import { finish } from "../lib/cli/finish";

const [name, usersArg, dirArg] = process.argv.slice(2);
const users = Number(usersArg);
const opts = { users, seed: 42, asOf: "2026-10-31", months: 7 };
const freshDb = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spendsense-bench-"));
  return { dir, url: `file:${path.join(dir, "bench.db")}` };
};

async function main() {
  const t0 = performance.now();
  let result: Record<string, number> = {};
  if (name === "generate") {
    const r = await writeGeneratedFiles({ ...opts, outDir: dirArg });
    result = { customers: r.customers, transactions: r.transactions };
  } else if (name === "ingest") {
    const db = freshDb();
    const r = await ingestFiles([dirArg], { url: db.url });
    result = { customers: r.customers, transactions: r.transactions, rows: r.customers + r.accounts + r.transactions + r.liabilities };
    fs.rmSync(db.dir, { recursive: true, force: true });
  } else if (name === "generate-load") {
    const db = freshDb();
    const r = await loadGenerated({ ...opts, url: db.url });
    result = { customers: r.customers, transactions: r.transactions, rows: r.customers + r.accounts + r.transactions + r.liabilities };
    fs.rmSync(db.dir, { recursive: true, force: true });
  } else if (name === "engine-e2e") {
    // Load the customers first (not timed), then time load → compute → persist for all of them.
    const db = freshDb();
    await loadGenerated({ ...opts, url: db.url });
    const t1 = performance.now();
    const r = await runEngine({ url: db.url, asOf: opts.asOf });
    result = { customers: r.customers, transactions: 0, engineSeconds: (performance.now() - t1) / 1000, recommendations: r.recommendations };
    fs.rmSync(db.dir, { recursive: true, force: true });
  } else if (name === "engine-pure") {
    // The pure engine per customer (both windows), after warm-up passes over the same customers
    // (at least 2 000 runs in all, so 100 customers are timed with optimised code too).
    const db = freshDb();
    await loadGenerated({ ...opts, url: db.url });
    const sql = await openSql(db.url);
    const ids = (await listCustomerIds(sql)).filter((c) => c.consent).map((c) => c.user_id);
    const catalog = await loadApprovedCatalog(sql);
    const times: number[] = [];
    const warmups = Math.max(1, Math.ceil(2000 / ids.length));
    for (let i = 0; i < ids.length; i += 500) {
      const inputs = await loadCustomerInputs(sql, ids.slice(i, i + 500));
      for (let pass = 0; pass <= warmups; pass++) {
        for (const input of inputs) {
          const t = performance.now();
          run(input, DEFAULT_CONFIG, opts.asOf, { catalog, recentlyShown: [] });
          if (pass === warmups) times.push(performance.now() - t);
        }
      }
    }
    sql.close();
    times.sort((a, b) => a - b);
    const q = (p: number) => quantile(times, p);
    result = { customers: times.length, transactions: 0, p50: q(0.5), p95: q(0.95), p99: q(0.99), mean: times.reduce((a, b) => a + b, 0) / times.length };
    fs.rmSync(db.dir, { recursive: true, force: true });
  } else if (name === "pages") {
    // The staff pages' data reads at scale: customer list (several sorts/filters) and detail.
    const db = freshDb();
    await loadGenerated({ ...opts, url: db.url });
    await runEngine({ url: db.url, asOf: opts.asOf });
    const { createPrisma } = await import("../lib/db/client");
    const { listCustomers } = await import("../lib/db/queries/customers");
    const { customerListQuerySchema } = await import("../lib/validation/customers");
    const { customerView } = await import("../lib/services/customer-view");
    const { withReadSql } = await import("../lib/services/database");
    const prisma = createPrisma(db.url);
    const sql = await openSql(db.url);
    const queries = [{}, { sort: "persona" }, { sort: "pending", dir: "desc" }, { persona: "high_utilization" }, { consent: "yes", page: "7" }, { q: "usr_0" }, { sort: "strength", window: "180d" }, { persona: "none", sort: "name" }].map((q) => customerListQuerySchema.parse(q));
    const list: number[] = [];
    for (let i = 0; i < 80; i++) {
      const t = performance.now();
      await withReadSql((s) => listCustomers(s, queries[i % queries.length]), db.url);
      list.push(performance.now() - t);
    }
    const ids = (await listCustomerIds(sql)).filter((c) => c.consent).map((c) => c.user_id);
    const detail: number[] = [];
    for (let i = 0; i < 100; i++) {
      const id = ids[(i * 7919) % ids.length];
      const t = performance.now();
      await Promise.all([customerView(sql, id, undefined, { fullTrace: true }), prisma.customer.findUnique({ where: { user_id: id }, include: { consent_events: true, accounts: true } }), prisma.transaction.findMany({ where: { user_id: id, deleted_at: null }, orderBy: [{ date: "desc" }], take: 50 })]);
      detail.push(performance.now() - t);
    }
    // The review queue's read (one page of customer cards, with the filters a reviewer uses).
    const { reviewQueue } = await import("../lib/db/queries/review-queue");
    const { parseReviewQueueQuery } = await import("../lib/validation/review");
    const queueQueries = [{}, { page: "3" }, { flagged: "1" }, { persona: "high_utilization" }, { kind: "offer", window: "30d" }, { age: "7d" }, { page: "40", window: "180d" }].map((q) => parseReviewQueueQuery(q).query);
    const queue: number[] = [];
    for (let i = 0; i < 70; i++) {
      const t = performance.now();
      await withReadSql((s) => reviewQueue(s, queueQueries[i % queueQueries.length], new Date()), db.url);
      queue.push(performance.now() - t);
    }
    const q = (xs: number[], p: number) => quantile([...xs].sort((a, b) => a - b), p);
    result = { customers: users, transactions: 0, listP50: q(list, 0.5), listP95: q(list, 0.95), detailP50: q(detail, 0.5), detailP95: q(detail, 0.95), queueP50: q(queue, 0.5), queueP95: q(queue, 0.95) };
    await prisma.$disconnect();
    sql.close();
    fs.rmSync(db.dir, { recursive: true, force: true });
  } else throw new Error(`unknown scenario ${name}`);
  const seconds = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ name, users, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, ...result }));
}

main().catch((e) => {
  console.error(e);
  finish(1);
});
