/** Errors a use case raises for the caller to map (CLI exit codes, API status codes). */
export class NotFoundError extends Error {
  readonly code = "not_found";
}

export class ConsentRequiredError extends Error {
  readonly code = "consent_required";
}

/** The thing changed since the caller saw it, or already exists: act on the latest state. */
export class ConflictError extends Error {
  readonly code = "conflict";
}
