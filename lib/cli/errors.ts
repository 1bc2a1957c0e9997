/** An error the user caused and can fix: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
}

export function fail(message: string): never {
  throw new UsageError(message);
}
