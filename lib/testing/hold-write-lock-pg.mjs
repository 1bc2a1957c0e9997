// A second process that takes the app's write lock on PostgreSQL, as a CLI ingest or run does
// (the advisory lock of lib/db/pg.ts): `node hold-write-lock-pg.mjs <url> <lock key> <milliseconds>`.
// Prints "locked" once it holds the lock and "released" after committing.
import pg from "pg";

const [url, key, ms] = process.argv.slice(2);
const client = new pg.Client({ connectionString: url });
await client.connect();
await client.query("BEGIN");
await client.query("SELECT pg_advisory_xact_lock($1)", [key]);
console.log("locked");
setTimeout(async () => {
  await client.query("COMMIT");
  await client.end();
  console.log("released");
}, Number(ms));
