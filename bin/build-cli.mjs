// The compiled command line. `spendsense` and `npm start` run JavaScript bundled by esbuild into
// .cache/cli/ (git-ignored), not TypeScript compiled on every start by tsx (~2 s before anything
// happened). The bundle is rebuilt, in about a second, whenever a file it was built from
// changed, so nobody runs a stale CLI. Packages in node_modules stay external: Node loads them
// (the Prisma runtime and its query compiler included) exactly as under tsx. What a command
// imports with `await import()` goes to a chunk of its own, loaded only when that command runs.
//
//   node bin/build-cli.mjs            build if stale, print where
//   node bin/build-cli.mjs start      build if stale, then run lib/cli/start.ts (`npm start`)
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const OUT_DIR = path.join(ROOT, ".cache", "cli");
const ENTRIES = { spendsense: "lib/cli/bin.ts", start: "lib/cli/start.ts" };
const MANIFEST = path.join(OUT_DIR, "inputs.json");
const require = createRequire(import.meta.url);

// The bundle is an ES module; the TypeScript it holds was written for CommonJS under tsx.
const BANNER = [
  'import { createRequire as __ssCreateRequire } from "node:module";',
  'import { fileURLToPath as __ssFileURLToPath } from "node:url";',
  'import { dirname as __ssDirname } from "node:path";',
  "const require = __ssCreateRequire(import.meta.url);",
  "const __filename = __ssFileURLToPath(import.meta.url);",
  "const __dirname = __ssDirname(__filename);",
].join("\n");

const stamp = (file) => {
  try {
    const s = fs.statSync(file);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return null;
  }
};

/** True when a bundle is missing or any file it was built from (or this script) changed since. */
function isStale() {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(MANIFEST, "utf8"));
  } catch {
    return true;
  }
  if (Object.keys(ENTRIES).some((name) => !fs.existsSync(path.join(OUT_DIR, `${name}.mjs`)))) return true;
  return Object.entries(manifest.inputs).some(([file, was]) => stamp(path.join(ROOT, file)) !== was);
}

/** The Prisma client is generated code (git-ignored): made on first use after `npm ci`. */
function ensurePrismaClient() {
  // One client per database: SQLite's from prisma/schema.prisma, PostgreSQL's from its derived copy.
  for (const [dir, args] of [["generated", []], ["generated-pg", ["--schema", path.join("prisma", "postgres", "schema.prisma")]]]) {
    if (fs.existsSync(path.join(ROOT, "lib", "db", dir, "client.ts"))) continue;
    console.error(`Generating the Prisma client${dir === "generated-pg" ? " for PostgreSQL" : ""} (first use)…`);
    const gen = spawnSync(process.execPath, [require.resolve("prisma/build/index.js"), "generate", ...args], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
    if (gen.status !== 0) throw new Error(`prisma generate failed (exit ${gen.status})`);
  }
}

/** Bundles every entry into OUT_DIR; each output file replaces the old one atomically. */
export async function buildCli() {
  ensurePrismaClient();
  const started = Date.now();
  const { build } = await import("esbuild");
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ENTRIES,
    outdir: OUT_DIR,
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    banner: { js: BANNER },
    metafile: true,
    write: false,
    logLevel: "error",
  });
  fs.mkdirSync(path.join(OUT_DIR, "chunks"), { recursive: true });
  for (const f of result.outputFiles) {
    const tmp = `${f.path}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, f.contents);
    fs.renameSync(tmp, f.path);
  }
  // Chunk names carry a content hash: drop those no entry refers to any more.
  const current = new Set(result.outputFiles.map((f) => f.path));
  for (const f of fs.readdirSync(path.join(OUT_DIR, "chunks"))) {
    const file = path.join(OUT_DIR, "chunks", f);
    if (!current.has(file) && !f.endsWith(".tmp")) fs.rmSync(file, { force: true });
  }
  // A file saved while esbuild was reading it may not be in the bundle: leave the build stale.
  const inputs = Object.fromEntries([...Object.keys(result.metafile.inputs), "bin/build-cli.mjs", "tsconfig.json"].map((f) => [f, stamp(path.join(ROOT, f))]));
  if (!Object.values(inputs).every((s) => s !== null && Number(s.split(":")[0]) < started)) return fs.rmSync(MANIFEST, { force: true });
  const tmp = `${MANIFEST}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ inputs }, null, 1));
  fs.renameSync(tmp, MANIFEST);
}

/** The compiled entry's file URL, built first if missing or stale. */
export async function compiled(name) {
  if (isStale()) await buildCli();
  return pathToFileURL(path.join(OUT_DIR, `${name}.mjs`)).href;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const entry = process.argv[2];
  if (entry && !(entry in ENTRIES)) {
    console.error(`usage: node bin/build-cli.mjs [${Object.keys(ENTRIES).join("|")}]`);
    process.exitCode = 2;
  } else if (entry) await import(await compiled(entry));
  else {
    if (isStale()) await buildCli();
    console.log(`Compiled CLI in ${path.relative(process.cwd(), OUT_DIR) || "."}: up to date.`);
  }
}
