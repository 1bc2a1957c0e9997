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
