// `spendsense worker` and `spendsense schedule` (issue 14, point 3): on SQLite they say they need
// PostgreSQL (exit 1); on PostgreSQL the schedule is kept by the queue's scheduler, audited.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { closeQueueClient } from "../queue/boss";
import { loadGenerated } from "../services/generate";
import { onPostgres } from "../testing/postgres";
import { exited, waitForLine } from "../testing/processes";
import { tempDb, type TempDb } from "../testing/temp-db";
import { main } from "./index";

const ROOT = path.resolve(__dirname, "../..");
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

    it("a schedule fires: at the next minute a running worker queues the run and computes it, started by the schedule", async () => {
      await loadGenerated({ users: 30, seed: 5, asOf: "2026-10-31", months: 7, url: t.url });
      const worker = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "lib/cli/bin.ts"), "worker"], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: t.url, SPENDSENSE_QUEUE_CRON_SECONDS: "1", SPENDSENSE_QUEUE_POLL_SECONDS: "0.5" },
        stdio: ["ignore", "pipe", "inherit"],
      });
      try {
        await waitForLine(worker, "taking engine chunks");
        worker.stdout?.resume();
        expect(await main(["schedule", "set", "* * * * *"])).toBe(0);
        const scheduled = async () => (await t.sql.execute("SELECT status, started_by, customers FROM engine_runs WHERE started_by = 'schedule (set by cli)' AND status = 'finished'")).rows;
        const deadline = Date.now() + 100_000;
        while (!(await scheduled()).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
        const [run] = await scheduled();
        expect(run).toMatchObject({ status: "finished", started_by: "schedule (set by cli)" });
        expect(Number(run.customers)).toBeGreaterThan(0);
      } finally {
        expect(await main(["schedule", "clear"])).toBe(0);
        worker.kill("SIGTERM");
        await exited(worker);
      }
    }, 150_000);
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
