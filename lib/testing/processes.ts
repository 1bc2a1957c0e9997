// Real second processes for contention tests: one that holds the write lock, and a way to
// start the CLI and to kill it mid-flight.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { isPostgresUrl } from "../db/dialect";
import { WRITE_LOCK_KEY } from "../db/pg";
import { databaseFilePath } from "../db/url";

/** Resolves once the child prints `line` on stdout (rejects if it exits first). */
export function waitForLine(child: ChildProcess, line: string | RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = "";
    const onData = (d: Buffer) => {
      out += d.toString();
      if (typeof line === "string" ? out.includes(line) : line.test(out)) {
        child.stdout?.off("data", onData);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`process exited (${code}) before printing ${line}; stdout: ${out.slice(-500)}`)));
  });
}

export function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve(child.exitCode) : new Promise((r) => child.once("exit", (code) => r(code)));
}

/**
 * Another process takes the database's write lock and keeps it for `ms`: SQLite's own
 * (`BEGIN IMMEDIATE` plus a write), or on PostgreSQL the advisory lock every write transaction
 * takes (lib/db/pg.ts). Resolves once the lock is held; `released` resolves when that process has let go.
 */
export async function holdWriteLock(url: string, ms: number): Promise<{ released: Promise<void> }> {
  const file = databaseFilePath(url);
  if (!file && !isPostgresUrl(url)) throw new Error(`not a SQLite file or a PostgreSQL URL: ${url}`);
  const args = file ? [path.join(__dirname, "hold-write-lock.mjs"), file, String(ms)] : [path.join(__dirname, "hold-write-lock-pg.mjs"), url, String(WRITE_LOCK_KEY), String(ms)];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  const released = waitForLine(child, "released").then(() => exited(child).then(() => undefined));
  released.catch(() => undefined);
  await waitForLine(child, "locked");
  return { released };
}
