// Staff accounts and sign-in checks. Passwords are bcrypt-hashed; repeated failures for an
// email are throttled; nothing about a password is ever logged or returned.
import bcrypt from "bcryptjs";
import { z } from "zod";
import { ROLES, type Role } from "../auth/permissions";
import type { Db } from "../db/client";
import { ConflictError } from "./errors";

export const MAX_FAILURES = 5;
export const THROTTLE_MINUTES = 15;
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

export type SignInResult = { ok: true; user: { id: number; email: string; role: Role } } | { ok: false; reason: "invalid" | "throttled"; retryAfterMinutes?: number };

export async function verifySignIn(db: Db, email: string, password: string, now: Date = new Date()): Promise<SignInResult> {
  const normalised = email.trim().toLowerCase();
  const since = new Date(now.getTime() - THROTTLE_MINUTES * 60_000);
  const failures = await db.signInAttempt.findMany({ where: { email: normalised, success: false, created_at: { gte: since } }, orderBy: { created_at: "asc" }, select: { created_at: true } });
  if (failures.length >= MAX_FAILURES) {
    const unlock = failures[failures.length - MAX_FAILURES].created_at.getTime() + THROTTLE_MINUTES * 60_000;
    return { ok: false, reason: "throttled", retryAfterMinutes: Math.max(1, Math.ceil((unlock - now.getTime()) / 60_000)) };
  }
  const user = await db.staffUser.findUnique({ where: { email: normalised } });
  // Compare against a dummy hash when the email is unknown, so timing does not reveal accounts.
  const ok = await bcrypt.compare(password, user?.password_hash ?? "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.DZTPvvH8nH5iA4Uq3zYx6tQy1Z9W");
  await db.signInAttempt.create({ data: { email: normalised, success: ok && !!user, created_at: now } });
  if (!ok || !user) return { ok: false, reason: "invalid" };
  return { ok: true, user: { id: user.id, email: user.email, role: user.role as Role } };
}
