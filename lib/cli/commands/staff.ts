import readline from "node:readline";
import type { Command } from "commander";
import { ZodError } from "zod";
import { ROLES } from "../../auth/permissions";
import { fail } from "../errors";

/** Asks for a password without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const mutable = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
    let asked = false;
    mutable._writeToOutput = (s: string) => {
      if (!asked) {
        mutable.output.write(s);
        asked = true;
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

/** Migrates, opens the database, runs a staff service and closes it; zod's refusals name the option. */
async function withStaffDb<T>(act: (db: import("../../db/client").Db, staff: typeof import("../../services/staff")) => Promise<T>): Promise<T> {
  // Loaded when run, not for `--help`.
  const [{ migrateDatabase }, { createPrisma }, staff] = await Promise.all([import("../../services/database"), import("../../db/client"), import("../../services/staff")]);
  await migrateDatabase();
  const db = createPrisma();
  try {
    return await act(db, staff);
  } catch (err) {
    if (err instanceof ZodError) fail(err.issues.map((i) => (i.path.length ? `--${String(i.path[0])} ${i.message}` : i.message)).join("; "));
    throw err;
  } finally {
    await db.$disconnect();
  }
}

export function registerStaff(program: Command) {
  const staff = program.command("staff").description("Manage staff accounts for the web app (every change is audited as actor \"cli\")");
  staff
    .command("list")
    .description("List staff accounts: email, role, status, open sessions")
    .action(async () => {
      const rows = await withStaffDb((db, s) => s.listStaff(db));
      if (rows.length === 0) return console.log("No staff accounts.");
      for (const r of rows) console.log(`${r.email.padEnd(36)} ${r.role.padEnd(8)} ${r.disabled_at ? `disabled ${r.disabled_at.toISOString()}` : "enabled"}  ${r.openSessions} open session(s)`);
    });
  staff
    .command("create")
    .description("Create a staff account (the password is hashed with bcrypt; asked for when not given)")
    .requiredOption("--email <email>", "sign-in email")
    .requiredOption("--role <role>", `one of ${ROLES.join(", ")}`)
    .option("--password <password>", "at least 12 characters (prefer the prompt: arguments can end up in shell history)")
    .action(async (o: { email: string; role: string; password?: string }) => {
      const password = o.password ?? (process.stdin.isTTY ? await promptHidden("Password (12+ characters): ") : fail("--password is required when not run in a terminal"));
      const user = await withStaffDb((db, s) => s.createStaff(db, { email: o.email, role: o.role as never, password }, "cli"));
      console.log(`Created ${user.role} ${user.email}.`);
    });
  staff
    .command("set-role")
    .description("Give a staff account another role; every session of the account ends (they sign in again)")
    .requiredOption("--email <email>", "sign-in email")
    .requiredOption("--role <role>", `one of ${ROLES.join(", ")}`)
    .action(async (o: { email: string; role: string }) => {
      const r = await withStaffDb((db, s) => s.setStaffRole(db, o, "cli"));
      console.log(`${r.email}: ${r.previousRole} → ${r.role}; ${r.sessionsEnded} session(s) ended.`);
    });
  staff
    .command("disable")
    .description("Disable a staff account: it cannot sign in and every session ends (the last enabled admin cannot be disabled)")
    .requiredOption("--email <email>", "sign-in email")
    .action(async (o: { email: string }) => {
      const r = await withStaffDb((db, s) => s.disableStaff(db, o, "cli"));
      console.log(`Disabled ${r.email}; ${r.sessionsEnded} session(s) ended.`);
    });
  staff
    .command("enable")
    .description("Let a disabled staff account sign in again")
    .requiredOption("--email <email>", "sign-in email")
    .action(async (o: { email: string }) => {
      const r = await withStaffDb((db, s) => s.enableStaff(db, o, "cli"));
      console.log(`Enabled ${r.email}.`);
    });
  staff
    .command("reset-password")
    .description("Give a staff account a new temporary password, printed once; every session ends")
    .requiredOption("--email <email>", "sign-in email")
    .action(async (o: { email: string }) => {
      const r = await withStaffDb((db, s) => s.resetStaffPassword(db, o, "cli"));
      console.log(`Reset the password of ${r.email}; ${r.sessionsEnded} session(s) ended.`);
      console.log(`Temporary password (shown once, pass it on privately): ${r.temporaryPassword}`);
    });
}
