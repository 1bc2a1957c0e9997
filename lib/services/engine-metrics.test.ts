// The engine's chunks in the process's Prometheus metrics (issue 14 §5): each persisted chunk is
// timed, and the customers it held are counted.
import { afterAll, beforeAll, expect, it } from "vitest";
import { metrics } from "../observability/metrics";
import { tempDb, type TempDb } from "../testing/temp-db";
import { runEngine } from "./engine";
import { loadGenerated } from "./generate";

const AS_OF = "2026-10-31";
let db: TempDb;
beforeAll(async () => {
  db = await tempDb();
  await loadGenerated({ users: 4, seed: 11, asOf: AS_OF, months: 7, url: db.url });
});
afterAll(() => db.cleanup());

async function read() {
  const text = await metrics().registry.metrics();
  const n = (name: string) => Number(new RegExp(`^${name} ([\\d.e+-]+)$`, "m").exec(text)?.[1] ?? 0);
  return { chunks: n("spendsense_engine_chunk_duration_seconds_count"), seconds: n("spendsense_engine_chunk_duration_seconds_sum"), customers: n("spendsense_engine_customers_total") };
}

it("a run records one duration per persisted chunk and counts its customers", async () => {
  const before = await read();
  const run = await runEngine({ url: db.url, asOf: AS_OF, workers: 0, today: "2026-11-01" });
  const after = await read();
  expect(run.customers).toBeGreaterThan(0);
  expect(after.chunks - before.chunks).toBe(1); // a handful of customers is one chunk
  expect(after.seconds).toBeGreaterThan(before.seconds);
  expect(after.customers - before.customers).toBe(run.customers);
});
