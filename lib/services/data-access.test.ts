// The data-access floor (issue 14): SQL and Prisma calls live in lib/db (query modules per
// aggregate under lib/db/queries, admin work in lib/db/admin); services call those. No file in
// lib/services holds a SQL statement or a Prisma model call.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DIR = path.resolve(__dirname);

/** A SQL statement in a string or template literal (upper-case keywords, as the code base writes them). */
const SQL_STRING = /["'`]\s*(?:SELECT\s|INSERT\s+(?:OR\s+\w+\s+)?INTO\s|UPDATE\s+["\w]+\s+SET\s|DELETE\s+FROM\s|WITH\s+\w+\s+AS\s*\(|CREATE\s+(?:TABLE|INDEX|UNIQUE)|DROP\s+(?:TABLE|INDEX)|ALTER\s+TABLE|PRAGMA\s)/;
/** A Prisma model call (`db.staffUser.findMany(`, `tx.budget.update(`) or raw query through Prisma. */
const PRISMA_CALL = /\b(?:db|tx|prisma\(\)|client)\s*\.\s*[a-z][A-Za-z]*\s*\.\s*(?:findMany|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany|count|aggregate|groupBy)\s*\(|\$(?:queryRaw|executeRaw)(?:Unsafe)?\b/;

const holdsSql = (source: string) => SQL_STRING.test(source) || PRISMA_CALL.test(source);

describe("the data-access floor", () => {
  it("recognises SQL and Prisma calls (and not prose)", () => {
    expect(holdsSql('await sql.execute("SELECT id FROM customers WHERE user_id = ?")')).toBe(true);
    expect(holdsSql("await tx.execute(`UPDATE engine_runs SET status = 'failed'`)")).toBe(true);
    expect(holdsSql("await db.staffUser.findUnique({ where: { email } })")).toBe(true);
    expect(holdsSql("await tx.$executeRawUnsafe(query)")).toBe(true);
    expect(holdsSql('throw new NotFoundError("Select a customer first: no update was made")')).toBe(false);
    expect(holdsSql("await listBudgets(db, userId)")).toBe(false);
  });

  it("no file in lib/services holds SQL or Prisma calls", () => {
    const files = fs.readdirSync(DIR).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(20);
    // A file listed here holds SQL or a Prisma call: move it to a query module under lib/db/queries.
    expect(files.filter((f) => holdsSql(fs.readFileSync(path.join(DIR, f), "utf8")))).toEqual([]);
  });
});
