// `BENCH_ONLY=cli`: how long `spendsense --help` takes from the shell, compiled (bin/spendsense.mjs
// running the esbuild bundle) and, for comparison, through tsx as it ran before; and how long
// building the bundle takes (first use, or after a source changed). Runs alone in a few seconds:
// `npx tsx bench/cli.ts [runs]`. Prints one JSON line for bench/index.ts.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { quantile } from "./quantile";

const runs = Number(process.argv[2] ?? 20);
const root = path.resolve(__dirname, "..");

/** Wall time of one command in milliseconds; throws when it fails. */
function timed(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8" });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} failed (exit ${r.status}):\n${r.stderr}`);
  return ms;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const build = timed(["--input-type=module", "-e", 'const { buildCli } = await import("./bin/build-cli.mjs"); await buildCli();']);
const help = ["bin/spendsense.mjs", "--help"];
timed(help); // warm the file cache
const compiled = sorted(Array.from({ length: runs }, () => timed(help)));
const viaTsx = sorted(Array.from({ length: 3 }, () => timed([path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "lib/cli/bin.ts", "--help"])));
const bare = sorted(Array.from({ length: 5 }, () => timed(["-e", "0"])));
console.log(JSON.stringify({ name: "cli", runs, buildMs: build, helpP50: quantile(compiled, 0.5), helpP95: quantile(compiled, 0.95), helpMin: compiled[0], tsxHelpP50: quantile(viaTsx, 0.5), nodeP50: quantile(bare, 0.5) }));
