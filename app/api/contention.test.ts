// Contention (issue 11, point 1): another real process holds the write lock (as a CLI ingest or
// run does): SQLite's own (any client's BEGIN IMMEDIATE), or on PostgreSQL the advisory lock every
// write transaction takes (lib/db/pg.ts), so writes from any number of processes are serialised
// alike. Sign-in, API-key use and writes wait for it and succeed; one that cannot get it in time
// answers 503 + Retry-After and writes nothing; nothing wedges, so everything works again once the
// lock is released — in the same process, without a restart. Parallel writes are never lost.
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { apiDatabase } from "@/lib/api/database";
import { apiTestEnv, call, type ApiTestEnv } from "@/lib/api/testing";
import { main } from "@/lib/cli";
import { checkHealth } from "@/lib/services/database";
import { createStaff, verifySignIn } from "@/lib/services/staff";
import { holdWriteLock } from "@/lib/testing/processes";
import * as feedback from "./feedback/route";
import * as health from "./health/route";

let env: ApiTestEnv;
let userId: string;
let contentId: string;
const PASSWORD = "correct horse battery";
beforeAll(async () => {
  env = await apiTestEnv({ users: 3 });
  userId = env.consenting[0];
  contentId = String((await env.db.sql.execute("SELECT id FROM content_items ORDER BY id LIMIT 1")).rows[0].id);
  await createStaff(apiDatabase().db, { email: "op@bank.test", role: "operator", password: PASSWORD });
});
afterAll(() => env.cleanup());
afterEach(() => vi.unstubAllEnvs());

const signIn = () => verifySignIn(apiDatabase().db, { email: "op@bank.test", password: PASSWORD, client: "127.0.0.1" });
const postFeedback = (key: string) => call(feedback.POST, { path: "/api/feedback", key, body: { user_id: userId, content_id: contentId, rating: "helpful" } });
const count = async (sql: string) => Number((await env.db.sql.execute(sql)).rows[0].n);

describe("while another process holds the write lock", () => {
  it("sign-in, a key unused for a minute and writes wait for it and succeed; afterwards everything still works", async () => {
    const key = await env.key(); // never used: its first use records last_used_at (a write)
    const lock = await holdWriteLock(env.db.url, 2500);
    const started = Date.now();
    const [signedIn, written] = await Promise.all([signIn(), postFeedback(key)]);
    expect(Date.now() - started).toBeGreaterThan(1500); // they really waited for the other process
    expect(signedIn).toMatchObject({ ok: true, user: { email: "op@bank.test" } });
    expect(written.status).toBe(201);
    await lock.released;

    // The same process, no restart: sign-in and writes go on working.
    expect(await signIn()).toMatchObject({ ok: true });
    expect((await postFeedback(key)).status).toBe(201);
    expect((await postFeedback(await env.key())).status).toBe(201);
    expect(await count("SELECT COUNT(*) AS n FROM feedback")).toBe(3);
    expect(await count("SELECT COUNT(*) AS n FROM sign_in_attempts WHERE success = TRUE")).toBe(2);
    expect(await count("SELECT COUNT(*) AS n FROM api_keys WHERE last_used_at IS NOT NULL")).toBe(2);
  });

  it("a write that cannot get the lock in time answers 503 with Retry-After, health says writes are impossible; both recover after", async () => {
    vi.stubEnv("SPENDSENSE_DB_BUSY_TIMEOUT_MS", "600");
    const key = await env.key();
    const before = await count("SELECT COUNT(*) AS n FROM feedback");
    const lock = await holdWriteLock(env.db.url, 6000); // long enough for the checks below on a loaded machine

    const refused = await postFeedback(key);
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.json.error).toMatchObject({ code: "database_busy", message: expect.stringMatching(/busy.*nothing was changed/i) });
    const h = await checkHealth(env.db.url);
    expect(h).toMatchObject({ ok: false, writable: false });
    expect(h.problems.join(" ")).toMatch(/cannot take writes/);
    vi.stubEnv("DATABASE_URL", env.db.url);
    const route = await health.GET(new Request("http://localhost/api/health"));
    expect(route.status).toBe(503);
    expect((await route.json()).problems).toEqual(["database cannot take writes (locked by another process)"]);

    await lock.released;
    expect((await postFeedback(key)).status).toBe(201);
    expect(await signIn()).toMatchObject({ ok: true });
    expect(await count("SELECT COUNT(*) AS n FROM feedback")).toBe(before + 1);
    expect(await checkHealth(env.db.url)).toMatchObject({ ok: true, writable: true, problems: [] });
  });

  it("many writes at once, from requests and sign-ins queued behind the lock, all land exactly once", async () => {
    const keys = await Promise.all([env.key(), env.key()]);
    const [feedbackBefore, signInsBefore] = [await count("SELECT COUNT(*) AS n FROM feedback"), await count("SELECT COUNT(*) AS n FROM sign_in_attempts WHERE success = TRUE")];
    const lock = await holdWriteLock(env.db.url, 1000);
    const [written, signedIn] = await Promise.all([Promise.all(Array.from({ length: 12 }, (_, i) => postFeedback(keys[i % 2]))), Promise.all(Array.from({ length: 3 }, () => signIn()))]);
    await lock.released;
    expect(written.map((r) => r.status)).toEqual(Array(12).fill(201));
    expect(signedIn.every((r) => r.ok)).toBe(true);
    expect(await count("SELECT COUNT(*) AS n FROM feedback")).toBe(feedbackBefore + 12);
    expect(await count("SELECT COUNT(*) AS n FROM sign_in_attempts WHERE success = TRUE")).toBe(signInsBefore + 3);
  });

  it("a CLI ingest that cannot get the lock says the database is busy (exit 1), not a raw SQLITE_BUSY", async () => {
    vi.stubEnv("SPENDSENSE_DB_BUSY_TIMEOUT_MS", "500");
    vi.stubEnv("DATABASE_URL", env.db.url);
    const errors: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...a) => void errors.push(a.join(" ")));
    const quiet = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const lock = await holdWriteLock(env.db.url, 2000);
    try {
      const code = await main(["ingest", path.resolve(__dirname, "../../lib/testing/plaid-sandbox")]);
      expect(code).toBe(1);
      expect(errors.join("\n")).toMatch(/^error: the database is busy: another process .* held the write lock for over 0\.5 s; nothing was written/m);
      expect(errors.join("\n")).not.toMatch(/SQLITE_BUSY/);
    } finally {
      spy.mockRestore();
      quiet.mockRestore();
      await lock.released;
    }
  });
});
