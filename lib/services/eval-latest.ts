// The latest `spendsense eval` run, for the insights page and the downloads: the stored metrics
// document, read back only when it has the shape this code renders.
import type { Db } from "../db/client";
import { latestEvalRun } from "../db/queries/eval";
import { newestFinishedRun } from "../db/queries/runs";
import type { EvalMetrics } from "../eval/metrics";
import { EVAL_SCHEMA } from "../eval/targets";

export interface LatestEval {
  id: number;
  created_at: Date;
  /** null when the stored document was written by an older version (run `spendsense eval` again). */
  metrics: EvalMetrics | null;
  /** The engine run it judged (null: recorded before this was kept), and who started it (null: the CLI). */
  engine_run_id: number | null;
  started_by: string | null;
  /** The newest finished engine run, when it is not the one judged: the evaluation is out of date. */
  newer_run: { id: number; as_of: string; finished_at: Date | null } | null;
}

function readMetrics(text: string): EvalMetrics | null {
  try {
    const m = JSON.parse(text) as Partial<EvalMetrics> | null;
    return m?.schema === EVAL_SCHEMA ? (m as EvalMetrics) : null;
  } catch {
    return null;
  }
}

export async function latestEval(db: Db): Promise<LatestEval | null> {
  const [row, run] = await Promise.all([latestEvalRun(db), newestFinishedRun(db)]);
  if (!row) return null;
  // Without the judged run's id, an evaluation older than the newest run's finish is out of date.
  const stale = run && (row.engine_run_id !== null ? run.id !== row.engine_run_id : run.finished_at !== null && run.finished_at > row.created_at);
  return { id: row.id, created_at: row.created_at, metrics: readMetrics(row.metrics), engine_run_id: row.engine_run_id, started_by: row.started_by, newer_run: stale ? run : null };
}
