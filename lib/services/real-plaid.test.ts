// The real-Plaid corpus (issue 12, docs/real-data.md): every file of Plaid's published sandbox
// custom users and the `200` example of seven endpoints in Plaid's OpenAPI description, stored
// unchanged in lib/testing (see each folder's SOURCE.md). Each is loaded, or refused with the
// reason a person needs; then the defects real data showed, one class at a time.
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IngestError } from "../data/types";
import { loadCustomerInputs } from "../db/queries/engine-input";
import { SNAPSHOT_REPLACED, SYNC_REMOVED } from "../db/replace-snapshot";
import { dumpDb, tempDb, writeTemp, type TempDb } from "../testing/temp-db";
import { ingestFiles } from "./ingest";

const SANDBOX = path.resolve(__dirname, "../testing/plaid-sandbox");
const OPENAPI = path.resolve(__dirname, "../testing/plaid-openapi");
let db: TempDb;

beforeEach(async () => {
  db = await tempDb();
});
afterEach(() => db.cleanup());

const ingest = (paths: string[], opts: Parameters<typeof ingestFiles>[1] = {}) => ingestFiles(paths, opts, db.sql);
const rows = async (sql: string, args: Array<string | number> = []) => (await db.sql.execute({ sql, args })).rows.map((r) => ({ ...r }));
const count = async (table: string, where = "1=1") => Number((await db.sql.execute(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`)).rows[0].n);
const read = (file: string) => JSON.parse(fs.readFileSync(file, "utf8"));

async function refusal(paths: string[], opts: Parameters<typeof ingestFiles>[1] = {}): Promise<IngestError> {
  const before = await dumpDb(db.sql);
  const err = await ingest(paths, opts).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(IngestError);
  expect(await dumpDb(db.sql)).toEqual(before);
  return err as IngestError;
}

/** Sandbox files that are not a customer's accounts, and the reason a person is given. */
const SANDBOX_REFUSED: Record<string, RegExp> = {
  // Plaid's blank template: every field null. Optional nulls are fine; these fields are not optional.
  "blank_template_custom_sandbox_user.json": /override_accounts\[0\] type: required: the account type .*\(it is null\)/,
  "payroll_income_custom_user.json": /override_accounts: holds no accounts, transactions or liabilities SpendSense can load: its only account type is payroll/,
  "ocr_failure.json": /holds no accounts, transactions or liabilities.*"ocr_status"/,
  "paystub_and_risk_signals.json": /holds no accounts, transactions or liabilities.*"paystub"/,
  "risk_signals_failure.json": /holds no accounts, transactions or liabilities.*"risk_signals_status"/,
  "risk_signals_password_protected.json": /holds no accounts, transactions or liabilities.*"risk_signals_status"/,
  "risk_signals_virus_detected.json": /holds no accounts, transactions or liabilities.*"risk_signals_status"/,
  "w2.json": /holds no accounts, transactions or liabilities.*"w2"/,
};

interface SandboxAccount {
  type: string;
  transactions?: Array<{ amount: number }>;
  liability?: { type: string | null } | null;
}

describe("real Plaid sandbox custom users: every published file", () => {
  const files = fs.readdirSync(SANDBOX).filter((f) => f.endsWith(".json")).sort();

  /**
   * Paychecks a file's `inflow_model` stands for, worked out by hand: transactions+inflow_custom_user
   * has "monthly-income" of $5,125.25 on day 1, and its own transactions span 2026-06-25 to
   * 2026-08-22, so two deposits (July 1 and August 1) of −$5,125.25 each.
   */
  const MODELLED_INFLOWS: Record<string, { count: number; cents: number }> = { "transactions+inflow_custom_user.json": { count: 2, cents: -2 * 512525 } };

  it("holds all 32 of Plaid's files", () => {
    expect(files.length).toBe(32);
  });

  it.each(files.filter((f) => !(f in SANDBOX_REFUSED)))("loads %s: every account, transaction and liability, to the cent", async (f) => {
    const accounts = (read(path.join(SANDBOX, f)).override_accounts as SandboxAccount[]).filter((a) => a.type !== "payroll");
    const txns = accounts.flatMap((a) => a.transactions ?? []);
    const modelled = MODELLED_INFLOWS[f] ?? { count: 0, cents: 0 };
    const summary = await ingest([path.join(SANDBOX, f)]);
    expect(summary).toMatchObject({ customers: 1, accounts: accounts.length, transactions: txns.length + modelled.count, liabilities: accounts.filter((a) => a.liability?.type).length });
    expect(await count("accounts")).toBe(accounts.length);
    const total = Number((await db.sql.execute("SELECT COALESCE(SUM(amount_cents), 0) AS s FROM transactions WHERE deleted_at IS NULL")).rows[0].s);
    expect(total).toBe(txns.reduce((s, t) => s + Math.round(t.amount * 100), 0) + modelled.cents);
    // Sandbox files say nothing about consent: the customer starts without it.
    expect(await count("customers", "consent = FALSE")).toBe(1);
  });

  it.each(Object.entries(SANDBOX_REFUSED))("refuses %s, saying why, and writes nothing", async (f, reason) => {
    const err = await refusal([path.join(SANDBOX, f)]);
    expect(err.issues.map((i) => `${i.record} ${i.field}: ${i.reason}`).join("\n")).toMatch(reason);
    expect(err.message).toContain(f);
  });
});

describe("real Plaid API responses: the OpenAPI description's 200 examples", () => {
  const user = { userId: "plaid_example" };
  const file = (name: string) => path.join(OPENAPI, name);

  it("an API response names no customer: refused without --user", async () => {
    const err = await refusal([file("accounts_get.json")]);
    expect(err.issues[0]).toMatchObject({ field: "user.user_id", reason: expect.stringMatching(/missing customer id/) });
  });

  it("/accounts/get: the 401k's 23631.9805 loads, rounded half to even to the cent", async () => {
    await ingest([file("accounts_get.json")], user);
    expect(await rows("SELECT type, subtype, current_cents, available_cents, iso_currency_code FROM accounts ORDER BY mask")).toEqual([
      { type: "depository", subtype: "checking", current_cents: 11000, available_cents: 10000, iso_currency_code: "USD" },
      { type: "investment", subtype: "401k", current_cents: 2363198, available_cents: null, iso_currency_code: "USD" },
      { type: "loan", subtype: "student", current_cents: 6526200, available_cents: null, iso_currency_code: "USD" },
    ]);
  });

  it("/accounts/balance/get: null limits stay unknown, the card's limit is kept", async () => {
    await ingest([file("accounts_balance_get.json")], user);
    expect(await rows("SELECT subtype, limit_cents FROM accounts ORDER BY subtype")).toEqual([
      { subtype: "checking", limit_cents: null },
      { subtype: "credit card", limit_cents: 200000 },
      { subtype: "student", limit_cents: null },
    ]);
  });

  it("/investments/holdings/get: 24580.0605 loads; holdings and securities are ignored", async () => {
    const s = await ingest([file("investments_holdings_get.json")], user);
    expect(s).toMatchObject({ accounts: 4, transactions: 0, liabilities: 0 });
    expect(await rows("SELECT subtype, current_cents FROM accounts WHERE type = 'investment' ORDER BY subtype")).toEqual([
      { subtype: "401k", current_cents: 2458006 },
      { subtype: "crypto exchange", current_cents: 4820003 },
      { subtype: "ira", current_cents: 11001 },
    ]);
  });

  it("/liabilities/get: card, mortgage and student loan", async () => {
    const s = await ingest([file("liabilities_get.json")], user);
    expect(s).toMatchObject({ accounts: 4, liabilities: 3 });
    expect(await count("credit_liabilities")).toBe(1);
    expect(await count("mortgage_liabilities")).toBe(1);
    expect(await count("student_liabilities")).toBe(1);
  });

  it("/transactions/recurring/get holds streams, not accounts: refused, saying what it has", async () => {
    const err = await refusal([file("transactions_recurring_get.json")], user);
    expect(err.issues).toEqual([
      expect.objectContaining({ record: "bundle", reason: expect.stringMatching(/^holds no accounts, transactions or liabilities, so there is nothing to load \(it has "updated_datetime", "inflow_streams", "outflow_streams", "request_id"/) }),
    ]);
  });

  it("/transactions/get then /transactions/sync: modified in place, the removed id never stored is noted", async () => {
    await ingest([file("transactions_get.json")], user);
    const s = await ingest([file("transactions_sync.json")], user);
    expect(s.removed).toBe(0);
    expect(s.notes.join("\n")).toMatch(/removed\[0\]: transaction "CmdQTNgems8BT1B7ibkoUXVPyAeehT3Tmzk0l" is not stored, so there is nothing to remove/);
    expect(await rows("SELECT transaction_id, amount_cents FROM transactions ORDER BY date")).toEqual([
      { transaction_id: "lPNjeW1nR6CDn5okmGQ6hEpMo4lLNoSrzqDje", amount_cents: 7210 },
      { transaction_id: "yhnUVvtcGGcCKU0bcz8PDQr5ZUxUXebUvbKC0", amount_cents: 2834 },
    ]);
  });
});

describe("issue 12: what real data showed", () => {
  it("/transactions/sync `removed` soft-deletes, audited, and cannot touch another customer", async () => {
    await ingest([path.join(OPENAPI, "transactions_sync.json")], { userId: "cust_a" });
    const removal = { removed: [{ transaction_id: "lPNjeW1nR6CDn5okmGQ6hEpMo4lLNoSrzqDje", account_id: "BxBXxLj1m4HMXBm9WZZmCWVbPjX16EHwv99vp" }] };
    const err = await refusal([writeTemp(db.dir, "other.json", removal)], { userId: "cust_b" });
    expect(err.issues[0]).toMatchObject({ record: "bundle.removed[0]", field: "transaction_id", reason: expect.stringMatching(/belongs to another customer/) });

    const s = await ingest([writeTemp(db.dir, "next-sync.json", removal)], { userId: "cust_a" });
    expect(s.removed).toBe(1);
    expect(await rows("SELECT transaction_id, deleted_by, deleted_at IS NOT NULL AS deleted FROM transactions ORDER BY transaction_id")).toEqual([
      { transaction_id: "lPNjeW1nR6CDn5okmGQ6hEpMo4lLNoSrzqDje", deleted_by: SYNC_REMOVED, deleted: 1 },
      { transaction_id: "yhnUVvtcGGcCKU0bcz8PDQr5ZUxUXebUvbKC0", deleted_by: null, deleted: 0 },
    ]);
    const audit = await rows("SELECT details FROM audit_log WHERE action = 'data.ingest' ORDER BY id DESC LIMIT 1");
    expect(JSON.parse(String(audit[0].details))).toMatchObject({ removed: 1 });
  });

  it("a newer copy of a sandbox file replaces its customer's records, never adds to them", async () => {
    const name = "transactions_checking+savings_custom_user.json";
    const today = path.join(SANDBOX, name);
    const yesterday = path.join(SANDBOX, "previous-day", name);
    await ingest([yesterday]);
    const first = await rows("SELECT transaction_id, date FROM transactions ORDER BY transaction_id");
    const s = await ingest([today]);
    const live = await rows("SELECT date, amount_cents FROM transactions WHERE deleted_at IS NULL ORDER BY date, amount_cents");
    // Today's file alone, not both days: Plaid shifted every date by one day.
    const expected = (read(today).override_accounts as Array<{ transactions?: Array<{ date_posted: string; amount: number }> }>)
      .flatMap((a) => a.transactions ?? [])
      .map((t) => ({ date: t.date_posted, amount_cents: Math.round(t.amount * 100) }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.amount_cents - b.amount_cents));
    expect(live).toEqual(expected);
    expect(await count("accounts")).toBe(2);
    expect(s.replaced).toBe(first.length);
    expect(await count("transactions", `deleted_by = '${SNAPSHOT_REPLACED}'`)).toBe(first.length);
    const audit = await rows("SELECT details FROM audit_log WHERE action = 'data.ingest' ORDER BY id DESC LIMIT 1");
    expect(JSON.parse(String(audit[0].details))).toMatchObject({ replaced: first.length });
    // Loading today's copy again changes nothing; going back to yesterday's brings its records back.
    const settled = await dumpDb(db.sql, { except: ["audit_log"] });
    await ingest([today]);
    expect(await dumpDb(db.sql, { except: ["audit_log"] })).toEqual(settled);
    await ingest([yesterday]);
    expect(await rows("SELECT transaction_id, date FROM transactions WHERE deleted_at IS NULL ORDER BY transaction_id")).toEqual(first);
  });

  it("a snapshot that drops an account or a liability drops it here too", async () => {
    const raw = read(path.join(SANDBOX, "assets_custom_user2.json"));
    const f = writeTemp(db.dir, "customer.json", raw);
    await ingest([f]);
    const accounts = await count("accounts");
    raw.override_accounts = raw.override_accounts.slice(0, 1);
    raw.override_accounts[0].liability = null;
    writeTemp(db.dir, "customer.json", raw);
    await ingest([f]);
    expect(await count("accounts")).toBe(1);
    expect(accounts).toBeGreaterThan(1);
    expect(await count("credit_liabilities") + (await count("student_liabilities")) + (await count("mortgage_liabilities"))).toBe(0);
  });

  it("null means not set in a sandbox file (Plaid's blank template), while required fields say what is missing", async () => {
    const raw = read(path.join(SANDBOX, "credit_card_custom_user.json"));
    Object.assign(raw.override_accounts[0], { currency: null, force_available_balance: null });
    Object.assign(raw.override_accounts[0].meta, { limit: null, official_name: null });
    raw.override_accounts[0].transactions[0].currency = null;
    await ingest([writeTemp(db.dir, "nulls.json", raw)]);
    expect(await rows("SELECT limit_cents, available_cents, iso_currency_code FROM accounts")).toEqual([{ limit_cents: null, available_cents: null, iso_currency_code: "USD" }]);

    raw.override_accounts[0].transactions[1].description = null;
    const err = await refusal([writeTemp(db.dir, "no-description.json", raw)], { userId: "other" });
    expect(err.issues).toEqual([
      expect.objectContaining({ record: "file.override_accounts[0].transactions[1]", field: "description", reason: "required: the transaction's description (it is null)" }),
    ]);
  });

  it("an unofficial currency is kept, never stored as USD; every Plaid account type loads (brokerage)", async () => {
    const bundle = {
      accounts: [
        { account_id: "acc_btc", type: "brokerage", subtype: null, name: "Crypto", balances: { available: null, current: 0.12345678, iso_currency_code: null, unofficial_currency_code: "BTC" } },
        { account_id: "acc_eur", type: "depository", subtype: "checking", name: "Girokonto", balances: { available: 10, current: 10, iso_currency_code: "EUR", unofficial_currency_code: null } },
      ],
      transactions: [
        { transaction_id: "t_eur", account_id: "acc_eur", date: "2026-11-02", amount: 12.5, iso_currency_code: null, unofficial_currency_code: null, name: "REWE", payment_channel: "in store", pending: false },
      ],
    };
    await ingest([writeTemp(db.dir, "currencies.json", bundle)], { userId: "cust_fx" });
    expect(await rows("SELECT account_id, type, subtype, current_cents, iso_currency_code, unofficial_currency_code FROM accounts ORDER BY account_id")).toEqual([
      { account_id: "acc_btc", type: "brokerage", subtype: "brokerage", current_cents: 12, iso_currency_code: "XXX", unofficial_currency_code: "BTC" },
      { account_id: "acc_eur", type: "depository", subtype: "checking", current_cents: 1000, iso_currency_code: "EUR", unofficial_currency_code: null },
    ]);
    // A transaction that names no currency takes its account's, not USD.
    expect(await rows("SELECT iso_currency_code, unofficial_currency_code FROM transactions")).toEqual([{ iso_currency_code: "EUR", unofficial_currency_code: null }]);
    // The engine reads each amount's currency: the unofficial code where Plaid gave one.
    const [input] = await loadCustomerInputs(db.sql, ["cust_fx"]);
    expect(input.accounts.map((a) => [a.account_id, a.currency])).toEqual([["acc_btc", "BTC"], ["acc_eur", "EUR"]]);
    expect(input.transactions.map((t) => t.currency)).toEqual(["EUR"]);
    // So does one loaded later, without its account (CSV transactions, a later /transactions/get).
    await ingest([writeTemp(db.dir, "transactions.csv", "transaction_id,account_id,date,amount,name\nt_csv,acc_eur,2026-11-03,4.20,BAECKEREI\n")], { userId: "cust_fx" });
    expect(await rows("SELECT iso_currency_code FROM transactions WHERE transaction_id = 't_csv'")).toEqual([{ iso_currency_code: "EUR" }]);
  });

  it("CSV: balances with more than two decimals, and booleans in any case", async () => {
    const customers = writeTemp(db.dir, "customers.csv", "user_id,name,consent\ncust_csv,CSV Person,TRUE\n");
    const accounts = writeTemp(db.dir, "accounts.csv", "user_id,account_id,type,subtype,name,current,iso_currency_code\ncust_csv,acc_1,investment,401k,Plaid 401k,23631.9805,USD\n");
    const txns = writeTemp(db.dir, "transactions.csv", "transaction_id,account_id,date,amount,name,pending\nt1,acc_1,2026-11-02,10.005,Fee,True\nt2,acc_1,2026-11-03,10.015,Fee,FALSE\n");
    await ingest([customers, accounts, txns]);
    expect(await rows("SELECT consent FROM customers")).toEqual([{ consent: 1 }]);
    expect(await rows("SELECT current_cents FROM accounts")).toEqual([{ current_cents: 2363198 }]);
    expect(await rows("SELECT transaction_id, amount_cents, pending FROM transactions ORDER BY transaction_id")).toEqual([
      { transaction_id: "t1", amount_cents: 1000, pending: 1 },
      { transaction_id: "t2", amount_cents: 1002, pending: 0 },
    ]);
  });
});
