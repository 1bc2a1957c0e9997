// POST /api/ingest: the CLI's all-or-nothing ingest behind the API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "@/lib/api/handler";
import { apiTestEnv, call, staffCookie, type ApiTestEnv } from "@/lib/api/testing";
import { sampleBundle } from "@/lib/testing/bundle-fixture";
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

  it("400 for malformed JSON; 403 for operators, analysts and keys without the ingest scope; 401 without credentials", async () => {
    expect((await post("[{")).status).toBe(400);
    expect((await post(sampleBundle("usr_x"), { key: await env.key(["customers:write"]) })).json.error.code).toBe("insufficient_scope");
    expect((await post(sampleBundle("usr_x"), { cookie: await staffCookie("operator") })).status).toBe(403);
    expect((await post(sampleBundle("usr_x"), { cookie: await staffCookie("analyst") })).status).toBe(403);
    expect((await post(sampleBundle("usr_x"), {})).status).toBe(401);
    expect((await post(sampleBundle("usr_api_admin"), { cookie: await staffCookie("admin") })).status).toBe(200);
  });
});
