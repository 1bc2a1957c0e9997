// The one domain error base and its closed code table (issue 14). Every refusal or failure any
// layer raises is a DomainError with one of these codes; the developer API (lib/api/errors.ts),
// the staff pages' server actions (lib/auth/staff-action.ts) and the command line
// (lib/cli/errors.ts) read this table for the HTTP status, the exit code and whether the message
// may be shown. Errors that are not DomainErrors yet (a ZodError, the database's own errors,
// anything unexpected) become one in lib/db/errors.ts (`toDomainError`).
//
// This module imports nothing from lib/: lib/db, lib/data and the services all build on it.

/** The `spendsense` exit codes (README): 0 done, 1 input refused or failure, 2 bad arguments, 3 no consent, 4 no such customer. */
export const EXIT = { done: 0, failed: 1, badArguments: 2, noConsent: 3, notFound: 4 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * Who may read an error's own message:
 * - "everyone": it says what was wrong and how to fix it, so the API caller, the staff member and
 *   the CLI's user all see it;
 * - "operator": an internal failure, whose message may name tables, files or queries. Only the
 *   person running the installation sees it (the CLI, the server's log); the API answers
 *   INTERNAL_MESSAGE and a staff page shows its generic error page instead.
 */
export type Shown = "everyone" | "operator";

export interface ErrorRule {
  status: number;
  exit: ExitCode;
  shown: Shown;
}

/** What a remote caller reads instead of an internal error's message. */
export const INTERNAL_MESSAGE = "Something went wrong on our side; it has been logged.";

const rule = (status: number, exit: ExitCode, shown: Shown = "everyone"): ErrorRule => ({ status, exit, shown });

/** The closed table: every code any surface answers with. */
export const ERRORS = {
  // The caller's arguments or request are malformed (a CLI option, a query parameter): they can fix them and ask again.
  invalid_request: rule(400, EXIT.badArguments),
  malformed_json: rule(400, EXIT.badArguments),
  payload_too_large: rule(413, EXIT.badArguments),
  validation_failed: rule(422, EXIT.badArguments),
  // Well-formed input refused on its content: nothing was written.
  ingest_refused: rule(422, EXIT.failed),
  content_rejected: rule(422, EXIT.failed),
  // Who is calling, and what they may do.
  unauthenticated: rule(401, EXIT.failed),
  invalid_api_key: rule(401, EXIT.failed),
  invalid_token: rule(401, EXIT.failed),
  insufficient_scope: rule(403, EXIT.failed),
  forbidden: rule(403, EXIT.failed),
  password_change_required: rule(403, EXIT.failed),
  rate_limited: rule(429, EXIT.failed),
  // The data.
  not_found: rule(404, EXIT.notFound),
  consent_required: rule(403, EXIT.noConsent),
  conflict: rule(409, EXIT.failed),
  // The system: busy is worth retrying (503 + Retry-After); anything else is ours to fix.
  database_busy: rule(503, EXIT.failed),
  internal_error: rule(500, EXIT.failed, "operator"),
} as const satisfies Record<string, ErrorRule>;

export type ErrorCode = keyof typeof ERRORS;

export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

export interface DomainErrorOptions {
  /** Structured detail a surface that can carry it sends along (the API's `details`). */
  details?: unknown;
  /** When trying again is likely to work (the API's `Retry-After`). */
  retryAfterSeconds?: number;
  /** The message for a remote reader when it differs from the full one (e.g. a count instead of every problem). */
  publicMessage?: string;
  cause?: unknown;
}

export class DomainError extends Error {
  readonly details?: unknown;
  readonly retryAfterSeconds?: number;
  readonly #publicMessage?: string;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: DomainErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.#publicMessage = options.publicMessage;
  }

  get rule(): ErrorRule {
    return ERRORS[this.code];
  }

  get status(): number {
    return this.rule.status;
  }

  get exitCode(): ExitCode {
    return this.rule.exit;
  }

  /** What an API caller or a staff member reads: the message, unless only the operator may. */
  get publicMessage(): string {
    return this.rule.shown === "everyone" ? (this.#publicMessage ?? this.message) : INTERNAL_MESSAGE;
  }
}

/** Something asked for does not exist (a customer, a key, a budget). */
export class NotFoundError extends DomainError {
  constructor(message: string, options?: DomainErrorOptions) {
    super("not_found", message, options);
  }
}

/** The customer has not opted in: nothing derived from their data is computed or shown. */
export class ConsentRequiredError extends DomainError {
  constructor(message: string, options?: DomainErrorOptions) {
    super("consent_required", message, options);
  }
}

/** The thing changed since the caller saw it, or already exists: act on the latest state. */
export class ConflictError extends DomainError {
  constructor(message: string, options?: DomainErrorOptions) {
    super("conflict", message, options);
  }
}

/** A catalog item the guardrails refuse (a harmful product, judgmental wording): nothing is stored. */
export class ContentRejectedError extends DomainError {
  constructor(
    readonly contentId: string,
    readonly reasons: string[],
  ) {
    super("content_rejected", `content "${contentId}" cannot be stored: ${reasons.join("; ")}`);
  }
}
