// `BENCH_ONLY=eval`: `spendsense eval` end to end on N customers. `tsx bench/eval.ts <users>`
// generates, loads and runs the engine into a fresh database under the temp folder (untimed),
// then times the evaluation in a child process (`measure <url> <out>`) so its peak memory is
// its own. Prints one JSON line for bench/index.ts.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runEngine } from "../lib/services/engine";
import { runEval } from "../lib/services/eval";
import { loadGenerated } from "../lib/services/generate";
import { finish } from "../lib/cli/finish";

const AS_OF = "2026-10-31";

function folderMb(dir: string): number {
  let bytes = 0;
  for (const f of fs.readdirSync(dir, { withFileTypes: true })) bytes += f.isDirectory() ? folderMb(path.join(dir, f.name)) * 1024 * 1024 : fs.statSync(path.join(dir, f.name)).size;
  return bytes / 1024 / 1024;
}

async function measure(url: string, out: string) {
  const t = performance.now();
  const s = await runEval({ url, outDir: out });
  const latency = s.metrics.measured.latency_ms;
  console.log(JSON.stringify({ customers: s.metrics.customers.evaluated, evalSeconds: (performance.now() - t) / 1000, p50: latency?.p50, p95: latency?.p95, p99: latency?.p99, peakRssMb: process.resourceUsage().maxRSS / 1024, outMb: folderMb(out) }));
}

async function main() {
  const [first, ...rest] = process.argv.slice(2);
  if (first === "measure") return measure(rest[0], rest[1]);
  const users = Number(first);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spendsense-bench-eval-"));
  try {
    const url = `file:${path.join(dir, "bench.db")}`;
    await loadGenerated({ users, seed: 42, asOf: AS_OF, months: 7, url });
    await runEngine({ url, asOf: AS_OF });
    const r = spawnSync(process.execPath, [...process.execArgv, __filename, "measure", url, path.join(dir, "out")], { encoding: "utf8", maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`eval failed:\n${r.stderr}`);
    console.log(JSON.stringify({ name: "eval", users, ...JSON.parse(r.stdout.trim().split("\n").pop()!) }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  finish(1);
});
