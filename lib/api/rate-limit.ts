// Per-key rate limit for the developer API. Counters live in the database (rate-limiter-flexible's
// Prisma store, table api_rate_limits), so every process serving the API counts against the same
// budget. Staff sessions are not limited here: people are slow, keys are not.
//
// Limit: SPENDSENSE_API_RATE_LIMIT requests per key per minute (default 600, i.e. 10 a second on
// average; a whole number from 1). Every authenticated request with a key counts, refused ones
// included. Over the limit the answer is 429 `rate_limited` with `Retry-After` (seconds); every
// keyed response carries `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset`
// (seconds until the window starts afresh).
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "../db/client";
import { ApiError } from "./errors";

export const DEFAULT_REQUESTS_PER_MINUTE = 600;
export const WINDOW_SECONDS = 60;

/** Requests allowed per key per minute, from SPENDSENSE_API_RATE_LIMIT (else the default). */
export function requestsPerMinute(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SPENDSENSE_API_RATE_LIMIT;
  if (raw === undefined || raw === "") return DEFAULT_REQUESTS_PER_MINUTE;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`SPENDSENSE_API_RATE_LIMIT must be a whole number of requests per minute (1 or more), not "${raw}"`);
  return n;
}

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the key's window starts afresh. */
  resetSeconds: number;
  limited: boolean;
}

// One limiter per Prisma client and limit (tests point the API at temporary databases).
const limiters = new WeakMap<Db, Map<number, RateLimiterPrisma>>();

function limiterFor(db: Db, points: number): RateLimiterPrisma {
  let byLimit = limiters.get(db);
  if (!byLimit) limiters.set(db, (byLimit = new Map()));
  let limiter = byLimit.get(points);
  if (!limiter) {
    limiter = new RateLimiterPrisma({ storeClient: db, tableName: "apiRateLimit", keyPrefix: "api", points, duration: WINDOW_SECONDS });
    byLimit.set(points, limiter);
  }
  return limiter;
}

function state(limit: number, res: RateLimiterRes, limited: boolean): RateLimitState {
  return { limit, remaining: Math.max(0, res.remainingPoints), resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)), limited };
}

/** Counts one request against `key`'s budget. A store failure is thrown (never a silent pass). */
export async function consumeApiRequest(db: Db, key: string, limit: number = requestsPerMinute()): Promise<RateLimitState> {
  try {
    return state(limit, await limiterFor(db, limit).consume(key), false);
  } catch (err) {
    if (err instanceof RateLimiterRes) return state(limit, err, true);
    throw err;
  }
}

export function rateLimitedError(s: RateLimitState): ApiError {
  return new ApiError("rate_limited", `This API key has made more than ${s.limit} requests in ${WINDOW_SECONDS} seconds; try again in ${s.resetSeconds} second(s).`);
}

export function rateLimitHeaders(s: RateLimitState): Record<string, string> {
  return {
    "X-RateLimit-Limit": String(s.limit),
    "X-RateLimit-Remaining": String(s.remaining),
    "X-RateLimit-Reset": String(s.resetSeconds),
    ...(s.limited ? { "Retry-After": String(s.resetSeconds) } : {}),
  };
}
