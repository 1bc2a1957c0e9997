// Engine runs by status, for /api/metrics: read-only, so a running run whose lease has expired
// (its process died; the next writer marks it failed, run-lease.ts) is counted as failed here.
import type { Sql } from "../sql";

export const RUN_STATUSES = ["running", "finished", "failed"] as const;

export async function runCountsByStatus(sql: Pick<Sql, "execute">, now = Date.now()): Promise<Record<string, number>> {
  const rs = await sql.execute({
    sql: `SELECT CASE WHEN status = 'running' AND (lease_expires_at IS NULL OR lease_expires_at < ?) THEN 'failed' ELSE status END AS status, COUNT(*) AS n
          FROM engine_runs GROUP BY 1`,
    args: [new Date(now).toISOString()],
  });
  const counts: Record<string, number> = Object.fromEntries(RUN_STATUSES.map((s) => [s, 0]));
  for (const r of rs.rows) counts[String(r.status)] = (counts[String(r.status)] ?? 0) + Number(r.n);
  return counts;
}
