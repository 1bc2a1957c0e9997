// GET /api/metrics's use case: the values read at scrape time (engine runs by status from the
// database, the job queue), then the process's registry in Prometheus' text format.
import { runCountsByStatus } from "../db/queries/run-counts";
import { metrics } from "../observability/metrics";
import { withReadSql } from "./database";
import { queueStats } from "./queue-stats";

export async function scrapeMetrics(url: string): Promise<{ text: string; contentType: string }> {
  const m = metrics();
  const [runs, queue] = await Promise.all([withReadSql((sql) => runCountsByStatus(sql), url), queueStats(url)]);
  m.runs.reset();
  for (const [status, n] of Object.entries(runs)) m.runs.set({ status }, n);
  // No queue (runs in-process): the series are absent rather than a misleading zero.
  m.queueDepth.reset();
  m.workers.reset();
  if (queue) {
    for (const state of ["queued", "active", "failed"] as const) m.queueDepth.set({ queue: queue.queue, state }, queue[state]);
    if (queue.workers !== null) m.workers.set({ queue: queue.queue }, queue.workers);
  }
  return { text: await m.registry.metrics(), contentType: m.registry.contentType };
}
