import type { Command } from "commander";
import { INGEST_FORMATS, type IngestFormat } from "../../data/ingest/read";
import { fail } from "../errors";
import { progress } from "../progress";

export function registerIngest(program: Command) {
  program
    .command("ingest")
    .description("Load data (generator bundles, Plaid API responses, Plaid sandbox files, CSV): all-or-nothing")
    .argument("<path...>", "files or folders to load")
    .option("--user <id>", "customer id for inputs that do not name one (sandbox files default to their file name)")
    .option("--format <format>", `input format: ${INGEST_FORMATS.join("|")}`, "auto")
    .addHelpText("after", "\nA bad input is refused whole: every problem is listed with file, record, field and reason, and nothing is written.")
    .action(async (paths: string[], opts: { user?: string; format: string }) => {
      if (!INGEST_FORMATS.includes(opts.format as IngestFormat)) fail(`--format must be one of ${INGEST_FORMATS.join(", ")} (got "${opts.format}")`);
      if (opts.user !== undefined && !/^[A-Za-z0-9_.:-]{1,64}$/.test(opts.user)) fail(`--user must be 1–64 letters, digits, _ . : or - (got "${opts.user}")`);
      const { ingestFiles } = await import("../../services/ingest"); // loaded when run, not for `--help`
      const started = performance.now();
      const bar = progress("ingest", 1);
      let summary;
      try {
        summary = await ingestFiles(paths, { userId: opts.user, format: opts.format as IngestFormat, onProgress: (done, total) => bar.update(done, total) });
      } finally {
        bar.stop();
      }
      const secs = (performance.now() - started) / 1000;
      console.log(
        `Ingested ${summary.files} file(s) in ${secs.toFixed(2)} s: ${summary.customers} customers, ${summary.accounts} accounts, ` +
          `${summary.transactions} transactions, ${summary.liabilities} liabilities, ${summary.consentEvents} consent change(s)` +
          (summary.removed ? `, ${summary.removed} transaction(s) removed by /transactions/sync` : "") +
          (summary.replaced ? `, ${summary.replaced} record(s) replaced by a newer sandbox snapshot` : "") +
          ".",
      );
      for (const n of summary.notes) console.log(`note: ${n}`);
    });
}
