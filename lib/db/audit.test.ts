// The audit floor (issue 14): one home writes audit rows, every action it may write is in one closed
// table, and every action there reads as words on the audit pages.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditActionLabel, humanise } from "../labels";
import { tempDb } from "../testing/temp-db";
import { AUDIT_ACTIONS, isAuditAction, recordAudit, type AuditAction } from "./audit";
import { createPrisma } from "./client";

const ROOT = path.resolve(__dirname, "../..");
const HOME = path.join("lib", "db", "audit.ts");
/** A new audit row written by hand: raw SQL, Prisma, or a bulk insert into the table. */
const DIRECT_WRITE = /INSERT\s+(?:OR\s+\w+\s+)?INTO\s+["'`]?audit_log\b|auditEntry\s*\.\s*(?:create|createMany|createManyAndReturn|upsert)\b|bulkInsert\(\s*["'`]audit_log\b/i;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith("generated") && e.name !== "node_modules") for (const f of sources(rel)) out.push(f);
    } else if (/\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(rel);
  }
  return out;
}

describe("the audit floor", () => {
  it("writes audit rows only through recordAudit in lib/db/audit.ts", () => {
    const files = ["lib", "app", "bin"].filter((d) => fs.existsSync(path.join(ROOT, d))).flatMap(sources);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.filter((f) => f !== HOME && DIRECT_WRITE.test(fs.readFileSync(path.join(ROOT, f), "utf8")));
    expect(offenders).toEqual([]);
    expect(DIRECT_WRITE.test(fs.readFileSync(path.join(ROOT, HOME), "utf8"))).toBe(true);
  });

  it("gives every action in the table a plain label that audit pages show", () => {
    const actions = Object.keys(AUDIT_ACTIONS);
    expect(actions.length).toBeGreaterThan(30);
    for (const action of actions) {
      const { label } = AUDIT_ACTIONS[action as keyof typeof AUDIT_ACTIONS];
      expect(label.trim(), action).not.toBe("");
      expect(label, action).not.toBe(humanise(action));
      expect(auditActionLabel(action), action).toBe(label);
    }
    // The table is closed: an action outside it does not compile, and reads as unknown at run time.
    // @ts-expect-error "made.up" is not an audit action
    const madeUp: AuditAction = "made.up";
    expect(isAuditAction(madeUp)).toBe(false);
  });

  it("stores the same row through a Prisma transaction and a libsql transaction", async () => {
    const t = await tempDb();
    const db = createPrisma(t.url);
    try {
      const target = { type: "alert", id: 7, user_id: "user_a" } as const;
      const entry = { actor: "ops@bank.test", reason: "not a real spike", details: { kind: "spending_spike", from: { state: "new" } } };
      await db.$transaction((tx) => recordAudit(tx, "alert.clear", target, entry));
      const tx = await t.sql.transaction("write");
      await recordAudit(tx, "alert.clear", target, entry);
      await tx.commit();
      tx.close();
      await recordAudit(t.sql, "content.create", { type: "content", id: "c1" }, { actor: "author@bank.test" });
      const rows = (await t.sql.execute("SELECT actor, action, target_type, target_id, user_id, reason, details FROM audit_log ORDER BY id")).rows.map((r) => ({ ...r }));
      const cleared = { actor: "ops@bank.test", action: "alert.clear", target_type: "alert", target_id: "7", user_id: "user_a", reason: "not a real spike", details: JSON.stringify(entry.details) };
      expect(rows).toEqual([cleared, cleared, { actor: "author@bank.test", action: "content.create", target_type: "content", target_id: "c1", user_id: null, reason: null, details: null }]);
    } finally {
      await db.$disconnect();
      t.cleanup();
    }
  });
});
