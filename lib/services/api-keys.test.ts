// API keys: created with a secret shown once and stored only as a hash, listed without secrets,
// revoked by id or prefix; and the `spendsense apikey` commands around them.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createPrisma, type Db } from "../db/client";
import { main } from "../cli/index";
import { tempDb, type TempDb } from "../testing/temp-db";
import { createApiKey, listApiKeys, revokeApiKey, touchApiKey, verifyApiKey } from "./api-keys";

let db: TempDb;
let prisma: Db;
let out: string[];
let err: string[];
beforeEach(async () => {
  db = await tempDb();
  prisma = createPrisma(db.url);
  vi.stubEnv("DATABASE_URL", db.url);
  out = [];
  err = [];
  vi.spyOn(console, "log").mockImplementation((...a) => void out.push(a.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...a) => void err.push(a.join(" ")));
  vi.spyOn(process.stderr, "write").mockImplementation((s) => (err.push(String(s)), true));
});
afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await prisma.$disconnect();
  db.cleanup();
});

describe("API key service", () => {
  it("creates a high-entropy key, stores only its SHA-256 hash, and verifies it", async () => {
    const k = await createApiKey(prisma, { name: "mobile", scopes: ["customers:read", "customers:read", "ingest"], createdBy: "test" });
    expect(k.key).toMatch(/^ss_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(k.scopes).toEqual(["customers:read", "ingest"]);
    const rows = (await db.sql.execute("SELECT * FROM api_keys")).rows;
    expect(JSON.stringify(rows)).not.toContain(k.key.slice(16)) // the secret after "ss_<12 hex>_";
    expect(String(rows[0].key_hash)).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyApiKey(db.sql, k.key)).toMatchObject({ id: k.id, prefix: k.prefix, scopes: ["customers:read", "ingest"], stale: true });
    await touchApiKey(prisma, k.id);
    expect(await verifyApiKey(db.sql, k.key)).toMatchObject({ id: k.id, stale: false });
    expect(await verifyApiKey(db.sql, k.key.replace(/.$/, (c) => (c === "A" ? "B" : "A")))).toBeNull();
    const other = await createApiKey(prisma, { name: "other", scopes: ["ingest"], createdBy: "test" });
    expect(other.key).not.toBe(k.key);
    expect(await db.sql.execute("SELECT action FROM audit_log").then((r) => r.rows.map((x) => x.action))).toEqual(["apikey.create", "apikey.create"]);
  });

  it("revoked keys no longer verify; list never shows hashes", async () => {
    const k = await createApiKey(prisma, { name: "ci", scopes: ["review"], createdBy: "test" });
    expect(await revokeApiKey(prisma, `ss_${k.prefix}`, "test")).toMatchObject({ changed: true });
    expect(await verifyApiKey(db.sql, k.key)).toBeNull();
    // A second revocation (a double click) changes nothing and is not audited again.
    expect(await revokeApiKey(prisma, `ss_${k.prefix}`, "test")).toMatchObject({ changed: false });
    expect((await db.sql.execute("SELECT action FROM audit_log WHERE action = 'apikey.revoke'")).rows).toHaveLength(1);
    const [listed] = await listApiKeys(prisma);
    expect(listed.revoked_at).toBeInstanceOf(Date);
    expect(listed).not.toHaveProperty("key_hash");
    await expect(revokeApiKey(prisma, "999", "test")).rejects.toThrow(/no API key/);
  });

  it("revokes by a prefix that happens to be all decimal digits, and by numeric id", async () => {
    const k = await createApiKey(prisma, { name: "digits", scopes: ["review"], createdBy: "test" });
    await db.sql.execute({ sql: "UPDATE api_keys SET prefix = '123456789012' WHERE id = ?", args: [k.id] });
    expect(await revokeApiKey(prisma, "123456789012", "test")).toMatchObject({ id: k.id, revoked_at: expect.any(Date) });
    const other = await createApiKey(prisma, { name: "by-id", scopes: ["review"], createdBy: "test" });
    expect(await revokeApiKey(prisma, String(other.id), "test")).toMatchObject({ prefix: other.prefix, revoked_at: expect.any(Date) });
  });

  it("refuses unknown scopes and empty names", async () => {
    await expect(createApiKey(prisma, { name: "x", scopes: ["customers:delete"], createdBy: "t" })).rejects.toThrow(/unknown scope .{0,2}"customers:delete/);
    await expect(createApiKey(prisma, { name: " ", scopes: ["ingest"], createdBy: "t" })).rejects.toThrow(/name/);
    await expect(createApiKey(prisma, { name: "x", scopes: [], createdBy: "t" })).rejects.toThrow(/at least one scope/);
  });
});

describe("spendsense apikey", () => {
  it("create prints the key once; list shows it without the secret; revoke by prefix", async () => {
    expect(await main(["apikey", "create", "--name", "partner", "--scopes", "customers:read,recommendations:read"])).toBe(0);
    const key = out.find((l) => l.startsWith("ss_"))!;
    expect(key).toMatch(/^ss_[0-9a-f]{12}_/);
    expect(out.join("\n")).toMatch(/shown only this once/);
    const prefix = key.split("_")[1];
    out = [];
    expect(await main(["apikey", "list"])).toBe(0);
    expect(out.join("\n")).toContain(`ss_${prefix}`);
    expect(out.join("\n")).toContain("customers:read,recommendations:read");
    // The secret may itself hold "_" (base64url): take everything after the prefix.
    expect(out.join("\n")).not.toContain(key.slice(`ss_${prefix}_`.length));
    out = [];
    expect(await main(["apikey", "revoke", prefix])).toBe(0);
    expect(out.join("\n")).toMatch(/Revoked API key 1 "partner"/);
    out = [];
    expect(await main(["apikey", "list", "--json"])).toBe(0);
    expect(JSON.parse(out.join("\n"))[0].revoked_at).toBeTruthy();
  });

  it("an unknown scope, missing option or unknown key exits 2 with a clear message", async () => {
    expect(await main(["apikey", "create", "--name", "x", "--scopes", "customers:read,everything"])).toBe(2);
    expect(err.join("")).toMatch(/unknown scope "everything" \(known: customers:read/);
    err = [];
    expect(await main(["apikey", "create", "--name", "x"])).toBe(2);
    expect(err.join("")).toMatch(/--scopes/);
    expect(await main(["apikey", "revoke", "abc123"])).toBe(2);
    expect(err.join("")).toMatch(/no API key with id or prefix "abc123"/);
  });
});
