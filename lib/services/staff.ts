// Staff accounts and sign-in checks. Passwords are bcrypt-hashed; repeated failures are
// throttled (sign-in-throttle.ts); nothing about a password is ever logged or returned.
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { z } from "zod";
import { ROLES, type Role } from "../auth/permissions";
import { recordAudit } from "../db/audit";
import { prisma, type Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { markSignInSuccess } from "../db/queries/sign-in-attempts";
import { countOtherEnabledAdmins, countStaff, insertStaff, staffByEmail, staffListRows, updateStaff } from "../db/queries/staff";
import { ConflictError, NotFoundError } from "./errors";
import { reserveAttempt } from "./sign-in-throttle";
import { endAllStaffSessions } from "./staff-sessions";
import { onProcessDb } from "./database";

export { MAX_FAILURES, MAX_FAILURES_PER_CLIENT, MAX_FAILURES_PER_EMAIL, THROTTLE_MINUTES } from "./sign-in-throttle";
const BCRYPT_ROUNDS = 10;

export const staffInputSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("must be an email address")),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }),
  password: z.string().min(12, "must be at least 12 characters"),
});
export type StaffInput = z.input<typeof staffInputSchema>;

export class StaffExistsError extends ConflictError {}

/**
 * Creates an account with the password given (CLI, demo staff); audited as `staff.create`. A
 * `temporary` password must be changed at the first sign-in.
 */
export async function createStaff(db: Db, input: StaffInput, actor = "system", opts: { temporary?: boolean } = {}): Promise<{ id: number; email: string; role: Role }> {
  const data = staffInputSchema.parse(input);
  const hash = await bcrypt.hash(data.password, BCRYPT_ROUNDS);
  return db.$transaction(async (tx) => {
    if (await staffByEmail(tx, data.email)) throw new StaffExistsError(`a staff account for ${data.email} already exists`);
    const user = await insertStaff(tx, { email: data.email, role: data.role, password_hash: hash, must_change_password: opts.temporary === true });
    await recordAudit(tx, "staff.create", { type: "staff_user", id: user.id }, { actor, details: { email: data.email, role: data.role, ...(opts.temporary ? { temporary_password: true } : {}) } });
    return { id: user.id, email: user.email, role: data.role };
  });
}

/** A temporary password: 120 random bits, handed back once and stored only as a bcrypt hash. */
function temporaryPassword(): string {
  return randomBytes(15).toString("base64url");
}

/** Creates an account with a temporary password, returned once for the admin to pass on. */
export async function createStaffWithTemporaryPassword(db: Db, input: { email: string; role: string }, actor: string): Promise<{ email: string; role: Role; temporaryPassword: string }> {
  const password = temporaryPassword();
  const user = await createStaff(db, { ...staffInputSchema.pick({ email: true, role: true }).parse(input), password }, actor, { temporary: true });
  return { email: user.email, role: user.role, temporaryPassword: password };
}

export interface StaffRow {
  id: number;
  email: string;
  role: Role;
  created_at: Date;
  disabled_at: Date | null;
  openSessions: number;
}

/** Every staff account, enabled ones first, then by email. */
export async function listStaff(db: Db = prisma()): Promise<StaffRow[]> {
  return (await staffListRows(db))
    .map((r) => ({ id: r.id, email: r.email, role: r.role as Role, created_at: r.created_at, disabled_at: r.disabled_at, openSessions: r.disabled_at ? 0 : r.open_sessions }))
    .sort((a, b) => Number(a.disabled_at !== null) - Number(b.disabled_at !== null));
}

export const DEMO_STAFF: ReadonlyArray<{ email: string; role: Role }> = [
  { email: "admin@spendsense.local", role: "admin" },
  { email: "operator@spendsense.local", role: "operator" },
  { email: "analyst@spendsense.local", role: "analyst" },
];

/** On an empty staff table, creates the three demo accounts. Returns those created. */
export async function ensureDemoStaff(db: Db, password: string): Promise<Array<{ email: string; role: Role }>> {
  if ((await countStaff(db)) > 0) return [];
  for (const s of DEMO_STAFF) await createStaff(db, { ...s, password });
  return [...DEMO_STAFF];
}

const emailSchema = staffInputSchema.shape.email;

/** The one check that keeps the app administrable: an account leaving the enabled admins must not be the last of them. */
async function assertNotLastAdmin(tx: Prisma.TransactionClient, user: { id: number; email: string; role: string; disabled_at: Date | null }, change: string): Promise<void> {
  if (user.role !== "admin" || user.disabled_at !== null) return;
  const others = await countOtherEnabledAdmins(tx, user.id);
  if (others === 0) throw new LastAdminError(`${user.email} is the last enabled admin and cannot be ${change}; make another account an admin first`);
}
export class LastAdminError extends ConflictError {}

/** Finds an account by email inside a transaction, or says there is none. */
async function accountOf(tx: Prisma.TransactionClient, email: string) {
  const user = await staffByEmail(tx, email);
  if (!user) throw new NotFoundError(`no staff account for ${email}`);
  return user;
}

/**
 * Gives a staff account another role. Every open session of the account ends in the same
 * transaction, so the new role (a demotion above all) holds from the next request on.
 */
export async function setStaffRole(db: Db, input: { email: string; role: string }, actor: string): Promise<{ email: string; role: Role; previousRole: Role; sessionsEnded: number }> {
  const { email, role } = staffInputSchema.pick({ email: true, role: true }).parse(input);
  return db.$transaction(async (tx) => {
    const user = await accountOf(tx, email);
    const previousRole = user.role as Role;
    if (role !== "admin") await assertNotLastAdmin(tx, user, `made ${role}`);
    await updateStaff(tx, user.id, { role });
    const sessionsEnded = await endAllStaffSessions(tx, user.id);
    await recordAudit(tx, "staff.role", { type: "staff_user", id: user.id }, { actor, details: { email, from: previousRole, to: role, sessionsEnded } });
    return { email, role, previousRole, sessionsEnded };
  });
}

/** Disables an account: it cannot sign in and every open session ends. The last enabled admin cannot be disabled. */
export async function disableStaff(db: Db, input: { email: string }, actor: string): Promise<{ email: string; sessionsEnded: number }> {
  const email = emailSchema.parse(input.email);
  return db.$transaction(async (tx) => {
    const user = await accountOf(tx, email);
    if (user.disabled_at) throw new ConflictError(`${email} is already disabled`);
    await assertNotLastAdmin(tx, user, "disabled");
    await updateStaff(tx, user.id, { disabled_at: new Date() });
    const sessionsEnded = await endAllStaffSessions(tx, user.id);
    await recordAudit(tx, "staff.disable", { type: "staff_user", id: user.id }, { actor, details: { email, sessionsEnded } });
    return { email, sessionsEnded };
  });
}

/** Lets a disabled account sign in again (with the password it had). */
export async function enableStaff(db: Db, input: { email: string }, actor: string): Promise<{ email: string }> {
  const email = emailSchema.parse(input.email);
  return db.$transaction(async (tx) => {
    const user = await accountOf(tx, email);
    if (!user.disabled_at) throw new ConflictError(`${email} is not disabled`);
    await updateStaff(tx, user.id, { disabled_at: null });
    await recordAudit(tx, "staff.enable", { type: "staff_user", id: user.id }, { actor, details: { email } });
    return { email };
  });
}

/** Replaces an account's password with a temporary one (returned once, to be changed at the next sign-in) and ends every open session. */
export async function resetStaffPassword(db: Db, input: { email: string }, actor: string): Promise<{ email: string; temporaryPassword: string; sessionsEnded: number }> {
  const email = emailSchema.parse(input.email);
  const password = temporaryPassword();
  const hash = await bcrypt.hash(password, BCRYPT_ROUNDS);
  return db.$transaction(async (tx) => {
    const user = await accountOf(tx, email);
    await updateStaff(tx, user.id, { password_hash: hash, must_change_password: true });
    const sessionsEnded = await endAllStaffSessions(tx, user.id);
    await recordAudit(tx, "staff.reset_password", { type: "staff_user", id: user.id }, { actor, details: { email, sessionsEnded } });
    return { email, temporaryPassword: password, sessionsEnded };
  });
}

const changePasswordSchema = z
  .object({ current: z.string().min(1, "enter your current password"), password: staffInputSchema.shape.password, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "does not match the new password" })
  .refine((v) => v.password !== v.current, { path: ["password"], message: "must differ from your current password" });

/**
 * A signed-in staff member sets their own password (forced after a temporary one): the current
 * password is checked, the temporary flag cleared and the change audited; every session of the
 * account ends, so the next step is signing in with the new password.
 */
export async function changeOwnPassword(db: Db, email: string, input: unknown): Promise<{ email: string; sessionsEnded: number }> {
  const v = changePasswordSchema.parse(input);
  const user = await staffByEmail(db, email);
  if (!user || user.disabled_at) throw new NotFoundError(`no enabled staff account for ${email}`);
  if (!(await bcrypt.compare(v.current, user.password_hash))) throw new ConflictError("the current password is not right; nothing was changed");
  const hash = await bcrypt.hash(v.password, BCRYPT_ROUNDS);
  return db.$transaction(async (tx) => {
    await updateStaff(tx, user.id, { password_hash: hash, must_change_password: false });
    const sessionsEnded = await endAllStaffSessions(tx, user.id);
    await recordAudit(tx, "staff.change_password", { type: "staff_user", id: user.id }, { actor: user.email, details: { email: user.email, was_temporary: user.must_change_password, sessionsEnded } });
    return { email: user.email, sessionsEnded };
  });
}

export type SignInResult = { ok: true; user: { id: number; email: string; role: Role } } | { ok: false; reason: "invalid" | "throttled"; retryAfterMinutes?: number };

/** Checks an email and password signing in from `client` (an address, lib/auth/client-address.ts). */
export async function verifySignIn(db: Db, attempt: { email: string; password: string; client: string }, now: Date = new Date()): Promise<SignInResult> {
  const normalised = attempt.email.trim().toLowerCase();
  const reserved = await reserveAttempt(db, normalised, attempt.client, now);
  if (!reserved.ok) return { ok: false, reason: "throttled", retryAfterMinutes: reserved.retryAfterMinutes };
  const user = await staffByEmail(db, normalised);
  // Compare against a dummy hash when the email is unknown, so timing does not reveal accounts.
  const ok = await bcrypt.compare(attempt.password, user?.password_hash ?? "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.DZTPvvH8nH5iA4Uq3zYx6tQy1Z9W");
  // A disabled account is refused like a wrong password: the form does not reveal which.
  if (!ok || !user || user.disabled_at !== null) return { ok: false, reason: "invalid" };
  await markSignInSuccess(db, reserved.attemptId);
  return { ok: true, user: { id: user.id, email: user.email, role: user.role as Role } };
}

/** These use cases on the process's own database, for the staff pages' server actions. */
export const staffOnProcessDb = onProcessDb({ createStaffWithTemporaryPassword, resetStaffPassword, setStaffRole, disableStaff, enableStaff, changeOwnPassword });
