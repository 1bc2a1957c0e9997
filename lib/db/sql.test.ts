import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

describe("one SQLite library per process", () => {
  it("Prisma's libsql adapter resolves the same @libsql/client as lib/db/sql", () => {
    // Two copies of the native library in one process each keep their own POSIX locks; closing
    // one copy's file releases the other's locks, and committed writes were lost this way.
    const require = createRequire(__filename);
    const ours = require.resolve("@libsql/client");
    const theirs = createRequire(require.resolve("@prisma/adapter-libsql")).resolve("@libsql/client");
    expect(theirs).toBe(ours);
  });
});

describe("rows read the same on both databases", () => {
  it("by column name (the first of a repeated name), by position, with a length; spreading or serialising gives the names only", async () => {
    const { tempDb } = await import("../testing/temp-db");
    const db = await tempDb();
    try {
      const rs = await db.sql.execute("SELECT 1 AS a, 'x' AS b, 2 AS a UNION ALL SELECT 3, 'y', 4 ORDER BY 1");
      const [first, second] = rs.rows;
      expect([first.a, first[0], first[1], first[2], first.length]).toEqual([1, 1, "x", 2, 3]);
      expect([second.a, second[0], second[1], second[2]]).toEqual([3, 3, "y", 4]);
      expect({ ...second }).toEqual({ a: 3, b: "y" });
      expect(JSON.stringify(first)).toBe('{"a":1,"b":"x"}');
      expect(Array.from(second)).toEqual([3, "y", 4]);
    } finally {
      db.cleanup();
    }
  });
});
