// How often a sign-in may fail before attempts are refused (README "Sign-in and roles").
//
// Three counts of failures in the last THROTTLE_MINUTES, each with its own limit:
// - per (email, client address), MAX_FAILURES: the lockout a person meets after mistyping. It is
//   per pair so that a stranger who knows a staff member's email cannot lock them out from
//   elsewhere: the stranger's failures count against the stranger's own address;
// - per client address, MAX_FAILURES_PER_CLIENT: one address guessing across many emails;
// - per email, MAX_FAILURES_PER_EMAIL: a ceiling on guessing one account from many addresses.
//   It is ten times the pair limit, so locking an account for everyone takes failures from at
//   least ten addresses, while a distributed guesser still gets no more than this many tries.
// An attempt is recorded as a failure before its password is checked (atomically with the counts,
// lib/db/queries/sign-in-attempts.ts) and turned into a success only after: thirty attempts sent
// at once are counted one by one, and those past a limit are refused unchecked.
import { failureTimes, reserveSignInAttempt, type AttemptLimits } from "../db/queries/sign-in-attempts";
import type { Db } from "../db/client";

export const MAX_FAILURES = 5;
export const MAX_FAILURES_PER_CLIENT = 20;
export const MAX_FAILURES_PER_EMAIL = 50;
export const THROTTLE_MINUTES = 15;
const LIMITS: AttemptLimits = { pair: MAX_FAILURES, client: MAX_FAILURES_PER_CLIENT, email: MAX_FAILURES_PER_EMAIL };

export type Reservation = { ok: true; attemptId: number } | { ok: false; retryAfterMinutes: number };

/** Reserves one sign-in attempt for `email` from `client`, or says how long until one is allowed. */
export async function reserveAttempt(db: Db, email: string, client: string, now: Date): Promise<Reservation> {
  const windowMs = THROTTLE_MINUTES * 60_000;
  const since = new Date(now.getTime() - windowMs);
  const attemptId = await reserveSignInAttempt(db, { email, client, now, since, limits: LIMITS });
  if (attemptId !== null) return { ok: true, attemptId };
  // Refused: the wait is until enough of the failures behind each reached limit have aged out.
  const counts: Array<[{ email?: string; client?: string }, number]> = [
    [{ email, client }, LIMITS.pair],
    [{ client }, LIMITS.client],
    [{ email }, LIMITS.email],
  ];
  let unlock = now.getTime() + 60_000;
  for (const [where, limit] of counts) {
    const times = await failureTimes(db, where, since);
    if (times.length >= limit) unlock = Math.max(unlock, times[times.length - limit].getTime() + windowMs);
  }
  return { ok: false, retryAfterMinutes: Math.max(1, Math.ceil((unlock - now.getTime()) / 60_000)) };
}
