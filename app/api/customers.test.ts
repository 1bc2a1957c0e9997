// Customer routes of the developer API: create, consent, profile, recommendations, feedback and
// the review queue, called as Next.js would call them, against a temporary database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTestEnv, call, staffCookie, type ApiTestEnv } from "@/lib/api/testing";
import * as consent from "./consent/route";
import * as feedback from "./feedback/route";
import * as review from "./operator/review/route";
import * as profile from "./profile/[userId]/route";
import * as recommendations from "./recommendations/[userId]/route";
import * as users from "./users/route";

let env: ApiTestEnv;
let key: string;
beforeAll(async () => {
  env = await apiTestEnv({ users: 8, engine: true });
  key = await env.key();
});
afterAll(() => env.cleanup());

const count = async (sql: string, args: (string | number)[] = []) => Number((await env.db.sql.execute({ sql, args })).rows[0].n);

describe("POST /api/users", () => {
  it("creates a customer (201), records an opt-in and audits it; the same id again is 409", async () => {
    const body = { user_id: "usr_api_new", name: "Avery Quinn", consent: true, region: "West", credit_score: 705 };
    const r = await call(users.POST, { path: "/api/users", key, body });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ user_id: "usr_api_new", name: "Avery Quinn", consent: true, region: "West", credit_score: 705, source: "api", age_band: null });
    expect(await count("SELECT COUNT(*) AS n FROM consent_events WHERE user_id = 'usr_api_new' AND granted = TRUE")).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'customer.create' AND target_id = 'usr_api_new' AND actor LIKE 'apikey:%'")).toBe(1);
    const again = await call(users.POST, { path: "/api/users", key, body });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("conflict");
  });

  it("two creations of the same id at once: one 201, the other 409", async () => {
    const body = { user_id: "usr_api_race", name: "Race" };
    const statuses = (await Promise.all([1, 2].map(() => call(users.POST, { path: "/api/users", key, body })))).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
  });

  it("refuses a bad body (422), a key without customers:write (403) and operators (admin only)", async () => {
    expect((await call(users.POST, { path: "/api/users", key, body: { user_id: "bad id!", name: "" } })).status).toBe(422);
    expect((await call(users.POST, { path: "/api/users", key: await env.key(["customers:read"]), body: { user_id: "usr_x", name: "X" } })).status).toBe(403);
    expect((await call(users.POST, { path: "/api/users", cookie: await staffCookie("operator"), body: { user_id: "usr_x", name: "X" } })).status).toBe(403);
    expect((await call(users.POST, { path: "/api/users", cookie: await staffCookie("admin"), body: { user_id: "usr_by_admin", name: "X" } })).status).toBe(201);
    expect((await call(users.POST, { path: "/api/users", body: { user_id: "usr_x", name: "X" } })).status).toBe(401);
  });
});

describe("POST /api/consent", () => {
  it("records a grant, audited; repeating it changes nothing; a revoke withdraws recommendations", async () => {
    const id = env.declined[0];
    const grant = await call(consent.POST, { path: "/api/consent", cookie: await staffCookie("operator"), body: { user_id: id, granted: true, note: "opted in by phone" } });
    expect(grant.status).toBe(200);
    // The opt-in computes the customer at once, as of the current run (issue 13).
    expect(grant.json).toEqual({ user_id: id, granted: true, changed: true, withdrawn_recommendations: 0, computed: { run_id: expect.any(Number), as_of: "2026-10-31", pending_reason: null } });
    expect(await count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'consent.grant' AND user_id = ? AND actor = 'operator@spendsense.test'", [id])).toBe(1);
    expect((await call(consent.POST, { path: "/api/consent", key, body: { user_id: id, granted: true } })).json.changed).toBe(false);

    const revoked = env.consenting[env.consenting.length - 1];
    const r = await call(consent.POST, { path: "/api/consent", key, body: { user_id: revoked, granted: false } });
    expect(r.json).toMatchObject({ changed: true });
    expect(r.json.withdrawn_recommendations).toBeGreaterThan(0);
    expect((await call(profile.GET, { path: `/api/profile/${revoked}`, key, params: { userId: revoked } })).json.error.code).toBe("consent_required");
  });

  it("404 for an unknown customer, 422 for a bad body, 403 for analysts", async () => {
    expect((await call(consent.POST, { path: "/api/consent", key, body: { user_id: "usr_nobody", granted: true } })).status).toBe(404);
    expect((await call(consent.POST, { path: "/api/consent", key, body: { user_id: env.consenting[0], granted: "yes" } })).status).toBe(422);
    expect((await call(consent.POST, { path: "/api/consent", cookie: await staffCookie("analyst"), body: { user_id: env.consenting[0], granted: true } })).status).toBe(403);
  });
});

describe("GET /api/profile/{userId} and /api/recommendations/{userId}", () => {
  it("returns signals and personas per window, the §6 shape", async () => {
    const id = env.consenting[0];
    const r = await call(profile.GET, { path: `/api/profile/${id}`, key, params: { userId: id } });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ user_id: id, consent: true });
    expect(Object.keys(r.json.windows)).toEqual(["30d", "180d"]);
    expect(r.json.windows["30d"]).toMatchObject({ as_of: "2026-10-31", signals: expect.any(Object), persona: expect.objectContaining({ strength: expect.any(String) }) });
    expect(r.json.windows["30d"].recommendations).toBeUndefined();
    const one = await call(profile.GET, { path: `/api/profile/${id}?window=180d`, key, params: { userId: id } });
    expect(Object.keys(one.json.windows)).toEqual(["180d"]);
  });

  it("returns recommendations with rationale, citations, disclaimer, status and trace", async () => {
    const id = env.consenting[0];
    const r = await call(recommendations.GET, { path: `/api/recommendations/${id}`, key: await env.key(["recommendations:read"]), params: { userId: id } });
    expect(r.status).toBe(200);
    const recs = r.json.windows["30d"].recommendations;
    expect(recs.length).toBeGreaterThanOrEqual(3);
    expect(recs[0]).toMatchObject({ kind: expect.stringMatching(/education|offer/), rationale: expect.any(String), disclaimer: expect.any(String), status: "pending_review", trace: expect.any(Object) });
    expect(recs[0].citations.length).toBeGreaterThan(0);
    const lean = await call(recommendations.GET, { path: `/api/recommendations/${id}?trace=false&window=30d`, key, params: { userId: id } });
    expect(Object.keys(lean.json.windows)).toEqual(["30d"]);
    expect(lean.json.windows["30d"].recommendations[0]).not.toHaveProperty("trace");
    expect(lean.json.windows["30d"].recommendations[0]).toMatchObject({ rationale: recs[0].rationale });
  });

  it("403 consent_required, 404 unknown, 400 bad id, 403 wrong scope and analysts", async () => {
    const get = (userId: string, o: { key?: string; cookie?: string }) => call(recommendations.GET, { path: `/api/recommendations/${encodeURIComponent(userId)}`, ...o, params: { userId } });
    await call(users.POST, { path: "/api/users", key, body: { user_id: "usr_no_consent", name: "Not Yet" } });
    const refused = await get("usr_no_consent", { key });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("consent_required");
    expect((await get("usr_nobody", { key })).status).toBe(404);
    expect((await get("../etc", { key })).status).toBe(400);
    expect((await get(env.consenting[0], { key: await env.key(["customers:read"]) })).json.error.code).toBe("insufficient_scope");
    expect((await get(env.consenting[0], { cookie: await staffCookie("analyst") })).status).toBe(403);
    expect((await get(env.consenting[0], { cookie: await staffCookie("operator") })).status).toBe(200);
  });
});

describe("POST /api/feedback", () => {
  it("records feedback on the customer's recommendation (201), with its content id, audited", async () => {
    const id = env.consenting[0];
    const rec = (await env.db.sql.execute({ sql: "SELECT id, content_id FROM recommendations WHERE user_id = ? LIMIT 1", args: [id] })).rows[0];
    const r = await call(feedback.POST, { path: "/api/feedback", key, body: { user_id: id, recommendation_id: Number(rec.id), rating: "helpful", comment: "Useful" } });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ user_id: id, recommendation_id: Number(rec.id), content_id: rec.content_id, rating: "helpful", comment: "Useful" });
    expect(await count("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'feedback.record' AND user_id = ?", [id])).toBe(1);
    const onContent = await call(feedback.POST, { path: "/api/feedback", key, body: { user_id: id, content_id: String(rec.content_id), rating: "not_helpful" } });
    expect(onContent.status).toBe(201);
  });

  it("404 for another customer's recommendation or unknown content; 422 without a subject or with a bad rating", async () => {
    const [a, b] = env.consenting;
    const recOfB = Number((await env.db.sql.execute({ sql: "SELECT id FROM recommendations WHERE user_id = ? LIMIT 1", args: [b] })).rows[0].id);
    expect((await call(feedback.POST, { path: "/api/feedback", key, body: { user_id: a, recommendation_id: recOfB, rating: "helpful" } })).status).toBe(404);
    expect((await call(feedback.POST, { path: "/api/feedback", key, body: { user_id: a, content_id: "no-such-item", rating: "helpful" } })).status).toBe(404);
    expect((await call(feedback.POST, { path: "/api/feedback", key, body: { user_id: "usr_nobody", content_id: "x", rating: "helpful" } })).status).toBe(404);
    const none = await call(feedback.POST, { path: "/api/feedback", key, body: { user_id: a, rating: "helpful" } });
    expect(none.status).toBe(422);
    expect(none.json.error.details[0].path).toBe("recommendation_id");
    expect((await call(feedback.POST, { path: "/api/feedback", key, body: { user_id: a, content_id: "x", rating: "5 stars" } })).status).toBe(422);
    expect((await call(feedback.POST, { path: "/api/feedback", key: await env.key(["customers:write"]), body: { user_id: a, content_id: "x", rating: "helpful" } })).status).toBe(403);
  });
});

describe("GET /api/operator/review", () => {
  it("pages the pending queue in the list shape", async () => {
    const total = await count("SELECT COUNT(*) AS n FROM recommendations WHERE status = 'pending_review'");
    const r = await call(review.GET, { path: "/api/operator/review?page=2&pageSize=5", key: await env.key(["review"]) });
    expect(r.status).toBe(200);
    expect(r.json.meta).toEqual({ page: 2, pageSize: 5, total });
    expect(r.json.data).toHaveLength(5);
    expect(r.json.data[0]).toMatchObject({ id: expect.any(Number), version: 1, user_id: expect.any(String), flagged: false });
    const flagged = await call(review.GET, { path: "/api/operator/review?flagged=true", key });
    expect(flagged.json.meta.total).toBe(0);
  });

  it("400 for bad paging, 403 for analysts and keys without the review scope", async () => {
    expect((await call(review.GET, { path: "/api/operator/review?pageSize=5000", key })).status).toBe(400);
    expect((await call(review.GET, { path: "/api/operator/review?flagged=yes", key })).status).toBe(400);
    expect((await call(review.GET, { path: "/api/operator/review", cookie: await staffCookie("analyst") })).status).toBe(403);
    expect((await call(review.GET, { path: "/api/operator/review", key: await env.key(["customers:read"]) })).status).toBe(403);
    expect((await call(review.GET, { path: "/api/operator/review", cookie: await staffCookie("operator") })).status).toBe(200);
  });
});
