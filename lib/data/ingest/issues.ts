import type { z } from "zod";
import type { IngestIssue } from "../types";

/** "bundle[2].transactions[14]" + "amount" from a zod path like [2,"transactions",14,"amount"]. */
export function splitPath(path: ReadonlyArray<PropertyKey>, root: string): { record: string; field: string } {
  let record = root;
  let lastIndex = -1;
  path.forEach((p, i) => {
    if (typeof p === "number") lastIndex = i;
  });
  for (let i = 0; i <= lastIndex; i++) {
    const p = path[i];
    record += typeof p === "number" ? `[${p}]` : `.${String(p)}`;
  }
  const field = path
    .slice(lastIndex + 1)
    .map((p) => String(p))
    .join(".");
  return { record, field };
}

export function zodIssues(file: string, root: string, error: z.ZodError, prefix: ReadonlyArray<PropertyKey> = []): IngestIssue[] {
  return error.issues.map((iss) => {
    const { record, field } = splitPath([...prefix, ...iss.path], root);
    return { file, record, field, reason: iss.message };
  });
}
