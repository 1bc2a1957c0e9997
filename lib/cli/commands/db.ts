import type { Command } from "commander";
import { databaseUrl } from "../../db/url";
import { fail } from "../errors";

// Services load when a command runs, not for `--help` (see ../index.ts).
const database = () => import("../../services/database");

export function registerDb(program: Command) {
  const db = program.command("db").description("Manage the database (DATABASE_URL, default file:./data/spendsense.db)");
  db.command("migrate")
    .description("Apply pending migrations and seed reference data (merchant catalog)")
    .action(async () => {
      const { migrateDatabase } = await database();
      const applied = await migrateDatabase();
      console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
    });
  db.command("reset")
    .description("Delete all data and re-create the schema (asks for --yes)")
    .option("--yes", "confirm that every row will be deleted")
    .action(async (opts: { yes?: boolean }) => {
      if (!opts.yes) fail(`db reset deletes every row in ${databaseUrl()}; run again with --yes to confirm`);
      const { resetDatabase } = await database();
      const applied = await resetDatabase();
      console.log(`Database reset; applied ${applied.length} migration(s).`);
    });
  db.command("status")
    .description("Show migration state and row counts per table")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      const { databaseStatus, TABLES } = await database();
      const status = await databaseStatus();
      if (opts.json) {
        console.log(JSON.stringify(status, null, 2));
        return;
      }
      console.log(`Database: ${status.url}`);
      console.log(`Migrations: ${status.migrations.applied.length} applied, ${status.migrations.pending.length} pending${status.migrations.pending.length ? ` (${status.migrations.pending.join(", ")})` : ""}`);
      if (!status.counts) {
        console.log("No tables yet: run `spendsense db migrate`.");
        return;
      }
      const width = TABLES.reduce((m, t) => Math.max(m, t.length), 0);
      for (const t of TABLES) console.log(`  ${t.padEnd(width)}  ${status.counts[t].toLocaleString("en-US").padStart(12)}`);
    });
}
