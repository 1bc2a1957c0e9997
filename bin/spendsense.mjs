#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npx spendsense …` works right after `npm ci`.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const tsx = require.resolve("tsx/cli");

// The Prisma client is generated code (git-ignored): make it on first use after `npm ci`.
if (!existsSync(path.join(root, "lib", "db", "generated", "client.ts"))) {
  const gen = spawnSync(process.execPath, [require.resolve("prisma/build/index.js"), "generate"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  if (gen.status !== 0) process.exit(gen.status ?? 1);
}
const result = spawnSync(process.execPath, [tsx, path.join(root, "lib", "cli", "index.ts"), ...process.argv.slice(2)], {
  stdio: "inherit",
});
process.exit(result.status ?? 1);
