/** Errors a use case raises for the caller to map (CLI exit codes, API status codes). */
export class NotFoundError extends Error {
  readonly code = "not_found";
}

export class ConsentRequiredError extends Error {
  readonly code = "consent_required";
}
