import type { Session } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { CHANGE_PASSWORD_PATH, pageAccess } from "./guards";
import { PAGES, type GuardedPage } from "./pages";

/**
 * For pages: the session when the role may open the page (its permission from the PAGES table);
 * otherwise a redirect to sign-in without a session, or a real HTTP 403 rendered by
 * app/forbidden.tsx for the wrong role.
 */
export async function guardPage(page: GuardedPage, path: string): Promise<{ status: "ok"; session: Session }> {
  const access = await pageAccess(PAGES[page]);
  if (access.status === "unauthenticated") redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (access.status === "password_change") redirect(CHANGE_PASSWORD_PATH);
  if (access.status === "forbidden") forbidden();
  return access;
}
