// The domain errors a use case raises live in lib/errors.ts, with the table every surface reads
// (HTTP status, CLI exit code, whether the message is shown); re-exported here for services.
import { ConsentRequiredError, NotFoundError } from "../errors";

export { ConflictError, ConsentRequiredError, DomainError, NotFoundError } from "../errors";

/**
 * The check before anything derived from a customer's data is read or computed: they exist
 * (`consent` undefined when not found) and have opted in.
 */
export function assertConsenting(userId: string, consent: boolean | undefined): void {
  if (consent === undefined) throw new NotFoundError(`no customer with id "${userId}"`);
  if (!consent) throw new ConsentRequiredError(`customer "${userId}" has not consented: nothing is computed or shown until they opt in`);
}

/** Every requested customer id must exist: the unknown ones are named. */
export function assertKnownIds(requested: readonly string[] | undefined, found: ReadonlyArray<{ user_id: string }>): void {
  if (!requested) return;
  const known = new Set(found.map((c) => c.user_id));
  const missing = requested.filter((id) => !known.has(id));
  if (missing.length) throw new NotFoundError(`unknown customer id(s): ${missing.join(", ")}`);
}
