import { redirect } from "next/navigation";
import { pageAccess } from "./guards";
import type { Permission } from "./permissions";

/** For pages: redirects to sign-in without a session; returns the session or "forbidden". */
export async function guardPage(permission: Permission, path: string) {
  const access = await pageAccess(permission);
  if (access.status === "unauthenticated") redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  return access;
}
