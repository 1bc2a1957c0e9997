// `spendsense` — the command line (SPEC §6). Commands call lib/services only, and import them
// inside their actions (`await import(…)`): `spendsense --help` and a mistyped option then answer
// without loading the database client, the generator or the engine (bin/build-cli.mjs puts each
// such import in a chunk of its own).
import { Command, CommanderError } from "commander";
import { ZodError } from "zod";
import { IngestError } from "../data/types";
import { asDatabaseBusy } from "../db/busy";
import { ConsentRequiredError, NotFoundError } from "../services/errors";
import { registerAlerts } from "./commands/alerts";
import { registerApiKey } from "./commands/apikey";
import { registerBudgets } from "./commands/budgets";
import { registerDb } from "./commands/db";
import { registerEngine } from "./commands/engine";
import { registerEval } from "./commands/eval";
import { registerGenerate } from "./commands/generate";
import { registerHealth } from "./commands/health";
import { registerIngest } from "./commands/ingest";
import { registerQueue } from "./commands/queue";
import { registerStaff } from "./commands/staff";
import { UsageError } from "./errors";

export function buildProgram(): Command {
  const program = new Command("spendsense")
    .description("SpendSense: explainable financial education from Plaid-style transaction data")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  registerGenerate(program);
  registerIngest(program);
  registerEngine(program);
  registerQueue(program);
  registerBudgets(program);
  registerAlerts(program);
  registerEval(program);
  registerStaff(program);
  registerApiKey(program);
  registerDb(program);
  registerHealth(program);
  for (const c of program.commands) c.exitOverride().showHelpAfterError("(run with --help for usage)");
  return program;
}

export async function main(argv: string[]): Promise<number> {
  process.exitCode = undefined; // a command reports a non-error failure (unhealthy) through it
  try {
    await buildProgram().parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2; // help/version print and exit 0
    if (err instanceof UsageError) {
      console.error(`error: ${err.message}`);
      return err.exitCode;
    }
    // A service refused the input (e.g. `run --as-of` after the newest data): what and why, exit 2.
    if (err instanceof ZodError) {
      for (const i of err.issues) console.error(`error: ${i.path.length ? `--${i.path.join(".").replace(/_/g, "-")}: ` : ""}${i.message}`);
      return 2;
    }
    if (err instanceof NotFoundError || err instanceof ConsentRequiredError) {
      console.error(`error: ${err.message}`);
      return err instanceof NotFoundError ? 4 : 3;
    }
    if (err instanceof IngestError) {
      console.error(err.message);
      return 1;
    }
    const busy = asDatabaseBusy(err);
    if (busy) {
      console.error(`error: ${busy.message}`);
      return 1;
    }
    console.error(`error: ${(err as Error).message}`);
    if (process.env.SPENDSENSE_DEBUG) console.error(err);
    return 1;
  }
}
