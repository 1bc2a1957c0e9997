// The access matrix (issue 11): generated from the permission table, the scope table, the
// endpoint registry, the staff-route and page tables, and the files under app/ — so a new page,
// route or server action cannot be added without being checked here.
//   every API route × no credentials, a forged session, a revoked key, a key of each scope, each role;
//   every staff route × no session, an API key, each role;
//   every page and server action is in its table and consults it (their HTTP behaviour per role
//   is driven in Chromium by e2e/security.spec.ts).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENDPOINTS } from "@/lib/api/endpoints";
import type { RouteContext } from "@/lib/api/handler";
import { apiTestEnv, staffCookie, type ApiTestEnv } from "@/lib/api/testing";
import { ACTIONS } from "@/lib/auth/actions";
import { PAGES } from "@/lib/auth/pages";
import { can, ROLES, type Permission } from "@/lib/auth/permissions";
import { SCOPE_NAMES } from "@/lib/auth/scopes";
import { PUBLIC_ROUTES, STAFF_ROUTES } from "@/lib/auth/staff-routes";

const APP = path.resolve("app");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
/** Codes that mean "who you are" was refused, as opposed to what you asked (404, 422, consent_required…). */
const ACCESS_CODES = ["unauthenticated", "invalid_api_key", "forbidden", "insufficient_scope"];

function filesNamed(name: string, dir = APP): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesNamed(name, path.join(dir, e.name)) : e.name === name ? [path.join(dir, e.name)] : []));
}

/** app/(staff)/customers/[userId]/page.tsx → /customers/[userId] (route groups dropped). */
const pageRoute = (file: string) => "/" + path.relative(APP, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s)).join("/");
/** app/api/eval/latest/[file]/route.ts → /api/eval/latest/{file}; [...x] → {...x}. */
const apiRoute = (file: string) => "/" + path.relative(APP, path.dirname(file)).split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/");

type Handler = (req: Request, ctx: RouteContext) => Promise<Response>;
interface RouteFile {
  route: string;
  file: string;
  methods: Record<string, Handler>;
}

let env: ApiTestEnv;
let routes: RouteFile[];
beforeAll(async () => {
  env = await apiTestEnv({ users: 2 });
  routes = await Promise.all(
    filesNamed("route.ts", path.join(APP, "api")).map(async (file) => {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      const methods = Object.fromEntries(METHODS.filter((m) => typeof mod[m] === "function").map((m) => [m, mod[m] as Handler]));
      return { route: apiRoute(file), file, methods };
    }),
  );
});
afterAll(() => env.cleanup());

/** Calls a handler with concrete path parameters and a body; event streams are cut after the answer. */
async function hit(handler: Handler, o: { method: string; path: string; params?: Record<string, string>; query?: Record<string, string>; body?: unknown; key?: string; cookie?: string }) {
  const headers = new Headers();
  if (o.key) headers.set("authorization", `Bearer ${o.key}`);
  if (o.cookie) headers.set("cookie", o.cookie);
  const controller = new AbortController();
  const concrete = o.path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(o.params?.[k] ?? "x"));
  const qs = o.query ? `?${new URLSearchParams(o.query)}` : "";
  const withBody = o.method !== "GET" && o.method !== "DELETE";
  const req = new Request(`http://localhost${concrete}${qs}`, { method: o.method, headers, body: withBody ? JSON.stringify(o.body ?? {}) : undefined, signal: controller.signal });
  const res = await handler(req, { params: Promise.resolve(o.params ?? {}) });
  const json = res.headers.get("content-type")?.startsWith("application/json") ? await res.json() : null;
  controller.abort();
  await res.body?.cancel().catch(() => undefined);
  return { status: res.status, code: (json?.error?.code ?? null) as string | null };
}

const refused = (r: { status: number; code: string | null }) => r.status === 401 || (r.status === 403 && ACCESS_CODES.includes(r.code ?? ""));

describe("every route file is in a table", () => {
  it("each exported method of each app/api route.ts is a registry endpoint, a staff route or a public route, and each table entry has its file", () => {
    const registry = Object.values(ENDPOINTS).map((e) => `${e.method} ${e.path}`);
    const known = new Set([...registry, ...Object.keys(STAFF_ROUTES), ...Object.keys(PUBLIC_ROUTES)]);
    const found = routes.flatMap((r) => Object.keys(r.methods).map((m) => `${m} ${r.route}`));
    const unlisted = found.filter((k) => !known.has(k) && !known.has(`* ${k.split(" ")[1]}`));
    expect(unlisted, "routes missing from lib/api/endpoints.ts, lib/auth/staff-routes.ts STAFF_ROUTES or PUBLIC_ROUTES").toEqual([]);
    const missing = [...known].filter((k) => !k.startsWith("* ") && !found.includes(k));
    expect(missing, "table entries without a route file").toEqual([]);
  });
});

describe("developer API: every endpoint × every kind of caller", () => {
  const endpoints = Object.entries(ENDPOINTS);
  it.each(endpoints)("%s", async (_name, e) => {
    const route = routes.find((r) => r.route === e.path)!;
    const handler = route.methods[e.method];
    const call = (who: { key?: string; cookie?: string }) => hit(handler, { method: e.method, path: e.path, params: e.example?.params, query: e.example?.query, body: e.example?.body, ...who });
    if (e.access === "public") {
      expect((await call({})).status).toBe(200);
      return;
    }
    const access = e.access;
    expect(await call({}), "no credentials").toMatchObject({ status: 401 });
    expect(await call({ cookie: "next-auth.session-token=forged" }), "forged session").toMatchObject({ status: 401 });
    expect(await call({ key: await env.revokedKey() }), "revoked key").toMatchObject({ status: 401, code: "invalid_api_key" });
    for (const scope of SCOPE_NAMES) {
      const r = await call({ key: await env.key([scope]) });
      if (scope === access.scope) expect(refused(r), `key with ${scope}: ${JSON.stringify(r)}`).toBe(false);
      else expect(r, `key with only ${scope}`).toEqual({ status: 403, code: "insufficient_scope" });
    }
    for (const role of ROLES) {
      const r = await call({ cookie: await staffCookie(role) });
      if (can(role, access.permission)) expect(refused(r), `${role}: ${JSON.stringify(r)}`).toBe(false);
      else expect(r, role).toEqual({ status: 403, code: "forbidden" });
    }
  });
});

describe("staff routes: session only, by role", () => {
  it.each(Object.entries(STAFF_ROUTES))("%s (%s)", async (key, permission) => {
    const [method, routePath] = key.split(" ");
    const handler = routes.find((r) => r.route === routePath)!.methods[method];
    const params = Object.fromEntries([...routePath.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], "report.md"]));
    const call = (who: { key?: string; cookie?: string }) => hit(handler, { method, path: routePath, params, ...who });
    expect(await call({}), "no session").toMatchObject({ status: 401, code: "unauthenticated" });
    expect(await call({ key: await env.key() }), "an API key is not a session").toMatchObject({ status: 401 });
    expect(await call({ cookie: "next-auth.session-token=forged" }), "forged session").toMatchObject({ status: 401 });
    for (const role of ROLES) {
      const r = await call({ cookie: await staffCookie(role) });
      const allowed = permission === "signed-in" || can(role, permission as Permission);
      if (allowed) expect(refused(r), `${role}: ${JSON.stringify(r)}`).toBe(false);
      else expect(r, role).toEqual({ status: 403, code: "forbidden" });
    }
  });

  it("public routes answer without credentials (the sign-in itself is next-auth's, driven in e2e)", async () => {
    const health = routes.find((r) => r.route === "/api/health")!;
    expect((await hit(health.methods.GET, { method: "GET", path: "/api/health" })).status).not.toBe(401);
    const unknown = routes.find((r) => r.route === "/api/{...path}")!;
    for (const m of Object.keys(unknown.methods)) expect(await hit(unknown.methods[m], { method: m, path: "/api/nope" })).toEqual({ status: 404, code: "not_found" });
  });
});

describe("pages", () => {
  const pages = filesNamed("page.tsx").map((file) => ({ file, route: pageRoute(file), source: fs.readFileSync(file, "utf8") }));

  it("every page under app/ is in the PAGES table, and every table entry is a page", () => {
    expect(pages.map((p) => p.route).sort()).toEqual(Object.keys(PAGES).sort());
  });

  it("every page that is not public asks the page guard under its own name, before anything else", () => {
    for (const p of pages) {
      const permission = PAGES[p.route as keyof typeof PAGES];
      // Only the route's own params may be read before the guard.
      const guard = new RegExp(`export default async function \\w+\\([^)]*\\)[^{]*\\{\\s*(?:const [^;]*= await (?:params|searchParams);\\s*)*(?:const \\w+ = )?await guardPage\\("${p.route.replace(/[[\]/]/g, "\\$&")}"`);
      if (permission === "public") expect(p.source, p.route).not.toContain("guardPage(");
      else expect(p.source, `${p.route} must start with guardPage("${p.route}", …)`).toMatch(guard);
    }
  });
});

describe("server actions", () => {
  const actions = filesNamed("actions.ts").flatMap((file) => {
    const source = fs.readFileSync(file, "utf8");
    return [...source.matchAll(/export async function (\w+)\(/g)].map((m) => ({ file, name: m[1], source }));
  });

  it("every exported server action is in the ACTIONS table, and every table entry exists", () => {
    expect(actions.map((a) => a.name).sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  it("every server action begins by checking its permission on the server, logged: staffAction or loggedAction with its own entry", () => {
    expect(actions.length).toBeGreaterThan(20);
    for (const a of actions) {
      const start = a.source.indexOf(`export async function ${a.name}(`);
      // The action's own body: from its signature to the first line that closes a top-level block.
      const body = a.source.slice(start, a.source.indexOf("\n}\n", start));
      const firstCall = /^[^\n]*\{\n\s*return (?:await )?(staffAction|loggedAction)\((ACTIONS\.\w+)/.exec(body);
      expect(firstCall, `${a.name} must begin with staffAction(ACTIONS.${a.name}, …) or loggedAction(ACTIONS.${a.name}, …)`).not.toBeNull();
      expect(firstCall![2], a.name).toBe(`ACTIONS.${a.name}`);
    }
  });
});
