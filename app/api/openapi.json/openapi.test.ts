// The OpenAPI document is valid OpenAPI 3.1 and lists exactly the developer-API routes under
// app/api (those built with the lib/api wrapper; the staff app's own routes such as
// /api/auth, /api/me or /api/review/stream are not part of it), each with its scope, and every
// route file opens with its `// METHOD /path` line.
import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { call } from "@/lib/api/testing";
import * as openapi from "./route";

const API_DIR = path.join(__dirname, "..");

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === "route.ts" ? [path.join(dir, e.name)] : []));
}

/** Every `METHOD /path` the file system declares, as OpenAPI paths. */
function declaredRoutes(): Array<{ method: string; path: string; file: string }> {
  return routeFiles(API_DIR).flatMap((file) => {
    const route = `/api/${path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/")}`;
    const source = fs.readFileSync(file, "utf8");
    if (!source.includes('from "@/lib/api/handler"')) return [];
    const methods = [...source.matchAll(/^export const (GET|POST|PATCH|PUT|DELETE) =/gm)].map((m) => m[1]);
    return methods.map((method) => ({ method, path: route.replace(/\[(\w+)\]/g, "{$1}"), file }));
  });
}

describe("GET /api/openapi.json", () => {
  it("is public and a valid OpenAPI 3.1 document", async () => {
    const r = await call(openapi.GET, { path: "/api/openapi.json" });
    expect(r.status).toBe(200);
    expect(r.json.openapi).toBe("3.1.0");
    const result = await new Validator().validate(r.json);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("documents batch-assign as 202 Accepted with a Location to poll, and the run status route it points to", async () => {
    const doc = (await call(openapi.GET, { path: "/api/openapi.json" })).json;
    const post = doc.paths["/api/personas/batch-assign"].post;
    expect(Object.keys(post.responses)).toContain("202");
    expect(Object.keys(post.responses)).not.toContain("200");
    expect(post.responses["202"].headers.Location).toBeTruthy();
    expect(Object.keys(post.responses)).toContain("409");
    const get = doc.paths["/api/runs/{runId}"].get;
    expect(get["x-scope"]).toBe("personas:write");
    expect(Object.keys(get.responses)).toEqual(expect.arrayContaining(["200", "404"]));
  });

  it("lists every developer-API route under app/api, and only those, each naming its scope", async () => {
    const doc = (await call(openapi.GET, { path: "/api/openapi.json" })).json;
    const documented = Object.entries(doc.paths as Record<string, Record<string, { security: unknown[]; "x-scope"?: string }>>).flatMap(([p, ops]) =>
      Object.entries(ops).map(([m, op]) => ({ method: m.toUpperCase(), path: p, op })),
    );
    const declared = declaredRoutes();
    const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
    expect(documented.map(key).sort()).toEqual(declared.map(key).sort());
    expect(declared.length).toBeGreaterThanOrEqual(19);
    for (const d of documented) if (d.path !== "/api/openapi.json") expect(d.op["x-scope"], key(d)).toBeTruthy();
  });

  it("every route file starts with its `// METHOD /path — purpose` line", () => {
    for (const r of declaredRoutes()) {
      expect(fs.readFileSync(r.file, "utf8"), r.file).toMatch(new RegExp(`^(// .+\\n)*// ${r.method} ${r.path.replace(/[.{}]/g, "\\$&")} — \\S`));
    }
  });

  it("documents request bodies and parameters from the zod schemas", async () => {
    const doc = (await call(openapi.GET, { path: "/api/openapi.json" })).json;
    const list = doc.paths["/api/transactions"].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(["user_id", "account_id", "from", "to", "category", "min_amount", "max_amount", "page", "pageSize"]);
    const create = doc.paths["/api/users"].post;
    expect(create.requestBody.required).toBe(true);
    expect(create.requestBody.content["application/json"].schema.required).toEqual(["user_id", "name"]);
    expect(doc.paths["/api/personas/assign/{userId}"].post.requestBody.required).toBe(false);
    expect(Object.keys(create.responses).sort()).toEqual(["201", "400", "401", "403", "409", "422", "429"]);
    expect(doc.paths["/api/transactions/export.csv"].get.responses["200"].content).toHaveProperty("text/csv");
  });
});
