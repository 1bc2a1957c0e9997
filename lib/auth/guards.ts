// Server-side role checks. Pages redirect to sign-in without a session and show 403 for the
// wrong role; route handlers answer 401 / 403 with the API's error shape.
import { getServerSession, type Session } from "next-auth";
import { getToken } from "next-auth/jwt";
import { NextRequest, NextResponse } from "next/server";
import { apiDatabase } from "../api/database";
import { ApiError, errorResponse } from "../api/errors";
import type { Db } from "../db/client";
import { noteCaller } from "../observability/request";
import { liveStaff } from "../services/staff-sessions";
import { authOptions } from "./options";
import { can, type Permission, type Role } from "./permissions";

/** The signed-in staff member's session, or null; an ended session (signed out, role changed) reads as none (options.ts). */
export async function currentSession(): Promise<Session | null> {
  return getServerSession(authOptions);
}

export type PageAccess = { status: "ok"; session: Session } | { status: "unauthenticated" } | { status: "forbidden"; session: Session } | { status: "password_change"; session: Session };

/** Where a staff member with a temporary password is sent, and the refusal everywhere else. */
export const CHANGE_PASSWORD_PATH = "/change-password";
export const CHANGE_PASSWORD_FIRST = "Your password is a temporary one: choose a new password first.";

/**
 * The signed-in staff member's access to something needing `permission`. With a temporary
 * password still set, only setting a new one ("account:password") is allowed.
 */
export async function pageAccess(permission: Permission): Promise<PageAccess> {
  const session = await currentSession();
  if (!session) return { status: "unauthenticated" };
  if (session.user.mustChangePassword && permission !== "account:password") return { status: "password_change", session };
  return can(session.user.role, permission) ? { status: "ok", session } : { status: "forbidden", session };
}


/** The 403 for a staff member who still has a temporary password. */
export function passwordChangeError(): ApiError {
  return new ApiError(403, "password_change_required", `${CHANGE_PASSWORD_FIRST} (${CHANGE_PASSWORD_PATH})`);
}

/** The 403 for a staff role without the permission, or null when the role has it. */
export function permissionError(role: Role, permission: Permission): ApiError | null {
  return can(role, permission) ? null : new ApiError(403, "forbidden", `Your role (${role}) may not do this (${permission}).`);
}

export interface Staff {
  email: string;
  role: Role;
  mustChangePassword: boolean;
}

/**
 * The signed-in staff member from the request's session cookie (next-auth's JWT) when its
 * session is still open, with the account's current role; otherwise null.
 */
export async function staffFromRequest(req: Request, db: Db = apiDatabase().db): Promise<Staff | null> {
  // Only the cookie: getToken would otherwise also accept a bearer JWT, which is not our scheme.
  const cookieOnly = new NextRequest(req.url, { headers: { cookie: req.headers.get("cookie") ?? "" } });
  const token = await getToken({ req: cookieOnly, secret: process.env.NEXTAUTH_SECRET });
  const staff = token && (await liveStaff(db, token));
  if (staff) noteCaller({ role: staff.role }); // the request's log line names the role, never the email
  return staff ? { email: staff.email, role: staff.role, mustChangePassword: staff.mustChangePassword } : null;
}

/** For the staff app's route handlers: the staff member when allowed, otherwise the 401/403 response to return. */
export async function routeAccess(req: Request, permission: Permission | null): Promise<{ staff: Staff; denied?: undefined } | { staff?: undefined; denied: NextResponse }> {
  const staff = await staffFromRequest(req);
  if (!staff) return { denied: errorResponse(new ApiError(401, "unauthenticated", "Sign in first.")) };
  if (staff.mustChangePassword) return { denied: errorResponse(passwordChangeError()) };
  const forbidden = permission && permissionError(staff.role, permission);
  if (forbidden) return { denied: errorResponse(forbidden) };
  return { staff };
}
