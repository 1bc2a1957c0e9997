// The staff app's own route handlers (not the developer API): 401 without a session, 403 for the
// wrong role, in the one error shape; the right role gets through.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteContext } from "@/lib/api/handler";
import { apiTestEnv, call, staffCookie, type ApiTestEnv } from "@/lib/api/testing";
import * as evalLatest from "./eval/latest/[file]/route";
import * as jobsStream from "./jobs/stream/route";
import * as me from "./me/route";
import * as reviewStream from "./review/stream/route";

let env: ApiTestEnv;
beforeAll(async () => {
  env = await apiTestEnv();
});
afterAll(() => env.cleanup());

/** Route handlers typed for calling with any path parameters. */
const route = (h: unknown) => h as (req: Request, ctx: RouteContext) => Promise<Response>;
const evalFile = route(evalLatest.GET);

const routes = [
  { name: "GET /api/me", handler: route(me.GET), path: "/api/me", refused: [] as string[] },
  { name: "GET /api/review/stream", handler: route(reviewStream.GET), path: "/api/review/stream", refused: ["analyst"] },
  { name: "GET /api/jobs/stream", handler: route(jobsStream.GET), path: "/api/jobs/stream", refused: ["analyst"] },
  { name: "GET /api/eval/latest/{file}", handler: evalFile, path: "/api/eval/latest/report.md", params: { file: "report.md" }, refused: [] as string[] },
];

describe.each(routes)("$name", (r) => {
  it("answers 401 in the error shape without a session, and ignores API keys and forged cookies", async () => {
    const none = await call(r.handler, { path: r.path, params: r.params });
    expect(none.status).toBe(401);
    expect(none.json).toEqual({ error: { code: "unauthenticated", message: "Sign in first." } });
    expect((await call(r.handler, { path: r.path, params: r.params, key: await env.key() })).status).toBe(401);
    expect((await call(r.handler, { path: r.path, params: r.params, cookie: "next-auth.session-token=forged" })).status).toBe(401);
  });

  it("answers 403 for roles the permission table refuses, and lets the others through", async () => {
    for (const role of ["admin", "operator", "analyst"] as const) {
      const controller = new AbortController();
      const res = await r.handler(new Request(`http://localhost${r.path}`, { headers: { cookie: await staffCookie(role) }, signal: controller.signal }), { params: Promise.resolve(r.params ?? {}) });
      if (r.refused.includes(role)) {
        expect(res.status).toBe(403);
        expect((await res.json()).error.code).toBe("forbidden");
      } else {
        expect([200, 404]).toContain(res.status); // 404: allowed, but there is no evaluation yet
        if (res.headers.get("content-type") === "text/event-stream") {
          const first = await res.body!.getReader().read();
          expect(new TextDecoder().decode(first.value)).toMatch(/^event: (queue|jobs)\ndata: /);
        }
      }
      controller.abort(); // ends event streams
    }
  });
});

it("GET /api/me tells the signed-in staff member their role and permissions", async () => {
  const res = await call(route(me.GET), { path: "/api/me", cookie: await staffCookie("analyst", "ana@bank.example") });
  expect(res.json).toMatchObject({ email: "ana@bank.example", role: "analyst" });
  expect(res.json.permissions).toContain("insights:read");
  expect(res.json.permissions).not.toContain("customers:read");
});

it("GET /api/eval/latest/{file} says how to make an evaluation when there is none, and refuses unknown files", async () => {
  const cookie = await staffCookie("analyst");
  expect((await call(evalFile, { path: "/api/eval/latest/report.md", params: { file: "report.md" }, cookie })).json.error.message).toMatch(/npx spendsense eval/);
  expect((await call(evalFile, { path: "/api/eval/latest/secrets.txt", params: { file: "secrets.txt" }, cookie })).status).toBe(404);
});
