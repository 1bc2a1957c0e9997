// Server-side role checks. Pages redirect to sign-in without a session and show 403 for the
// wrong role; route handlers answer 401 / 403 with the API's error shape.
import { getServerSession, type Session } from "next-auth";
import { NextResponse } from "next/server";
import { authOptions } from "./options";
import { can, type Permission } from "./permissions";

export async function currentSession(): Promise<Session | null> {
  return getServerSession(authOptions);
}

export type PageAccess = { status: "ok"; session: Session } | { status: "unauthenticated" } | { status: "forbidden"; session: Session };

export async function pageAccess(permission: Permission): Promise<PageAccess> {
  const session = await currentSession();
  if (!session) return { status: "unauthenticated" };
  return can(session.user.role, permission) ? { status: "ok", session } : { status: "forbidden", session };
}

export function apiError(status: number, code: string, message: string) {
  return NextResponse.json({ error: { code, message } }, { status });
}

/** For route handlers: the session when allowed, otherwise the 401/403 response to return. */
export async function routeAccess(permission: Permission | null): Promise<{ session: Session; denied?: undefined } | { session?: undefined; denied: NextResponse }> {
  const session = await currentSession();
  if (!session) return { denied: apiError(401, "unauthenticated", "Sign in first.") };
  if (permission && !can(session.user.role, permission)) return { denied: apiError(403, "forbidden", `Your role (${session.user.role}) may not do this (${permission}).`) };
  return { session };
}
