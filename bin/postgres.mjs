#!/usr/bin/env node
// A private PostgreSQL server for development and tests, in a folder of the project.
//
//   node bin/postgres.mjs start [--dir D] [--port P]   start (or reuse) a server; prints its DATABASE_URL
//   node bin/postgres.mjs stop  [--dir D]              stop it
//   node bin/postgres.mjs run -- CMD ARGS…             start a throwaway server, run CMD with
//                                                      SPENDSENSE_TEST_PG_URL set, stop the server,
//                                                      exit with CMD's code
//
// PostgreSQL refuses to run as root, so as root the folder is given to the `postgres` system user
// and the server runs as that user. The binaries are found on PATH or under /usr/lib/postgresql.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function findBin(name) {
  const onPath = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();
  if (onPath) return onPath;
  const base = "/usr/lib/postgresql";
  const versions = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (fs.existsSync(path.join(base, v, "bin", name))) return path.join(base, v, "bin", name);
  throw new Error(`PostgreSQL's ${name} was not found: install it (apt-get install -y postgresql) or put it on PATH`);
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL program, as the `postgres` user when we are root. */
function pgRun(bin, args) {
  const cmd = asRoot ? "su" : bin;
  const argv = asRoot ? ["postgres", "-s", "/bin/sh", "-c", [bin, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ")] : args;
  const r = spawnSync(cmd, argv, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${path.basename(bin)} ${args[0] ?? ""} failed (exit ${r.status}): ${(r.stderr || r.stdout).trim()}`);
  return r.stdout;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const urlFor = (port) => `postgresql://postgres@127.0.0.1:${port}/postgres`;

export async function start({ dir, port }) {
  dir = path.resolve(dir);
  const portFile = path.join(dir, "port");
  if (fs.existsSync(path.join(dir, "postmaster.pid")) && fs.existsSync(portFile)) {
    return { url: urlFor(Number(fs.readFileSync(portFile, "utf8"))), dir, reused: true };
  }
  fs.mkdirSync(dir, { recursive: true });
  if (asRoot) spawnSync("chown", ["-R", "postgres", dir]);
  fs.chmodSync(dir, 0o700);
  if (!fs.existsSync(path.join(dir, "PG_VERSION"))) pgRun(findBin("initdb"), ["-D", dir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale"]);
  port ??= await freePort();
  // fsync off: a development and test server trades crash safety for speed.
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  pgRun(findBin("pg_ctl"), ["-D", dir, "-o", opts, "-l", path.join(dir, "server.log"), "-w", "start"]);
  fs.writeFileSync(portFile, String(port));
  if (asRoot) spawnSync("chown", ["postgres", portFile]);
  return { url: urlFor(port), dir, reused: false };
}

export function stop({ dir }) {
  dir = path.resolve(dir);
  if (!fs.existsSync(path.join(dir, "postmaster.pid"))) return false;
  pgRun(findBin("pg_ctl"), ["-D", dir, "-m", "fast", "-w", "stop"]);
  return true;
}

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
}

async function main(argv) {
  const [command, ...args] = argv;
  const dir = option(args, "--dir", path.join(ROOT, ".cache", "postgres"));
  const port = option(args, "--port") ? Number(option(args, "--port")) : undefined;
  if (command === "start") {
    const s = await start({ dir, port: port ?? 55432 });
    console.log(`${s.reused ? "PostgreSQL is already running" : "PostgreSQL started"} (data in ${path.relative(process.cwd(), s.dir) || s.dir}). Use it with:`);
    console.log(`  DATABASE_URL=${s.url}`);
    return 0;
  }
  if (command === "stop") {
    console.log(stop({ dir }) ? "PostgreSQL stopped." : "No PostgreSQL server runs there.");
    return 0;
  }
  if (command === "run") {
    const cmd = argv.slice(argv.indexOf("--") + 1);
    if (argv.indexOf("--") < 0 || !cmd.length) throw new Error("usage: node bin/postgres.mjs run -- CMD ARGS…");
    if (process.env.SPENDSENSE_TEST_PG_URL) return runChild(cmd, process.env.SPENDSENSE_TEST_PG_URL);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "spendsense-pg-"));
    const s = await start({ dir: tmp, port });
    try {
      return await runChild(cmd, s.url);
    } finally {
      try {
        stop({ dir: tmp });
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    }
  }
  console.error("usage: node bin/postgres.mjs start|stop|run -- CMD");
  return 2;
}

function runChild(cmd, url) {
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { stdio: "inherit", env: { ...process.env, SPENDSENSE_TEST_PG_URL: url } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
