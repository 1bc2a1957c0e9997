// Who may scrape GET /api/metrics: a staff session whose role has "metrics:read" (the permission
// table), or a Prometheus server sending `Authorization: Bearer <SPENDSENSE_METRICS_TOKEN>`.
// The token is compared in constant time (both sides hashed to the same length first); a token
// shorter than 24 characters is refused as unset. Anything else is 401 / 403 in the API's shape.
import { createHash, timingSafeEqual } from "node:crypto";
import type { NextResponse } from "next/server";
import { ApiError, errorResponse } from "../api/errors";
import { log } from "../observability/log";
import { noteCaller } from "../observability/request";
import { routeAccess } from "./guards";
import { staffRoutePermission } from "./staff-routes";

export const METRICS_TOKEN_MIN_LENGTH = 24;

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
let warnedShort = false;

/** The configured token's digest, or null when none (or a too-short one) is set. */
function configuredToken(env: NodeJS.ProcessEnv): Buffer | null {
  const token = env.SPENDSENSE_METRICS_TOKEN?.trim();
  if (!token) return null;
  if (token.length < METRICS_TOKEN_MIN_LENGTH) {
    if (!warnedShort) log.warn(`SPENDSENSE_METRICS_TOKEN is shorter than ${METRICS_TOKEN_MIN_LENGTH} characters: metrics token access is off`);
    warnedShort = true;
    return null;
  }
  return digest(token);
}

/** Whether `presented` is the metrics token. */
export function isMetricsToken(presented: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const expected = configuredToken(env);
  return expected !== null && timingSafeEqual(digest(presented), expected);
}

/** Null when the caller may scrape; otherwise the 401/403 response to return. */
export async function metricsAccess(req: Request): Promise<NextResponse | null> {
  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (m && isMetricsToken(m[1])) {
      noteCaller({ auth: "metrics_token" });
      return null;
    }
    return errorResponse(new ApiError(401, "invalid_token", "The bearer token is not this server's metrics token (SPENDSENSE_METRICS_TOKEN); or sign in as an admin."));
  }
  const { denied } = await routeAccess(req, staffRoutePermission("GET /api/metrics"));
  return denied ?? null;
}
