import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IngestError } from "../data/types";
import { sampleBundle } from "../testing/bundle-fixture";
import { dumpDb, tempDb, writeTemp, type TempDb } from "../testing/temp-db";
import { createPrisma } from "../db/client";
import { deferrableKeys, dialectOf, planUsesIndex, queryPlan, secondaryIndexesSql, tableShape } from "../db/dialect";
import { beginBulkLoad, writeBatch } from "../db/write-batch";
import { generatedBatches } from "./generate";
import { ingestBatches, ingestFiles } from "./ingest";
import { deleteTransaction, recategorizeTransaction } from "./transactions";

const SAMPLES = path.resolve(__dirname, "../testing/plaid-sandbox");
/** The four sandbox files these tests were first written against (the whole corpus: real-plaid.test.ts). */
const FOUR = ["business_account.json", "credit_card_custom_user.json", "student_loan_custom_user.json", "transactions_checking+savings_custom_user.json"].map((f) => path.join(SAMPLES, f));
let db: TempDb;

beforeEach(async () => {
  db = await tempDb();
});
afterEach(() => db.cleanup());

const ingest = (paths: string[], opts: Parameters<typeof ingestFiles>[1] = {}) => ingestFiles(paths, opts, db.sql);
const count = async (table: string, where = "1=1") => Number((await db.sql.execute(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`)).rows[0].n);

/** Ingest must fail with an IngestError whose issues match, and leave the database as it was. */
async function expectRefused(paths: string[], match: { field?: string; record?: RegExp; reason: RegExp }, opts = {}) {
  const before = await dumpDb(db.sql);
  const err = await ingest(paths, opts).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(IngestError);
  const issues = (err as IngestError).issues;
  expect(issues.some((i) => match.reason.test(i.reason) && (match.field === undefined || i.field === match.field) && (!match.record || match.record.test(i.record)))).toBe(true);
  expect(paths.some((p) => (err as IngestError).message.includes(path.basename(p)))).toBe(true);
  expect(await dumpDb(db.sql)).toEqual(before);
  return issues;
}

describe("ingest: Plaid sandbox custom-user files, exactly as published", () => {
  it("loads sandbox files together", async () => {
    const summary = await ingest(FOUR);
    expect(summary.customers).toBe(4);
    expect(await count("customers")).toBe(4);
    expect(await count("accounts")).toBe(5);
    expect(await count("transactions")).toBe(36 + 5 + 4);
  });

  it("takes the customer id from the file name or --user, and starts without consent", async () => {
    await ingest([path.join(SAMPLES, "credit_card_custom_user.json")]);
    await ingest([path.join(SAMPLES, "student_loan_custom_user.json")], { userId: "cust_42" });
    const rows = (await db.sql.execute("SELECT user_id, consent FROM customers ORDER BY user_id")).rows;
    expect(rows.map((r) => [r.user_id, Number(r.consent)])).toEqual([
      ["credit_card_custom_user", 0],
      ["cust_42", 0],
    ]);
    expect(await count("consent_events")).toBe(0);
  });

  it("maps the credit card's balance, limit and liability with exact cents", async () => {
    await ingest([path.join(SAMPLES, "credit_card_custom_user.json")]);
    const acct = (await db.sql.execute("SELECT * FROM accounts")).rows[0];
    expect([acct.type, acct.subtype, acct.current_cents, acct.available_cents, acct.limit_cents]).toEqual(["credit", "credit card", 124567, 875433, 1000000]);
    const liab = (await db.sql.execute("SELECT * FROM credit_liabilities")).rows[0];
    expect([liab.minimum_payment_cents, liab.last_payment_cents, Number(liab.is_overdue)]).toEqual([3500, 25000, 0]);
    const aprs = (await db.sql.execute("SELECT apr_type, apr_percentage FROM credit_aprs ORDER BY apr_type")).rows.map((r) => [r.apr_type, r.apr_percentage]);
    expect(aprs).toEqual([["balance_transfer_apr", 18.99], ["cash_apr", 24.99], ["purchase_apr", 16.99], ["special_apr", 0]]);
    const rent = (await db.sql.execute("SELECT amount_cents, date, authorized_date, pfc_detailed FROM transactions WHERE name = 'Monthly Rent Payment'")).rows[0];
    expect([rent.amount_cents, rent.date, rent.authorized_date, rent.pfc_detailed]).toEqual([120000, "2026-07-15", "2026-07-14", "RENT_AND_UTILITIES_RENT"]);
  });

  it("stores the business account flagged as business", async () => {
    await ingest([path.join(SAMPLES, "business_account.json")]);
    const acct = (await db.sql.execute("SELECT holder_category, mask FROM accounts")).rows[0];
    expect(acct.holder_category).toBe("business");
    expect(acct.mask).toBe("5555");
  });

  it("loads the student loan with its rate and principal", async () => {
    await ingest([path.join(SAMPLES, "student_loan_custom_user.json")]);
    const s = (await db.sql.execute("SELECT * FROM student_liabilities")).rows[0];
    expect([s.interest_rate_percentage, s.origination_principal_cents, s.loan_name, s.repayment_plan_type]).toEqual([4.23, 4512300, "Plaid Student Loan", "standard"]);
  });

  it("re-ingesting the same files changes nothing", async () => {
    await ingest(FOUR);
    const first = await dumpDb(db.sql, { except: ["audit_log"] });
    await ingest(FOUR);
    expect(await dumpDb(db.sql, { except: ["audit_log"] })).toEqual(first);
    // Each load is audited, even one that changes nothing.
    expect(await count("audit_log", "action = 'data.ingest'")).toBe(2);
  });
});

describe("ingest: JSON bundles (Plaid API shapes)", () => {
  it("re-ingesting the source keeps a category a person corrected and a soft delete, and still updates other fields", async () => {
    const file = writeTemp(db.dir, "one.json", sampleBundle("usr_fix"));
    await ingest([file]);
    const prisma = createPrisma(db.url);
    try {
      await recategorizeTransaction(prisma, "usr_fix_t2", { pfc_primary: "GENERAL_SERVICES", pfc_detailed: "GENERAL_SERVICES_OTHER_GENERAL_SERVICES", reason: "a family plan shared at work", version: 1 }, "op@x");
      await deleteTransaction(prisma, "usr_fix_t3", "op@x");
    } finally {
      await prisma.$disconnect();
    }
    const changed = sampleBundle("usr_fix") as { transactions: Array<{ name: string }> };
    changed.transactions[1].name = "Renamed by the bank";
    await ingest([writeTemp(db.dir, "again.json", changed)]);
    const rows = (await db.sql.execute("SELECT transaction_id, name, pfc_primary, pfc_detailed, deleted_at IS NOT NULL AS deleted FROM transactions ORDER BY transaction_id")).rows.map((r) => ({ ...r }));
    expect(rows[1]).toMatchObject({ name: "Renamed by the bank", pfc_primary: "GENERAL_SERVICES", pfc_detailed: "GENERAL_SERVICES_OTHER_GENERAL_SERVICES", deleted: 0 });
    expect(rows[2]).toMatchObject({ deleted: 1 });
  });

  it("loads customer, accounts, transactions and liabilities, recording stated consent once", async () => {
    const file = writeTemp(db.dir, "one.json", sampleBundle());
    const s = await ingest([file]);
    expect(s).toMatchObject({ customers: 1, accounts: 2, transactions: 3, liabilities: 1, consentEvents: 1 });
    const c = (await db.sql.execute("SELECT * FROM customers")).rows[0];
    expect([c.name, Number(c.consent), c.age_band, c.credit_score]).toEqual(["Test Person", 1, "25-34", 702]);
    const t = (await db.sql.execute("SELECT * FROM transactions ORDER BY transaction_id")).rows;
    expect(t.map((r) => r.amount_cents)).toEqual([-215000, 1549, 6412]);
    expect(Number(t[2].pending)).toBe(1);
    // Missing PFC is inferred from the merchant catalog; known merchants are linked.
    expect(t[2].pfc_primary).toBe("FOOD_AND_DRINK");
    expect(t[1].merchant_id).not.toBeNull();
    const before = await dumpDb(db.sql, { except: ["audit_log"] });
    await ingest([file]);
    expect(await dumpDb(db.sql, { except: ["audit_log"] })).toEqual(before);
  });

  it("audits each load in the same transaction: who, from where, and what it held", async () => {
    await ingest([writeTemp(db.dir, "one.json", sampleBundle())], { actor: "admin@spendsense.local", via: "api" });
    const rows = (await db.sql.execute("SELECT actor, target_type, target_id, details FROM audit_log WHERE action = 'data.ingest'")).rows;
    expect(rows.map((r) => ({ ...r, details: JSON.parse(String(r.details)) }))).toEqual([
      { actor: "admin@spendsense.local", target_type: "ingest", target_id: "api", details: { files: 1, customers: 1, accounts: 2, transactions: 3, liabilities: 1, consent_events: 1, removed: 0, replaced: 0 } },
    ]);
  });

  it("accepts an array of bundles and /transactions/sync's `added`", async () => {
    const a = sampleBundle("usr_a");
    const b = sampleBundle("usr_b");
    b.added = b.transactions;
    delete b.transactions;
    const s = await ingest([writeTemp(db.dir, "many.json", [a, b])]);
    expect(s).toMatchObject({ customers: 2, transactions: 6 });
  });

  it("ignores fields Plaid sends that we do not use", async () => {
    const b = sampleBundle() as Record<string, unknown> & ReturnType<typeof sampleBundle>;
    Object.assign(b.transactions![0], { location: { city: "Austin" }, counterparties: [{ name: "Acme" }], logo_url: "https://x", category: ["Transfer"], brand_new_field: 1 });
    Object.assign(b, { item: { item_id: "x" }, request_id: "abc" });
    await expect(ingest([writeTemp(db.dir, "extra.json", b)])).resolves.toMatchObject({ transactions: 3 });
  });

  it("a customer whose input says nothing about consent starts without it", async () => {
    await ingest([writeTemp(db.dir, "silent.json", sampleBundle("usr_s", null))]);
    expect(Number((await db.sql.execute("SELECT consent FROM customers")).rows[0].consent)).toBe(0);
    expect(await count("consent_events")).toBe(0);
  });

  it("transactions may reference an account already in the database for the same customer", async () => {
    await ingest([writeTemp(db.dir, "base.json", sampleBundle("usr_x"))]);
    const more = { user: sampleBundle("usr_x").user, accounts: [], transactions: [{ ...sampleBundle("usr_x").transactions![1], transaction_id: "usr_x_t9", date: "2026-11-03" }] };
    await expect(ingest([writeTemp(db.dir, "more.json", more)])).resolves.toMatchObject({ transactions: 1 });
  });
});

describe("ingest: bad input is refused whole, naming file, record, field and reason", () => {
  it("malformed JSON", async () => {
    await expectRefused([writeTemp(db.dir, "bad.json", '{"user": {"user_id": "x",')], { reason: /malformed JSON/ });
  });

  it("wrong types", async () => {
    const b = sampleBundle();
    (b.transactions![1] as Record<string, unknown>).amount = "15.49";
    await expectRefused([writeTemp(db.dir, "types.json", b)], { record: /^bundle\.transactions\[1\]$/, field: "amount", reason: /expected a number/ });
  });

  it("impossible dates", async () => {
    const b = sampleBundle();
    b.transactions![0].date = "2026-02-30";
    await expectRefused([writeTemp(db.dir, "date.json", b)], { record: /transactions\[0\]/, field: "date", reason: /not a real calendar date/ });
  });

  it("unknown account reference", async () => {
    const b = sampleBundle();
    b.transactions![2].account_id = "nope";
    await expectRefused([writeTemp(db.dir, "ref.json", b)], { record: /transactions\[2\]/, field: "account_id", reason: /unknown account "nope"/ });
  });

  it("negative credit limit", async () => {
    const b = sampleBundle();
    b.accounts![1].balances.limit = -5000;
    await expectRefused([writeTemp(db.dir, "limit.json", b)], { record: /accounts\[1\]/, field: "balances.limit", reason: /must not be negative/ });
  });

  it("duplicate transaction ids", async () => {
    const b = sampleBundle();
    b.transactions![1].transaction_id = b.transactions![0].transaction_id;
    await expectRefused([writeTemp(db.dir, "dupe.json", b)], { field: "transaction_id", reason: /duplicate transaction_id/ });
  });

  it("the same transaction id in two files of one ingest", async () => {
    const a = sampleBundle("usr_a");
    const b = sampleBundle("usr_b");
    b.transactions![2].transaction_id = a.transactions![0].transaction_id;
    await expectRefused([writeTemp(db.dir, "a.json", a), writeTemp(db.dir, "b.json", b)], { field: "transaction_id", record: new RegExp(`transaction ${a.transactions![0].transaction_id}`), reason: /duplicate transaction_id/ });
  });

  it("missing customer id", async () => {
    const b = sampleBundle();
    delete b.user;
    await expectRefused([writeTemp(db.dir, "nouser.json", b)], { field: "user.user_id", reason: /missing customer id/ });
  });


  it("a good file followed by a bad one writes neither", async () => {
    const good = writeTemp(db.dir, "a-good.json", sampleBundle("usr_good"));
    const bad = sampleBundle("usr_bad");
    bad.transactions![0].pending = "no" as unknown as boolean;
    await expectRefused([good, writeTemp(db.dir, "b-bad.json", bad)], { field: "pending", reason: /expected boolean/ });
    expect(await count("customers")).toBe(0);
  });

  it("a sandbox file with a bad amount", async () => {
    const raw = JSON.parse(fs.readFileSync(path.join(SAMPLES, "credit_card_custom_user.json"), "utf8"));
    raw.override_accounts[0].transactions[3].amount = null;
    await expectRefused([writeTemp(db.dir, "sandbox-bad.json", raw)], { record: /override_accounts\[0\]\.transactions\[3\]/, field: "amount", reason: /required: an amount in dollars \(it is null\)/ });
  });
});

describe("ingest: a bulk load into an empty database builds the transaction indexes once, at the end", () => {
  const indexes = async () => (await db.sql.execute({ sql: secondaryIndexesSql(db.sql), args: ["transactions"] })).rows.map((r) => `${r.name}: ${r.sql}`);
  const plan = () => queryPlan(db.sql, { sql: "SELECT * FROM transactions WHERE user_id = 'usr_a' AND date >= '2026-01-01'" });

  it("the indexes are there after the load and the engine's per-customer query uses them", async () => {
    const before = await indexes();
    expect(before.some((i) => i.includes("user_id"))).toBe(true);
    await ingest([writeTemp(db.dir, "a.json", sampleBundle("usr_a")), writeTemp(db.dir, "b.json", sampleBundle("usr_b"))]);
    expect(await indexes()).toEqual(before);
    expect(planUsesIndex(await plan(), "transactions_user_id_date_idx")).toBe(true);
  });

  it("the indexes are deferred only for a load at least as large as the table", async () => {
    await ingest([writeTemp(db.dir, "a.json", sampleBundle("usr_a"))]); // 3 transactions
    const inTransaction = async (expectedRows: number) => {
      const tx = await db.sql.transaction("write");
      try {
        const load = await beginBulkLoad(tx, expectedRows);
        expect(load.appending).toBe(false); // the table is not empty
        const during = (await tx.execute({ sql: secondaryIndexesSql(tx), args: ["transactions"] })).rows.length;
        await load.finish();
        return Number(during);
      } finally {
        await tx.rollback();
        tx.close();
      }
    };
    expect(await inTransaction(0)).toBe(2); // unknown size: kept
    expect(await inTransaction(2)).toBe(2); // smaller than the table: kept
    expect(await inTransaction(3)).toBe(0); // doubles it: dropped, rebuilt at the end
    expect(await inTransaction(1000)).toBe(0);
  });

  it("a load refused after its first file was written (2 500 transactions: through COPY on PostgreSQL) leaves nothing behind", async () => {
    await ingest([writeTemp(db.dir, "owner.json", sampleBundle("usr_owner"))]);
    const before = await dumpDb(db.sql);
    const indexesBefore = await indexes();
    const big = sampleBundle("usr_big");
    const template = big.transactions![1];
    big.transactions = Array.from({ length: 2500 }, (_, i) => ({ ...template, transaction_id: `usr_big_t${i}`, amount: (i % 400) + 0.25, name: `SHOP #${i} C:\\B` }));
    // Only the database knows this id is usr_owner's: found in the write transaction, after big.json is written.
    const thief = sampleBundle("usr_thief");
    thief.transactions![0].transaction_id = "usr_owner_t1";
    const err = await ingest([writeTemp(db.dir, "a-big.json", big), writeTemp(db.dir, "b-thief.json", thief)]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).issues.map((i) => `${i.file.split("/").pop()}: ${i.reason}`)).toEqual([expect.stringMatching(/^b-thief\.json: .*usr_owner_t1.*usr_owner/)]);
    expect(await dumpDb(db.sql)).toEqual(before);
    expect(await indexes()).toEqual(indexesBefore);
  });

  it("a refused load leaves the indexes exactly as they were", async () => {
    const before = await indexes();
    const bad = sampleBundle("usr_bad");
    bad.transactions![0].date = "2026-02-30";
    await expect(ingest([writeTemp(db.dir, "a-good.json", sampleBundle("usr_a")), writeTemp(db.dir, "b-bad.json", bad)])).rejects.toBeInstanceOf(IngestError);
    expect(await indexes()).toEqual(before);
    expect(await count("transactions")).toBe(0);
  });
});

describe("ingest: a bulk load into an empty transactions table (PostgreSQL: appended through COPY, keys built at the end)", () => {
  const postgres = () => dialectOf(db.sql) === "postgres";
  const opts = { users: 8, seed: 11, asOf: "2026-10-31", months: 7 };
  /** Everything the schema holds about transactions: columns, keys (its own and those naming it), indexes. */
  const schema = async () => ({
    shape: await tableShape(db.sql, "transactions"),
    keys: (await deferrableKeys(db.sql, "transactions")).restore,
    indexes: (await db.sql.execute({ sql: secondaryIndexesSql(db.sql), args: ["transactions"] })).rows.map((r) => String(r.sql)),
  });

  it("writes exactly what upserting the same customers writes, and leaves the schema as it was", async () => {
    const before = await schema();
    const loaded = await ingestBatches(generatedBatches(opts), db.sql, 2000);
    expect(loaded.transactions).toBeGreaterThan(2000);
    expect(await schema()).toEqual(before);
    if (postgres()) {
      // The planner knows the loaded tables at once (a never-analysed table has reltuples -1), so the first run after the load reads by index.
      const planned = await db.sql.execute("SELECT relname, reltuples FROM pg_class WHERE relname IN ('customers', 'accounts', 'transactions') ORDER BY relname");
      expect(planned.rows.map((r) => [r.relname, Number(r.reltuples) > 0])).toEqual([["accounts", true], ["customers", true], ["transactions", true]]);
    }
    const appended = await dumpDb(db.sql, { withoutClock: true, except: ["audit_log"] });
    // The same customers again into a second empty database, told nothing of the load's size: upserted row by row.
    const other = await tempDb();
    try {
      await ingestBatches(generatedBatches(opts), other.sql, 0);
      expect(await dumpDb(other.sql, { withoutClock: true, except: ["audit_log"] })).toEqual(appended);
    } finally {
      other.cleanup();
    }
    // Loading them again upserts over the appended rows (the keys are back) and changes nothing.
    await ingestBatches(generatedBatches(opts), db.sql, 2000);
    expect(await dumpDb(db.sql, { withoutClock: true, except: ["audit_log"] })).toEqual(appended);
  });

  it("the keys are deferred only on PostgreSQL, only for an empty table and a load of at least 1 000 rows", async () => {
    const during = async (expectedRows: number) => {
      const tx = await db.sql.transaction("write");
      try {
        const load = await beginBulkLoad(tx, expectedRows);
        const [appending, shape] = [load.appending, await tableShape(tx, "transactions")];
        await load.finish();
        await load.finish(); // idempotent
        expect(load.appending).toBe(false);
        return { appending, pk: shape.pk.length, fks: shape.fks.length };
      } finally {
        await tx.rollback();
        tx.close();
      }
    };
    expect(await during(1000)).toEqual(postgres() ? { appending: true, pk: 0, fks: 0 } : { appending: false, pk: 1, fks: 3 });
    expect(await during(999)).toEqual({ appending: false, pk: 1, fks: 3 });
    await ingest([writeTemp(db.dir, "a.json", sampleBundle("usr_a"))]);
    expect(await during(1_000_000)).toEqual({ appending: false, pk: 1, fks: 3 });
  });

  it("a transaction id repeated within the load refuses all of it, naming the id, and leaves the keys in place", async () => {
    const before = await schema();
    const [first, second] = [...generatedBatches({ ...opts, users: 300 })]; // two batches of 250 and 50 customers
    const repeated = first.transactions[0].transaction_id;
    second.transactions[0].transaction_id = repeated;
    const err = await ingestBatches([first, second], db.sql, 2000).then(
      () => null,
      (e: unknown) => e,
    );
    if (postgres()) {
      expect(err).toBeInstanceOf(IngestError);
      expect((err as IngestError).issues).toEqual([{ file: "this load", record: "transactions", field: "transaction_id", reason: `transaction_id "${repeated}" appears more than once in this load` }]);
      expect(await count("transactions")).toBe(0);
    } else {
      // SQLite keeps its key throughout: the second row is an upsert that may not move a transaction to another customer.
      expect(err).toBeNull();
      expect(await count("transactions", `transaction_id = '${repeated}' AND user_id = '${first.transactions[0].user_id}'`)).toBe(1);
    }
    expect(await schema()).toEqual(before);
  });

  it("a batch that must find transactions by id has the keys built first; the rest of the load upserts", async () => {
    const [batch] = [...generatedBatches({ ...opts, users: 10 })];
    const tx = await db.sql.transaction("write");
    try {
      const load = await beginBulkLoad(tx, 2000);
      expect(load.appending).toBe(postgres());
      batch.transactions[0].currency_from_account = true;
      await writeBatch(tx, batch, load);
      expect(load.appending).toBe(false);
      expect((await tableShape(tx, "transactions")).pk).toEqual(["transaction_id"]);
      await load.finish();
      await tx.commit();
    } finally {
      tx.close();
    }
    expect(await count("transactions")).toBe(batch.transactions.length);
  });
});

describe("ingest: CSV", () => {
  const customers = "user_id,name,consent,age_band,gender,region,income_tier,credit_score\nusr_c1,Casey Example,true,35-44,male,Midwest,low,640\n";
  const accounts =
    "user_id,account_id,type,subtype,name,official_name,mask,available,current,limit,iso_currency_code,holder_category\n" +
    "usr_c1,acc_c1,depository,checking,Everyday Checking,,1234,500.00,510.25,,USD,personal\n";
  const transactions =
    "transaction_id,account_id,date,authorized_date,amount,iso_currency_code,name,merchant_name,merchant_entity_id,payment_channel,personal_finance_category_primary,personal_finance_category_detailed,pending\n" +
    'tx_c1,acc_c1,2026-10-02,2026-10-01,12.50,USD,"STARBUCKS #123, SEATTLE",Starbucks,,in store,FOOD_AND_DRINK,FOOD_AND_DRINK_COFFEE,false\n' +
    "tx_c2,acc_c1,2026-10-03,,-1500.00,USD,PAYROLL ACME,,,other,,,false\n";

  it("loads a folder of customers, accounts and transactions", async () => {
    const dir = path.join(db.dir, "csv");
    writeTemp(dir, "transactions.csv", transactions);
    writeTemp(dir, "accounts.csv", accounts);
    writeTemp(dir, "customers.csv", customers);
    const s = await ingest([dir]);
    expect(s).toMatchObject({ files: 3, customers: 1, accounts: 1, transactions: 2, consentEvents: 1 });
    const t = (await db.sql.execute("SELECT name, amount_cents, pfc_detailed, user_id FROM transactions ORDER BY transaction_id")).rows;
    expect(t.map((r) => [r.name, r.amount_cents, r.pfc_detailed, r.user_id])).toEqual([
      ["STARBUCKS #123, SEATTLE", 1250, "FOOD_AND_DRINK_COFFEE", "usr_c1"],
      ["PAYROLL ACME", -150000, "INCOME_WAGES", "usr_c1"],
    ]);
  });

  it("a transactions file alone must reference known accounts", async () => {
    await expectRefused([writeTemp(db.dir, "transactions.csv", transactions)], { record: /^line 2$/, field: "account_id", reason: /unknown account "acc_c1"/ });
  });

  it("names the line and column of a bad cell", async () => {
    const dir = path.join(db.dir, "csvbad");
    writeTemp(dir, "customers.csv", customers);
    writeTemp(dir, "accounts.csv", accounts);
    writeTemp(dir, "transactions.csv", transactions.replace("2026-10-03", "2026-13-03"));
    await expectRefused([path.join(dir, "customers.csv"), path.join(dir, "accounts.csv"), path.join(dir, "transactions.csv")], { record: /^line 3$/, field: "date", reason: /not a real calendar date/ });
  });
});
