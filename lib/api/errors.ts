// One error type for the API and one place that turns any error into the one error shape
// `{"error":{"code","message","details?"}}` with an honest status code.
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { IngestError } from "../data/types";
import { asDatabaseBusy } from "../db/busy";
import { ConflictError, ConsentRequiredError, NotFoundError } from "../services/errors";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Sent as `Retry-After` (a 503 the caller should simply retry). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** Zod issues as `{path, message}`: enough to fix the request, without echoing input back. */
function zodDetails(err: ZodError) {
  return err.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

/** Names the first bad parameter and why: `The query parameter "min_amount" is malformed: expected a decimal number such as 12.50.` */
function malformedMessage(err: ZodError, where: string): string {
  const first = err.issues[0];
  const name = first?.path.length ? ` "${first.path.join(".")}"` : "";
  return first ? `The ${where}${name} is malformed: ${first.message}.` : `A ${where} is malformed.`;
}

/** Where the bad part of a request was: params/query are malformed (400), a body is invalid (422). */
export function invalid(err: ZodError, part: "path" | "query" | "body"): ApiError {
  const where = { path: "path parameter", query: "query parameter", body: "request body" }[part];
  return part === "body"
    ? new ApiError(422, "validation_failed", `The ${where} failed validation.`, zodDetails(err))
    : new ApiError(400, "invalid_request", malformedMessage(err, where), zodDetails(err));
}

function isUniqueClash(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "P2002" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof NotFoundError) return new ApiError(404, "not_found", err.message);
  if (err instanceof ConsentRequiredError) return new ApiError(403, "consent_required", err.message);
  if (err instanceof ConflictError) return new ApiError(409, "conflict", err.message);
  if (isUniqueClash(err)) return new ApiError(409, "conflict", "That already exists.");
  // A service's own validation (beyond the request schema) refuses a well-formed request.
  if (err instanceof ZodError) return invalid(err, "body");
  if (err instanceof IngestError) {
    // However many problems there are, the response stays small: the first ones in full, the rest counted.
    const rest = err.more ? ` The first ${err.shown.length} are in details, and ${err.more} more.` : "";
    return new ApiError(422, "ingest_refused", `${err.headline}${rest}`, err.shown);
  }
  const busy = asDatabaseBusy(err);
  if (busy) return new ApiError(503, "database_busy", `The database is busy with another write (an ingest or engine run); nothing was changed. Try again in ${busy.retryAfterSeconds} s.`, undefined, busy.retryAfterSeconds);
  return new ApiError(500, "internal_error", "Something went wrong on our side; it has been logged.");
}

export function errorResponse(err: ApiError): NextResponse {
  const body = { error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) } };
  const headers: Record<string, string> = {};
  if (err.status === 401) headers["WWW-Authenticate"] = 'Bearer realm="spendsense"';
  if (err.retryAfterSeconds !== undefined) headers["Retry-After"] = String(err.retryAfterSeconds);
  return NextResponse.json(body, { status: err.status, headers });
}

/** For GET routes whose service refuses a query value (e.g. an as_of the data cannot answer): a 400 naming the parameter, not a body error. */
export function rethrowAsQueryError(err: unknown): never {
  throw err instanceof ZodError ? invalid(err, "query") : err;
}
