// Test databases on PostgreSQL: the vitest PostgreSQL project (vitest.postgres.config.ts) runs the
// same integration suite with every temporary database a fresh PostgreSQL database, cloned from
// a template migrated and seeded once per run (CREATE DATABASE … TEMPLATE takes ~0.1 s).
import crypto from "node:crypto";
import pg from "pg";
import { prepareDatabase } from "../db/prepare";
import { openSql } from "../db/sql";

/** The template's name: one per checkout, so test runs of two checkouts on one server never share it. */
export const TEMPLATE = `spendsense_template_${crypto.createHash("sha1").update(process.cwd()).digest("hex").slice(0, 8)}`;

/** True when this test process runs the suite against PostgreSQL. */
export const onPostgres = () => process.env.SPENDSENSE_TEST_DATABASE === "postgres";

/** The server's admin URL (SPENDSENSE_TEST_PG_URL, set by `node bin/postgres.mjs run`). */
export function adminUrl(): string {
  const url = process.env.SPENDSENSE_TEST_PG_URL;
  if (!url) throw new Error("SPENDSENSE_TEST_PG_URL is not set: run the PostgreSQL suite through `npm run test:pg`");
  return url;
}

/** `url` pointing at database `name` on the same server. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Builds the template afresh: migrations and reference data, as `prepareDatabase` leaves any database. */
export async function buildTemplate(): Promise<void> {
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${TEMPLATE}`);
  });
  const sql = await openSql(withDatabase(adminUrl(), TEMPLATE));
  try {
    await prepareDatabase(sql);
  } finally {
    sql.close();
  }
  // A template must have no open connection while it is copied.
  await new Promise((r) => setTimeout(r, 50));
}

/**
 * The databases of one test run share a name prefix (SPENDSENSE_TEST_RUN, set by the run's global
 * setup): a test's cleanup drops its database without waiting, so the run's teardown drops what
 * is left (dropRunDatabases) and a developer's server does not fill up with test databases.
 */
const runPrefix = () => `spendsense_t_${process.env.SPENDSENSE_TEST_RUN ?? "adhoc"}_`;

/** Starts a test run: its databases' prefix (inherited by the test processes). */
export function beginTestRun(): void {
  process.env.SPENDSENSE_TEST_RUN = crypto.randomBytes(4).toString("hex");
}

/** Drops every database the run created that is still there. */
export async function dropRunDatabases(): Promise<void> {
  await admin(async (c) => {
    const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [runPrefix()]);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}

/** A new database cloned from the template; returns its URL and how to drop it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${runPrefix()}${crypto.randomBytes(6).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`));
  return {
    url: withDatabase(adminUrl(), name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
