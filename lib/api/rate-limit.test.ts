// The developer API's per-key rate limit: 429 with Retry-After in the one error shape, headers on
// every keyed response, and counters in the database shared by every process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as reviewQueue from "../../app/api/operator/review/route";
import * as openapi from "../../app/api/openapi.json/route";
import { createPrisma } from "../db/client";
import { tempDb, type TempDb } from "../testing/temp-db";
import { consumeApiRequest, requestsPerMinute } from "./rate-limit";
import { apiTestEnv, call, staffCookie, type ApiTestEnv } from "./testing";

describe("API rate limit per key", () => {
  let env: ApiTestEnv;
  beforeAll(async () => {
    process.env.SPENDSENSE_API_RATE_LIMIT = "3";
    env = await apiTestEnv();
  });
  afterAll(async () => {
    delete process.env.SPENDSENSE_API_RATE_LIMIT;
    await env.cleanup();
  });
  const queue = (o: { key?: string; cookie?: string }) => call(reviewQueue.GET, { path: "/api/operator/review", ...o });

  it("answers 429 rate_limited with Retry-After once a key has used its requests, and leaves other keys alone", async () => {
    const key = await env.key(["review"]);
    for (const remaining of [2, 1, 0]) {
      const ok = await queue({ key });
      expect(ok.status).toBe(200);
      expect(ok.headers.get("x-ratelimit-limit")).toBe("3");
      expect(ok.headers.get("x-ratelimit-remaining")).toBe(String(remaining));
    }
    const refused = await queue({ key });
    expect(refused.status).toBe(429);
    expect(refused.json).toEqual({ error: { code: "rate_limited", message: expect.stringMatching(/more than 3 requests in 60 seconds; try again in \d+ second/) } });
    const wait = Number(refused.headers.get("retry-after"));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
    // A key without the route's scope still spends its budget: refusals are not free.
    const other = await env.key(["customers:read"]);
    expect((await queue({ key: other })).status).toBe(403);
    expect((await queue({ key: await env.key(["review"]) })).status).toBe(200);
    // Staff sessions are people, not programs: not limited per key.
    const cookie = await staffCookie("operator");
    for (let i = 0; i < 5; i++) expect((await queue({ cookie })).status).toBe(200);
  });

  it("documents the limit and the 429 in the OpenAPI document", async () => {
    const doc = (await call(openapi.GET, { path: "/api/openapi.json" })).json;
    expect(doc.paths["/api/operator/review"].get.responses["429"]).toEqual({ $ref: "#/components/responses/TooManyRequests" });
    expect(doc.components.responses.TooManyRequests.headers).toHaveProperty("Retry-After");
    expect(doc.info.description).toContain("3 requests per 60 seconds");
    expect(doc.paths["/api/openapi.json"].get.responses).not.toHaveProperty("429");
  });
});

describe("rate-limit counters", () => {
  let t: TempDb;
  beforeAll(async () => {
    t = await tempDb();
  });
  afterAll(() => t.cleanup());

  it("are shared by two processes' Prisma clients on one database, even when they race", async () => {
    const [a, b] = [createPrisma(t.url), createPrisma(t.url)];
    try {
      expect((await consumeApiRequest(a, "apikey:shared", 4)).remaining).toBe(3);
      expect((await consumeApiRequest(b, "apikey:shared", 4)).remaining).toBe(2);
      expect((await consumeApiRequest(a, "apikey:shared", 4)).remaining).toBe(1);
      expect((await consumeApiRequest(b, "apikey:shared", 4)).limited).toBe(false);
      expect((await consumeApiRequest(a, "apikey:shared", 4)).limited).toBe(true);
      expect((await consumeApiRequest(b, "apikey:shared", 4)).limited).toBe(true);
      // 20 requests at once, half through each client, against a budget of 10: exactly 10 pass.
      const raced = await Promise.all(Array.from({ length: 20 }, (_, i) => consumeApiRequest(i % 2 ? a : b, "apikey:raced", 10)));
      expect(raced.filter((r) => !r.limited)).toHaveLength(10);
    } finally {
      await a.$disconnect();
      await b.$disconnect();
    }
  });

  it("reads the limit from SPENDSENSE_API_RATE_LIMIT and refuses nonsense", () => {
    expect(requestsPerMinute({})).toBe(600);
    expect(requestsPerMinute({ SPENDSENSE_API_RATE_LIMIT: "120" })).toBe(120);
    expect(() => requestsPerMinute({ SPENDSENSE_API_RATE_LIMIT: "lots" })).toThrow(/whole number of requests per minute/);
    expect(() => requestsPerMinute({ SPENDSENSE_API_RATE_LIMIT: "0" })).toThrow(/1 or more/);
  });
});
