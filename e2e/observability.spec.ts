// Observability on the running server (issue 14 §5): the request id through the proxy and the
// route handlers (one id, not two), next-auth's routes included; the metrics endpoint for an
// admin's session only; health's new parts.
import { expect, test } from "./support/roles";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test("every response carries one request id: the caller's when valid, else a fresh one", async ({ request }) => {
  for (const url of ["/api/health", "/api/auth/session", "/api/openapi.json", "/api/transactions", "/login", "/api/no/such/route"]) {
    const given = await request.get(url, { headers: { "x-request-id": "e2e-trace.0001" } });
    expect(given.headers()["x-request-id"], url).toBe("e2e-trace.0001");
    const fresh = await request.get(url, { headers: { "x-request-id": "not a valid id" } });
    expect(fresh.headers()["x-request-id"], url).toMatch(UUID);
  }
});

test("GET /api/metrics: 401 without a session, 403 for an operator, Prometheus text for an admin with the requests by route pattern", async ({ admin, operator, request }) => {
  expect((await request.get("/api/metrics")).status()).toBe(401);
  expect((await request.get("/api/metrics", { headers: { authorization: "Bearer not-the-token" } })).status()).toBe(401);
  expect((await operator.request.get("/api/metrics")).status()).toBe(403);
  await request.get("/api/health");
  const res = await admin.request.get("/api/metrics");
  expect(res.status()).toBe(200);
  const text = await res.text();
  expect(text).toMatch(/^spendsense_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} \d+$/m);
  expect(text).toMatch(/^spendsense_engine_runs\{status="finished"\} [1-9]\d*$/m);
  expect(text).toMatch(/^process_resident_memory_bytes \d/m);
});

test("health reports the database, migrations and the queue", async ({ request }) => {
  const body = await (await request.get("/api/health")).json();
  expect(body).toMatchObject({ ok: true, database: { dialect: "sqlite", reachable: true }, migrations: { pending: 0, modified: 0 }, queue: { used: false, note: "not used: runs are in-process on SQLite" } });
});
