// The persona layer of the developer API: assign, current (with override), detect-transition,
// transitions, tenure and batch-assign, against a temporary database with an engine run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTestEnv, call, staffCookie, type ApiTestEnv } from "@/lib/api/testing";
import * as current from "./[userId]/route";
import * as tenure from "./[userId]/tenure/route";
import * as transitions from "./[userId]/transitions/route";
import * as assign from "./assign/[userId]/route";
import * as batch from "./batch-assign/route";
import * as detect from "./detect-transition/[userId]/route";
import * as run from "../runs/[runId]/route";
import { startWorker } from "@/lib/services/run-worker";
import { onPostgres } from "@/lib/testing/postgres";

let env: ApiTestEnv;
let key: string;
let id: string;
beforeAll(async () => {
  env = await apiTestEnv({ users: 6, engine: true });
  key = await env.key();
  id = env.consenting[0];
});
afterAll(() => env.cleanup());

const at = (userId: string) => ({ params: { userId } });

describe("GET /api/personas/{userId}", () => {
  it("returns the current persona per window, and the latest reviewer override when there is one", async () => {
    const r = await call(current.GET, { path: `/api/personas/${id}`, key, ...at(id) });
    expect(r.status).toBe(200);
    for (const w of ["30d", "180d"]) {
      expect(r.json.windows[w]).toMatchObject({ as_of: "2026-10-31", strength: expect.any(String), transition: { kind: "initial" }, override: null });
    }
    await env.db.sql.execute({
      sql: `INSERT INTO persona_overrides (user_id, "window", as_of, from_persona, persona, justification, actor) VALUES (?, '30d', '2026-10-31', NULL, 'savings_builder', 'first override, long enough to count', 'a@x'), (?, '30d', '2026-10-31', NULL, 'fee_fighter', 'second override, the one that counts now', 'b@x')`,
      args: [id, id],
    });
    const o = await call(current.GET, { path: `/api/personas/${id}`, key, ...at(id) });
    expect(o.json.windows["30d"].override).toMatchObject({ persona: "fee_fighter", actor: "b@x", as_of: "2026-10-31" });
    expect(o.json.windows["180d"].override).toBeNull();
  });

  it("403 without consent, 404 unknown, 403 for analysts", async () => {
    expect((await call(current.GET, { path: "/api/personas/x", key, ...at(env.declined[0]) })).json.error.code).toBe("consent_required");
    expect((await call(current.GET, { path: "/api/personas/x", key, ...at("usr_nobody") })).status).toBe(404);
    expect((await call(current.GET, { path: "/api/personas/x", cookie: await staffCookie("analyst"), ...at(id) })).status).toBe(403);
  });
});

describe("POST /api/personas/assign/{userId} and detect-transition", () => {
  it("assign runs the engine as of the given date and returns the personas", async () => {
    // Runs end on or before the newest data (2026-10-31): an earlier point of history first, then the run under test.
    expect((await call(assign.POST, { path: `/api/personas/assign/${id}`, key, body: { as_of: "2026-10-03" }, ...at(id) })).status).toBe(200);
    const r = await call(assign.POST, { path: `/api/personas/assign/${id}`, key, body: { as_of: "2026-10-10" }, ...at(id) });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ run_id: expect.any(Number), as_of: "2026-10-10", user_id: id });
    expect(r.json.windows["180d"].as_of).toBe("2026-10-10");
    expect(r.json.windows["180d"].transition.kind).toMatch(/unchanged|positive|negative/);
    const audit = await env.db.sql.execute({ sql: "SELECT actor, user_id, details FROM audit_log WHERE action = 'engine.run' AND target_id = ?", args: [String(r.json.run_id)] });
    expect(audit.rows.map((x) => [String(x.actor).startsWith("apikey:"), x.user_id])).toEqual([[true, id]]);
  });

  it("assign without a body runs as of the default date; operators may run it", async () => {
    const r = await call(assign.POST, { path: `/api/personas/assign/${id}`, method: "POST", cookie: await staffCookie("operator"), ...at(id) });
    expect(r.status).toBe(200);
    expect(r.json.as_of).toBe("2026-10-31");
  });

  it("assign refuses: no consent 403, unknown 404, bad date 422, malformed JSON 400, analysts and read-only keys 403", async () => {
    const post = (userId: string, o: { body?: unknown; key?: string; cookie?: string }) => call(assign.POST, { path: `/api/personas/assign/${userId}`, method: "POST", ...o, ...at(userId) });
    expect((await post(env.declined[0], { key })).json.error.code).toBe("consent_required");
    expect((await post("usr_nobody", { key })).status).toBe(404);
    expect((await post(id, { key, body: { as_of: "2026-02-30" } })).status).toBe(422);
    expect((await post(id, { key, body: "{" })).status).toBe(400);
    expect((await post(id, { cookie: await staffCookie("analyst") })).status).toBe(403);
    expect((await post(id, { key: await env.key(["customers:read"]) })).status).toBe(403);
  });

  it("detect-transition returns one transition per window as of the date", async () => {
    const r = await call(detect.POST, { path: `/api/personas/detect-transition/${id}`, key, body: { as_of: "2026-10-17" }, ...at(id) });
    expect(r.status).toBe(200);
    expect(r.json.as_of).toBe("2026-10-17");
    expect(r.json.transitions.map((t: { window: string }) => t.window).sort()).toEqual(["180d", "30d"]);
    for (const t of r.json.transitions) expect(t).toMatchObject({ as_of: "2026-10-17", kind: expect.stringMatching(/unchanged|positive|negative/) });
    const noDate = await call(detect.POST, { path: `/api/personas/detect-transition/${id}`, key, body: {}, ...at(id) });
    expect(noDate.status).toBe(422);
    expect(noDate.json.error.details[0].path).toBe("as_of");
  });
});

describe("GET transitions and tenure", () => {
  it("transitions lists changes and first assignments, most recent first, limited", async () => {
    const r = await call(transitions.GET, { path: `/api/personas/${id}/transitions`, key, ...at(id) });
    expect(r.status).toBe(200);
    expect(r.json.data.length).toBe(r.json.meta.total);
    expect(r.json.data.every((t: { kind: string }) => t.kind !== "unchanged")).toBe(true);
    expect(r.json.data.filter((t: { kind: string }) => t.kind === "initial")).toHaveLength(2);
    const one = await call(transitions.GET, { path: `/api/personas/${id}/transitions?limit=1&window=30d`, key, ...at(id) });
    expect(one.json.data).toHaveLength(1);
    expect(one.json.meta).toMatchObject({ page: 1, pageSize: 1 });
    expect((await call(transitions.GET, { path: `/api/personas/${id}/transitions?limit=0`, key, ...at(id) })).status).toBe(400);
  });

  it("tenure counts the days of the current unbroken persona run", async () => {
    const r = await call(tenure.GET, { path: `/api/personas/${id}/tenure`, key, ...at(id) });
    expect(r.status).toBe(200);
    for (const w of ["30d", "180d"]) {
      const t = r.json.windows[w];
      expect(t.as_of).toBe("2026-10-17");
      expect(t.tenure_days).toBe((Date.parse("2026-10-17") - Date.parse(t.since)) / 86_400_000);
    }
    expect((await call(tenure.GET, { path: "/x", key, ...at(env.declined[0]) })).status).toBe(403);
    expect((await call(tenure.GET, { path: "/x", key, ...at("usr_nobody") })).status).toBe(404);
  });
});

describe("POST /api/personas/batch-assign", () => {
  it("answers 202 at once with the run id and a Location to poll; the run computes the named consenting customers and lists those skipped", async () => {
    const ids = [env.consenting[1], env.consenting[2], env.declined[0]];
    const r = await call(batch.POST, { path: "/api/personas/batch-assign", key, body: { user_ids: ids, as_of: "2026-10-24" } });
    expect(r.status).toBe(202);
    expect(r.json).toMatchObject({ as_of: "2026-10-24", status: "running", customers: 2, skipped_no_consent: [env.declined[0]], location: `/api/runs/${r.json.run_id}` });
    expect(r.headers.get("location")).toBe(`/api/runs/${r.json.run_id}`);
    const audit = await env.db.sql.execute({ sql: "SELECT details FROM audit_log WHERE action = 'engine.run' AND target_id = ?", args: [String(r.json.run_id)] });
    expect(JSON.parse(String(audit.rows[0].details))).toEqual({ as_of: "2026-10-24", customers: 2, requested: 3 });
    // Poll the Location until the run is done: on SQLite it computes in this process's background;
    // on PostgreSQL it waits in the queue for a worker.
    const worker = onPostgres() ? await startWorker({ url: env.db.url }) : null;
    let s = await call(run.GET, { path: r.json.location, key, params: { runId: String(r.json.run_id) } });
    for (let i = 0; i < 200 && s.json.status === "running"; i++) {
      await new Promise((ok) => setTimeout(ok, 100));
      s = await call(run.GET, { path: r.json.location, key, params: { runId: String(r.json.run_id) } });
    }
    expect(s.status).toBe(200);
    expect(s.json).toMatchObject({ run_id: r.json.run_id, status: "finished", done: 2, total: 2, skipped_no_consent: 1, error: null });
    expect(s.json.recommendations).toBeGreaterThan(0);
    expect(Object.values(s.json.personas["30d"]).reduce((a: number, b) => a + Number(b), 0)).toBe(2);
    const rows = await env.db.sql.execute({ sql: "SELECT DISTINCT user_id FROM persona_assignments WHERE run_id = ? ORDER BY user_id", args: [r.json.run_id] });
    expect(rows.rows.map((x) => String(x.user_id))).toEqual([env.consenting[1], env.consenting[2]].sort());
    await worker?.stop();
  });

  it("the run's status route: 404 for an unknown run, 400 for a malformed id", async () => {
    expect((await call(run.GET, { path: "/api/runs/99999", key, params: { runId: "99999" } })).status).toBe(404);
    expect((await call(run.GET, { path: "/api/runs/x", key, params: { runId: "x" } })).status).toBe(400);
  });

  it("404 for an unknown id (nothing run), 422 for an empty, repeated or oversized list", async () => {
    const runs = async () => Number((await env.db.sql.execute("SELECT COUNT(*) AS n FROM engine_runs")).rows[0].n);
    const before = await runs();
    const r = await call(batch.POST, { path: "/api/personas/batch-assign", key, body: { user_ids: [id, "usr_nobody"] } });
    expect(r.status).toBe(404);
    expect(r.json.error.message).toMatch(/usr_nobody/);
    expect(await runs()).toBe(before);
    expect((await call(batch.POST, { path: "/api/personas/batch-assign", key, body: { user_ids: [] } })).status).toBe(422);
    expect((await call(batch.POST, { path: "/api/personas/batch-assign", key, body: { user_ids: [id, id] } })).status).toBe(422);
    const many = Array.from({ length: 1001 }, (_, i) => `usr_${i}`);
    expect((await call(batch.POST, { path: "/api/personas/batch-assign", key, body: { user_ids: many } })).status).toBe(422);
  });
});
