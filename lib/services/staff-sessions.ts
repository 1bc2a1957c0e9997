// Staff sessions that end on the server. next-auth keeps the session in a signed JWT cookie, which
// on its own stays valid until it expires; so each sign-in opens a row here, the JWT carries the
// row's id (`sid`), and every server-side session read (pages, server actions, staff routes, API
// callers) asks `liveStaff` whether that row is still open. Signing out ends the row, so a copied
// cookie is refused from then on; a role change ends every session of the account. The role is
// read from the account on each request, never trusted from the token.
import { randomBytes } from "node:crypto";
import { isRole, type Role } from "../auth/permissions";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { endOpenStaffSessions, endStaffSessionRow, insertStaffSession, staffSessionWithAccount } from "../db/queries/staff";

export interface LiveStaff {
  id: number;
  email: string;
  role: Role;
  /** A temporary password is still set: nothing but choosing a new one is allowed (lib/auth/guards.ts). */
  mustChangePassword: boolean;
}

/** Opens a session for a staff member who just signed in; returns its id (128 random bits). */
export async function startStaffSession(db: Db, staffId: number): Promise<string> {
  const id = randomBytes(16).toString("base64url");
  await insertStaffSession(db, id, staffId);
  return id;
}

/** Ends one session (sign-out). Ending an ended or unknown session is harmless. */
export async function endStaffSession(db: Db, sessionId: unknown): Promise<void> {
  if (typeof sessionId !== "string" || !sessionId) return;
  await endStaffSessionRow(db, sessionId, new Date());
}

/** Ends every open session of an account (role change, disable, password reset); inside the caller's transaction. */
export async function endAllStaffSessions(tx: Prisma.TransactionClient, staffId: number): Promise<number> {
  return endOpenStaffSessions(tx, staffId, new Date());
}

/**
 * The staff member behind a session JWT when its session is still open, with the account's
 * current email and role; null for a token without a session id (issued before sessions were
 * tracked, or forged), an ended session, or a deleted or disabled account.
 */
export async function liveStaff(db: Db, token: { sid?: unknown } | null | undefined): Promise<LiveStaff | null> {
  const sid = token?.sid;
  if (typeof sid !== "string" || !sid) return null;
  const row = await staffSessionWithAccount(db, sid);
  if (!row || row.ended_at !== null || row.staff.disabled_at !== null || !isRole(row.staff.role)) return null;
  return { id: row.staff.id, email: row.staff.email, role: row.staff.role, mustChangePassword: row.staff.must_change_password };
}
