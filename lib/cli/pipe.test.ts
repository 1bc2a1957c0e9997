// The real `spendsense` process writing into a real pipe read by a slow consumer (like `| jq .`):
// the output arrives whole however large it is, and the exit code survives.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkInsert } from "../db/dialect";
import { runEngine } from "../services/engine";
import { loadGenerated } from "../services/generate";
import { tempDb, type TempDb } from "../testing/temp-db";

const ROOT = path.resolve(__dirname, "../..");
const KEYS = 20_000;
let db: TempDb;

/**
 * `spendsense ARGS | slow-reader` in bash (pipefail, so the exit code is the CLI's), stderr
 * through one as well: real OS pipes (64 KB), as in `spendsense show ID --json | jq .`. The
 * readers start a moment late, like a consumer busy with the first chunk.
 */
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const script = 'set -o pipefail; "$NODE" "$0" "$@" 2> >(sleep 0.3; cat >&2) | (sleep 0.3; cat)';
    const child = spawn("bash", ["-c", script, path.join(ROOT, "bin", "spendsense.mjs"), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: db.url, NODE: process.execPath },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => err.push(c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
  });
}

beforeAll(async () => {
  db = await tempDb();
  await loadGenerated({ users: 3, seed: 42, asOf: "2026-10-31", months: 24, url: db.url });
  await runEngine({ url: db.url, asOf: "2026-10-31" });
  const rows = Array.from({ length: KEYS }, (_, i) => {
    const prefix = i.toString(16).padStart(12, "0");
    return [`partner-app-${String(i).padStart(5, "0")}`, prefix, createHash("sha256").update(prefix).digest("hex"), '["customers:read","recommendations:read"]', "cli"];
  });
  await db.sql.batch(bulkInsert(db.sql, "api_keys", ["name", "prefix", "key_hash", "scopes", "created_by"], rows), "write");
}, 60_000);
afterAll(() => db.cleanup());

describe("spendsense output through a pipe", () => {
  it("prints a multi-megabyte JSON list whole and exits 0", async () => {
    const r = await cli(["apikey", "list", "--json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(4_000_000);
    const keys = JSON.parse(r.stdout) as Array<{ name: string }>;
    expect(keys).toHaveLength(KEYS);
    expect(keys.at(-1)!.name).toBe(`partner-app-${KEYS - 1}`);
  }, 60_000);

  it("`show ID --json` is complete JSON, as `| jq .` needs", async () => {
    const r = await cli(["show", "usr_00001", "--json"]);
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(64 * 1024);
    const view = JSON.parse(r.stdout) as { user_id: string; windows: Record<string, unknown> };
    expect(view.user_id).toBe("usr_00001");
    expect(Object.keys(view.windows)).toEqual(["30d", "180d"]);
  }, 60_000);

  it("a failing command keeps its exit code and its whole message", async () => {
    const r = await cli(["show", "usr_99999", "--json"]);
    expect(r.code).toBe(4);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^error: .*usr_99999.*\n$/);
    const bad = await cli(["run", "--as-of", "2026-02-30"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error: --as-of must be a real date YYYY-MM-DD (got "2026-02-30")\n');
    // A run as of a day after the newest data is refused with the reason; nothing runs.
    const future = await cli(["run", "--as-of", "2031-01-01"]);
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(/^error: --as-of: as of 2031-01-01 is in the future \(today is \d{4}-\d{2}-\d{2}\); a run can only end on a day that has happened\n$/);
  }, 60_000);
});
