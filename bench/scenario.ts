// One benchmark scenario in its own process, so peak memory (maxRSS) is its own. Prints JSON.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { writeGeneratedFiles } from "../lib/data/generator";
import { loadGenerated } from "../lib/services/generate";
import { ingestFiles } from "../lib/services/ingest";

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
  } else throw new Error(`unknown scenario ${name}`);
  const seconds = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ name, users, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, ...result }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
