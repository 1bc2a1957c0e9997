// The engine's job queue as health and /api/metrics report it (issue 14 §3, §5). On SQLite, and
// until runs are queued on PostgreSQL, runs are computed in-process: there is no queue, and
// queueStats says so with null (never zeros, which would read as "a queue, idle").
import type { Dialect } from "../db/dialect";

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
  void url; // read by the PostgreSQL queue once runs are queued (helper run-queue)
  return null;
}

/** What health says when no queue is used. */
export function noQueueNote(dialect: Dialect): string {
  return dialect === "sqlite" ? "not used: runs are in-process on SQLite" : "not used: runs are in-process";
}
