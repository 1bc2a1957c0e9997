// `spendsense worker` and `spendsense schedule` (issue 14, point 3): on SQLite they say they need
// PostgreSQL (exit 1); on PostgreSQL the schedule is kept by the queue's scheduler, audited.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeQueueClient } from "../queue/boss";
import { onPostgres } from "../testing/postgres";
import { tempDb, type TempDb } from "../testing/temp-db";
import { main } from "./index";

let t: TempDb;
let out: string[];
let err: string[];
beforeAll(async () => {
  t = await tempDb();
});
afterAll(async () => {
  await closeQueueClient(t.url);
  t.cleanup();
});
beforeEach(() => {
  vi.stubEnv("DATABASE_URL", t.url);
  out = [];
  err = [];
  vi.spyOn(console, "log").mockImplementation((...a) => void out.push(a.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...a) => void err.push(a.join(" ")));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  process.exitCode = undefined;
});

const audit = async () => (await t.sql.execute("SELECT action, actor, details FROM audit_log WHERE action LIKE 'engine.schedule%' ORDER BY id")).rows.map((r) => ({ action: String(r.action), actor: String(r.actor), details: r.details === null ? null : JSON.parse(String(r.details)) }));

describe("spendsense worker / schedule", () => {
  it("refuses a bad --concurrency with exit 2 before touching anything", async () => {
    expect(await main(["worker", "--concurrency", "0"])).toBe(2);
    expect(err.join("\n")).toMatch(/--concurrency must be a whole number of 1 or more \(got "0"\)/);
  });

  if (onPostgres()) {
    it("schedule set / show / clear through the queue's scheduler, each change audited; a bad cron expression is refused with exit 2", async () => {
      expect(await main(["schedule", "show"])).toBe(0);
      expect(out.pop()).toBe("No engine runs are scheduled.");
      expect(await main(["schedule", "set", "0 2 * * *"])).toBe(0);
      expect(await main(["schedule", "show"])).toBe(0);
      expect(out.pop()).toBe('Engine runs scheduled: "0 2 * * *" (UTC).');
      expect(await main(["schedule", "set", "0 25 * * *"])).toBe(2);
      expect(err.join("\n")).toMatch(/"0 25 \* \* \*" is not a cron expression the scheduler accepts \(Constraint error, got value 25 expected range 0-23\)/);
      expect(await main(["schedule", "set", "every night"])).toBe(2);
      expect(err.join("\n")).toMatch(/"every night" is not a cron expression the scheduler accepts/);
      expect(await main(["schedule", "clear"])).toBe(0);
      expect(out.pop()).toBe("Scheduled engine runs stopped.");
      expect(await main(["schedule", "clear"])).toBe(0);
      expect(out.pop()).toBe("No engine runs were scheduled; nothing changed.");
      expect(await audit()).toEqual([
        { action: "engine.schedule_set", actor: "cli", details: { cron: "0 2 * * *", timezone: "UTC" } },
        { action: "engine.schedule_clear", actor: "cli", details: null },
      ]);
    });
  } else {
    it("on SQLite, worker and schedule say they need PostgreSQL and exit 1; nothing is audited", async () => {
      for (const args of [["worker"], ["schedule", "set", "0 2 * * *"], ["schedule", "show"], ["schedule", "clear"]]) {
        err = [];
        expect(await main(args), args.join(" ")).toBe(1);
        expect(err.join("\n")).toMatch(/needs PostgreSQL \(DATABASE_URL=postgresql:\/\/…\)/);
      }
      expect(await audit()).toEqual([]);
    });
  }
});
