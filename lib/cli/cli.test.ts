import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "./index";

const SAMPLES = path.resolve(__dirname, "../testing/plaid-sandbox");
let dir: string;
let out: string[];
let err: string[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "spendsense-cli-"));
  vi.stubEnv("DATABASE_URL", `file:${path.join(dir, "cli.db")}`);
  out = [];
  err = [];
  vi.spyOn(console, "log").mockImplementation((...a) => void out.push(a.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...a) => void err.push(a.join(" ")));
  vi.spyOn(process.stdout, "write").mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s) => (err.push(String(s)), true));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  process.exitCode = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("spendsense CLI", () => {
  it("prints help for every command and exits 0", async () => {
    for (const args of [["--help"], ["generate", "--help"], ["ingest", "--help"], ["db", "--help"], ["db", "status", "--help"], ["health", "--help"]]) {
      out = [];
      expect(await main(args)).toBe(0);
      expect(out.join("")).toMatch(/Usage: spendsense/);
    }
  });

  it("refuses an unknown command or bad option with exit 2 and a clear message", async () => {
    expect(await main(["frobnicate"])).toBe(2);
    expect(err.join("")).toMatch(/unknown command 'frobnicate'/);
    err = [];
    expect(await main(["generate", "--users", "ten"])).toBe(2);
    expect(err.join("")).toMatch(/--users must be a whole number/);
    err = [];
    expect(await main(["generate", "--as-of", "2026-02-30"])).toBe(2);
    expect(err.join("")).toMatch(/--as-of must be a real date/);
    err = [];
    expect(await main(["generate", "--fraud-rate", "1.5"])).toBe(2);
    expect(err.join("")).toMatch(/--fraud-rate must be a number from 0 to 1, a share of customers \(got "1.5"\)/);
    err = [];
    expect(await main(["generate", "--anomaly-rate", "-0.1"])).toBe(2);
    expect(err.join("")).toMatch(/--anomaly-rate must be a number from 0 to 1/);
    err = [];
    expect(await main(["ingest", "x.json", "--format", "xml"])).toBe(2);
    expect(err.join("")).toMatch(/--format must be one of/);
  });

  it("db migrate, then status prints row counts per table; health is OK", async () => {
    expect(await main(["db", "status"])).toBe(0);
    expect(out.join("\n")).toMatch(/No tables yet/);
    expect(await main(["health"])).toBe(1);
    out = [];
    expect(await main(["db", "migrate"])).toBe(0);
    expect(out.join("\n")).toMatch(/Applied \d+ migration/);
    expect(await main(["ingest", path.join(SAMPLES, "credit_card_custom_user.json")])).toBe(0);
    out = [];
    expect(await main(["db", "status"])).toBe(0);
    const text = out.join("\n");
    expect(text).toMatch(/customers\s+1\n/);
    expect(text).toMatch(/transactions\s+5\n/);
    out = [];
    expect(await main(["health"])).toBe(0);
    expect(out.join("\n")).toMatch(/^OK/);
  });

  it("ingest of a bad file exits 1, names the problem and writes nothing", async () => {
    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, JSON.stringify({ user: { user_id: "u1", name: "X" }, accounts: [], transactions: [{ transaction_id: "t" }] }));
    expect(await main(["ingest", bad])).toBe(1);
    expect(err.join("\n")).toMatch(/bad\.json: bundle\.transactions\[0\] field "account_id"/);
    expect(err.join("\n")).toMatch(/nothing was written/);
    out = [];
    await main(["db", "status"]);
    expect(out.join("\n")).toMatch(/customers\s+0\n/);
  });

  it("ingest of 30 000 bad transactions exits 1 listing the first 100 problems and how many more", async () => {
    const big = path.join(dir, "big.json");
    // Each transaction lacks account_id, date, amount, name, payment_channel and pending: 180 000 problems.
    fs.writeFileSync(big, JSON.stringify({ user: { user_id: "u1", name: "X" }, accounts: [], transactions: Array.from({ length: 30_000 }, (_, i) => ({ transaction_id: `t${i}` })) }));
    expect(await main(["ingest", big])).toBe(1);
    const lines = err.join("\n").split("\n");
    expect(lines).toContain("Ingest refused: 180000 problems, nothing was written.");
    expect(lines.filter((l) => /big\.json: bundle\.transactions\[\d+\] field "\w+": /.test(l))).toHaveLength(100);
    expect(lines).toContain("  … and 179900 more");
  });

  it("re-ingesting a customer with different consent and name leaves both, and prints a note for each", async () => {
    const file = (name: string, consent: boolean, n: string) => {
      const f = path.join(dir, name);
      const account = { account_id: "u1_chk", balances: { available: 10, current: 10, limit: null, iso_currency_code: "USD" }, mask: "0000", name: "Checking", type: "depository", subtype: "checking" };
      fs.writeFileSync(f, JSON.stringify({ user: { user_id: "u1", name: n, consent }, accounts: [account] }));
      return f;
    };
    expect(await main(["ingest", file("a.json", true, "Ann")])).toBe(0);
    out = [];
    expect(await main(["ingest", file("b.json", false, "Bob")])).toBe(0);
    const text = out.join("\n");
    expect(text).toMatch(/note: customer "u1" already exists: the input's consent \(declined\) was ignored and consent stays granted/);
    expect(text).toMatch(/note: customer "u1" already exists: the input's name differ/);
  });

  it("db reset asks for --yes", async () => {
    expect(await main(["db", "reset"])).toBe(2);
    expect(err.join("")).toMatch(/--yes/);
    expect(await main(["db", "reset", "--yes"])).toBe(0);
  });

  it("a missing path is a clear error", async () => {
    expect(await main(["ingest", path.join(dir, "nope.json")])).toBe(1);
    expect(err.join("")).toMatch(/nope\.json: no such file or directory/);
  });

  it("staff create, list, set-role, disable, enable and reset-password; the last admin stays; errors exit non-zero with the reason", async () => {
    const pw = "correct horse battery";
    expect(await main(["staff", "create", "--email", "boss@x.example", "--role", "admin", "--password", pw])).toBe(0);
    expect(await main(["staff", "create", "--email", "op@x.example", "--role", "operator", "--password", pw])).toBe(0);
    out = [];
    expect(await main(["staff", "list"])).toBe(0);
    expect(out.join("\n")).toMatch(/boss@x\.example\s+admin\s+enabled[\s\S]*op@x\.example\s+operator\s+enabled/);
    expect(await main(["staff", "disable", "--email", "boss@x.example"])).toBe(1);
    expect(err.join("")).toMatch(/boss@x\.example is the last enabled admin/);
    expect(await main(["staff", "set-role", "--email", "boss@x.example", "--role", "analyst"])).toBe(1);
    expect(await main(["staff", "disable", "--email", "op@x.example"])).toBe(0);
    out = [];
    expect(await main(["staff", "list"])).toBe(0);
    expect(out.join("\n")).toMatch(/op@x\.example\s+operator\s+disabled 20/);
    expect(await main(["staff", "enable", "--email", "op@x.example"])).toBe(0);
    out = [];
    expect(await main(["staff", "reset-password", "--email", "op@x.example"])).toBe(0);
    const temporary = /Temporary password \(shown once, pass it on privately\): (\S+)/.exec(out.join("\n"))?.[1];
    expect(temporary).toHaveLength(20);
    err = [];
    expect(await main(["staff", "disable", "--email", "ghost@x.example"])).toBe(4);
    expect(err.join("")).toMatch(/no staff account for ghost@x\.example/);
    expect(await main(["staff", "disable", "--email", "not an email"])).toBe(2);
    const { createPrisma } = await import("../db/client");
    const db = createPrisma();
    try {
      const actions = (await db.auditEntry.findMany({ where: { target_type: "staff_user" }, orderBy: { id: "asc" } })).map((a) => `${a.actor} ${a.action}`);
      expect(actions).toEqual(["cli staff.create", "cli staff.create", "cli staff.disable", "cli staff.enable", "cli staff.reset_password"]);
    } finally {
      await db.$disconnect();
    }
  });
});
