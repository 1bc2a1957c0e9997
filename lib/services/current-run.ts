// Undoing a mistaken engine run (issue 13): an admin makes an earlier finished run current again.
// The runs after it are set aside (kept, no longer current) in one write transaction with the
// audit entry, and every page, route and command follows through lib/db/queries/current-results.
import { z } from "zod";
import { recordAudit } from "../db/audit";
import { runForCurrent, setCurrentRun } from "../db/queries/current-results";
import { databaseUrl } from "../db/url";
import { withSql } from "./database";
import { ConflictError, NotFoundError } from "./errors";

const makeCurrentSchema = z.object({ run_id: z.coerce.number().int().positive() });

export interface MadeCurrent {
  run_id: number;
  as_of: string;
  set_aside: number[];
  restored: number[];
}

export async function makeRunCurrent(input: unknown, actor: string, url = databaseUrl()): Promise<MadeCurrent> {
  const { run_id } = makeCurrentSchema.parse(input);
  return withSql(async (sql) => {
    const tx = await sql.transaction("write");
    try {
      const { run, runningId, resultsKept } = await runForCurrent(tx, run_id);
      if (!run) throw new NotFoundError(`no engine run #${run_id}`);
      const asOf = run.as_of;
      if (run.status !== "finished") throw new ConflictError(`run #${run_id} is ${run.status}, not finished: only a finished run's results can be current`);
      if (runningId !== null) throw new ConflictError(`run #${runningId} is in progress; wait for it to finish, then choose the run to make current`);
      // Results are kept per run; only runs from before that (migration 0010) may have lost theirs to a re-run at the same as-of.
      if (!resultsKept && run.customers > 0) throw new ConflictError(`run #${run_id}'s results are no longer stored (a later run at the same as-of replaced them); run the engine as of ${asOf} again instead`);
      const done = await setCurrentRun(tx, run_id, actor, new Date().toISOString());
      await recordAudit(tx, "engine.run_current", { type: "engine_run", id: run_id }, { actor, details: { as_of: asOf, set_aside: done.setAside, restored: done.restored } });
      await tx.commit();
      return { run_id, as_of: asOf, set_aside: done.setAside, restored: done.restored };
    } catch (err) {
      await tx.rollback();
      throw err;
    } finally {
      tx.close();
    }
  }, url);
}
