// `spendsense budgets …` against a real SQLite file of generated customers: set, status (text
// and --json), suggest and delete, with the exit codes the other commands use (2 bad input,
// 3 no consent, 4 not found).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { openSql } from "../db/sql";
import { setConsent } from "../services/consent";
import { loadGenerated } from "../services/generate";
import { main } from "./index";

let dir: string;
let url: string;
let user: string;
let declined: string;
let out: string[];
let err: string[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "spendsense-cli-budgets-"));
  url = `file:${path.join(dir, "cli.db")}`;
  await loadGenerated({ users: 3, seed: 5, asOf: "2026-10-31", months: 7, url });
  const sql = await openSql(url);
  const ids = (await sql.execute("SELECT user_id FROM customers ORDER BY user_id")).rows.map((r) => String(r.user_id));
  [user, , declined] = ids;
  await setConsent(sql, user, true, { source: "test" });
  await setConsent(sql, declined, false, { source: "test" });
  sql.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

beforeEach(() => {
  vi.stubEnv("DATABASE_URL", url);
  out = [];
  err = [];
  vi.spyOn(console, "log").mockImplementation((...a) => void out.push(a.join(" ")));
  vi.spyOn(console, "error").mockImplementation((...a) => void err.push(a.join(" ")));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

async function foodSpentInOctober(): Promise<number> {
  const sql = await openSql(url);
  try {
    const rs = await sql.execute({
      sql: `SELECT COALESCE(SUM(t.amount_cents), 0) AS n FROM transactions t JOIN accounts a ON a.account_id = t.account_id
            WHERE t.user_id = ? AND t.pfc_primary = 'FOOD_AND_DRINK' AND t.date BETWEEN '2026-10-01' AND '2026-10-31' AND t.pending = 0 AND a.holder_category != 'business'`,
      args: [user],
    });
    return Number(rs.rows[0].n);
  } finally {
    sql.close();
  }
}

describe("spendsense budgets", () => {
  it("set creates then changes a budget; status prints spend to the cent and --json the API's shape", async () => {
    expect(await main(["budgets", "set", user, "FOOD_AND_DRINK", "450"])).toBe(0);
    expect(out.join("\n")).toMatch(new RegExp(`Budget \\d+: Food and drink for ${user}, \\$450\\.00 a month\\.`));
    out = [];
    expect(await main(["budgets", "set", user, "FOOD_AND_DRINK", "500.25"])).toBe(0);
    expect(out.join("\n")).toContain("$500.25 a month");

    out = [];
    expect(await main(["budgets", user, "--as-of", "2026-10-31", "--json"])).toBe(0);
    const r = JSON.parse(out.join("\n"));
    const spent = await foodSpentInOctober();
    expect(spent).toBeGreaterThan(0);
    expect(r.budgets).toHaveLength(1);
    expect(r.budgets[0]).toMatchObject({ category: "FOOD_AND_DRINK", currency: "USD", amount_cents: 50025, spent_cents: spent, remaining_cents: 50025 - spent });

    out = [];
    expect(await main(["budgets", user, "--as-of", "2026-10-31"])).toBe(0);
    const dollars = (c: number) => `$${Math.floor(c / 100).toLocaleString("en-US")}.${String(c % 100).padStart(2, "0")}`;
    expect(out.join("\n")).toContain(`Food and drink (FOOD_AND_DRINK): ${dollars(spent)} of $500.25`);
    expect(out.join("\n")).toMatch(/Total \(USD\): \$[\d,]+\.\d\d spent of \$500\.25 budgeted/);
  });

  it("suggest explains each amount; delete removes the budget, a second delete is not found (exit 4)", async () => {
    expect(await main(["budgets", "suggest", user, "--as-of", "2026-10-31"])).toBe(0);
    expect(out.join("\n")).toMatch(/a median of \$[\d,]+\.\d\d a month\. With a 10% buffer, rounded up to a whole dollar: \$[\d,]+\.00 a month\./);
    out = [];
    expect(await main(["budgets", "delete", user, "FOOD_AND_DRINK"])).toBe(0);
    expect(out.join("\n")).toMatch(/Deleted budget \d+: Food and drink/);
    expect(await main(["budgets", "delete", user, "FOOD_AND_DRINK"])).toBe(4);
    expect(err.join("\n")).toContain(`customer "${user}" has no Food and drink budget (FOOD_AND_DRINK)`);
  });

  it("bad input exits 2 naming the argument; no consent exits 3 with no numbers; an unknown customer exits 4", async () => {
    expect(await main(["budgets", "set", user, "food", "10"])).toBe(2);
    expect(err.join("\n")).toMatch(/CATEGORY: "food" is not a Plaid PFC primary/);
    err = [];
    expect(await main(["budgets", "set", user, "TRAVEL", "10.005"])).toBe(2);
    expect(err.join("\n")).toMatch(/AMOUNT: expected an amount in dollars and cents/);
    err = [];
    expect(await main(["budgets", "set", user, "TRAVEL", "0"])).toBe(2);
    expect(err.join("\n")).toMatch(/AMOUNT: the amount must be more than 0/);
    expect(await main(["budgets", user, "--as-of", "2026-02-30"])).toBe(2);
    expect(await main(["budgets", user, "--as-of", "2099-01-01"])).toBe(2);
    err = [];
    expect(await main(["budgets", declined])).toBe(3);
    expect(err.join("\n")).toContain("has not consented");
    expect(out.join("\n")).not.toMatch(/\$/);
    expect(await main(["budgets", "usr_nobody"])).toBe(4);
  });
});
