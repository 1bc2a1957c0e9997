// The one shape of a staff server action: check the role on the server, act, then return to
// the page with a notice — or with the error a person can act on (bad input, a conflict).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { sameOriginPath } from "./callback-url";
import { asDatabaseBusy } from "../db/busy";
import { pageAccess } from "./guards";
import type { Permission } from "./permissions";

const USER_FACING = new Set(["conflict", "not_found", "content_rejected", "consent_required"]);

/** The message a person can act on (bad input, a conflict), or null for anything else. */
export function userFacingMessage(err: unknown): string | null {
  if (err instanceof ZodError) return err.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
  if (err instanceof Error && USER_FACING.has(String((err as { code?: unknown }).code))) return err.message;
  if (asDatabaseBusy(err)) return `The database is busy with another write (an ingest or engine run); nothing was changed. Try again in a few seconds.`;
  return null;
}

/** `path` (which may carry the page's own query, e.g. its filters) with one more query parameter. */
function withParam(path: string, key: string, value: string): string {
  const url = new URL(path, "http://same-origin.invalid");
  url.searchParams.set(key, value);
  return `${url.pathname}${url.search}`;
}

export async function staffAction(permission: Permission, returnTo: string, act: (actor: string) => Promise<string>): Promise<never> {
  // The page to return to may carry form input (a customer id, the page's filters): it stays a path on this site.
  const page = sameOriginPath(returnTo) ?? "/";
  const access = await pageAccess(permission);
  if (access.status === "unauthenticated") redirect(`/login?callbackUrl=${encodeURIComponent(page)}`);
  if (access.status === "forbidden") redirect(withParam(page, "error", `Your role (${access.session.user.role}) may not do this.`));
  let target: string;
  try {
    target = withParam(page, "notice", await act(access.session.user.email));
  } catch (err) {
    const message = userFacingMessage(err);
    if (message === null) throw err;
    target = withParam(page, "error", message);
  }
  revalidatePath(new URL(page, "http://same-origin.invalid").pathname);
  redirect(target);
}
