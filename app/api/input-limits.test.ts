// Input limits at the API's edge (issue 11 §9): every text field has a documented maximum and
// refuses control characters, query numbers parse strictly, unknown API paths answer the JSON
// error shape, and the CSV export neutralises spreadsheet formulas.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTestEnv, call, type ApiTestEnv } from "@/lib/api/testing";
import { parseCsv } from "@/lib/data/csv";
import { sampleBundle } from "@/lib/testing/bundle-fixture";
import { dumpDb } from "@/lib/testing/temp-db";
import * as unknownRoute from "./[...path]/route";
import * as feedback from "./feedback/route";
import * as ingest from "./ingest/route";
import * as transitions from "./personas/[userId]/transitions/route";
import * as exportCsv from "./transactions/export.csv/route";
import * as transactions from "./transactions/route";
import * as users from "./users/route";

let env: ApiTestEnv;
let key: string;
let user: string;
beforeAll(async () => {
  env = await apiTestEnv({ users: 3 });
  key = await env.key();
  user = env.consenting[0];
});
afterAll(() => env.cleanup());

const MB = "x".repeat(1024 * 1024);
const count = async (sql: string) => Number((await env.db.sql.execute(sql)).rows[0].n);

describe("text fields", () => {
  it("a 1 MB customer name, a 201-character name and a NUL byte are refused (422 naming the field); nothing is stored", async () => {
    for (const [name, why] of [
      [MB, /at most 200 characters/],
      ["n".repeat(201), /at most 200 characters/],
      ["Avery\u0000Quinn", /control characters/],
      ["Avery\nQuinn", /control characters or line breaks/],
    ] as const) {
      const r = await call(users.POST, { path: "/api/users", key, body: { user_id: "usr_limits_1", name } });
      expect(r.status).toBe(422);
      expect(r.json.error.details).toEqual([{ path: "name", message: expect.stringMatching(why) }]);
    }
    expect(await count("SELECT COUNT(*) AS n FROM customers WHERE user_id = 'usr_limits_1'")).toBe(0);
    const ok = await call(users.POST, { path: "/api/users", key, body: { user_id: "usr_limits_1", name: "n".repeat(200) } });
    expect(ok.status).toBe(201);
  });

  it("a 1 MB transaction name, a 129-character account_id or a NUL in a merchant refuses the whole ingest", async () => {
    const before = await dumpDb(env.db.sql);
    const cases: Array<[(b: ReturnType<typeof sampleBundle>) => void, string]> = [
      [(b) => (b.transactions![0].name = MB), "name"],
      [(b) => (b.accounts![0].account_id = "a".repeat(129)), "account_id"],
      [(b) => (b.transactions![1].merchant_name = "Net\u0000flix"), "merchant_name"],
    ];
    for (const [spoil, field] of cases) {
      const bundle = sampleBundle("usr_limits_2");
      spoil(bundle);
      const r = await call(ingest.POST, { path: "/api/ingest", key, body: bundle });
      expect(r.status, field).toBe(422);
      expect(JSON.stringify(r.json.error.details)).toContain(field);
    }
    expect(await dumpDb(env.db.sql)).toEqual(before);
  });

  it("reasons and comments may run to 2 000 characters with line breaks, not beyond", async () => {
    const body = (comment: string) => ({ user_id: user, content_id: "edu-credit-utilization-basics", rating: "helpful", comment });
    expect((await call(feedback.POST, { path: "/api/feedback", key, body: body("line one\nline two\t" + "c".repeat(1980)) })).status).toBe(201);
    const long = await call(feedback.POST, { path: "/api/feedback", key, body: body("c".repeat(2001)) });
    expect(long.status).toBe(422);
    expect(long.json.error.details[0]).toEqual({ path: "comment", message: "must be at most 2,000 characters" });
  });
});

describe("query parameters", () => {
  it("a 10 000-character account_id is a 400 naming the parameter", async () => {
    const r = await call(transactions.GET, { path: `/api/transactions?account_id=${"a".repeat(10_000)}`, key });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toMatch(/^The query parameter "account_id" is malformed: must be at most 128 characters/);
  });

  it("numbers parse strictly: empty, hex, exponent or padded is a 400 naming the parameter, never 0 or 16", async () => {
    for (const [query, name] of [
      ["min_amount=0x10", "min_amount"],
      ["min_amount=", "min_amount"],
      ["max_amount=1e3", "max_amount"],
      ["min_amount=%2010", "min_amount"],
      ["page=0x2", "page"],
      ["pageSize=", "pageSize"],
      ["min_amount=Infinity", "min_amount"],
    ]) {
      const r = await call(transactions.GET, { path: `/api/transactions?${query}`, key });
      expect(r.status, query).toBe(400);
      expect(r.json.error.code).toBe("invalid_request");
      expect(r.json.error.message, query).toMatch(new RegExp(`^The query parameter "${name}" is malformed`));
    }
    expect((await call(transitions.GET, { path: `/api/personas/${user}/transitions?limit=0x10`, key, params: { userId: user } })).status).toBe(400);
    const fine = await call(transactions.GET, { path: `/api/transactions?min_amount=-12.5&max_amount=16&page=1&pageSize=10`, key });
    expect(fine.status).toBe(200);
  });
});

it("an unknown /api path answers the JSON error shape with 404, whatever the method", async () => {
  for (const method of ["GET", "POST", "DELETE"]) {
    const r = await call(unknownRoute[method as "GET"], { path: "/api/no/such/route", method, params: { path: "no/such/route" } });
    expect(r.status).toBe(404);
    expect(r.headers.get("content-type")).toMatch(/^application\/json/);
    expect(r.json).toEqual({ error: { code: "not_found", message: `No API route ${method} /api/no/such/route; see /api/openapi.json.` } });
  }
});

it("the CSV export neutralises cells that would run as spreadsheet formulas, and ingest reads them back unchanged", async () => {
  const names = ["=cmd|' /C calc'!A0", "+SUM(A1)", "-2+3", "@SUM(A1)", "\tTAB", "'=already quoted"];
  const rows = (await env.db.sql.execute({ sql: "SELECT transaction_id FROM transactions WHERE user_id = ? ORDER BY transaction_id LIMIT ?", args: [user, names.length] })).rows;
  for (const [i, r] of rows.entries()) await env.db.sql.execute({ sql: "UPDATE transactions SET name = ?, merchant_name = ? WHERE transaction_id = ?", args: [names[i], names[i], r.transaction_id] });
  const csv = await call(exportCsv.GET, { path: `/api/transactions/export.csv?user_id=${user}`, key });
  expect(csv.status).toBe(200);
  // On the wire: an apostrophe first, the cell quoted (OWASP); no line starts a cell with a formula character.
  expect(csv.text).toContain(`"'=cmd|' /C calc'!A0"`);
  expect(csv.text).toContain(`"'+SUM(A1)"`);
  expect(csv.text).toContain(`"'\tTAB"`);
  expect(csv.text).not.toMatch(/(^|,)[=+@\t]/m);
  // Amounts are numbers, not formulas: negative ones keep their sign.
  expect(csv.text).toMatch(/,-\d+\.\d{2},/);
  // Read back (as `spendsense ingest --format csv` does): the original names.
  const table = parseCsv(csv.text);
  const col = table.header.indexOf("name");
  const byId = new Map(table.rows.map((r) => [r.cells[0], r.cells[col]]));
  for (const [i, r] of rows.entries()) expect(byId.get(String(r.transaction_id))).toBe(names[i]);
});
