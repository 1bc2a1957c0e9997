import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createPrisma, type Db } from "../db/client";
import { tempDb, type TempDb } from "../testing/temp-db";
import { changeOwnPassword, createStaff, createStaffWithTemporaryPassword, disableStaff, enableStaff, ensureDemoStaff, LastAdminError, listStaff, MAX_FAILURES, MAX_FAILURES_PER_CLIENT, MAX_FAILURES_PER_EMAIL, resetStaffPassword, setStaffRole, StaffExistsError, THROTTLE_MINUTES, verifySignIn } from "./staff";
import { liveStaff, startStaffSession } from "./staff-sessions";

let t: TempDb;
let db: Db;
beforeEach(async () => {
  t = await tempDb();
  db = createPrisma(t.url);
});
afterEach(async () => {
  await db.$disconnect();
  t.cleanup();
});

const PASSWORD = "correct horse battery";
const HOME = "198.51.100.7";
const signIn = (email: string, password: string, now?: Date, client = HOME) => verifySignIn(db, { email, password, client }, now);

describe("staff accounts", () => {
  it("stores only a bcrypt hash and normalises the email", async () => {
    const u = await createStaff(db, { email: " Operator@Bank.Example ", role: "operator", password: PASSWORD });
    expect(u).toMatchObject({ email: "operator@bank.example", role: "operator" });
    const row = await db.staffUser.findUniqueOrThrow({ where: { email: "operator@bank.example" } });
    expect(row.password_hash).toMatch(/^\$2[aby]\$10\$/);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it("refuses bad input and duplicates with clear reasons", async () => {
    await expect(createStaff(db, { email: "not-an-email", role: "operator", password: PASSWORD })).rejects.toBeInstanceOf(ZodError);
    await expect(createStaff(db, { email: "a@b.example", role: "root" as never, password: PASSWORD })).rejects.toThrow(/one of admin, operator, analyst/);
    await expect(createStaff(db, { email: "a@b.example", role: "analyst", password: "short" })).rejects.toThrow(/at least 12/);
    await createStaff(db, { email: "a@b.example", role: "analyst", password: PASSWORD });
    await expect(createStaff(db, { email: "A@B.example", role: "admin", password: PASSWORD })).rejects.toBeInstanceOf(StaffExistsError);
  });

  it("creates the three demo accounts only on an empty table", async () => {
    expect((await ensureDemoStaff(db, PASSWORD)).map((s) => s.role)).toEqual(["admin", "operator", "analyst"]);
    expect(await ensureDemoStaff(db, PASSWORD)).toEqual([]);
    expect(await db.staffUser.count()).toBe(3);
  });
});

describe("sign-in checks", () => {
  it("accepts the right password and refuses a wrong one or an unknown email", async () => {
    await createStaff(db, { email: "analyst@x.example", role: "analyst", password: PASSWORD });
    expect(await signIn("ANALYST@x.example", PASSWORD)).toMatchObject({ ok: true, user: { email: "analyst@x.example", role: "analyst" } });
    expect(await signIn("analyst@x.example", "wrong password!!")).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn("ghost@x.example", PASSWORD)).toEqual({ ok: false, reason: "invalid" });
  });

  it(`throttles after ${MAX_FAILURES} failures in ${THROTTLE_MINUTES} minutes, even for the right password, then lets go`, async () => {
    await createStaff(db, { email: "op@x.example", role: "operator", password: PASSWORD });
    const t0 = new Date("2026-11-21T10:00:00Z");
    for (let i = 0; i < MAX_FAILURES; i++) expect((await signIn("op@x.example", "nope nope nope", new Date(t0.getTime() + i * 1000))).ok).toBe(false);
    const locked = await signIn("op@x.example", PASSWORD, new Date(t0.getTime() + 60_000));
    expect(locked).toMatchObject({ ok: false, reason: "throttled", retryAfterMinutes: 14 });
    const later = await signIn("op@x.example", PASSWORD, new Date(t0.getTime() + (THROTTLE_MINUTES + 1) * 60_000));
    expect(later.ok).toBe(true);
  });

  it("counts attempts sent all at once: of 30 parallel tries only the allowed ones are checked, so the right password among wrong ones does not get in", async () => {
    await createStaff(db, { email: "op@x.example", role: "operator", password: PASSWORD });
    const now = new Date("2026-11-21T10:00:00Z");
    // 29 wrong guesses and the right password last, all in flight together.
    const passwords = [...Array.from({ length: 29 }, (_, i) => `guess number ${i}`), PASSWORD];
    const results = await Promise.all(passwords.map((p) => signIn("op@x.example", p, now)));
    const checked = results.filter((r) => r.ok || r.reason === "invalid");
    expect(checked).toHaveLength(MAX_FAILURES);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(30 - MAX_FAILURES);
    expect(results[29]).toMatchObject({ ok: false, reason: "throttled" });
    expect(results.some((r) => r.ok)).toBe(false);
    // And once the limit is reached, another burst is refused whole, the right password included.
    const again = await Promise.all(passwords.map((p) => signIn("op@x.example", p, new Date(now.getTime() + 1000))));
    expect(again.every((r) => !r.ok && r.reason === "throttled")).toBe(true);
    expect(await db.signInAttempt.count()).toBe(MAX_FAILURES);
  });

  it("throttles per client address: a stranger's failures do not lock the staff member out from their own address", async () => {
    await createStaff(db, { email: "op@x.example", role: "operator", password: PASSWORD });
    const now = new Date("2026-11-21T10:00:00Z");
    const stranger = "203.0.113.66";
    for (let i = 0; i < MAX_FAILURES; i++) expect(await signIn("op@x.example", `guess ${i}`, now, stranger)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn("op@x.example", PASSWORD, now, stranger)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await signIn("op@x.example", PASSWORD, now, HOME)).toMatchObject({ ok: true });
  });

  it("throttles one address guessing across many emails", async () => {
    await createStaff(db, { email: "op@x.example", role: "operator", password: PASSWORD });
    const now = new Date("2026-11-21T10:00:00Z");
    const guesser = "203.0.113.9";
    // Earlier failures from that address against other emails (as verifySignIn records them), then the last one allowed.
    await db.signInAttempt.createMany({ data: Array.from({ length: MAX_FAILURES_PER_CLIENT - 1 }, (_, i) => ({ email: `user${i % 4}@x.example`, client: guesser, success: false, created_at: now })) });
    expect(await signIn("user9@x.example", "nope nope nope", now, guesser)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn("op@x.example", PASSWORD, now, guesser)).toMatchObject({ ok: false, reason: "throttled", retryAfterMinutes: THROTTLE_MINUTES });
    expect((await signIn("op@x.example", PASSWORD, now, HOME)).ok).toBe(true);
  });

  it(`caps guessing one email from many addresses at ${MAX_FAILURES_PER_EMAIL} failures`, async () => {
    await createStaff(db, { email: "op@x.example", role: "operator", password: PASSWORD });
    const now = new Date("2026-11-21T10:00:00Z");
    await db.signInAttempt.createMany({ data: Array.from({ length: MAX_FAILURES_PER_EMAIL - 1 }, (_, i) => ({ email: "op@x.example", client: `203.0.113.${i}`, success: false, created_at: now })) });
    expect(await signIn("op@x.example", "nope nope nope", now, "203.0.113.250")).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn("op@x.example", PASSWORD, now, "192.0.2.1")).toMatchObject({ ok: false, reason: "throttled" });
  });
});

describe("role changes", () => {
  it("change the role and end every open session of the account, with an audit entry", async () => {
    const { id } = await createStaff(db, { email: "op@x.example", role: "operator", password: PASSWORD });
    const other = await createStaff(db, { email: "other@x.example", role: "operator", password: PASSWORD });
    const [laptop, phone, others] = [await startStaffSession(db, id), await startStaffSession(db, id), await startStaffSession(db, other.id)];
    expect(await liveStaff(db, { sid: laptop })).toMatchObject({ email: "op@x.example", role: "operator" });
    expect(await setStaffRole(db, { email: "OP@x.example", role: "analyst" }, "admin@x.example")).toMatchObject({ role: "analyst", previousRole: "operator", sessionsEnded: 2 });
    expect(await liveStaff(db, { sid: laptop })).toBeNull();
    expect(await liveStaff(db, { sid: phone })).toBeNull();
    expect(await liveStaff(db, { sid: others })).toMatchObject({ role: "operator" });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "staff.role" } });
    expect(JSON.parse(audit.details!)).toMatchObject({ email: "op@x.example", from: "operator", to: "analyst" });
    // A fresh sign-in gets the new role.
    expect(await liveStaff(db, { sid: await startStaffSession(db, id) })).toMatchObject({ role: "analyst" });
    await expect(setStaffRole(db, { email: "ghost@x.example", role: "admin" }, "admin@x.example")).rejects.toThrow(/no staff account/);
    await expect(setStaffRole(db, { email: "op@x.example", role: "root" }, "admin@x.example")).rejects.toThrow(/one of admin, operator, analyst/);
  });
});

describe("staff administration", () => {
  const ADMIN = "admin@x.example";

  it("creates an account with a temporary password shown once: it signs in with it, only a hash is stored, and the audit names no password", async () => {
    const created = await createStaffWithTemporaryPassword(db, { email: "New@x.example", role: "operator" }, ADMIN);
    expect(created).toMatchObject({ email: "new@x.example", role: "operator" });
    expect(created.temporaryPassword.length).toBeGreaterThanOrEqual(20);
    expect((await createStaffWithTemporaryPassword(db, { email: "other@x.example", role: "analyst" }, ADMIN)).temporaryPassword).not.toBe(created.temporaryPassword);
    expect(await signIn("new@x.example", created.temporaryPassword)).toMatchObject({ ok: true, user: { role: "operator" } });
    const row = await db.staffUser.findUniqueOrThrow({ where: { email: "new@x.example" } });
    expect(row.password_hash).not.toContain(created.temporaryPassword);
    const audits = await db.auditEntry.findMany({ where: { action: "staff.create" } });
    expect(audits.map((a) => [a.actor, JSON.parse(a.details!).email])).toEqual([[ADMIN, "new@x.example"], [ADMIN, "other@x.example"]]);
    expect(JSON.stringify(audits)).not.toContain(created.temporaryPassword);
    await expect(createStaffWithTemporaryPassword(db, { email: "new@x.example", role: "admin" }, ADMIN)).rejects.toBeInstanceOf(StaffExistsError);
  });

  it("a disabled account cannot sign in and its sessions end; enabling lets it back in; both audited", async () => {
    const { id } = await createStaff(db, { email: "op@x.example", role: "operator", password: PASSWORD });
    const sid = await startStaffSession(db, id);
    expect(await disableStaff(db, { email: "op@x.example" }, ADMIN)).toEqual({ email: "op@x.example", sessionsEnded: 1 });
    expect(await liveStaff(db, { sid })).toBeNull();
    expect(await signIn("op@x.example", PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect((await listStaff(db)).find((s) => s.email === "op@x.example")?.disabled_at).toBeInstanceOf(Date);
    await expect(disableStaff(db, { email: "op@x.example" }, ADMIN)).rejects.toThrow(/already disabled/);
    await enableStaff(db, { email: "op@x.example" }, ADMIN);
    expect(await signIn("op@x.example", PASSWORD)).toMatchObject({ ok: true });
    expect((await db.auditEntry.findMany({ where: { target_id: String(id) }, orderBy: { id: "asc" } })).map((a) => a.action)).toEqual(["staff.create", "staff.disable", "staff.enable"]);
    await expect(disableStaff(db, { email: "ghost@x.example" }, ADMIN)).rejects.toThrow(/no staff account for ghost@x.example/);
  });

  it("resetting a password ends every session, the old password stops working and the temporary one works", async () => {
    const { id } = await createStaff(db, { email: "op@x.example", role: "operator", password: PASSWORD });
    const sid = await startStaffSession(db, id);
    const r = await resetStaffPassword(db, { email: "op@x.example" }, ADMIN);
    expect(r.sessionsEnded).toBe(1);
    expect(await liveStaff(db, { sid })).toBeNull();
    expect(await signIn("op@x.example", PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn("op@x.example", r.temporaryPassword)).toMatchObject({ ok: true });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "staff.reset_password" } });
    expect(audit.actor).toBe(ADMIN);
    expect(audit.details).not.toContain(r.temporaryPassword);
  });

  it("a temporary password (reset or new account) must be changed at the next sign-in: checked, audited, then the account works as usual", async () => {
    const { id } = await createStaff(db, { email: "op@x.example", role: "operator", password: PASSWORD });
    expect((await liveStaff(db, { sid: await startStaffSession(db, id) }))?.mustChangePassword).toBe(false);
    const r = await resetStaffPassword(db, { email: "op@x.example" }, ADMIN);
    const sid = await startStaffSession(db, id);
    expect((await liveStaff(db, { sid }))?.mustChangePassword).toBe(true);
    const created = await createStaffWithTemporaryPassword(db, { email: "new@x.example", role: "analyst" }, ADMIN);
    expect((await db.staffUser.findUniqueOrThrow({ where: { email: created.email } })).must_change_password).toBe(true);

    const chosen = "my own long password";
    await expect(changeOwnPassword(db, "op@x.example", { current: "wrong password!", password: chosen, confirm: chosen })).rejects.toThrow(/current password is not right/);
    await expect(changeOwnPassword(db, "op@x.example", { current: r.temporaryPassword, password: chosen, confirm: "something else" })).rejects.toThrow(/does not match/);
    await expect(changeOwnPassword(db, "op@x.example", { current: r.temporaryPassword, password: r.temporaryPassword, confirm: r.temporaryPassword })).rejects.toThrow(/must differ/);
    expect((await liveStaff(db, { sid }))?.mustChangePassword).toBe(true);
    expect(await changeOwnPassword(db, "op@x.example", { current: r.temporaryPassword, password: chosen, confirm: chosen })).toEqual({ email: "op@x.example", sessionsEnded: 1 });
    expect(await liveStaff(db, { sid })).toBeNull();
    expect(await signIn("op@x.example", r.temporaryPassword)).toEqual({ ok: false, reason: "invalid" });
    expect(await signIn("op@x.example", chosen)).toMatchObject({ ok: true });
    expect((await liveStaff(db, { sid: await startStaffSession(db, id) }))?.mustChangePassword).toBe(false);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "staff.change_password" } });
    expect(audit).toMatchObject({ actor: "op@x.example", target_id: String(id) });
    expect(JSON.parse(audit.details!)).toEqual({ email: "op@x.example", was_temporary: true, sessionsEnded: 1 });
    expect(audit.details).not.toContain(chosen);
  });

  it("the last enabled admin can be neither disabled nor demoted; with a second admin both work", async () => {
    await createStaff(db, { email: "boss@x.example", role: "admin", password: PASSWORD });
    await createStaff(db, { email: "old@x.example", role: "admin", password: PASSWORD });
    await disableStaff(db, { email: "old@x.example" }, ADMIN);
    // A disabled admin does not count.
    await expect(disableStaff(db, { email: "boss@x.example" }, ADMIN)).rejects.toBeInstanceOf(LastAdminError);
    await expect(setStaffRole(db, { email: "boss@x.example", role: "operator" }, ADMIN)).rejects.toThrow(/last enabled admin/);
    expect(await setStaffRole(db, { email: "boss@x.example", role: "admin" }, ADMIN)).toMatchObject({ role: "admin" });
    expect((await db.staffUser.findUniqueOrThrow({ where: { email: "boss@x.example" } })).disabled_at).toBeNull();
    expect(await db.auditEntry.count({ where: { action: { in: ["staff.disable", "staff.role"] }, target_id: String((await db.staffUser.findUniqueOrThrow({ where: { email: "boss@x.example" } })).id) } })).toBe(1);
    await enableStaff(db, { email: "old@x.example" }, ADMIN);
    await setStaffRole(db, { email: "boss@x.example", role: "operator" }, ADMIN);
    await expect(disableStaff(db, { email: "old@x.example" }, ADMIN)).rejects.toBeInstanceOf(LastAdminError);
  });
});
