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

export function registerStaff(program: Command) {
  const staff = program.command("staff").description("Manage staff accounts for the web app");
  staff
    .command("create")
    .description("Create a staff account (the password is hashed with bcrypt; asked for when not given)")
    .requiredOption("--email <email>", "sign-in email")
    .requiredOption("--role <role>", `one of ${ROLES.join(", ")}`)
    .option("--password <password>", "at least 12 characters (prefer the prompt: arguments can end up in shell history)")
    .action(async (o: { email: string; role: string; password?: string }) => {
      const password = o.password ?? (process.stdin.isTTY ? await promptHidden("Password (12+ characters): ") : fail("--password is required when not run in a terminal"));
      // Loaded when run, not for `--help`.
      const [{ migrateDatabase }, { createPrisma }, { createStaff }] = await Promise.all([import("../../services/database"), import("../../db/client"), import("../../services/staff")]);
      await migrateDatabase();
      const db = createPrisma();
      try {
        const user = await createStaff(db, { email: o.email, role: o.role as never, password });
        console.log(`Created ${user.role} ${user.email}.`);
      } catch (err) {
        if (err instanceof ZodError) fail(err.issues.map((i) => `--${String(i.path[0])} ${i.message}`).join("; "));
        throw err;
      } finally {
        await db.$disconnect();
      }
    });
  staff
    .command("set-role")
    .description("Give a staff account another role; every session of the account ends (they sign in again)")
    .requiredOption("--email <email>", "sign-in email")
    .requiredOption("--role <role>", `one of ${ROLES.join(", ")}`)
    .action(async (o: { email: string; role: string }) => {
      const [{ migrateDatabase }, { createPrisma }, { setStaffRole }] = await Promise.all([import("../../services/database"), import("../../db/client"), import("../../services/staff")]);
      await migrateDatabase();
      const db = createPrisma();
      try {
        const r = await setStaffRole(db, o, "cli");
        console.log(`${r.email}: ${r.previousRole} → ${r.role}; ${r.sessionsEnded} session(s) ended.`);
      } catch (err) {
        if (err instanceof ZodError) fail(err.issues.map((i) => `--${String(i.path[0])} ${i.message}`).join("; "));
        throw err;
      } finally {
        await db.$disconnect();
      }
    });
}
