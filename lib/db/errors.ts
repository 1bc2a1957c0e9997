// Any error, whatever raised it, as one DomainError (lib/errors.ts) with a code from the closed
// table: the one classifier the API, the staff actions and the CLI share. The database's own
// errors are recognised here and nowhere else: busy or locked on either database (./busy) and
// unique-key clashes (./dialect's isUniqueViolation, SQLite's and PostgreSQL's 23505).
import { ZodError } from "zod";
import { ConflictError, DomainError } from "../errors";
import { asDatabaseBusy } from "./busy";
import { isUniqueViolation } from "./dialect";

/** Zod issues as `{path, message}`: enough to fix the input, without echoing it back. */
export function zodDetails(err: ZodError) {
  return err.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

/** The DomainError for `err`: itself when it is one; a busy database, a unique clash or a refused input as theirs; anything else internal. */
export function toDomainError(err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  // A service's own validation (beyond a request schema) refused well-formed input.
  if (err instanceof ZodError) return new DomainError("validation_failed", "The request body failed validation.", { details: zodDetails(err), cause: err });
  const busy = asDatabaseBusy(err);
  if (busy) return busy;
  if (isUniqueViolation(err)) return new ConflictError("That already exists.", { cause: err });
  const message = err instanceof Error ? err.message : String(err);
  return new DomainError("internal_error", message, { cause: err });
}
