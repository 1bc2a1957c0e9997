// Sign-in attempts (see lib/services/sign-in-throttle.ts for the rule). The reservation is one
// INSERT … SELECT … WHERE inside a write transaction: SQLite takes its write lock before the
// statement reads, and on PostgreSQL the transaction takes the one write lock (lib/db/client.ts),
// where READ COMMITTED alone would let two attempts both read a count under the limit. So the
// counts and the insert are atomic across connections and processes; parallel attempts are each
// counted and none slips past a limit another just reached.
import type { Db } from "../client";

export interface AttemptLimits {
  /** Failures per (email, client address) pair. */
  pair: number;
  /** Failures per email, from every address. */
  email: number;
  /** Failures per client address, against every email. */
  client: number;
}

/**
 * Records an attempt as a failure (to be marked a success once the password is verified) when
 * every count of failures since `since` is under its limit. Returns the attempt's id, or null
 * when a limit is already reached (nothing is written).
 */
export async function reserveSignInAttempt(db: Db, a: { email: string; client: string; now: Date; since: Date; limits: AttemptLimits }): Promise<number | null> {
  const { email, client, now, since, limits } = a;
  const rows = await db.$transaction((tx) => tx.$queryRaw<Array<{ id: number | bigint }>>`
    INSERT INTO sign_in_attempts (email, client, success, created_at)
    SELECT ${email}, ${client}, FALSE, ${now}
    WHERE (SELECT COUNT(*) FROM sign_in_attempts WHERE email = ${email} AND client = ${client} AND success = FALSE AND created_at >= ${since}) < ${limits.pair}
      AND (SELECT COUNT(*) FROM sign_in_attempts WHERE email = ${email} AND success = FALSE AND created_at >= ${since}) < ${limits.email}
      AND (SELECT COUNT(*) FROM sign_in_attempts WHERE client = ${client} AND success = FALSE AND created_at >= ${since}) < ${limits.client}
    RETURNING id`);
  return rows.length ? Number(rows[0].id) : null;
}

/** The times of failures since `since`, oldest first, for one of the three counts. */
export async function failureTimes(db: Db, where: { email?: string; client?: string }, since: Date): Promise<Date[]> {
  const rows = await db.signInAttempt.findMany({ where: { ...where, success: false, created_at: { gte: since } }, orderBy: { created_at: "asc" }, select: { created_at: true } });
  return rows.map((r) => r.created_at);
}

export async function markSignInSuccess(db: Db, id: number): Promise<void> {
  await db.signInAttempt.update({ where: { id }, data: { success: true } });
}
