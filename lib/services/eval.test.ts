import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderMetricsJson } from "../eval/render";
import type { EvalMetrics } from "../eval/metrics";
import { tempDb, type TempDb } from "../testing/temp-db";
import { runEngine } from "./engine";
import { NotFoundError } from "./errors";
import { runEval } from "./eval";
import { loadGenerated } from "./generate";

const AS_OF = "2026-10-31";
let db: TempDb;
beforeEach(async () => {
  db = await tempDb();
  await loadGenerated({ users: 20, seed: 7, asOf: AS_OF, months: 7, url: db.url });
});
afterEach(() => db.cleanup());

const metric = (m: EvalMetrics, id: string, window = "180d") => m.metrics.find((e) => e.id === id && e.window === window)!;

describe("eval service (stored results → metrics, files, eval_runs) on a temporary SQLite file", () => {
  it("refuses to evaluate before an engine run, and unknown customers", async () => {
    await expect(runEval({ url: db.url, outDir: path.join(db.dir, "out") })).rejects.toThrow(/no finished engine run yet: run `spendsense run`/);
    await runEngine({ url: db.url, asOf: AS_OF });
    await expect(runEval({ url: db.url, asOf: "2026-01-01", outDir: path.join(db.dir, "out") })).rejects.toThrow(/no finished engine run as of 2026-01-01/);
    await expect(runEval({ url: db.url, userIds: ["usr_nope"], outDir: path.join(db.dir, "out") })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("writes metrics.json, metrics.csv, report.md and one trace per consenting customer, and records the run", async () => {
    await runEngine({ url: db.url, asOf: AS_OF });
    const out = path.join(db.dir, "out");
    const s = await runEval({ url: db.url, outDir: out });
    const consenting = (await db.sql.execute("SELECT user_id FROM customers WHERE consent = TRUE ORDER BY user_id")).rows.map((r) => String(r.user_id));
    const m = s.metrics;
    expect(m).toMatchObject({ as_of: AS_OF, customers: { selected: 20, consenting: consenting.length, evaluated: consenting.length, labelled: consenting.length } });
    // The engine's own output is explained, faithful, fully traced and reproducible.
    for (const id of ["explainability", "faithfulness", "auditability", "reproducibility"]) expect(metric(m, id).value).toBe(1);
    expect(m.measured.latency_ms?.customers).toBe(consenting.length);

    expect(fs.readFileSync(path.join(out, "metrics.json"), "utf8")).toBe(renderMetricsJson(m));
    expect(fs.readFileSync(path.join(out, "metrics.csv"), "utf8")).toMatch(/^section,window,name,value/);
    expect(fs.readFileSync(path.join(out, "report.md"), "utf8")).toMatch(/^# SpendSense evaluation — as of 2026-10-31/);
    expect(fs.readdirSync(path.join(out, "traces")).sort()).toEqual(consenting.map((id) => `${id}.json`));
    const trace = JSON.parse(fs.readFileSync(path.join(out, "traces", `${consenting[0]}.json`), "utf8"));
    expect(trace).toMatchObject({ user_id: consenting[0], as_of: AS_OF });
    expect(trace.windows["30d"].decision_traces[0]).toMatchObject({ as_of: AS_OF, window: "30d" });

    const row = (await db.sql.execute("SELECT * FROM eval_runs")).rows;
    expect(row).toHaveLength(1);
    expect(row[0]).toMatchObject({ id: s.eval_run_id, as_of: AS_OF, customers: consenting.length, out_dir: out });
    expect(JSON.parse(String(row[0].metrics))).toEqual(m);
    // Same data, same document (apart from the measured section).
    const again = await runEval({ url: db.url, outDir: path.join(db.dir, "again"), traces: false });
    expect(renderMetricsJson({ ...again.metrics, measured: null as never })).toBe(renderMetricsJson({ ...m, measured: null as never }));
    expect(fs.existsSync(path.join(db.dir, "again", "traces"))).toBe(false);
  });

  it("a stored citation that no longer matches the signals is unfaithful; a recommendation without its trace is not auditable", async () => {
    await runEngine({ url: db.url, asOf: AS_OF });
    const recs = (await db.sql.execute(`SELECT id, citations FROM recommendations WHERE "window" = '180d' ORDER BY id LIMIT 2`)).rows;
    const citations = JSON.parse(String(recs[0].citations)) as Array<{ value: unknown }>;
    citations[0].value = typeof citations[0].value === "number" ? citations[0].value + 1 : "changed";
    await db.sql.execute({ sql: "UPDATE recommendations SET citations = ? WHERE id = ?", args: [JSON.stringify(citations), recs[0].id] });
    await db.sql.execute({ sql: "UPDATE recommendations SET trace_id = NULL WHERE id = ?", args: [recs[1].id] });

    const m = (await runEval({ url: db.url, outDir: path.join(db.dir, "out"), traces: false })).metrics;
    const total = m.recommendations["180d"].total;
    expect(metric(m, "faithfulness")).toMatchObject({ numerator: total - 1, denominator: total, meets: false });
    expect(m.recommendations["180d"]).toMatchObject({ unfaithful: 1, unfaithful_citations: 1 });
    // Recommendation 0 cites a value its trace does not hold; recommendation 1 has no trace.
    expect(metric(m, "auditability")).toMatchObject({ numerator: total - 2, denominator: total, meets: false });
    expect(m.recommendations["180d"].trace_problems).toMatchObject({ no_trace_id: 1, cited_signal_not_recorded: 1 });
    expect(metric(m, "faithfulness", "30d").value).toBe(1);
  });

  it("--users narrows the scope; a non-consenting customer is counted in scope but never evaluated", async () => {
    await runEngine({ url: db.url, asOf: AS_OF });
    const [yes] = (await db.sql.execute("SELECT user_id FROM customers WHERE consent = TRUE ORDER BY user_id LIMIT 1")).rows.map((r) => String(r.user_id));
    const [no] = (await db.sql.execute("SELECT user_id FROM customers WHERE consent = FALSE ORDER BY user_id LIMIT 1")).rows.map((r) => String(r.user_id));
    const s = await runEval({ url: db.url, userIds: [yes, no], outDir: path.join(db.dir, "out") });
    expect(s.metrics.customers).toMatchObject({ selected: 2, consenting: 1, evaluated: 1 });
    expect(fs.readdirSync(path.join(db.dir, "out", "traces"))).toEqual([`${yes}.json`]);
  });

  it("records which engine run it judged and who started it, audits a staff start, and the page knows when a newer run makes it out of date", async () => {
    const first = await runEngine({ url: db.url, asOf: AS_OF });
    const s = await runEval({ url: db.url, outDir: path.join(db.dir, "out"), traces: false, startedBy: "analyst@bank.example" });
    const row = (await db.sql.execute({ sql: "SELECT engine_run_id, started_by FROM eval_runs WHERE id = ?", args: [s.eval_run_id] })).rows[0];
    expect(row).toMatchObject({ engine_run_id: first.run_id, started_by: "analyst@bank.example" });
    const audit = (await db.sql.execute("SELECT actor, action, target_type, target_id FROM audit_log WHERE action = 'eval.run'")).rows;
    expect(audit).toEqual([expect.objectContaining({ actor: "analyst@bank.example", action: "eval.run", target_type: "eval", target_id: String(s.eval_run_id) })]);

    const { latestEval } = await import("./eval-latest");
    const { createPrisma } = await import("../db/client");
    const prisma = createPrisma(db.url);
    try {
      expect(await latestEval(prisma)).toMatchObject({ id: s.eval_run_id, engine_run_id: first.run_id, started_by: "analyst@bank.example", newer_run: null });
      const second = await runEngine({ url: db.url, asOf: AS_OF });
      expect(await latestEval(prisma)).toMatchObject({ id: s.eval_run_id, newer_run: { id: second.run_id, as_of: AS_OF } });
    } finally {
      await prisma.$disconnect();
    }
  });

  it("scores the engine's alerts against the generator's labelled events: per kind, in metrics.json, the CSV and the report", async () => {
    const labelled = await tempDb();
    try {
      await loadGenerated({ users: 60, seed: 7, asOf: AS_OF, months: 7, url: labelled.url, anomalyRate: 0.4, fraudRate: 0.4 });
      await runEngine({ url: labelled.url, asOf: AS_OF });
      const out = path.join(labelled.dir, "out");
      const { metrics: m } = await runEval({ url: labelled.url, outDir: out, traces: false });
      const consenting = (await labelled.sql.execute("SELECT user_id FROM customers WHERE consent = TRUE")).rows.map((r) => String(r.user_id));
      const events = (
        await labelled.sql.execute({
          sql: `SELECT expected_alert, COUNT(*) AS n FROM generator_events WHERE user_id IN (${consenting.map(() => "?").join(",")}) AND event_date > '2026-09-16' GROUP BY expected_alert`,
          args: consenting,
        })
      ).rows;
      const support = Object.fromEntries(events.map((r) => [String(r.expected_alert), Number(r.n)]));
      for (const kind of ["duplicate_charge", "unusual_amount", "price_increase", "low_balance_forecast"] as const) {
        const a = m.alerts![kind];
        expect(a.support).toBe(support[kind]);
        expect(a.support).toBeGreaterThan(0);
        expect(a.recall).toBe(Math.round((a.found / a.support) * 10_000) / 10_000);
        if (a.alerts - a.ignored_alerts > 0) expect(a.precision).toBe(Math.round((a.true_alerts / (a.true_alerts + a.false_alerts)) * 10_000) / 10_000);
      }
      // Kinds the generator never labels are not scored: unknown, not zero.
      expect(m.alerts!.fee_charged).toMatchObject({ labelled: false, precision: null, recall: null, support: 0 });
      expect(fs.readFileSync(path.join(out, "metrics.csv"), "utf8")).toMatch(/^alert_recall,all,unusual_amount,/m);
      expect(fs.readFileSync(path.join(out, "report.md"), "utf8")).toMatch(/## Alerts against ground truth[\s\S]*\| unusual_amount \|/);
    } finally {
      labelled.cleanup();
    }
  });

  it("without generator events every alert kind has no support and no precision (null, not 0)", async () => {
    await runEngine({ url: db.url, asOf: AS_OF });
    const { metrics: m } = await runEval({ url: db.url, outDir: path.join(db.dir, "out"), traces: false });
    for (const a of Object.values(m.alerts!)) expect([a.support, a.precision, a.recall]).toEqual([0, null, null]);
  });
});
