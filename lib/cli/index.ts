// `spendsense` — the command line (SPEC §6). Commands call lib/services only, and import them
// inside their actions (`await import(…)`): `spendsense --help` and a mistyped option then answer
// without loading the database client, the generator or the engine (bin/build-cli.mjs puts each
// such import in a chunk of its own).
import { Command, CommanderError } from "commander";
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
import { cliFailure } from "./errors";

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
    // Exit codes and messages come from the one error table (lib/errors.ts).
    const failure = cliFailure(err);
    for (const line of failure.lines) console.error(line);
    if (process.env.SPENDSENSE_DEBUG) console.error(err);
    return failure.exitCode;
  }
}
