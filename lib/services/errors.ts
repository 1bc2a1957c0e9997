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

/**
 * The check before anything derived from a customer's data is read or computed: they exist
 * (`consent` undefined when not found) and have opted in.
 */
export function assertConsenting(userId: string, consent: boolean | undefined): void {
  if (consent === undefined) throw new NotFoundError(`no customer with id "${userId}"`);
  if (!consent) throw new ConsentRequiredError(`customer "${userId}" has not consented: nothing is computed or shown until they opt in`);
}
