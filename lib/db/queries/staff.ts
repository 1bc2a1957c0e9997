// Staff accounts and their sessions (lib/services/staff.ts and staff-sessions.ts hold the rules).
// Functions taking `Tx` run on the client or inside the caller's transaction.
import type { Db } from "../client";
import type { Prisma } from "../generated/client";

type Tx = Prisma.TransactionClient;

export interface StaffAccount {
  id: number;
  email: string;
  role: string;
  password_hash: string;
  created_at: Date;
  disabled_at: Date | null;
  must_change_password: boolean;
}

/** The account with this (normalised) email, or null. */
export function staffByEmail(tx: Tx, email: string): Promise<StaffAccount | null> {
  return tx.staffUser.findUnique({ where: { email } });
}

export function insertStaff(tx: Tx, data: { email: string; role: string; password_hash: string; must_change_password: boolean }): Promise<StaffAccount> {
  return tx.staffUser.create({ data });
}

export async function updateStaff(tx: Tx, id: number, data: Partial<Pick<StaffAccount, "role" | "disabled_at" | "password_hash" | "must_change_password">>): Promise<void> {
  await tx.staffUser.update({ where: { id }, data });
}

export function countStaff(tx: Tx): Promise<number> {
  return tx.staffUser.count();
}

/** Enabled admins other than the account `id`. */
export function countOtherEnabledAdmins(tx: Tx, id: number): Promise<number> {
  return tx.staffUser.count({ where: { role: "admin", disabled_at: null, id: { not: id } } });
}

/** Every account by email, with its count of open sessions. */
export async function staffListRows(db: Db): Promise<Array<Omit<StaffAccount, "password_hash" | "must_change_password"> & { open_sessions: number }>> {
  const rows = await db.staffUser.findMany({
    orderBy: { email: "asc" },
    select: { id: true, email: true, role: true, created_at: true, disabled_at: true, _count: { select: { sessions: { where: { ended_at: null } } } } },
  });
  return rows.map(({ _count, ...r }) => ({ ...r, open_sessions: _count.sessions }));
}

/** Every account's email and password hash (the production start checks none uses the demo password). */
export function staffPasswordHashes(db: Db): Promise<Array<{ email: string; password_hash: string }>> {
  return db.staffUser.findMany({ select: { email: true, password_hash: true } });
}

export async function insertStaffSession(db: Db, id: string, staffId: number): Promise<void> {
  await db.staffSession.create({ data: { id, staff_id: staffId } });
}

/** Ends the session if it is open. */
export async function endStaffSessionRow(db: Db, id: string, at: Date): Promise<void> {
  await db.staffSession.updateMany({ where: { id, ended_at: null }, data: { ended_at: at } });
}

/** Ends every open session of the account; returns how many. */
export async function endOpenStaffSessions(tx: Tx, staffId: number, at: Date): Promise<number> {
  return (await tx.staffSession.updateMany({ where: { staff_id: staffId, ended_at: null }, data: { ended_at: at } })).count;
}

/** A session with its account's current state, or null when there is no such session. */
export function staffSessionWithAccount(db: Db, id: string) {
  return db.staffSession.findUnique({ where: { id }, select: { ended_at: true, staff: { select: { id: true, email: true, role: true, disabled_at: true, must_change_password: true } } } });
}
