// `spendsense alerts USER [--as-of DATE] [--json]`: the alerts the engine computes for a consenting
// customer from the stored data, with each one's stored delivery state when a run stored it.
import type { Command } from "commander";
import { isRealDate } from "../../validation/plaid";
import { fail } from "../errors";

export function registerAlerts(program: Command) {
  program
    .command("alerts")
    .description("Show the alerts the engine finds for a customer (most urgent first), with their stored state")
    .argument("<userId>", "customer id")
    .option("--as-of <date>", "compute as of this day, YYYY-MM-DD (default: the as-of of the customer's current results, else the newest data)")
    .option("--json", "print a JSON array of alerts (kind, severity, message, citations, trace, key, title, state)")
    .action(async (userId: string, o: { asOf?: string; json?: boolean }) => {
      if (o.asOf !== undefined && !isRealDate(o.asOf)) fail(`--as-of must be a real date YYYY-MM-DD (got "${o.asOf}")`);
      const [{ withSql }, { computeAlerts }] = await Promise.all([import("../../services/database"), import("../../services/alerts")]);
      const r = await withSql((sql) => computeAlerts(sql, userId, o.asOf));
      if (o.json) {
        const rows = r.alerts.map((a) => ({
          key: a.alert_key,
          kind: a.kind,
          severity: a.severity,
          event_date: a.event_date,
          title: a.title,
          message: a.message,
          citations: a.citations,
          disclaimer: a.disclaimer,
          currency: a.currency,
          needs_review: a.needs_review,
          state: a.state,
          review_state: a.review_state,
          trace: a.trace,
        }));
        console.log(JSON.stringify(rows, null, 2));
        return;
      }
      console.log(`${r.user_id}: ${r.alerts.length} alert${r.alerts.length === 1 ? "" : "s"} as of ${r.as_of}`);
      if (!r.alerts.length) return;
      const table = r.alerts.map((a) => [a.severity, a.kind, a.event_date, a.state ?? "not stored", a.needs_review ? (a.review_state ?? "needs review") : "", a.title]);
      const head = ["Severity", "Kind", "Date", "State", "Review", "Title"];
      const widths = head.map((h, i) => table.reduce((w, row) => Math.max(w, row[i].length), h.length));
      const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
      console.log(`\n${line(head)}`);
      for (const [i, row] of table.entries()) {
        console.log(line(row));
        console.log(`  ${r.alerts[i].message}`);
      }
    });
}
