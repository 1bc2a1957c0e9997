import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createPrisma, type Db } from "../db/client";
import { tempDb, type TempDb } from "../testing/temp-db";
import { createStaff, ensureDemoStaff, MAX_FAILURES, StaffExistsError, THROTTLE_MINUTES, verifySignIn } from "./staff";

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
    expect(await verifySignIn(db, "ANALYST@x.example", PASSWORD)).toMatchObject({ ok: true, user: { email: "analyst@x.example", role: "analyst" } });
    expect(await verifySignIn(db, "analyst@x.example", "wrong password!!")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifySignIn(db, "ghost@x.example", PASSWORD)).toEqual({ ok: false, reason: "invalid" });
  });

  it(`throttles after ${MAX_FAILURES} failures in ${THROTTLE_MINUTES} minutes, even for the right password, then lets go`, async () => {
    await createStaff(db, { email: "op@x.example", role: "operator", password: PASSWORD });
    const t0 = new Date("2026-11-21T10:00:00Z");
    for (let i = 0; i < MAX_FAILURES; i++) expect((await verifySignIn(db, "op@x.example", "nope nope nope", new Date(t0.getTime() + i * 1000))).ok).toBe(false);
    const locked = await verifySignIn(db, "op@x.example", PASSWORD, new Date(t0.getTime() + 60_000));
    expect(locked).toMatchObject({ ok: false, reason: "throttled", retryAfterMinutes: 14 });
    const later = await verifySignIn(db, "op@x.example", PASSWORD, new Date(t0.getTime() + (THROTTLE_MINUTES + 1) * 60_000));
    expect(later.ok).toBe(true);
  });
});
