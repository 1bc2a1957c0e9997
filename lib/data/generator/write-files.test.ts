import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseCsv } from "../csv";
import { generateCustomer, writeGeneratedFiles } from "./index";
import { csvCell } from "../csv";

const OPTS = { users: 60, seed: 42, asOf: "2026-10-31", months: 7 };
const dirs: string[] = [];
async function run(opts: typeof OPTS & { bundlesPerPart?: number; anomalyRate?: number; fraudRate?: number } = OPTS) {
  const outDir = await mkdtemp(path.join(os.tmpdir(), "spendsense-gen-"));
  dirs.push(outDir);
  const progress: number[] = [];
  const result = await writeGeneratedFiles({ ...opts, outDir, onProgress: (done) => progress.push(done) });
  return { outDir, result, progress };
}
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, full), await readFile(full));
  }
  return out;
}

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe("writeGeneratedFiles", () => {
  it("writes byte-identical files for the same options, different ones for another seed", async () => {
    const [a, b, c] = await Promise.all([run(), run(), run({ ...OPTS, seed: 43 })]);
    const [ta, tb, tc] = await Promise.all([tree(a.outDir), tree(b.outDir), tree(c.outDir)]);
    expect([...ta.keys()].sort()).toEqual(
      ["bundles/part-00001.json", "csv/accounts.csv", "csv/customers.csv", "csv/transactions.csv", "manifest.json"].map((f) => path.join(...f.split("/"))),
    );
    for (const [name, bytes] of ta) expect(bytes.equals(tb.get(name)!), name).toBe(true);
    for (const name of ["csv/transactions.csv", "bundles/part-00001.json"]) expect(ta.get(path.join(...name.split("/")))!.equals(tc.get(path.join(...name.split("/")))!)).toBe(false);
    expect(a.progress.at(-1)).toBe(60);
    expect(a.result.customers).toBe(60);
    expect(a.result.files).toHaveLength(5);
  });

  it("splits bundles into parts, one compact bundle per line", async () => {
    const opts = { ...OPTS, users: 7, bundlesPerPart: 3 };
    const { outDir, result } = await run(opts);
    const parts = await Promise.all([1, 2, 3].map((n) => readFile(path.join(outDir, "bundles", `part-0000${n}.json`), "utf8")));
    const expected = (from: number, to: number) => {
      const lines: string[] = [];
      for (let i = from; i < to; i++) lines.push(JSON.stringify(generateCustomer(opts, i)));
      return `[\n${lines.join(",\n")}\n]\n`;
    };
    expect(parts).toEqual([expected(0, 3), expected(3, 6), expected(6, 7)]);
    expect(JSON.parse(parts[0])).toHaveLength(3);
    const manifest = JSON.parse(await readFile(path.join(outDir, "manifest.json"), "utf8"));
    expect(manifest.options).toEqual({ users: 7, seed: 42, as_of: "2026-10-31", months: 7 });
    expect(manifest.counts.customers).toBe(7);
    expect(manifest.counts.transactions).toBe(result.transactions);
    expect(manifest.counts.bundle_parts).toBe(3);
    expect(manifest.files).toContain("bundles/part-00003.json");
    expect(JSON.stringify(manifest)).not.toMatch(/\d\d:\d\d/); // no timestamps
  });

  it("writes CSV that matches the bundles", async () => {
    const { outDir, result } = await run({ ...OPTS, users: 20 });
    const bundles = JSON.parse(await readFile(path.join(outDir, "bundles", "part-00001.json"), "utf8"));
    const txText = await readFile(path.join(outDir, "csv", "transactions.csv"), "utf8");
    expect(txText).not.toContain("\r");
    const tx = parseCsv(txText);
    expect(tx.header).toEqual([
      "transaction_id",
      "account_id",
      "date",
      "authorized_date",
      "amount",
      "iso_currency_code",
      "name",
      "merchant_name",
      "merchant_entity_id",
      "payment_channel",
      "personal_finance_category_primary",
      "personal_finance_category_detailed",
      "pending",
    ]);
    expect(tx.rows).toHaveLength(result.transactions);
    const first = bundles[0].transactions[0];
    const row = tx.rows[0].cells;
    expect(row[0]).toBe(first.transaction_id);
    expect(row[4]).toBe(first.amount.toFixed(2));
    expect(row[6]).toBe(first.name);
    expect(["true", "false"]).toContain(row[12]);
    for (const r of tx.rows) expect(r.cells[4]).toMatch(/^-?\d+\.\d\d$/);
    const accts = parseCsv(await readFile(path.join(outDir, "csv", "accounts.csv"), "utf8"));
    expect(accts.header).toEqual(["user_id", "account_id", "type", "subtype", "name", "official_name", "mask", "available", "current", "limit", "iso_currency_code", "holder_category"]);
    expect(accts.rows).toHaveLength(result.accounts);
    const customers = parseCsv(await readFile(path.join(outDir, "csv", "customers.csv"), "utf8"));
    expect(customers.header).toEqual(["user_id", "name", "consent", "age_band", "gender", "region", "income_tier", "credit_score"]);
    expect(customers.rows.map((r) => r.cells[0])).toEqual(bundles.map((b: { user: { user_id: string } }) => b.user.user_id));
  });
});

describe("csvCell", () => {
  it("quotes only what RFC 4180 requires", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(true)).toBe("true");
    expect(csvCell("TRADER JOE'S #071")).toBe("TRADER JOE'S #071");
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
  });
});

describe("writeGeneratedFiles with ground-truth events", () => {
  it("records the event rates in the manifest only when set, and writes the labelled events into the bundles", async () => {
    const [plain, labelled] = await Promise.all([run({ ...OPTS, anomalyRate: 0, fraudRate: 0 }), run({ ...OPTS, anomalyRate: 0.3, fraudRate: 0.2 })]);
    const manifest = async (dir: string) => JSON.parse(await readFile(path.join(dir, "manifest.json"), "utf8"));
    expect((await manifest(plain.outDir)).options).toEqual({ users: 60, seed: 42, as_of: "2026-10-31", months: 7 });
    expect((await manifest(labelled.outDir)).options).toEqual({ users: 60, seed: 42, as_of: "2026-10-31", months: 7, anomaly_rate: 0.3, fraud_rate: 0.2 });
    const bundles = JSON.parse(await readFile(path.join(labelled.outDir, "bundles", "part-00001.json"), "utf8"));
    expect(bundles.some((b: { label: { events?: Array<{ source: string }> } }) => b.label.events?.some((e) => e.source === "injected"))).toBe(true);
  });
});
