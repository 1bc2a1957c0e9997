// Scheduled engine runs (issue 14, point 3): a cron expression kept by the queue's scheduler; a
// worker plans and queues the run at each time. Setting and clearing are audited.
import { recordAudit } from "../db/audit";
import { withSql } from "./database";
import { clearRunSchedule as clear, closeQueueClient, runSchedule, setRunSchedule as set } from "../queue/boss";

/** The cron expression was refused (the CLI answers exit 2). */
export class InvalidScheduleError extends Error {}

async function closing<T>(url: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } finally {
    await closeQueueClient(url);
  }
}

export function setRunSchedule(url: string, cron: string, actor: string): Promise<void> {
  return closing(url, async () => {
    try {
      await set(url, cron, { started_by: `schedule (set by ${actor})` });
    } catch (err) {
      // The scheduler parses the expression before it touches the database: its refusals carry no
      // error code, unlike every database or connection error.
      if ((err as { code?: unknown }).code === undefined) throw new InvalidScheduleError(`"${cron}" is not a cron expression the scheduler accepts (${(err as Error).message}); use five fields, e.g. "0 2 * * *" for 02:00 UTC daily`);
      throw err;
    }
    await withSql((sql) => recordAudit(sql, "engine.schedule_set", { type: "engine", id: "schedule" }, { actor, details: { cron, timezone: "UTC" } }), url);
  });
}

export function clearRunSchedule(url: string, actor: string): Promise<boolean> {
  return closing(url, async () => {
    const had = await clear(url);
    if (had) await withSql((sql) => recordAudit(sql, "engine.schedule_clear", { type: "engine", id: "schedule" }, { actor }), url);
    return had;
  });
}

export function showRunSchedule(url: string) {
  return closing(url, () => runSchedule(url));
}
