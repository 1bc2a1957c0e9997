// A second process that takes SQLite's write lock, as a CLI ingest or any client's
// `BEGIN IMMEDIATE` does: `node hold-write-lock.mjs <database file> <milliseconds>`.
// Prints "locked" once it holds the lock and "released" after committing.
import Database from "libsql";

const [file, ms] = process.argv.slice(2);
const db = new Database(file);
db.prepare("PRAGMA busy_timeout = 10000").all();
db.exec("BEGIN IMMEDIATE");
db.exec("CREATE TABLE IF NOT EXISTS _lock_holder (at TEXT)");
db.exec("INSERT INTO _lock_holder VALUES (datetime('now'))");
console.log("locked");
setTimeout(() => {
  db.exec("COMMIT");
  db.close();
  console.log("released");
}, Number(ms));
