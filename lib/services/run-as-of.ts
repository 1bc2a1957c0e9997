// Which as-of dates an engine run may use (issue 13). A run as of a day after the newest data,
// or after today, ends both windows in days with no transactions: every customer would become
// "Not enough data" and the review queue would empty. Such a run is refused before it starts,
// with the reason. Today comes from the caller (the service layer), never from the engine.
import { ZodError } from "zod";
import { newestDataDate } from "../db/queries/current-results";
import type { Sql } from "../db/sql";

/** Today's date (UTC, YYYY-MM-DD): the one place the run services read the clock for an as-of check. */
export const todayIso = (now = new Date()) => now.toISOString().slice(0, 10);

function refuse(asOf: string, message: string): never {
  throw new ZodError([{ code: "custom", path: ["as_of"], message, input: asOf }]);
}

/**
 * Refuses (a validation error on `as_of`) an as-of after today or after the newest transaction
 * held. The newest of all customers, not of those run: a customer whose history ends earlier is
 * legitimately short of data.
 */
export async function assertRunnableAsOf(sql: Pick<Sql, "execute">, asOf: string, opts: { today: string }): Promise<void> {
  if (asOf > opts.today) refuse(asOf, `as of ${asOf} is in the future (today is ${opts.today}); a run can only end on a day that has happened`);
  const newest = await newestDataDate(sql);
  if (newest !== null && asOf > newest) {
    refuse(asOf, `as of ${asOf} is after the newest transaction (${newest}): both windows would end in days with no data and every customer would show "Not enough data"; choose ${newest} or earlier`);
  }
}
