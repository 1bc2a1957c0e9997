#!/usr/bin/env node
// The npm mirror these machines use carries only some platforms' native builds (e.g. no
// darwin or win32 builds of @next/swc). `npm install` then leaves those optional packages
// out of package-lock.json and `npm ci` refuses the lock as "missing" them. This records each
// absent optional platform package with its os/cpu so `npm ci` knows to skip it.
// Run after any `npm install`: node .ci/lock-platforms.mjs
import fs from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(file, "utf8"));
const OS = ["android", "darwin", "freebsd", "linux", "win32", "openharmony", "sunos", "aix", "netbsd", "openbsd"];
const CPU = ["arm64", "x64", "ia32", "arm", "loong64", "ppc64", "riscv64", "s390x", "wasm32"];

let added = 0;
for (const [key, pkg] of Object.entries(lock.packages)) {
  for (const [name, spec] of Object.entries(pkg.optionalDependencies ?? {})) {
    const base = key ? `${key}/node_modules/${name}` : `node_modules/${name}`;
    if (lock.packages[base] || lock.packages[`node_modules/${name}`]) continue;
    const parts = name.split("/").pop().split("-");
    const os = parts.find((p) => OS.includes(p));
    const cpu = parts.find((p) => CPU.includes(p)) ?? (parts.includes("arm") ? "arm" : undefined);
    if (!os && !cpu) continue; // not a platform build: leave npm's judgement alone
    const entry = { version: String(spec).replace(/^[~^=]/, ""), optional: true };
    if (os) entry.os = [os];
    if (cpu) entry.cpu = [cpu];
    if (parts.includes("musl") || parts.includes("musleabihf")) entry.libc = ["musl"];
    else if (parts.includes("gnu") || parts.includes("gnueabihf")) entry.libc = ["glibc"];
    lock.packages[`node_modules/${name}`] = entry;
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0)));
lock.packages = sorted;
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(`lock-platforms: recorded ${added} absent optional platform package(s)`);
