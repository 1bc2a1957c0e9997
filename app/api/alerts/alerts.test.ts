// The alerts routes of the developer API (issue 15) against a temporary database with a real
// engine run over generated customers, called with real API keys and staff sessions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTestEnv, call, staffCookie, type ApiTestEnv } from "@/lib/api/testing";
import * as dismiss from "./[id]/dismiss/route";
import * as list from "./[id]/route";
import * as shown from "./[id]/shown/route";

let env: ApiTestEnv;
let key: string;
beforeAll(async () => {
  env = await apiTestEnv({ users: 8, engine: true });
  key = await env.key(["alerts:read", "alerts:write"]);
});
afterAll(() => env.cleanup());

const stored = async (where: string, args: string[] = []) =>
  (await env.db.sql.execute({ sql: `SELECT id, user_id, state, needs_review, review_state FROM alerts WHERE ${where} ORDER BY user_id, id`, args })).rows.map((r) => ({ id: Number(r.id), user_id: String(r.user_id), state: String(r.state), needs_review: Number(r.needs_review) }));
const get = (userId: string, o: { key?: string; cookie?: string; qs?: string }) => call(list.GET, { path: `/api/alerts/${userId}${o.qs ?? ""}`, params: { id: userId }, key: o.key, cookie: o.cookie });
const post = (handler: typeof dismiss.POST, id: string | number, body: unknown, who: { key?: string; cookie?: string } = { key }) =>
  call(handler, { path: `/api/alerts/${id}/x`, method: "POST", params: { id: String(id) }, body, ...who });

describe("GET /api/alerts/{id}", () => {
  it("returns the customer's current alerts, most urgent first, each with its message, citations, disclaimer, currency, state and trace", async () => {
    const [first] = await stored("needs_review = 0");
    const r = await get(first.user_id, { key });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ user_id: first.user_id, as_of: "2026-10-31" });
    expect(r.json.alerts.length).toBeGreaterThan(0);
    const rank: Record<string, number> = { urgent: 0, warning: 1, info: 2 };
    const order = r.json.alerts.map((a: { severity: string }) => rank[a.severity]);
    expect(order).toEqual([...order].sort());
    for (const a of r.json.alerts) {
      expect(a).toMatchObject({ kind: expect.any(String), severity: expect.any(String), title: expect.any(String), message: expect.any(String), currency: "USD", state: "new", event_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      expect(a.trace).toMatchObject({ rule: expect.any(String), inputs: expect.any(Object) });
      for (const c of a.citations) expect(Object.keys(a.trace.inputs)).toContain(c.signal);
    }
    const bare = await get(first.user_id, { key, qs: "?trace=false" });
    expect(bare.json.alerts.length).toBe(r.json.alerts.length);
    expect(bare.json.alerts.every((a: object) => !("trace" in a))).toBe(true);
    expect((await get(first.user_id, { key, qs: "?trace=maybe" })).status).toBe(400);
  });

  it("leaves out alerts held for a staff review", async () => {
    const held = await stored("needs_review = 1");
    expect(held.length, "the generated customers include a possible-fraud alert").toBeGreaterThan(0);
    const r = await get(held[0].user_id, { key });
    expect(r.json.alerts.map((a: { id: number }) => a.id)).not.toContain(held[0].id);
  });

  it("refuses: no consent 403 consent_required, unknown 404, a key without alerts:read 403, analysts 403; operators may read", async () => {
    const [first] = await stored("1 = 1");
    expect((await get(env.declined[0], { key })).json.error.code).toBe("consent_required");
    expect((await get("usr_nobody", { key })).status).toBe(404);
    expect((await get(first.user_id, { key: await env.key(["alerts:write", "recommendations:read"]) })).json.error.code).toBe("insufficient_scope");
    expect((await get(first.user_id, { cookie: await staffCookie("analyst") })).status).toBe(403);
    expect((await get(first.user_id, { cookie: await staffCookie("operator") })).status).toBe(200);
  });
});

describe("POST /api/alerts/{id}/shown and /dismiss", () => {
  it("shown then dismiss: recorded once each, audited with the key, and the alert leaves the customer's list", async () => {
    const [a] = await stored("needs_review = 0 AND state = 'new'");
    const s1 = await post(shown.POST, a.id, { user_id: a.user_id });
    expect(s1.status).toBe(200);
    expect(s1.json).toEqual({ id: a.id, state: "shown", review_state: null, changed: true });
    expect((await post(shown.POST, a.id, { user_id: a.user_id })).json.changed).toBe(false);
    expect((await get(a.user_id, { key })).json.alerts.find((x: { id: number }) => x.id === a.id).state).toBe("shown");
    const d1 = await post(dismiss.POST, a.id, { user_id: a.user_id });
    expect(d1.json).toMatchObject({ state: "dismissed", changed: true });
    expect((await post(dismiss.POST, a.id, { user_id: a.user_id })).json).toMatchObject({ state: "dismissed", changed: false });
    expect((await get(a.user_id, { key })).json.alerts.map((x: { id: number }) => x.id)).not.toContain(a.id);
    const audit = await env.db.sql.execute({ sql: "SELECT action, actor, user_id FROM audit_log WHERE target_type = 'alert' AND target_id = ? ORDER BY id", args: [String(a.id)] });
    expect(audit.rows.map((r) => [r.action, String(r.actor).startsWith("apikey:"), r.user_id])).toEqual([
      ["alert.shown", true, a.user_id],
      ["alert.dismiss", true, a.user_id],
    ]);
  });

  it("an operator may dismiss; another customer's alert is 404 and stays as it was", async () => {
    const [a, ...rest] = await stored("needs_review = 0 AND state = 'new'");
    const other = rest.find((x) => x.user_id !== a.user_id)!;
    const r = await post(dismiss.POST, a.id, { user_id: other.user_id });
    expect(r.status).toBe(404);
    expect(r.json.error.message).toMatch(/has no alert/);
    expect((await post(shown.POST, a.id, { user_id: other.user_id })).status).toBe(404);
    expect((await stored("id = ?", [String(a.id)]))[0].state).toBe("new");
    expect((await post(dismiss.POST, a.id, { user_id: a.user_id }, { cookie: await staffCookie("operator") })).json).toMatchObject({ state: "dismissed", changed: true });
  });

  it("refuses: unknown id 404, bad id 400, no user_id 422, no consent 403, an alert held for review cannot be shown 409, read-only keys and analysts 403", async () => {
    const [a] = await stored("needs_review = 0 AND state = 'new'");
    const [held] = await stored("needs_review = 1");
    expect((await post(dismiss.POST, 99_999_999, { user_id: a.user_id })).status).toBe(404);
    expect((await post(dismiss.POST, "abc", { user_id: a.user_id })).status).toBe(400);
    expect((await post(dismiss.POST, a.id, {})).status).toBe(422);
    expect((await post(dismiss.POST, a.id, { user_id: env.declined[0] })).json.error.code).toBe("consent_required");
    expect((await post(shown.POST, held.id, { user_id: held.user_id })).status).toBe(409);
    expect((await post(dismiss.POST, a.id, { user_id: a.user_id }, { key: await env.key(["alerts:read"]) })).json.error.code).toBe("insufficient_scope");
    expect((await post(dismiss.POST, a.id, { user_id: a.user_id }, { cookie: await staffCookie("analyst") })).status).toBe(403);
    expect((await stored("id = ?", [String(a.id)]))[0].state).toBe("new");
  });
});
