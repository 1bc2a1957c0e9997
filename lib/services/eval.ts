// Evaluation use case (SPEC §7): judge what `spendsense run` stored at an asOf, time the pure
// engine per customer over the same data, write metrics.json, metrics.csv, report.md and one
// decision-trace file per customer, and record the run in eval_runs. A trace file is about one
// customer: once the run is recorded (so a revocation from then on finds the folder), the files of
// customers who revoked meanwhile are removed, and a failed run removes the ones it wrote.
//
// Quality metrics read the stored results (what operators review and customers see), not a
// recomputation; the engine is re-run only to time it and to check the stored personas still
// follow from the data (reproducibility).
import fs from "node:fs";
import path from "node:path";
import { DEFAULT_CONFIG, type EngineResult } from "../engine";
import { WINDOWS, type WindowId } from "../engine/types";
import { loadApprovedCatalog } from "../db/queries/engine-input";
import { recordAudit } from "../db/audit";
import { prepareDatabase } from "../db/prepare";
import { consentingNow } from "../db/customer-data";
import { openSql, releaseStatements } from "../db/sql";
import { alertMetrics, type RaisedAlert, type TruthEvent } from "../eval/alerts";
import { assessCustomer, type CustomerAssessment, type FreshPersona } from "../eval/assess";
import { buildMetrics, type EvalMetrics } from "../eval/metrics";
import { EVAL_FILES, renderEvalFile } from "../eval/render";
import type { StoredWindow } from "../eval/types";
import { evalTraceFile } from "./consent";
import { loadEngineJob } from "./engine";
import { computeOne } from "./engine-job";
import { assertKnownIds, ConflictError } from "./errors";
import { emptyWindows, insertEvalRun, latestFinishedRun, listScopeCustomers, loadStoredResults, loadTruthEvents } from "../db/queries/eval";

const CHUNK = 250;

export interface EvalOptions {
  /** Default: the asOf of the latest finished engine run. */
  asOf?: string;
  /** Default: data/eval/<asOf>. */
  outDir?: string;
  userIds?: string[];
  url?: string;
  /** Write traces/<user_id>.json (default true). */
  traces?: boolean;
  /** Called once each chunk's trace files are written; a returned promise is awaited. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
  /** The staff member who started it from the app: recorded on the run and audited ("eval.run"). */
  startedBy?: string;
}

export interface EvalSummary {
  eval_run_id: number;
  out_dir: string;
  files: string[];
  metrics: EvalMetrics;
}

/** A customer's decision-trace file: what was stored, the decision traces, and each verdict. */
function traceFile(a: CustomerAssessment, stored: Record<WindowId, StoredWindow>, asOf: string) {
  return {
    user_id: a.user_id,
    as_of: asOf,
    label: a.label,
    windows: Object.fromEntries(
      WINDOWS.map((w) => {
        const s = stored[w];
        const v = a.windows[w];
        const { recommendations: verdicts, ...assessment } = v;
        return [
          w,
          {
            persona: s.persona,
            assessment,
            recommendations: s.recommendations.map((r, i) => ({ ...r, verdict: verdicts[i] })),
            decision_traces: s.traces.map((t) => ({ id: t.id, ...(t.payload as object) })),
          },
        ];
      }),
    ),
  };
}

export async function runEval(opts: EvalOptions = {}): Promise<EvalSummary> {
  const started = performance.now();
  const config = DEFAULT_CONFIG;
  const sql = await openSql(opts.url);
  const written = new Map<string, string>();
  try {
    await prepareDatabase(sql);
    const engineRun = await latestFinishedRun(sql, opts.asOf);
    if (!engineRun) throw new ConflictError(opts.asOf ? `no finished engine run as of ${opts.asOf}: run \`spendsense run --as-of ${opts.asOf}\` first` : "no finished engine run yet: run `spendsense run` first");
    const asOf = engineRun.as_of;
    const scope = await listScopeCustomers(sql, opts.userIds);
    assertKnownIds(opts.userIds, scope);
    const consenting = scope.filter((c) => c.consent);
    const catalog = await loadApprovedCatalog(sql);
    const outDir = path.resolve(/*turbopackIgnore: true*/ opts.outDir ?? path.join("data", "eval", asOf));
    const writeTraces = opts.traces ?? true;
    fs.mkdirSync(writeTraces ? path.join(outDir, "traces") : outDir, { recursive: true });

    const assessments: CustomerAssessment[] = [];
    const latencies: number[] = [];
    const truth: TruthEvent[] = [];
    const raised: RaisedAlert[] = [];
    for (let i = 0; i < consenting.length; i += CHUNK) {
      await releaseStatements();
      const chunk = consenting.slice(i, i + CHUNK);
      const ids = chunk.map((c) => c.user_id);
      const [job, stored, events] = await Promise.all([loadEngineJob(sql, ids, { asOf, config, catalog }), loadStoredResults(sql, ids, asOf), loadTruthEvents(sql, ids)]);
      for (const e of events) truth.push(e);
      // The pure engine, timed per customer with the context `spendsense run` gives it. The first
      // call is repeated untimed first: it judges every catalog item once per process (cached).
      if (i === 0 && job.inputs.length) computeOne(job, job.inputs[0]);
      const fresh = new Map<string, EngineResult>();
      for (const input of job.inputs) {
        const t = performance.now();
        fresh.set(input.user_id, computeOne(job, input));
        latencies.push(performance.now() - t);
      }
      for (const c of chunk) {
        const windows = stored.get(c.user_id) ?? emptyWindows();
        const r = fresh.get(c.user_id);
        // Alerts come from the same fresh computation (the engine at this asOf over the same data).
        if (r?.consent) for (const a of r.alerts) raised.push({ user_id: c.user_id, kind: a.kind, alert_key: a.alert_key, event_date: a.event_date, transaction_ids: a.transaction_ids });
        const personas: Partial<Record<WindowId, FreshPersona>> | undefined = r?.consent ? Object.fromEntries(WINDOWS.map((w) => [w, r.windows[w].persona])) : undefined;
        const a = assessCustomer({ ...c, windows }, asOf, personas);
        assessments.push(a);
        const file = writeTraces ? evalTraceFile(outDir, c.user_id) : null;
        if (file) {
          written.set(c.user_id, file);
          fs.writeFileSync(file, JSON.stringify(traceFile(a, windows, asOf)));
        }
      }
      await opts.onProgress?.(Math.min(i + CHUNK, consenting.length), consenting.length);
    }

    const metrics = buildMetrics(
      assessments,
      { as_of: asOf, engine_version: engineRun.engine_version, config_hash: engineRun.config_hash, selected: scope.length, consenting: consenting.length },
      { generated_at: new Date().toISOString(), seconds: (performance.now() - started) / 1000, latencies_ms: latencies },
      alertMetrics({ asOf, customers: consenting.length, lookbackDays: config.alerts.lookbackDays, truth, alerts: raised }),
    );
    const files = EVAL_FILES.map((f) => {
      const file = path.join(/*turbopackIgnore: true*/ outDir, f);
      fs.writeFileSync(file, renderEvalFile(metrics, f).body);
      return file;
    });
    // The run and, when staff started it, its audit entry: both or neither.
    const tx = await sql.transaction("write");
    let evalRunId: number;
    try {
      evalRunId = await insertEvalRun(tx, { asOf, engineVersion: metrics.engine_version, customers: metrics.customers.evaluated, metrics, outDir, engineRunId: engineRun.id, startedBy: opts.startedBy ?? null });
      if (opts.startedBy) await recordAudit(tx, "eval.run", { type: "eval", id: evalRunId }, { actor: opts.startedBy, details: { engine_run_id: engineRun.id, as_of: asOf } });
      await tx.commit();
    } catch (err) {
      await tx.rollback();
      throw err;
    } finally {
      tx.close();
    }
    const still = await consentingNow(sql, [...written.keys()]);
    for (const [userId, file] of written) if (!still.has(userId)) fs.rmSync(file, { force: true });
    return { eval_run_id: evalRunId, out_dir: outDir, files, metrics };
  } catch (err) {
    for (const file of written.values()) fs.rmSync(file, { force: true });
    throw err;
  } finally {
    sql.close();
  }
}
