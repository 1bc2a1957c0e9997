// The one error table (issue 14): every code has an HTTP status, a CLI exit code and a rule for
// who reads its message, and the developer API, the staff pages' actions and the command line
// all answer from it — for the errors each layer raises and for the database's own refusals,
// on whichever database this suite runs against.
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ZodError, z } from "zod";
import { ApiError, errorResponse } from "./api/errors";
import { userFacingMessage } from "./auth/staff-action";
import { cliFailure, UsageError } from "./cli/errors";
import { IngestError } from "./data/types";
import { DatabaseBusyError } from "./db/busy";
import { toDomainError } from "./db/errors";
import { createPrisma } from "./db/client";
import { dialectOf } from "./db/dialect";
import { openSql } from "./db/sql";
import { ConflictError, ConsentRequiredError, DomainError, ERROR_CODES, ERRORS, EXIT, INTERNAL_MESSAGE, NotFoundError, type ErrorCode } from "./errors";
import { ContentRejectedError } from "./services/content";
import { RunInProgressError } from "./services/run-lease";
import { StaffExistsError } from "./services/staff";
import { holdWriteLock } from "./testing/processes";
import { tempDb, type TempDb } from "./testing/temp-db";

const SECRET = 'no such column "password_hash" in SELECT * FROM staff_users';

/** What each surface makes of one error. */
async function surfaces(err: unknown) {
  const response = errorResponse(toDomainError(err));
  const body = (await response.json()) as { error: { code: string; message: string; details?: unknown } };
  return { status: response.status, retryAfter: response.headers.get("retry-after"), api: body.error, staff: userFacingMessage(err), cli: cliFailure(err) };
}

const sentence = (s: string) => s[0].toUpperCase() + s.slice(1);

/** The error a statement the database must refuse fails with. */
const refusal = (p: Promise<unknown>): Promise<unknown> => p.then(() => expect.unreachable("the database accepted it"), (err: unknown) => err);

describe("the error table", () => {
  it("gives every code a status, an exit code and a message rule, and the API, staff actions and CLI answer by it", async () => {
    const exits = new Set<number>(Object.values(EXIT));
    expect(ERROR_CODES.length).toBeGreaterThan(15);
    for (const code of ERROR_CODES) {
      const rule = ERRORS[code];
      expect(rule.status, code).toBeGreaterThanOrEqual(400);
      expect(rule.status, code).toBeLessThan(600);
      expect(exits.has(rule.exit) && rule.exit !== EXIT.done, code).toBe(true);
      expect(["everyone", "operator"], code).toContain(rule.shown);

      const s = await surfaces(new DomainError(code, SECRET));
      expect(s.status, code).toBe(rule.status);
      expect(s.api.code, code).toBe(code);
      expect(s.cli.exitCode, code).toBe(rule.exit);
      // The operator at the terminal always reads what happened.
      expect(s.cli.lines, code).toEqual([`error: ${SECRET}`]);
      if (rule.shown === "everyone") {
        expect(s.api.message, code).toBe(SECRET);
        expect(s.staff, code).toBe(sentence(SECRET));
      } else {
        // An internal message never leaves the server: the API says so generically, a staff page rethrows to its error boundary.
        expect(s.api.message, code).toBe(INTERNAL_MESSAGE);
        expect(JSON.stringify(s.api), code).not.toContain("staff_users");
        expect(s.staff, code).toBeNull();
      }
    }
  });

  it("keeps the README's exit codes and the API's statuses for the errors each layer raises", async () => {
    const cases: Array<[unknown, ErrorCode, number, number]> = [
      [new UsageError("--as-of must be a real date"), "invalid_request", 400, 2],
      [new ZodError([{ code: "custom", path: ["as_of"], message: "as of 2031-01-01 is in the future", input: "2031-01-01" }]), "validation_failed", 422, 2],
      [new NotFoundError('no customer with id "usr_x"'), "not_found", 404, 4],
      [new ConsentRequiredError('customer "usr_x" has not consented'), "consent_required", 403, 3],
      [new ConflictError("the recommendation changed"), "conflict", 409, 1],
      [new StaffExistsError("a staff account for a@b.example already exists"), "conflict", 409, 1],
      [new RunInProgressError("a run is already in progress"), "conflict", 409, 1],
      [new ContentRejectedError("offer-x", ["a payday loan"]), "content_rejected", 422, 1],
      [new IngestError([{ file: "a.json", record: "bundle", field: "user_id", reason: "missing" }]), "ingest_refused", 422, 1],
      [new DatabaseBusyError(500), "database_busy", 503, 1],
      [new ApiError("insufficient_scope", 'This API key lacks the "ingest" scope.'), "insufficient_scope", 403, 1],
      [new Error(SECRET), "internal_error", 500, 1],
      [SECRET, "internal_error", 500, 1],
    ];
    for (const [err, code, status, exit] of cases) {
      const s = await surfaces(err);
      expect([s.api.code, s.status, s.cli.exitCode], code).toEqual([code, status, exit]);
    }
  });

  it("answers a ZodError and an ingest refusal in each surface's own detail", async () => {
    const zod = z.object({ amount: z.number().positive() }).safeParse({ amount: -1 }).error!;
    const v = await surfaces(zod);
    expect(v.api).toMatchObject({ code: "validation_failed", details: [{ path: "amount" }] });
    expect(v.cli.lines).toEqual([expect.stringMatching(/^error: --amount: /)]);
    expect(v.staff).toMatch(/./);

    const issues = Array.from({ length: 150 }, (_, i) => ({ file: "bad.json", record: `bundle.transactions[${i}]`, field: "amount", reason: "not a number" }));
    const ingest = await surfaces(new IngestError(issues));
    expect(ingest.api.message).toBe("Ingest refused: 150 problems, nothing was written. The first 100 are in details, and 50 more.");
    expect(ingest.api.details).toHaveLength(100);
    expect(ingest.cli.lines[0].split("\n")).toHaveLength(102); // headline, 100 problems, "… and 50 more"
  });
});

describe("the database's own refusals", () => {
  let db: TempDb | undefined;
  afterEach(() => {
    vi.unstubAllEnvs();
    db?.cleanup();
    db = undefined;
  });


  it("a unique clash, raw or through Prisma, is a 409 conflict (exit 1) on either database", async () => {
    db = await tempDb();
    const insert = { sql: "INSERT INTO staff_users (email, role, password_hash) VALUES (?, 'admin', 'x')", args: ["a@bank.test"] };
    await db.sql.execute(insert);
    const raw = await surfaces(await refusal(db.sql.execute(insert)));
    const prisma = createPrisma(db.url);
    try {
      const viaPrisma = await surfaces(await refusal(prisma.staffUser.create({ data: { email: "a@bank.test", role: "admin", password_hash: "x" } })));
      for (const s of [raw, viaPrisma]) {
        expect(s.api).toEqual({ code: "conflict", message: "That already exists." });
        expect([s.status, s.cli.exitCode, s.staff]).toEqual([409, 1, "That already exists."]);
      }
    } finally {
      await prisma.$disconnect();
    }
  });

  it("a write that cannot get its lock in time is 503 + Retry-After, a notice, exit 1 — SQLite's busy, PostgreSQL's lock timeout, serialization failure, deadlock and too many connections", async () => {
    db = await tempDb();
    if (dialectOf(db.sql) === "sqlite") {
      vi.stubEnv("SPENDSENSE_DB_BUSY_TIMEOUT_MS", "300");
      const lock = await holdWriteLock(db.url, 3000);
      const sql = await openSql(db.url);
      const prisma = createPrisma(db.url);
      try {
        await expectBusy(await refusal(sql.execute("INSERT INTO staff_users (email, role, password_hash) VALUES ('b@bank.test', 'admin', 'x')")));
        await expectBusy(await refusal(prisma.staffUser.create({ data: { email: "c@bank.test", role: "admin", password_hash: "x" } })));
      } finally {
        sql.close();
        await prisma.$disconnect();
        await lock.released;
      }
      return;
    }
    await expectPostgresBusy(db.url);
  });
});

/** PostgreSQL's four "busy" SQLSTATEs, each raised for real by the server under test. */
async function expectPostgresBusy(url: string) {
  const holder = new pg.Client(url);
  const other = new pg.Client(url);
  await Promise.all([holder.connect(), other.connect()]);
  const prisma = createPrisma(url);
  try {
    await holder.query("CREATE TABLE busy_probe (id INTEGER PRIMARY KEY, n INTEGER)");
    await holder.query("INSERT INTO busy_probe VALUES (1, 0), (2, 0)");

    // 55P03: a lock wait that outlasts lock_timeout — through pg, our Sql client and Prisma.
    await holder.query("BEGIN");
    await holder.query("SELECT * FROM busy_probe WHERE id = 1 FOR UPDATE");
    const sql = await openSql(url);
    try {
      const tx = await sql.transaction("deferred");
      await tx.execute("SET LOCAL lock_timeout = '50ms'");
      const raw = await refusal(tx.execute("UPDATE busy_probe SET n = 1 WHERE id = 1"));
      tx.close();
      expect((raw as { code?: string }).code).toBe("55P03");
      await expectBusy(raw);
    } finally {
      sql.close();
    }
    const viaPrisma = await refusal(prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL lock_timeout = '50ms'");
      await tx.$executeRawUnsafe("UPDATE busy_probe SET n = 1 WHERE id = 1");
    }));
    await expectBusy(viaPrisma);
    await holder.query("ROLLBACK");

    // 40P01: two transactions each wait for the other's row.
    await holder.query("BEGIN");
    await other.query("BEGIN");
    await holder.query("SET LOCAL deadlock_timeout = '50ms'");
    await other.query("SET LOCAL deadlock_timeout = '50ms'");
    await holder.query("UPDATE busy_probe SET n = n + 1 WHERE id = 1");
    await other.query("UPDATE busy_probe SET n = n + 1 WHERE id = 2");
    const outcomes = await Promise.allSettled([holder.query("UPDATE busy_probe SET n = n + 1 WHERE id = 2"), other.query("UPDATE busy_probe SET n = n + 1 WHERE id = 1")]);
    const deadlock = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected")!.reason;
    expect(deadlock.code).toBe("40P01");
    await expectBusy(deadlock);
    await Promise.all([holder.query("ROLLBACK"), other.query("ROLLBACK")]);

    // 40001: two serializable transactions that each read what the other writes.
    await holder.query("BEGIN ISOLATION LEVEL SERIALIZABLE");
    await other.query("BEGIN ISOLATION LEVEL SERIALIZABLE");
    await holder.query("SELECT SUM(n) FROM busy_probe");
    await other.query("SELECT SUM(n) FROM busy_probe");
    await holder.query("UPDATE busy_probe SET n = n + 1 WHERE id = 1");
    await other.query("UPDATE busy_probe SET n = n + 1 WHERE id = 2");
    await holder.query("COMMIT");
    const serialization = await refusal(other.query("COMMIT"));
    expect((serialization as { code?: string }).code).toBe("40001");
    await expectBusy(serialization);

    // 53300: a role allowed no connections at all.
    const role = `spendsense_limit_${process.pid}_${Date.now()}`;
    await holder.query(`CREATE ROLE "${role}" LOGIN CONNECTION LIMIT 0`);
    try {
      const limited = new URL(url);
      limited.username = role;
      const refused = new pg.Client(limited.toString());
      const tooMany = await refusal(refused.connect());
      expect((tooMany as { code?: string }).code).toBe("53300");
      await expectBusy(tooMany);
    } finally {
      await holder.query(`DROP ROLE "${role}"`);
    }
  } finally {
    await prisma.$disconnect();
    await Promise.all([holder.end(), other.end()]);
  }
}

async function expectBusy(err: unknown) {
  const s = await surfaces(err);
  expect(s.api.code).toBe("database_busy");
  expect(s.status).toBe(503);
  expect(Number(s.retryAfter)).toBeGreaterThan(0);
  expect(s.api.message).toMatch(/busy.*nothing was changed/i);
  expect(s.staff).toMatch(/busy.*nothing was changed/i);
  expect(s.cli).toMatchObject({ exitCode: 1, lines: [expect.stringMatching(/^error: the database is busy/)] });
}
