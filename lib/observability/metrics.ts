// The process's Prometheus metrics (issue 14 §5), served by GET /api/metrics: one prom-client
// registry per process (processSingleton, so Next's bundles and hot reloads share it), with the
// default Node process metrics. Recorded as things happen: request latency (request.ts), engine
// chunks (services/engine.ts), ingested rows (services/ingest.ts). Collected when scraped:
// engine runs by status and the queue (services/metrics.ts). Labels are route patterns, statuses
// and table names only: never ids or anything about a customer.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { processSingleton } from "../db/process-singleton";

function make() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpDuration: new Histogram({
      name: "spendsense_http_request_duration_seconds",
      help: "API requests: time from arrival to the response's headers, by method, route pattern and status",
      labelNames: ["method", "route", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    engineChunk: new Histogram({
      name: "spendsense_engine_chunk_duration_seconds",
      help: "Engine runs: wall time per persisted chunk of customers (load, compute and write are pipelined, so this is the run's time shared among its chunks)",
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers,
    }),
    engineChunkCustomers: new Counter({ name: "spendsense_engine_customers_total", help: "Engine runs: customers computed and persisted by this process", registers }),
    ingestRows: new Counter({ name: "spendsense_ingest_rows_total", help: "Rows committed by ingests and generator loads in this process, by table", labelNames: ["table"] as const, registers }),
    runs: new Gauge({ name: "spendsense_engine_runs", help: "Engine runs in the database by status (a running run whose lease expired counts as failed)", labelNames: ["status"] as const, registers }),
    queueDepth: new Gauge({ name: "spendsense_queue_jobs", help: "Engine chunks in the job queue by queue and state (absent when runs are in-process)", labelNames: ["queue", "state"] as const, registers }),
    workers: new Gauge({ name: "spendsense_queue_workers", help: "Worker processes taking chunks from the queue (absent when runs are in-process or the queue cannot tell)", labelNames: ["queue"] as const, registers }),
  };
}

export type Metrics = ReturnType<typeof make>;

export function metrics(): Metrics {
  return processSingleton("metrics", make);
}

export function recordHttpRequest(method: string, route: string, status: number, seconds: number): void {
  metrics().httpDuration.observe({ method, route, status: String(status) }, seconds);
}

/**
 * A clock for one run's chunks: `lap(customers)` after each chunk is persisted records the time
 * since the previous lap (or since the clock started).
 */
export function engineChunkClock(): { lap: (customers: number) => void } {
  let last = performance.now();
  return {
    lap(customers) {
      const now = performance.now();
      const m = metrics();
      m.engineChunk.observe((now - last) / 1000);
      m.engineChunkCustomers.inc(customers);
      last = now;
    },
  };
}

/** Counts committed rows per table (only counts above zero). */
export function recordIngestedRows(counts: { customers: number; accounts: number; transactions: number; liabilities: number; consentEvents: number }): void {
  const m = metrics();
  const tables = { customers: counts.customers, accounts: counts.accounts, transactions: counts.transactions, liabilities: counts.liabilities, consent_events: counts.consentEvents };
  for (const [table, n] of Object.entries(tables)) if (n > 0) m.ingestRows.inc({ table }, n);
}
