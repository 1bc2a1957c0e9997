// The data-access floor (issue 14): SQL and Prisma calls live in lib/db (query modules per
// aggregate under lib/db/queries); services call those. The SQL still in lib/services is being
// moved: the files that hold some are listed here, and the list only shrinks — a new file with SQL
// fails this test, and so does a listed file that no longer holds any (take it off the list).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DIR = path.resolve(__dirname);

/** A SQL statement in a string or template literal (upper-case keywords, as the code base writes them). */
const SQL_STRING = /["'`]\s*(?:SELECT\s|INSERT\s+(?:OR\s+\w+\s+)?INTO\s|UPDATE\s+["\w]+\s+SET\s|DELETE\s+FROM\s|WITH\s+\w+\s+AS\s*\(|CREATE\s+(?:TABLE|INDEX|UNIQUE)|DROP\s+(?:TABLE|INDEX)|ALTER\s+TABLE|PRAGMA\s)/;
/** A Prisma model call (`db.staffUser.findMany(`, `tx.budget.update(`) or raw query through Prisma. */
const PRISMA_CALL = /\b(?:db|tx|prisma\(\)|client)\s*\.\s*[a-z][A-Za-z]*\s*\.\s*(?:findMany|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany|count|aggregate|groupBy)\s*\(|\$(?:queryRaw|executeRaw)(?:Unsafe)?\b/;

/** The files that still hold SQL or Prisma calls. Shrink it as they move to lib/db/queries. */
const STILL_HOLDING_SQL = [
  "staff-pages.ts",
];

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

  it("lib/services holds SQL or Prisma calls only in the files still being moved to lib/db", () => {
    const files = fs.readdirSync(DIR).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(20);
    const holding = files.filter((f) => holdsSql(fs.readFileSync(path.join(DIR, f), "utf8"))).sort();
    // A file here that is not on the list gained SQL: move it to lib/db/queries. A listed file that
    // no longer holds any has been moved: take it off the list.
    expect(holding).toEqual([...STILL_HOLDING_SQL].sort());
  });
});
