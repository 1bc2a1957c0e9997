// The wrapper every API route goes through: who may call, what is refused with which status, and
// that every error has the one shape. Exercised through real routes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as consent from "../../app/api/consent/route";
import * as profile from "../../app/api/profile/[userId]/route";
import * as users from "../../app/api/users/route";
import { createPrisma } from "../db/client";
import { listApiKeys } from "../services/api-keys";
import { captureLogs } from "../observability/log";
import { apiTestEnv, call, staffCookie, type ApiTestEnv } from "./testing";

let env: ApiTestEnv;
let user: string;
beforeAll(async () => {
  env = await apiTestEnv({ users: 6, engine: true });
  user = env.consenting[0];
});
afterAll(() => env.cleanup());

const getProfile = (o: { key?: string; cookie?: string; userId?: string; query?: string }) =>
  call(profile.GET, { path: `/api/profile/${o.userId ?? user}${o.query ?? ""}`, key: o.key, cookie: o.cookie, params: { userId: o.userId ?? user } });

const expectError = (r: Awaited<ReturnType<typeof call>>, status: number, code: string) => {
  expect(r.status).toBe(status);
  expect(r.json).toEqual({ error: expect.objectContaining({ code, message: expect.any(String) }) });
  expect(r.json.error.message.length).toBeGreaterThan(5);
};

describe("API authentication", () => {
  it("refuses a request without credentials (401) and says how to authenticate", async () => {
    const r = await getProfile({});
    expectError(r, 401, "unauthenticated");
    expect(r.headers.get("www-authenticate")).toMatch(/Bearer/);
  });

  it("accepts a key with the route's scope and refuses one without it (403)", async () => {
    expect((await getProfile({ key: await env.key(["customers:read"]) })).status).toBe(200);
    expectError(await getProfile({ key: await env.key(["recommendations:read", "transactions:read"]) }), 403, "insufficient_scope");
  });

  it("refuses revoked, unknown and malformed keys (401)", async () => {
    expectError(await getProfile({ key: await env.revokedKey() }), 401, "invalid_api_key");
    const good = await env.key();
    expectError(await getProfile({ key: `${good.slice(0, -4)}AAAA` }), 401, "invalid_api_key");
    expectError(await getProfile({ key: "ss_nope" }), 401, "invalid_api_key");
    const r = await call(profile.GET, { path: `/api/profile/${user}`, params: { userId: user } });
    expect(r.status).toBe(401);
  });

  it("accepts staff sessions by role: admins and operators read a customer, analysts are refused (403)", async () => {
    expect((await getProfile({ cookie: await staffCookie("admin") })).status).toBe(200);
    expect((await getProfile({ cookie: await staffCookie("operator") })).status).toBe(200);
    expectError(await getProfile({ cookie: await staffCookie("analyst") }), 403, "forbidden");
    expectError(await getProfile({ cookie: "next-auth.session-token=forged" }), 401, "unauthenticated");
  });

  it("a key in the header wins over a cookie, so a bad key is never rescued by a session", async () => {
    expectError(await getProfile({ key: "ss_bad", cookie: await staffCookie("admin") }), 401, "invalid_api_key");
  });

  it("records when a key was last used and stores only its hash", async () => {
    const key = await env.key(["customers:read"]);
    expect((await getProfile({ key })).status).toBe(200);
    const db = createPrisma(env.db.url);
    const stored = (await listApiKeys(db)).find((k) => key.includes(k.prefix))!;
    expect(stored.last_used_at).toBeInstanceOf(Date);
    expect(JSON.stringify(stored)).not.toContain(key.slice(16)) // the secret after "ss_<12 hex>_";
    const raw = await env.db.sql.execute("SELECT * FROM api_keys");
    expect(JSON.stringify(raw.rows)).not.toContain(key);
    await db.$disconnect();
  });
});

describe("API validation and errors", () => {
  it("bad path and query parameters are 400 with per-field details", async () => {
    const key = await env.key();
    const bad = await getProfile({ key, userId: "no spaces allowed" });
    expectError(bad, 400, "invalid_request");
    expect(bad.json.error.details[0]).toMatchObject({ path: "userId" });
    expectError(await getProfile({ key, query: "?window=7d" }), 400, "invalid_request");
  });

  it("malformed JSON is 400; a well-formed body that fails validation is 422 with details", async () => {
    const key = await env.key();
    expectError(await call(users.POST, { path: "/api/users", key, body: "{not json" }), 400, "malformed_json");
    const r = await call(users.POST, { path: "/api/users", key, body: { user_id: "usr_x", credit_score: 9000, surprise: 1 } });
    expectError(r, 422, "validation_failed");
    expect(r.json.error.details.map((d: { path: string }) => d.path).sort()).toEqual(expect.arrayContaining(["name", "credit_score"]));
  });

  it("checks who is calling before looking at the request", async () => {
    expectError(await call(users.POST, { path: "/api/users", body: "{not json" }), 401, "unauthenticated");
  });

  it("unknown customers are 404; customers without consent are 403 consent_required", async () => {
    const key = await env.key();
    expectError(await getProfile({ key, userId: "usr_nobody" }), 404, "not_found");
    expectError(await getProfile({ key, userId: env.declined[0] }), 403, "consent_required");
  });

  it("an unexpected failure is a 500 in the same shape, logged without the request", async () => {
    const logs = captureLogs();
    const key = await env.key();
    await env.db.sql.execute("ALTER TABLE consent_events RENAME TO consent_events_gone");
    try {
      const r = await call(consent.POST, { path: "/api/consent", key, body: { user_id: env.declined[0], granted: true } });
      expectError(r, 500, "internal_error");
      expect(r.text).not.toMatch(/consent_events/);
      // The cause is logged for us (with the request id), the request is not.
      const failed = logs.lines.find((l) => l.msg === "request failed");
      expect(failed).toMatchObject({ level: "error", route: "/api/consent", request_id: r.headers.get("x-request-id"), err: { message: expect.stringMatching(/consent_events/) } });
      expect(logs.raw.join("")).not.toContain(key);
      expect(logs.raw.join("")).not.toContain(env.declined[0]);
    } finally {
      logs.stop();
      await env.db.sql.execute("ALTER TABLE consent_events_gone RENAME TO consent_events");
    }
  });
});
