// The API's view of the one error table (lib/errors.ts): any error becomes the one shape
// `{"error":{"code","message","details?"}}` with the table's status for its code; an internal
// error's message is logged, never sent (the caller reads INTERNAL_MESSAGE).
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { toDomainError, zodDetails } from "../db/errors";
import { DomainError, type DomainErrorOptions, type ErrorCode } from "../errors";

/** An error only the API raises (authentication, scopes, request parsing); its status is the table's. */
export class ApiError extends DomainError {
  constructor(code: ErrorCode, message: string, details?: unknown, options: Omit<DomainErrorOptions, "details"> = {}) {
    super(code, message, { ...options, details });
  }
}

/** Names the first bad parameter and why: `The query parameter "min_amount" is malformed: expected a decimal number such as 12.50.` */
function malformedMessage(err: ZodError, where: string): string {
  const first = err.issues[0];
  const name = first?.path.length ? ` "${first.path.join(".")}"` : "";
  return first ? `The ${where}${name} is malformed: ${first.message}.` : `A ${where} is malformed.`;
}

/** Where the bad part of a request was: params/query are malformed (400), a body is invalid (422). */
export function invalid(err: ZodError, part: "path" | "query" | "body"): DomainError {
  if (part === "body") return toDomainError(err);
  const where = { path: "path parameter", query: "query parameter" }[part];
  return new ApiError("invalid_request", malformedMessage(err, where), zodDetails(err));
}

export function errorResponse(err: DomainError): NextResponse {
  const body = { error: { code: err.code, message: err.publicMessage, ...(err.details === undefined ? {} : { details: err.details }) } };
  const headers: Record<string, string> = {};
  if (err.status === 401) headers["WWW-Authenticate"] = 'Bearer realm="spendsense"';
  if (err.retryAfterSeconds !== undefined) headers["Retry-After"] = String(err.retryAfterSeconds);
  return NextResponse.json(body, { status: err.status, headers });
}

/** For GET routes whose service refuses a query value (e.g. an as_of the data cannot answer): a 400 naming the parameter, not a body error. */
export function rethrowAsQueryError(err: unknown): never {
  throw err instanceof ZodError ? invalid(err, "query") : err;
}
