// The alerts routes of the developer API (issue 15) against a temporary database with a real
// engine run over generated customers, called with real API keys and staff sessions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTestEnv, call, staffCookie, TEST_AS_OF, type ApiTestEnv } from "@/lib/api/testing";
import { runEngine } from "@/lib/services/engine";
import { addDuplicateCharge } from "@/lib/testing/alert-fixtures";
import * as dismiss from "./[id]/dismiss/route";
import * as list from "./[id]/route";
import * as shown from "./[id]/shown/route";
import * as stream from "./stream/route";
import * as reviewStream from "../review/stream/route";

let env: ApiTestEnv;
let key: string;
beforeAll(async () => {
  env = await apiTestEnv({ users: 8 });
  // A customer charged twice: a possible-fraud alert that waits for a staff review.
  await addDuplicateCharge(env.db.sql, env.consenting[1], "2026-10-20", TEST_AS_OF);
  await runEngine({ url: env.db.url, asOf: TEST_AS_OF, workers: 0 });
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
    const [first] = await stored("needs_review = FALSE");
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
    const held = await stored("needs_review = TRUE");
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
    const [a] = await stored("needs_review = FALSE AND state = 'new'");
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
    const [a, ...rest] = await stored("needs_review = FALSE AND state = 'new'");
    const other = rest.find((x) => x.user_id !== a.user_id)!;
    const r = await post(dismiss.POST, a.id, { user_id: other.user_id });
    expect(r.status).toBe(404);
    expect(r.json.error.message).toMatch(/has no alert/);
    expect((await post(shown.POST, a.id, { user_id: other.user_id })).status).toBe(404);
    expect((await stored("id = ?", [String(a.id)]))[0].state).toBe("new");
    expect((await post(dismiss.POST, a.id, { user_id: a.user_id }, { cookie: await staffCookie("operator") })).json).toMatchObject({ state: "dismissed", changed: true });
  });

  it("refuses: unknown id 404, bad id 400, no user_id 422, no consent 403, an alert held for review cannot be shown 409, read-only keys and analysts 403", async () => {
    const [a] = await stored("needs_review = FALSE AND state = 'new'");
    const [held] = await stored("needs_review = TRUE");
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

describe("GET /api/alerts/stream", () => {
  it("sends one customer's alert counts, and again when they change", async () => {
    const [a] = await stored("needs_review = FALSE AND state = 'new'");
    const controller = new AbortController();
    const res = await stream.GET(new Request(`http://localhost/api/alerts/stream?user_id=${a.user_id}`, { headers: { cookie: await staffCookie("operator") }, signal: controller.signal }));
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const reader = res.body!.getReader();
    const next = async () => {
      const text = new TextDecoder().decode((await reader.read()).value);
      expect(text).toMatch(/^event: alerts\ndata: /);
      return JSON.parse(text.replace(/^event: alerts\ndata: /, ""));
    };
    const first = await next();
    const visible = (await get(a.user_id, { key })).json.alerts;
    const latest = (await stored("user_id = ?", [a.user_id])).reduce((m, x) => Math.max(m, x.id), 0);
    expect(first).toEqual({ user_id: a.user_id, pending_review: expect.any(Number), new: visible.filter((x: { state: string }) => x.state === "new").length, visible: visible.length, latest_id: latest });
    await post(dismiss.POST, a.id, { user_id: a.user_id });
    expect(await next()).toMatchObject({ new: first.new - 1, visible: first.visible - 1, latest_id: latest });
    controller.abort();
  });

  it("refuses a malformed user_id with 400 and API keys with 401", async () => {
    const bad = await stream.GET(new Request("http://localhost/api/alerts/stream?user_id=", { headers: { cookie: await staffCookie("operator") } }));
    expect(bad.status).toBe(400);
    expect((await stream.GET(new Request("http://localhost/api/alerts/stream", { headers: { authorization: `Bearer ${key}` } }))).status).toBe(401);
  });
});

it("the review queue's stream counts the alerts held for a staff review", async () => {
  const held = await env.db.sql.execute("SELECT COUNT(*) AS n FROM alerts WHERE needs_review = TRUE AND review_state = 'pending'");
  expect(Number(held.rows[0].n)).toBeGreaterThan(0);
  const controller = new AbortController();
  const res = await reviewStream.GET(new Request("http://localhost/api/review/stream", { headers: { cookie: await staffCookie("operator") }, signal: controller.signal }));
  const text = new TextDecoder().decode((await res.body!.getReader().read()).value);
  expect(JSON.parse(text.replace(/^event: queue\ndata: /, ""))).toMatchObject({ pending: expect.any(Number), alerts_pending_review: Number(held.rows[0].n) });
  controller.abort();
});
