// The engine's job queue as health and /api/metrics report it (issue 14 §3, §5). On PostgreSQL
// runs are queued (pg-boss, ./run-queue): chunks by state from the queue's own table, workers from
// their heartbeats. On SQLite runs are computed in-process: there is no queue, and queueStats says
// so with null (never zeros, which would read as "a queue, idle").
import { dialectOfUrl, type Dialect } from "../db/dialect";
import { queueJobCounts, workersSeenSince } from "../db/queries/runs";
import { CHUNK_QUEUE, QUEUE_SCHEMA } from "../queue/boss";
import { withReadSql } from "./database";

export interface QueueStats {
  /** The queue's engine, e.g. "pg-boss". */
  queue: string;
  /** Chunks waiting for a worker. */
  queued: number;
  /** Chunks a worker is computing now. */
  active: number;
  /** Chunks that failed for good (retries used up). */
  failed: number;
  /** Worker processes seen recently; null when the queue cannot tell. */
  workers: number | null;
}

/** The queue's state, or null when runs are in-process (no queue is used). */
export async function queueStats(url: string): Promise<QueueStats | null> {
  if (dialectOfUrl(url) !== "postgres") return null;
  return withReadSql(async (sql) => {
    const [jobs, workers] = await Promise.all([queueJobCounts(sql, QUEUE_SCHEMA, CHUNK_QUEUE), workersSeenSince(sql)]);
    return { queue: "pg-boss", ...jobs, workers };
  }, url);
}

/** What health says when no queue is used. */
export function noQueueNote(dialect: Dialect): string {
  return dialect === "sqlite" ? "not used: runs are in-process on SQLite" : "not used: runs are in-process (spendsense run --local)";
}
