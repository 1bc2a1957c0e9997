// `npm start` and staff accounts: demo staff with the published password only outside
// production (or when asked, with a password of one's own); production refuses the demo password.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createPrisma, type Db } from "../db/client";
import { tempDb, type TempDb } from "../testing/temp-db";
import { DEV_DEMO_PASSWORD, prepareStartStaff, UnsafeStartError } from "./demo-staff";
import { createStaff, verifySignIn } from "./staff";

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

describe("staff on start", () => {
  it("outside production, an empty install gets the three demo sign-ins with the demo password", async () => {
    const r = await prepareStartStaff(db, { NODE_ENV: "development" });
    expect(r.created.map((s) => s.role)).toEqual(["admin", "operator", "analyst"]);
    expect((await verifySignIn(db, { email: "admin@spendsense.local", password: DEV_DEMO_PASSWORD, client: "test" })).ok).toBe(true);
  });

  it("in production, an empty install gets no demo staff, only a note on how to create an account", async () => {
    const r = await prepareStartStaff(db, { NODE_ENV: "production" });
    expect(r.created).toEqual([]);
    expect(r.note).toMatch(/spendsense staff create/);
    expect(await db.staffUser.count()).toBe(0);
  });

  it("in production, demo staff are created only when asked, and only with a password that is not the published one", async () => {
    await expect(prepareStartStaff(db, { NODE_ENV: "production", SPENDSENSE_DEMO_STAFF: "1" })).rejects.toBeInstanceOf(UnsafeStartError);
    await expect(prepareStartStaff(db, { NODE_ENV: "production", SPENDSENSE_DEMO_STAFF: "1", SPENDSENSE_DEMO_PASSWORD: DEV_DEMO_PASSWORD })).rejects.toThrow(/published demo password/);
    expect(await db.staffUser.count()).toBe(0);
    const r = await prepareStartStaff(db, { NODE_ENV: "production", SPENDSENSE_DEMO_STAFF: "1", SPENDSENSE_DEMO_PASSWORD: "a-long-private-pass-2026" });
    expect(r.created).toHaveLength(3);
    expect((await verifySignIn(db, { email: "operator@spendsense.local", password: "a-long-private-pass-2026", client: "test" })).ok).toBe(true);
  });

  it("a production start refuses to run while any account signs in with the demo password", async () => {
    await prepareStartStaff(db, { NODE_ENV: "development" }); // an install first started in development
    await createStaff(db, { email: "jo@bank.example", role: "admin", password: "jo-has-a-good-password" });
    await expect(prepareStartStaff(db, { NODE_ENV: "production" })).rejects.toThrow(/admin@spendsense\.local, operator@spendsense\.local, analyst@spendsense\.local still sign\(s\) in with the published demo password/);
  });
});
