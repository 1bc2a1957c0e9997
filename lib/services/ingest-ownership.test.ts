// An input never changes another customer's records, nor the consent or profile of a customer
// that already exists (SPEC §2.2); a refused ingest reports any number of problems.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { emptyBatch, IngestError } from "../data/types";
import { writeBatch } from "../db/write-batch";
import { sampleBundle } from "../testing/bundle-fixture";
import { dumpDb, tempDb, writeTemp, type TempDb } from "../testing/temp-db";
import { setConsent } from "./consent";
import { ingestFiles } from "./ingest";

let db: TempDb;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(() => db.cleanup());

let n = 0;
const ingest = (content: unknown, name = `in-${++n}.json`) => ingestFiles([writeTemp(db.dir, name, content)], {}, db.sql);
const refused = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(IngestError);
  return (err as IngestError).issues;
};
const customer = async (id: string) => ({ ...(await db.sql.execute({ sql: "SELECT name, consent, age_band, credit_score FROM customers WHERE user_id = ?", args: [id] })).rows[0] });
const events = async (id: string) => (await db.sql.execute({ sql: "SELECT granted, source FROM consent_events WHERE user_id = ? ORDER BY id", args: [id] })).rows.map((r) => ({ ...r }));

describe("ingest: records owned by another customer", () => {
  it("a new customer carrying another customer's transaction, account and card liability is refused, naming each id and its owner; nothing is written", async () => {
    await ingest(sampleBundle("usr_a"));
    const before = await dumpDb(db.sql);
    const a = sampleBundle("usr_a");
    const b = sampleBundle("usr_b");
    b.transactions![0].transaction_id = "usr_a_t1"; // usr_a's payroll, now in usr_b's checking with usr_b's amount
    b.transactions![0].amount = -1;
    b.accounts!.push({ ...a.accounts![1] }); // usr_a's card claimed by usr_b
    b.liabilities!.credit!.push({ ...a.liabilities!.credit![0] });
    const issues = await refused(ingest(b, "b.json"));
    const text = issues.map((i) => `${i.file} ${i.record} ${i.field}: ${i.reason}`).join("\n");
    expect(text).toMatch(/b\.json .* transaction_id: transaction "usr_a_t1" belongs to customer "usr_a", not "usr_b"/);
    expect(text).toMatch(/b\.json .* account_id: account "usr_a_cc" belongs to customer "usr_a", not "usr_b"/);
    expect(await dumpDb(db.sql)).toEqual(before);
    const t1 = (await db.sql.execute("SELECT user_id, account_id, amount_cents, name FROM transactions WHERE transaction_id = 'usr_a_t1'")).rows[0];
    expect({ ...t1 }).toEqual({ user_id: "usr_a", account_id: "usr_a_chk", amount_cents: -215000, name: "ACME CORP PAYROLL" });
  });

  it("a liability or transaction on another customer's account, referenced without the account, is refused naming the owner", async () => {
    await ingest(sampleBundle("usr_a"));
    const before = await dumpDb(db.sql);
    const a = sampleBundle("usr_a");
    const b = sampleBundle("usr_b");
    b.liabilities!.credit = [{ ...a.liabilities!.credit![0] }]; // usr_a's card, not in usr_b's bundle
    b.transactions!.push({ ...a.transactions![1], transaction_id: "usr_b_t9" });
    const issues = await refused(ingest(b, "b.json"));
    expect(issues).toEqual([
      { file: expect.stringMatching(/b\.json$/), record: "bundle.transactions[3]", field: "account_id", reason: 'account "usr_a_cc" belongs to customer "usr_a", not "usr_b"' },
      { file: expect.stringMatching(/b\.json$/), record: "bundle.liabilities.credit[0]", field: "account_id", reason: 'account "usr_a_cc" belongs to customer "usr_a", not "usr_b"' },
    ]);
    expect(await dumpDb(db.sql)).toEqual(before);
  });

  it("a CSV transaction whose id belongs to another customer is refused, even on the right account", async () => {
    await ingest(sampleBundle("usr_a"));
    await ingest(sampleBundle("usr_b"));
    const before = await dumpDb(db.sql);
    const csv = "transaction_id,account_id,date,amount,name\nusr_a_t2,usr_b_cc,2026-10-09,1.00,MOVED\n";
    const issues = await refused(ingest(csv, "transactions.csv"));
    expect(issues).toContainEqual({ file: expect.stringMatching(/transactions\.csv$/), record: "transaction usr_a_t2", field: "transaction_id", reason: 'transaction "usr_a_t2" belongs to customer "usr_a", not "usr_b"' });
    expect(await dumpDb(db.sql)).toEqual(before);
  });
});

describe("writeBatch: the write itself never moves a record to another customer", () => {
  it("a CSV account for a customer who is neither in the input nor stored is refused by name, not with a database error", async () => {
    const before = await dumpDb(db.sql);
    const csv = "account_id,user_id,type,subtype,name,current,iso_currency_code\nacc_ghost,usr_ghost,depository,checking,Checking,10.00,USD\n";
    const issues = await refused(ingest(csv, "accounts.csv"));
    expect(issues).toEqual([{ file: expect.stringMatching(/accounts\.csv$/), record: "account acc_ghost", field: "user_id", reason: 'unknown customer "usr_ghost": not in this input and not in the database' }]);
    expect(await dumpDb(db.sql)).toEqual(before);
  });

  it("an unchecked batch claiming another customer's account and transaction leaves both with their owner", async () => {
    await ingest(sampleBundle("usr_a"));
    await ingest(sampleBundle("usr_b"));
    const rows = async () => (await db.sql.execute("SELECT 'a' AS k, account_id AS id, user_id, name FROM accounts UNION ALL SELECT 't', transaction_id, user_id, name || amount_cents FROM transactions ORDER BY 1, 2")).rows.map((r) => ({ ...r }));
    const before = await rows();
    const a = (await db.sql.execute("SELECT * FROM accounts WHERE account_id = 'usr_a_chk'")).rows[0];
    const t = (await db.sql.execute("SELECT * FROM transactions WHERE transaction_id = 'usr_a_t1'")).rows[0];
    const batch = emptyBatch();
    batch.accounts.push({ ...(a as unknown as (typeof batch.accounts)[number]), user_id: "usr_b", name: "Moved" });
    batch.transactions.push({ ...(t as unknown as (typeof batch.transactions)[number]), user_id: "usr_b", account_id: "usr_b_chk", amount_cents: -1, name: "Moved", pending: false });
    const tx = await db.sql.transaction("write");
    try {
      await writeBatch(tx, batch);
      await tx.commit();
    } finally {
      tx.close();
    }
    expect(await rows()).toEqual(before);
  });
});

describe("ingest: consent and profile of an existing customer change only through the consent paths", () => {
  it("re-ingesting `consent: true` after a revoke leaves consent revoked, with a note", async () => {
    await ingest(sampleBundle("usr_c", true));
    await setConsent(db.sql, "usr_c", false, { source: "api", note: "customer asked" });
    const history = await events("usr_c");
    const s = await ingest(sampleBundle("usr_c", true));
    expect(s.consentEvents).toBe(0);
    expect(Number((await customer("usr_c")).consent)).toBe(0);
    expect(await events("usr_c")).toEqual(history);
    expect(s.notes).toContainEqual(expect.stringMatching(/usr_c.*consent.*ignored/));
  });

  it("re-ingesting `consent: false` for a consenting customer leaves consent granted, with a note", async () => {
    await ingest(sampleBundle("usr_d", true));
    const s = await ingest(sampleBundle("usr_d", false));
    expect(Number((await customer("usr_d")).consent)).toBe(1);
    expect(await events("usr_d")).toEqual([{ granted: 1, source: "ingest:bundle" }]);
    expect(s.notes).toContainEqual(expect.stringMatching(/usr_d.*consent.*ignored/));
  });

  it("a different name or demographics are ignored with a note naming the fields; the same or unstated ones give no note", async () => {
    await ingest(sampleBundle("usr_e"));
    const changed = sampleBundle("usr_e");
    changed.user!.name = "Somebody Else";
    changed.user!.credit_score = 500;
    const s = await ingest(changed);
    expect(await customer("usr_e")).toEqual({ name: "Test Person", consent: 1, age_band: "25-34", credit_score: 702 });
    expect(s.notes).toEqual([expect.stringMatching(/usr_e.*name, credit_score.*ignored/)]);
    expect((await ingest(sampleBundle("usr_e"))).notes).toEqual([]);
    const silent = sampleBundle("usr_e", null);
    delete silent.user;
    expect((await ingestFiles([writeTemp(db.dir, "silent.json", silent)], { userId: "usr_e" }, db.sql)).notes).toEqual([]);
  });
});

describe("ingest: any number of problems", () => {
  it("30 000 bad transactions are refused with every problem counted: the first 100 in full, then how many more", async () => {
    // Each transaction lacks account_id, date, amount, name, payment_channel and pending: 180 000 problems.
    const b = { ...sampleBundle("usr_big"), transactions: Array.from({ length: 30_000 }, (_, i) => ({ transaction_id: `usr_big_${i}` })) };
    const err = await ingest(b, "big.json").then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).issues).toHaveLength(180_000);
    const lines = (err as IngestError).message.split("\n");
    expect(lines[0]).toBe("Ingest refused: 180000 problems, nothing was written.");
    expect(lines.filter((l) => /big\.json: bundle\.transactions\[\d+\] field "\w+": /.test(l))).toHaveLength(100);
    expect(lines.at(-1)).toBe("  … and 179900 more");
    expect(await db.sql.execute("SELECT COUNT(*) AS n FROM customers").then((r) => Number(r.rows[0].n))).toBe(0);
  });
});
