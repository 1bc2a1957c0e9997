// Observability (issue 14 §5), through the real route handlers on a real database: the request id
// on every route, one JSON log line per request with nothing sensitive in it, the Prometheus
// endpoint and who may scrape it, and what health reports.
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as api from "@/lib/api/endpoints";
import type { RouteContext } from "@/lib/api/handler";
import { apiTestEnv, staffCookie, type ApiTestEnv } from "@/lib/api/testing";
import { main } from "@/lib/cli/index";
import { captureLogs, log } from "@/lib/observability/log";
import { noteCaller, observeAction } from "@/lib/observability/request";
import { checkHealth } from "@/lib/services/database";
import { proxy } from "../../proxy";
import * as health from "./health/route";
import * as ingest from "./ingest/route";
import * as me from "./me/route";
import * as metrics from "./metrics/route";
import * as transactions from "./transactions/route";
import * as users from "./users/route";

type Handler = (req: Request, ctx: RouteContext) => Promise<Response>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TOKEN = "metrics-token-for-the-test-0123456789";

let env: ApiTestEnv;
beforeAll(async () => {
  env = await apiTestEnv();
});
afterAll(() => env.cleanup());
afterEach(() => vi.unstubAllEnvs());

async function send(handler: unknown, o: { path: string; method?: string; headers?: Record<string, string>; body?: unknown; params?: Record<string, string | string[]> }) {
  const req = new NextRequest(`http://localhost${o.path}`, { method: o.method ?? (o.body === undefined ? "GET" : "POST"), headers: o.headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
  const res = await (handler as Handler)(req, { params: Promise.resolve((o.params ?? {}) as Record<string, string>) });
  return { status: res.status, headers: res.headers, text: await res.text() };
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("request id", () => {
  it("a caller's valid x-request-id comes back on the response; a missing or malformed one is replaced by a fresh UUID", async () => {
    const cookie = await staffCookie("operator");
    const given = await send(me.GET, { path: "/api/me", headers: { cookie, "x-request-id": "lb-7f3a.42:edge" } });
    expect(given.status).toBe(200);
    expect(given.headers.get("x-request-id")).toBe("lb-7f3a.42:edge");
    expect((await send(me.GET, { path: "/api/me", headers: { cookie } })).headers.get("x-request-id")).toMatch(UUID);
    for (const bad of ["has spaces", "x".repeat(129), 'inject"},{"level":"fatal']) {
      expect((await send(me.GET, { path: "/api/me", headers: { cookie, "x-request-id": bad } })).headers.get("x-request-id"), bad).toMatch(UUID);
    }
  });

  it("the proxy gives every request (pages, assets, routes) its id and hands the same id on to the route handler", () => {
    const kept = proxy(new NextRequest("http://localhost:3000/customers", { headers: { "x-request-id": "abc-123" } }));
    expect(kept.headers.get("x-request-id")).toBe("abc-123");
    expect(kept.headers.get("x-middleware-request-x-request-id"), "forwarded to the handler").toBe("abc-123");
    const fresh = proxy(new NextRequest("http://localhost:3000/_next/static/chunks/x.js", { headers: { "x-request-id": "no spaces allowed" } }));
    expect(fresh.headers.get("x-request-id")).toMatch(UUID);
    expect(fresh.headers.get("x-middleware-request-x-request-id")).toBe(fresh.headers.get("x-request-id"));
  });

  it("every method of every route file under app/api answers with an x-request-id", async () => {
    const files = (function walk(dir: string): string[] {
      return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name === "route.ts" ? [path.join(dir, e.name)] : []));
    })(path.resolve("app/api"));
    expect(files.length).toBeGreaterThan(20);
    // next-auth's own handler reads cookies() from Next's request scope, which only a running server has.
    for (const file of files.filter((f) => !f.includes("[...nextauth]"))) {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      for (const method of ["GET", "POST", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function")) {
        const res = await send(mod[method], { path: "/api/x", method });
        expect(res.headers.get("x-request-id"), `${method} ${path.relative("app", file)}`).toMatch(UUID);
      }
    }
  });
});

describe("request logs", () => {
  it("one JSON line per request: method, route pattern, status, duration, request id, key prefix or role — no ids, names, amounts, keys, cookies or emails", async () => {
    const key = await env.key();
    const cookie = await staffCookie("admin", "dana.whitfield@bank.example");
    const secrets = {
      key,
      keySecret: key.split("_")[2],
      cookie: cookie.split("=")[1],
      userId: "usr_obs_48213",
      name: "Marisol Quennell",
      amount: "987.65",
      email: "dana.whitfield@bank.example",
      requestId: "trace-0042",
    };
    const logs = captureLogs();
    try {
      const created = await send(users.POST, {
        path: "/api/users",
        headers: { ...bearer(key), "content-type": "application/json", "x-request-id": secrets.requestId },
        body: { user_id: secrets.userId, name: secrets.name, consent: true, credit_score: 712 },
      });
      expect(created.status).toBe(201);
      const listed = await send(transactions.GET, { path: `/api/transactions?user_id=${secrets.userId}&min_amount=${secrets.amount}`, headers: { cookie } });
      expect(listed.status).toBe(200);
      expect((await send(users.POST, { path: "/api/users", body: { user_id: secrets.userId, name: secrets.name } })).status).toBe(401);
    } finally {
      logs.stop();
    }
    const requests = logs.lines.filter((l) => l.msg === "request");
    expect(requests).toEqual([
      expect.objectContaining({ level: "info", method: "POST", route: "/api/users", status: 201, request_id: secrets.requestId, key_prefix: key.split("_")[1] }),
      expect.objectContaining({ level: "info", method: "GET", route: "/api/transactions", status: 200, request_id: expect.stringMatching(UUID), role: "admin" }),
      expect.objectContaining({ level: "info", method: "POST", route: "/api/users", status: 401, request_id: expect.stringMatching(UUID) }),
    ]);
    for (const line of requests) {
      expect(typeof line.duration_ms).toBe("number");
      expect(typeof line.time).toBe("string");
    }
    const raw = logs.raw.join("");
    for (const [what, value] of Object.entries(secrets)) if (what !== "requestId") expect(raw, what).not.toContain(value);
    expect(raw).not.toContain("?");
  });

  it("a staff action logs one line with its permission, outcome, duration and role, never the form", async () => {
    const logs = captureLogs();
    try {
      const refused = await observeAction("review:act", "act-0001", async () => {
        noteCaller({ role: "operator" });
        return { error: "That recommendation changed since you read it.", values: { note: "Call Marisol about her $987.65 overdraft" } };
      });
      expect(refused.error).toMatch(/changed/);
      const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/login;307;" });
      await expect(observeAction("review:act", null, async () => Promise.reject(redirect))).rejects.toBe(redirect);
    } finally {
      logs.stop();
    }
    expect(logs.lines.filter((l) => l.msg === "action")).toEqual([
      expect.objectContaining({ action: "review:act", outcome: "refused", role: "operator", request_id: "act-0001", duration_ms: expect.any(Number) }),
      expect.objectContaining({ action: "review:act", outcome: "redirected", request_id: expect.stringMatching(UUID) }),
    ]);
    expect(logs.raw.join("")).not.toMatch(/Marisol|987\.65/);
  });

  it("a sensitive field logged by mistake is redacted, at any of the first three levels", () => {
    const logs = captureLogs();
    try {
      log.info({ user_id: "usr_leak_1", email: "leak@bank.example", context: { name: "Leaky Name", amount: 1234.56, headers: { authorization: "Bearer ss_abc_def", cookie: "sid=s3cr3t" } } }, "oops");
    } finally {
      logs.stop();
    }
    expect(logs.raw.join("")).not.toMatch(/usr_leak_1|leak@bank|Leaky Name|1234\.56|ss_abc_def|s3cr3t/);
    expect(logs.lines[0]).toMatchObject({ user_id: "[redacted]", context: { name: "[redacted]", headers: { authorization: "[redacted]" } } });
  });

  it("tests are silent unless LOG_LEVEL asks: nothing is written at the default level", async () => {
    const write = vi.spyOn(process.stdout, "write");
    try {
      await send(me.GET, { path: "/api/me" });
      expect(write.mock.calls.filter(([chunk]) => String(chunk).includes('"msg":"request"'))).toEqual([]);
    } finally {
      write.mockRestore();
    }
  });
});

describe("GET /api/metrics", () => {
  const scrape = (headers: Record<string, string> = {}) => send(metrics.GET, { path: "/api/metrics", headers });
  const errorCode = (r: { text: string }) => (JSON.parse(r.text) as { error: { code: string } }).error.code;

  it("refuses anonymous callers, wrong tokens, API keys and staff without the permission, in the API's error shape", async () => {
    vi.stubEnv("SPENDSENSE_METRICS_TOKEN", TOKEN);
    const anonymous = await scrape();
    expect([anonymous.status, errorCode(anonymous)]).toEqual([401, "unauthenticated"]);
    for (const wrong of [`${TOKEN}x`, TOKEN.slice(0, -1), await env.key()]) {
      const r = await scrape(bearer(wrong));
      expect([r.status, errorCode(r)]).toEqual([401, "invalid_token"]);
    }
    for (const role of ["operator", "analyst"] as const) {
      const r = await scrape({ cookie: await staffCookie(role) });
      expect([r.status, errorCode(r)]).toEqual([403, "forbidden"]);
    }
    // A token too short to be safe is as good as none.
    vi.stubEnv("SPENDSENSE_METRICS_TOKEN", "short");
    expect((await scrape(bearer("short"))).status).toBe(401);
  });

  it("serves the Prometheus text to an admin and to the metrics token; a request shows in the latency histogram under its route pattern", async () => {
    vi.stubEnv("SPENDSENSE_METRICS_TOKEN", TOKEN);
    const count = (text: string) => Number(/^spendsense_http_request_duration_seconds_count\{method="POST",route="\/api\/users",status="201"\} (\d+)$/m.exec(text)?.[1] ?? 0);
    const before = await scrape(bearer(TOKEN));
    expect(before.status).toBe(200);
    expect(before.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const created = await send(users.POST, { path: "/api/users", headers: bearer(await env.key()), body: { user_id: "usr_obs_00777", name: "Ines Okafor" } });
    expect(created.status).toBe(201);
    const after = await scrape({ cookie: await staffCookie("admin") });
    expect(after.status).toBe(200);
    expect(count(after.text)).toBe(count(before.text) + 1);
    expect(after.text).toMatch(/^spendsense_http_request_duration_seconds_bucket\{le="[\d.]+",method="POST",route="\/api\/users",status="201"\} \d+$/m);
    expect(after.text, "route patterns, never concrete ids").not.toContain("usr_obs_00777");
    expect(after.text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(after.text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
  });

  it("counts engine runs by status from the database at scrape time (a run whose lease expired counts as failed); the queue's series on PostgreSQL, none when runs are in-process (SQLite)", async () => {
    const insert = (status: string, lease: string | null) =>
      env.db.sql.execute({ sql: "INSERT INTO engine_runs (as_of, engine_version, config_hash, status, lease_expires_at, started_at) VALUES ('2026-10-31', 'v', 'h', ?, ?, ?)", args: [status, lease, new Date().toISOString()] });
    await insert("finished", null);
    await insert("finished", null);
    await insert("running", new Date(Date.now() - 60_000).toISOString());
    const text = (await scrape({ cookie: await staffCookie("admin") })).text;
    expect(text).toMatch(/^spendsense_engine_runs\{status="finished"\} 2$/m);
    expect(text).toMatch(/^spendsense_engine_runs\{status="failed"\} 1$/m);
    expect(text).toMatch(/^spendsense_engine_runs\{status="running"\} 0$/m);
    if (env.db.url.startsWith("postgres")) {
      // Runs are queued on PostgreSQL: the chunk queue's depth by state and the workers seen (none here).
      expect(text).toMatch(/^spendsense_queue_jobs\{queue="pg-boss",state="queued"\} 0$/m);
      expect(text).toMatch(/^spendsense_queue_workers\{queue="pg-boss"\} 0$/m);
    } else expect(text, "no queue: no queue series, rather than zeros").not.toMatch(/^spendsense_queue_(jobs|workers)\{/m);
  });

  it("counts ingested rows by table", async () => {
    const rows = async () => {
      const text = (await scrape({ cookie: await staffCookie("admin") })).text;
      return (table: string) => Number(new RegExp(`^spendsense_ingest_rows_total\\{table="${table}"\\} (\\d+)$`, "m").exec(text)?.[1] ?? 0);
    };
    const before = await rows();
    const r = await send(ingest.POST, { path: "/api/ingest", headers: bearer(await env.key()), body: api.ingest.example!.body });
    expect(r.status, r.text).toBe(200);
    const after = await rows();
    expect(after("customers") - before("customers")).toBe(1);
    expect(after("accounts") - before("accounts")).toBe(1);
    expect(after("transactions") - before("transactions")).toBe(1);
  });
});

describe("health", () => {
  const dialect = () => (env.db.url.startsWith("postgres") ? "postgres" : "sqlite");

  it("reports the database (dialect, reachable, latency), migrations and the queue, as before with the latest run and problems", async () => {
    const h = await checkHealth(env.db.url);
    expect(h).toMatchObject({ ok: true, writable: true, problems: [], database: { dialect: dialect(), reachable: true }, migrations: { pending: [], modified: [] } });
    expect(h.database.latency_ms).toBeGreaterThanOrEqual(0);
    expect(h.migrations.applied.length).toBeGreaterThan(0);
    expect(h.queue).toEqual(dialect() === "sqlite" ? { used: false, note: "not used: runs are in-process on SQLite" } : { used: true, queue: "pg-boss", queued: 0, active: 0, failed: 0, workers: 0 });

    vi.stubEnv("DATABASE_URL", env.db.url);
    const res = await send(health.GET, { path: "/api/health" });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text);
    expect(body).toMatchObject({ ok: true, database: { dialect: dialect(), reachable: true }, migrations: { applied: h.migrations.applied.length, pending: 0, modified: 0 }, queue: h.queue, problems: [] });
    expect(res.text, "no database URL in the public answer").not.toContain(env.db.url);
  });

  it("an unreachable database says so without its password", async () => {
    const h = await checkHealth("postgresql://app:hunter2-secret@127.0.0.1:1/spendsense");
    expect(h).toMatchObject({ ok: false, database: { dialect: "postgres", reachable: false, latency_ms: null }, writable: null });
    expect(h.problems[0]).toMatch(/^database unreachable/);
    expect(JSON.stringify(h)).not.toContain("hunter2-secret");
    expect(h.url).toBe("postgresql://app:***@127.0.0.1:1/spendsense");
  });

  it("spendsense health prints the database, migrations and queue lines", async () => {
    vi.stubEnv("DATABASE_URL", env.db.url);
    const out: string[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((...a) => void out.push(a.join(" ")));
    try {
      expect(await main(["health"])).toBe(0);
    } finally {
      spy.mockRestore();
    }
    const text = out.join("\n");
    expect(text).toMatch(new RegExp(`^  database: ${dialect()}, reachable \\([\\d.]+ ms round trip\\)$`, "m"));
    expect(text).toMatch(/^ {2}migrations: \d+ applied, 0 pending, 0 modified$/m);
    expect(text).toMatch(dialect() === "sqlite" ? /^ {2}queue: not used: runs are in-process/m : /^ {2}queue: pg-boss: 0 queued, 0 active, 0 failed; workers 0$/m);
  });
});
