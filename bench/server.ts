// Serving the built app for benchmarks: free ports, `next start` on a database, a wait until it
// answers, a clean stop, and autocannon driving GET routes with latencies kept.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import autocannon from "autocannon";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export async function waitUntilUp(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer ${url} within ${ms / 1000} s`);
}

/** `next start` on `port` against `databaseUrl`, in its own process group; resolves once it answers. */
export async function startApp(port: number, databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(path.join("node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    // A limit no bench reaches: the rate limiter still counts every keyed request (its database
    // write is part of the figures), it just never answers 429.
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: "spendsense-bench-secret", NODE_ENV: "production", SPENDSENSE_API_RATE_LIMIT: "1000000000", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true, // its own process group, so stopping it stops its workers too
  });
  await waitUntilUp(`http://127.0.0.1:${port}/api/health`, 90_000);
  return child;
}

/** Stops a server started by startApp and waits for it (it finishes what was in flight). */
export async function stopApp(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid!, "SIGTERM");
  await exited;
}

/** Drives GET `pathOf(i)` for `seconds` with `connections`, collecting every latency (ms). */
export function drive(base: string, opts: { seconds: number; connections: number; headers?: Record<string, string>; pathOf: (i: number) => string; latencies?: number[] }): Promise<autocannon.Result> {
  let next = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: opts.connections,
        duration: opts.seconds,
        headers: opts.headers ?? {},
        requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: opts.pathOf(next++) }) }],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    if (opts.latencies) instance.on("response", (_client, _status, _bytes, ms) => opts.latencies!.push(ms));
  });
}
