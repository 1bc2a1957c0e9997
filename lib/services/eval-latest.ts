// The latest `spendsense eval` run, for the insights page and the downloads: the stored metrics
// document, read back only when it has the shape this code renders.
import type { Db } from "../db/client";
import type { EvalMetrics } from "../eval/metrics";
import { EVAL_SCHEMA } from "../eval/targets";

export interface LatestEval {
  id: number;
  created_at: Date;
  /** null when the stored document was written by an older version (run `spendsense eval` again). */
  metrics: EvalMetrics | null;
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
  const row = await db.evalRun.findFirst({ orderBy: { id: "desc" } });
  return row ? { id: row.id, created_at: row.created_at, metrics: readMetrics(row.metrics) } : null;
}
