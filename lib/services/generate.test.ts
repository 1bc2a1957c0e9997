import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dumpDb, tempDb, type TempDb } from "../testing/temp-db";
import { generateBundles } from "../data/generator";
import { loadGenerated, writeGeneratedFiles } from "./generate";
import { ingestFiles } from "./ingest";

const opts = { users: 40, seed: 7, asOf: "2026-10-31", months: 7 };
let a: TempDb;
let b: TempDb;
beforeEach(async () => {
  [a, b] = [await tempDb(), await tempDb()];
});
afterEach(() => {
  a.cleanup();
  b.cleanup();
});

describe("generate → database", () => {
  it("--load and ingesting the written files give the same database", async () => {
    const loaded = await loadGenerated({ ...opts, url: a.url });
    const out = path.join(b.dir, "gen");
    await writeGeneratedFiles({ ...opts, outDir: out });
    const ingested = await ingestFiles([out], {}, b.sql);
    expect(ingested.customers).toBe(opts.users);
    expect(loaded.transactions).toBe(ingested.transactions);
    // The same data; the two loads' audit entries differ only in where the data came from.
    const except = ["audit_log"];
    expect(await dumpDb(a.sql, { withoutClock: true, except })).toEqual(await dumpDb(b.sql, { withoutClock: true, except }));
  });

  it("loading the same generated customers again changes nothing", async () => {
    await loadGenerated({ ...opts, url: a.url });
    const first = await dumpDb(a.sql, { except: ["audit_log"] });
    await loadGenerated({ ...opts, url: a.url });
    expect(await dumpDb(a.sql, { except: ["audit_log"] })).toEqual(first);
  });

  it("the CSV export loads into the same customers, accounts and transactions", async () => {
    const out = path.join(b.dir, "gen");
    await writeGeneratedFiles({ ...opts, outDir: out });
    await ingestFiles([path.join(out, "csv")], {}, b.sql);
    await loadGenerated({ ...opts, url: a.url });
    const [da, db] = [await dumpDb(a.sql, { withoutClock: true }), await dumpDb(b.sql, { withoutClock: true })];
    expect(db.transactions).toEqual(da.transactions);
    expect(db.accounts).toEqual(da.accounts.map((a) => ({ ...(a as Record<string, unknown>), source: "csv" })));
    expect(db.customers).toEqual(da.customers.map((c) => ({ ...(c as Record<string, unknown>), source: "csv" })));
    expect(fs.existsSync(path.join(out, "manifest.json"))).toBe(true);
  });

  it("injected ground-truth events land in generator_events, as the bundle labels them, and stay there once on a reload", async () => {
    const withEvents = { ...opts, anomalyRate: 0.3, fraudRate: 0.3 };
    await loadGenerated({ ...withEvents, url: a.url });
    await loadGenerated({ ...withEvents, url: a.url });
    const expected = [...generateBundles(withEvents)].flatMap((bundle) =>
      (bundle.label?.events ?? []).map((e, seq) => ({ user_id: bundle.user!.user_id, seq, kind: e.kind, source: e.source, event_date: e.date, account_id: e.account_id, transaction_ids: JSON.stringify(e.transaction_ids), expected_alert: e.expected_alert })),
    );
    expect(expected.filter((e) => e.source === "injected").length).toBeGreaterThan(10);
    const rows = (await a.sql.execute("SELECT * FROM generator_events ORDER BY user_id, seq")).rows.map((r) => ({ ...r }));
    expect(rows).toEqual(expected);
    const stored = new Set((await a.sql.execute("SELECT transaction_id FROM transactions")).rows.map((r) => String(r.transaction_id)));
    const orphans = rows.flatMap((e) => (JSON.parse(String(e.transaction_ids)) as string[]).filter((id) => !stored.has(id)));
    expect(orphans).toEqual([]);
  });
});
