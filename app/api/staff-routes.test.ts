// The staff app's own route handlers (not the developer API): what they answer once let in.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RouteContext } from "@/lib/api/handler";
import { apiTestEnv, call, staffCookie, type ApiTestEnv } from "@/lib/api/testing";
import * as alertsStream from "./alerts/stream/route";
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

// Who may call each of these (401 / 403 / allowed, per role, keys refused) is checked for every
// route by app/access-matrix.test.ts, generated from lib/auth/staff-routes.ts.
it.each([
  ["GET /api/review/stream", route(reviewStream.GET), "/api/review/stream", "queue"],
  ["GET /api/jobs/stream", route(jobsStream.GET), "/api/jobs/stream", "jobs"],
  ["GET /api/alerts/stream", route(alertsStream.GET), "/api/alerts/stream", "alerts"],
] as const)("%s sends the current state as its first event", async (_name, handler, path, event) => {
  const controller = new AbortController();
  const res = await handler(new Request(`http://localhost${path}`, { headers: { cookie: await staffCookie("operator") }, signal: controller.signal }), { params: Promise.resolve({}) });
  expect(res.headers.get("content-type")).toBe("text/event-stream");
  const first = await res.body!.getReader().read();
  expect(new TextDecoder().decode(first.value)).toMatch(new RegExp(`^event: ${event}\ndata: `));
  controller.abort(); // ends the stream
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
