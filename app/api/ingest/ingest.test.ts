// POST /api/ingest: the CLI's all-or-nothing ingest behind the API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "@/lib/api/handler";
import { apiTestEnv, call, staffCookie, type ApiTestEnv } from "@/lib/api/testing";
import { sampleBundle } from "@/lib/testing/bundle-fixture";
import { setConsent } from "@/lib/services/consent";
import { dumpDb } from "@/lib/testing/temp-db";
import * as ingest from "./route";

let env: ApiTestEnv;
let key: string;
beforeAll(async () => {
  env = await apiTestEnv();
  key = await env.key(["ingest"]);
});
afterAll(() => env.cleanup());

const post = (body: unknown, o: { key?: string; cookie?: string } = { key }) => call(ingest.POST, { path: "/api/ingest", body, ...o });

describe("POST /api/ingest", () => {
  it("loads one bundle or an array of them, and re-sending the same data changes nothing", async () => {
    const one = await post(sampleBundle("usr_api_a"));
    expect(one.status).toBe(200);
    expect(one.json).toMatchObject({ customers: 1, accounts: 2, transactions: 3, liabilities: 1, consent_events: 1 });
    const many = await post([sampleBundle("usr_api_b"), sampleBundle("usr_api_c", null)]);
    expect(many.json).toMatchObject({ customers: 2, accounts: 4, transactions: 6 });
    // Only the audit log grows (who sent what, when); the data is untouched.
    const before = await dumpDb(env.db.sql, { except: ["audit_log"] });
    expect((await post(sampleBundle("usr_api_a"))).status).toBe(200);
    expect(await dumpDb(env.db.sql, { except: ["audit_log"] })).toEqual(before);
    const audit = await env.db.sql.execute("SELECT actor FROM audit_log WHERE action = 'data.ingest'");
    expect(audit.rows.length).toBe(3);
    expect(String(audit.rows[0].actor)).toMatch(/^apikey:/);
  });

  it("refuses a body over the size limit with 413 before reading it", async () => {
    const before = await dumpDb(env.db.sql);
    const req = new Request("http://localhost/api/ingest", { method: "POST", headers: { authorization: `Bearer ${key}`, "content-length": String(MAX_BODY_BYTES + 1) }, body: "{}" });
    const res = await ingest.POST(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
    expect(await dumpDb(env.db.sql)).toEqual(before);
  });

  it("refuses a bad bundle whole: 422 ingest_refused listing every problem, database unchanged", async () => {
    const before = await dumpDb(env.db.sql);
    const good = sampleBundle("usr_api_d");
    const bad = sampleBundle("usr_api_e");
    bad.transactions![0].amount = "12.34" as unknown as number;
    bad.transactions![1].date = "2026-02-30";
    const r = await post([good, bad]);
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe("ingest_refused");
    expect(r.json.error.details).toHaveLength(2);
    expect(r.json.error.details[0]).toMatchObject({ file: "request body", record: expect.any(String), field: expect.stringMatching(/amount|date/), reason: expect.any(String) });
    expect(JSON.stringify(r.json)).not.toMatch(/spendsense-api-ingest/);
    expect(await dumpDb(env.db.sql)).toEqual(before);
  });

  it("refuses duplicate ids and unknown accounts across the body, writing nothing", async () => {
    const before = await dumpDb(env.db.sql);
    const a = sampleBundle("usr_api_f");
    const orphan = sampleBundle("usr_api_g");
    orphan.transactions![0].account_id = "acc_nowhere";
    const r = await post([a, a, orphan]);
    expect(r.status).toBe(422);
    expect(r.json.error.details.map((d: { reason: string }) => d.reason).join("\n")).toMatch(/duplicate customer id/);
    expect(await dumpDb(env.db.sql)).toEqual(before);
  });

  it("a new customer carrying another customer's transaction_id and account_id: 422 naming each id and its owner, nothing written", async () => {
    expect((await post(sampleBundle("usr_api_own"))).status).toBe(200);
    const before = await dumpDb(env.db.sql);
    const thief = sampleBundle("usr_api_thief");
    thief.transactions![0].transaction_id = "usr_api_own_t1";
    thief.transactions![0].amount = -1;
    thief.accounts!.push({ ...sampleBundle("usr_api_own").accounts![0] });
    const r = await post(thief);
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe("ingest_refused");
    expect(r.json.error.details).toEqual(
      expect.arrayContaining([
        { file: "request body", record: "account usr_api_own_chk", field: "account_id", reason: 'account "usr_api_own_chk" belongs to customer "usr_api_own", not "usr_api_thief"' },
        { file: "request body", record: "transaction usr_api_own_t1", field: "transaction_id", reason: 'transaction "usr_api_own_t1" belongs to customer "usr_api_own", not "usr_api_thief"' },
      ]),
    );
    expect(await dumpDb(env.db.sql)).toEqual(before);
  });

  it("an ingest-scope key changes no existing customer's consent or name: each difference is a note in the result", async () => {
    const customer = async (id: string) => ({ ...(await env.db.sql.execute({ sql: "SELECT name, consent FROM customers WHERE user_id = ?", args: [id] })).rows[0] });
    expect((await post(sampleBundle("usr_api_cons", true))).status).toBe(200);
    await setConsent(env.db.sql, "usr_api_cons", false, { source: "api", note: "customer asked" });
    const regrant = await post(sampleBundle("usr_api_cons", true));
    expect(regrant.status).toBe(200);
    expect(regrant.json).toMatchObject({ consent_events: 0, notes: [expect.stringMatching(/"usr_api_cons" already exists: the input's consent \(granted\) was ignored and consent stays not granted/)] });
    expect(await customer("usr_api_cons")).toEqual({ name: "Test Person", consent: 0 });

    expect((await post(sampleBundle("usr_api_keep", true))).status).toBe(200);
    const revoke = await post(sampleBundle("usr_api_keep", false));
    expect(revoke.json.notes).toEqual([expect.stringMatching(/"usr_api_keep" already exists: the input's consent \(declined\) was ignored and consent stays granted/)]);
    const renamed = sampleBundle("usr_api_keep");
    renamed.user!.name = "Mallory";
    const rename = await post(renamed);
    expect(rename.status).toBe(200);
    expect(rename.json.notes).toEqual([expect.stringMatching(/"usr_api_keep" already exists: the input's name differ/)]);
    expect(await customer("usr_api_keep")).toEqual({ name: "Test Person", consent: 1 });
  });

  it("30 000 bad transactions: 422 with the first 100 problems in full and how many more, nothing written", async () => {
    const before = await dumpDb(env.db.sql);
    // Each transaction lacks account_id, date, amount, name, payment_channel and pending: 180 000 problems.
    const big = { ...sampleBundle("usr_api_big"), transactions: Array.from({ length: 30_000 }, (_, i) => ({ transaction_id: `usr_api_big_${i}` })) };
    const r = await post(big);
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe("ingest_refused");
    expect(r.json.error.message).toBe("Ingest refused: 180000 problems, nothing was written. The first 100 are in details, and 179900 more.");
    expect(r.json.error.details).toHaveLength(100);
    expect(r.json.error.details[99]).toMatchObject({ file: "request body", record: expect.stringMatching(/^bundle\.transactions\[\d+\]$/), field: expect.any(String), reason: expect.any(String) });
    expect(await dumpDb(env.db.sql)).toEqual(before);
  });

  it("400 for malformed JSON; 403 for operators, analysts and keys without the ingest scope; 401 without credentials", async () => {
    expect((await post("[{")).status).toBe(400);
    expect((await post(sampleBundle("usr_x"), { key: await env.key(["customers:write"]) })).json.error.code).toBe("insufficient_scope");
    expect((await post(sampleBundle("usr_x"), { cookie: await staffCookie("operator") })).status).toBe(403);
    expect((await post(sampleBundle("usr_x"), { cookie: await staffCookie("analyst") })).status).toBe(403);
    expect((await post(sampleBundle("usr_x"), {})).status).toBe(401);
    expect((await post(sampleBundle("usr_api_admin"), { cookie: await staffCookie("admin") })).status).toBe(200);
  });
});
