// The command line's view of the one error table (lib/errors.ts): the exit code for any error,
// and what is printed to stderr. The CLI's user runs the installation, so even an internal
// error's message is printed (the table's "operator" rule); SPENDSENSE_DEBUG adds the stack.
import { ZodError } from "zod";
import { IngestError } from "../data/types";
import { toDomainError } from "../db/errors";
import { DomainError, type DomainErrorOptions, type ExitCode } from "../errors";

/** Bad arguments the user can fix: printed without a stack trace, exit code 2. */
export class UsageError extends DomainError {
  constructor(message: string, options?: DomainErrorOptions) {
    super("invalid_request", message, options);
  }
}

export function fail(message: string): never {
  throw new UsageError(message);
}

/** The exit code and the stderr lines for `err`. */
export function cliFailure(err: unknown): { exitCode: ExitCode; lines: string[] } {
  const e = toDomainError(err);
  const exitCode = e.exitCode;
  // A refused input names each problem: an option's (`--as-of: …`), or every bad record of an ingest.
  if (err instanceof ZodError) return { exitCode, lines: err.issues.map((i) => `error: ${i.path.length ? `--${i.path.join(".").replace(/_/g, "-")}: ` : ""}${i.message}`) };
  if (e instanceof IngestError) return { exitCode, lines: [e.message] };
  return { exitCode, lines: [`error: ${e.message}`] };
}
