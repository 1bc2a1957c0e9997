// The compiled CLI (bin/build-cli.mjs) is rebuilt when a file it is built from changes, and
// only then, so nobody runs a stale command line.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const BUNDLE = path.join(ROOT, ".cache", "cli", "spendsense.mjs");
const SOURCE = path.join(ROOT, "lib", "cli", "errors.ts");

function help() {
  const r = spawnSync(process.execPath, ["bin/spendsense.mjs", "--help"], { cwd: ROOT, encoding: "utf8" });
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^Usage: spendsense/);
  return fs.statSync(BUNDLE).mtimeMs;
}

describe("compiled CLI", () => {
  it("builds on first use, reuses the build, and rebuilds after a source changes", () => {
    const built = help();
    expect(help()).toBe(built);
    const { atime, mtime } = fs.statSync(SOURCE);
    try {
      const later = new Date(Math.max(Date.now(), built) + 1000);
      fs.utimesSync(SOURCE, later, later);
      expect(help()).toBeGreaterThan(built);
    } finally {
      fs.utimesSync(SOURCE, atime, mtime);
    }
  }, 60_000);
});
