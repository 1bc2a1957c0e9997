// `spendsense worker` and `spendsense schedule` (issue 14, point 3): engine runs on PostgreSQL's
// job queue. Services load when a command runs, not for `--help` (see ../index.ts).
import type { Command } from "commander";
import { fail } from "../errors";

async function postgresUrl(what: string): Promise<string> {
  const [{ databaseUrl }, { isPostgresUrl }] = await Promise.all([import("../../db/url"), import("../../db/dialect")]);
  const url = databaseUrl();
  if (!isPostgresUrl(url)) {
    console.error(`error: ${what} needs PostgreSQL (DATABASE_URL=postgresql://…); on SQLite runs compute in the process that starts them (\`spendsense run\`)`);
    process.exitCode = 1;
    return "";
  }
  return url;
}

export function registerQueue(program: Command) {
  program
    .command("worker")
    .description("Take engine chunks of queued runs from PostgreSQL and compute them; start any number, on any machines, against the same DATABASE_URL (stop with Ctrl-C)")
    .option("--concurrency <n>", "chunks this process works on at once (one engine thread each)", "1")
    .action(async (o: { concurrency: string }) => {
      if (!/^[1-9]\d*$/.test(o.concurrency)) fail(`--concurrency must be a whole number of 1 or more (got "${o.concurrency}")`);
      const url = await postgresUrl("a worker");
      if (!url) return;
      const { startWorker } = await import("../../services/run-worker");
      const worker = await startWorker({ url, concurrency: Number(o.concurrency), log: (line) => console.log(`${new Date().toISOString()} ${line}`) });
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          console.log(`${new Date().toISOString()} ${signal}: finishing the chunks in hand, then stopping`);
          worker.stop().then(resolve, (err) => {
            console.error(`error: ${(err as Error).message}`);
            resolve();
          });
        };
        process.once("SIGINT", () => stop("SIGINT"));
        process.once("SIGTERM", () => stop("SIGTERM"));
      });
    });

  const schedule = program.command("schedule").description("Scheduled engine runs through the queue's scheduler (PostgreSQL): a cron expression in UTC, e.g. nightly \"0 2 * * *\"");
  schedule
    .command("set")
    .description("Run the engine on a schedule (replaces any schedule); runs end on the newest day with data")
    .argument("<cron>", "five-field cron expression, UTC (minute hour day-of-month month day-of-week)")
    .action(async (cron: string) => {
      const url = await postgresUrl("a schedule");
      if (!url) return;
      const { setRunSchedule, InvalidScheduleError } = await import("../../services/run-schedule");
      await setRunSchedule(url, cron, "cli").catch((err) => (err instanceof InvalidScheduleError ? fail(err.message) : Promise.reject(err)));
      console.log(`Engine runs scheduled: "${cron}" (UTC). A running \`spendsense worker\` starts each one.`);
    });
  schedule
    .command("clear")
    .description("Stop scheduled engine runs")
    .action(async () => {
      const url = await postgresUrl("a schedule");
      if (!url) return;
      const { clearRunSchedule } = await import("../../services/run-schedule");
      console.log((await clearRunSchedule(url, "cli")) ? "Scheduled engine runs stopped." : "No engine runs were scheduled; nothing changed.");
    });
  schedule
    .command("show")
    .description("Show the engine run schedule")
    .action(async () => {
      const url = await postgresUrl("a schedule");
      if (!url) return;
      const { showRunSchedule } = await import("../../services/run-schedule");
      const s = await showRunSchedule(url);
      console.log(s ? `Engine runs scheduled: "${s.cron}" (${s.timezone}).` : "No engine runs are scheduled.");
    });
}
