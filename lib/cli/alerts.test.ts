// `spendsense alerts USER [--as-of DATE] [--json]` over a real database: generated customers and a
// real engine run, the command run in-process as the binary runs it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createPrisma } from "../db/client";
import { openSql } from "../db/sql";
import { dismissAlert } from "../services/alerts";
import { setConsent } from "../services/consent";
import { runEngine } from "../services/engine";
import { loadGenerated } from "../services/generate";
import { migrateDatabase } from "../services/database";
import { main } from "./index";

let dir: string;
let url: string;
let out: string[];
let err: string[];
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "spendsense-cli-alerts-"));
  url = `file:${path.join(dir, "cli.db")}`;
  await migrateDatabase(url);
  await loadGenerated({ users: 6, seed: 5, asOf: "2026-10-31", months: 7, url });
  await runEngine({ url, asOf: "2026-10-24", workers: 0 });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  vi.stubEnv("DATABASE_URL", url);
  out = [];
  err = [];
  vi.spyOn(console, "log").mockImplementation((...a) => void out.push(a.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...a) => void err.push(a.join(" ")));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

async function storedFor(userId?: string) {
  const sql = await openSql(url);
  try {
    const rs = await sql.execute({ sql: `SELECT id, user_id, alert_key, state FROM alerts WHERE needs_review = 0 ${userId ? "AND user_id = ?" : ""} ORDER BY user_id, id`, args: userId ? [userId] : [] });
    return rs.rows.map((r) => ({ id: Number(r.id), user_id: String(r.user_id), key: String(r.alert_key), state: String(r.state) }));
  } finally {
    sql.close();
  }
}

describe("spendsense alerts", () => {
  it("--json prints the engine's alerts at the current as-of with kind, severity, message, citations, trace and the stored state", async () => {
    const [a] = await storedFor();
    const db = createPrisma(url);
    await dismissAlert(db, { userId: a.user_id, alertId: a.id }, "op@bank");
    await db.$disconnect();
    expect(await main(["alerts", a.user_id, "--json"])).toBe(0);
    const rows = JSON.parse(out.join("\n")) as Array<Record<string, unknown>>;
    const stored = await storedFor(a.user_id);
    expect(rows.length).toBeGreaterThanOrEqual(stored.length);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(["key", "kind", "severity", "title", "message", "citations", "trace", "state"]));
      expect(r.trace).toMatchObject({ rule: expect.any(String) });
    }
    expect(rows.find((r) => r.key === a.key)?.state).toBe("dismissed");
    for (const s of stored.filter((x) => x.id !== a.id)) expect(rows.find((r) => r.key === s.key)?.state).toBe("new");
  });

  it("--as-of computes at that day; the plain output is a table with each message", async () => {
    const [a] = await storedFor();
    expect(await main(["alerts", a.user_id, "--as-of", "2026-10-31"])).toBe(0);
    const text = out.join("\n");
    expect(text).toMatch(new RegExp(`^${a.user_id}: \\d+ alerts? as of 2026-10-31`));
    expect(text).toMatch(/Severity\s+Kind\s+Date\s+State\s+Review\s+Title/);
  });

  it("refuses a bad date (exit 2), an unknown customer (exit 4) and one without consent (exit 3)", async () => {
    expect(await main(["alerts", "usr_00001", "--as-of", "2026-02-30"])).toBe(2);
    expect(err.join("")).toMatch(/--as-of must be a real date/);
    expect(await main(["alerts", "usr_nobody"])).toBe(4);
    const [a] = await storedFor();
    const sql = await openSql(url);
    await setConsent(sql, a.user_id, false, { source: "test" });
    sql.close();
    err = [];
    expect(await main(["alerts", a.user_id, "--json"])).toBe(3);
    expect(err.join("")).toMatch(/has not consented/);
    expect(out).toEqual([]);
  });
});
