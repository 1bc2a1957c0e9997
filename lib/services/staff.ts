// Staff accounts and sign-in checks. Passwords are bcrypt-hashed; repeated failures are
// throttled (sign-in-throttle.ts); nothing about a password is ever logged or returned.
import bcrypt from "bcryptjs";
import { z } from "zod";
import { ROLES, type Role } from "../auth/permissions";
import type { Db } from "../db/client";
import { markSignInSuccess } from "../db/queries/sign-in-attempts";
import { ConflictError, NotFoundError } from "./errors";
import { reserveAttempt } from "./sign-in-throttle";
import { endAllStaffSessions } from "./staff-sessions";

export { MAX_FAILURES, MAX_FAILURES_PER_CLIENT, MAX_FAILURES_PER_EMAIL, THROTTLE_MINUTES } from "./sign-in-throttle";
const BCRYPT_ROUNDS = 10;

export const staffInputSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("must be an email address")),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }),
  password: z.string().min(12, "must be at least 12 characters"),
});
export type StaffInput = z.input<typeof staffInputSchema>;

export class StaffExistsError extends ConflictError {}

export async function createStaff(db: Db, input: StaffInput): Promise<{ id: number; email: string; role: Role }> {
  const data = staffInputSchema.parse(input);
  if (await db.staffUser.findUnique({ where: { email: data.email } })) throw new StaffExistsError(`a staff account for ${data.email} already exists`);
  const hash = await bcrypt.hash(data.password, BCRYPT_ROUNDS);
  const user = await db.staffUser.create({ data: { email: data.email, role: data.role, password_hash: hash } });
  return { id: user.id, email: user.email, role: data.role };
}

export const DEMO_STAFF: ReadonlyArray<{ email: string; role: Role }> = [
  { email: "admin@spendsense.local", role: "admin" },
  { email: "operator@spendsense.local", role: "operator" },
  { email: "analyst@spendsense.local", role: "analyst" },
];

/** On an empty staff table, creates the three demo accounts. Returns those created. */
export async function ensureDemoStaff(db: Db, password: string): Promise<Array<{ email: string; role: Role }>> {
  if ((await db.staffUser.count()) > 0) return [];
  for (const s of DEMO_STAFF) await createStaff(db, { ...s, password });
  return [...DEMO_STAFF];
}

/**
 * Gives a staff account another role. Every open session of the account ends in the same
 * transaction, so the new role (a demotion above all) holds from the next request on.
 */
export async function setStaffRole(db: Db, input: { email: string; role: string }, actor: string): Promise<{ email: string; role: Role; previousRole: Role; sessionsEnded: number }> {
  const { email, role } = staffInputSchema.pick({ email: true, role: true }).parse(input);
  return db.$transaction(async (tx) => {
    const user = await tx.staffUser.findUnique({ where: { email } });
    if (!user) throw new NotFoundError(`no staff account for ${email}`);
    const previousRole = user.role as Role;
    await tx.staffUser.update({ where: { id: user.id }, data: { role } });
    const sessionsEnded = await endAllStaffSessions(tx, user.id);
    await tx.auditEntry.create({ data: { actor, action: "staff.role", target_type: "staff_user", target_id: String(user.id), details: JSON.stringify({ email, from: previousRole, to: role, sessionsEnded }) } });
    return { email, role, previousRole, sessionsEnded };
  });
}

export type SignInResult = { ok: true; user: { id: number; email: string; role: Role } } | { ok: false; reason: "invalid" | "throttled"; retryAfterMinutes?: number };

/** Checks an email and password signing in from `client` (an address, lib/auth/client-address.ts). */
export async function verifySignIn(db: Db, attempt: { email: string; password: string; client: string }, now: Date = new Date()): Promise<SignInResult> {
  const normalised = attempt.email.trim().toLowerCase();
  const reserved = await reserveAttempt(db, normalised, attempt.client, now);
  if (!reserved.ok) return { ok: false, reason: "throttled", retryAfterMinutes: reserved.retryAfterMinutes };
  const user = await db.staffUser.findUnique({ where: { email: normalised } });
  // Compare against a dummy hash when the email is unknown, so timing does not reveal accounts.
  const ok = await bcrypt.compare(attempt.password, user?.password_hash ?? "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.DZTPvvH8nH5iA4Uq3zYx6tQy1Z9W");
  if (!ok || !user) return { ok: false, reason: "invalid" };
  await markSignInSuccess(db, reserved.attemptId);
  return { ok: true, user: { id: user.id, email: user.email, role: user.role as Role } };
}
