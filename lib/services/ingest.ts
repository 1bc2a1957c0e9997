// Ingest use case: read files in any format, validate everything, write in ONE transaction.
// Any problem anywhere → rollback, a list of issues naming file/record/field/reason, nothing
// written. Files are parsed and written one at a time so memory stays flat for large inputs.
import fs from "node:fs";
import type { Transaction } from "@libsql/client";
import { expandPaths, readJson, readText, type ReadOptions } from "../data/ingest/read";
import type { AccountRef } from "../data/ingest/bundle";
import { SeenTransactionIds } from "../data/ingest/seen-ids";
import { emptyBatch, IngestError, type IngestBatch, type IngestIssue } from "../data/types";
import { recordAudit } from "../db/audit";
import { prepareDatabase } from "../db/prepare";
import { ownershipCheck } from "../db/ownership";
import { openSql, releaseStatements, type Sql } from "../db/sql";
import { beginBulkLoad, writeBatch, type WriteCounts } from "../db/write-batch";
import { recordIngestedRows } from "../observability/metrics";

export interface IngestSummary extends WriteCounts {
  files: number;
  notes: string[];
}

export interface IngestOptions extends ReadOptions {
  url?: string;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Who loads the data, for the audit entry written in the same transaction ("cli" by default). */
  actor?: string;
  /** Where the data came from, the audit entry's target ("cli" by default). */
  via?: "cli" | "api";
}

/** One input: its name in messages, and how to read it into a batch. */
interface Input {
  file: string;
  read: (batch: IngestBatch, refs: AccountRef[], issues: IngestIssue[]) => void;
  /** Its size in bytes, when known: a 10 000-customer load is ~1.4 GB of bundles or ~0.7 GB of CSV. */
  bytes?: number;
}

/** A transaction takes ~450 bytes in a bundle and ~230 in CSV: estimate low, so indexes are deferred only for loads that are surely large. */
const BYTES_PER_TRANSACTION = 500;
/** Input parsed and validated before the write lock is taken (about 1 000 customers of bundles). */
const PARSE_AHEAD_BYTES = 192 * 1024 * 1024;

/** One input, read and validated. */
interface Parsed {
  batch: IngestBatch;
  refs: AccountRef[];
  issues: IngestIssue[];
}

/** Who loaded what, written in the load's own transaction: committed with the data or not at all. */
async function audit(tx: Transaction, actor: string, via: "cli" | "api" | "generator", c: WriteCounts & { files?: number }) {
  const details = { files: c.files, customers: c.customers, accounts: c.accounts, transactions: c.transactions, liabilities: c.liabilities, consent_events: c.consentEvents, removed: c.removed, replaced: c.replaced };
  await recordAudit(tx, "data.ingest", { type: "ingest", id: via }, { actor, details });
}

/** `target.push(...items)` puts every item on the call stack: a large input overflowed it (issue 11). */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Duplicate ids within the whole ingest are errors (the same id twice cannot be two records). */
class DuplicateTracker {
  private tx = new SeenTransactionIds();
  private accounts = new Map<string, string>();
  private customers = new Set<string>();

  constructor(private readonly inputs: readonly Input[]) {}

  check(batch: IngestBatch, input: number, issues: IngestIssue[]) {
    const file = this.inputs[input].file;
    for (const c of batch.customers) {
      if (this.customers.has(c.user_id)) issues.push({ file, record: `customer ${c.user_id}`, field: "user_id", reason: `duplicate customer id "${c.user_id}" in this ingest` });
      this.customers.add(c.user_id);
    }
    for (const a of batch.accounts) {
      const owner = this.accounts.get(a.account_id);
      if (owner !== undefined) issues.push({ file, record: `account ${a.account_id}`, field: "account_id", reason: `duplicate account_id "${a.account_id}" in this ingest` });
      this.accounts.set(a.account_id, a.user_id);
    }
    const ids = batch.transactions.map((t) => t.transaction_id);
    for (const id of this.tx.add(ids, input, (earlier) => this.transactionIdsOf(earlier))) {
      issues.push({ file, record: `transaction ${id}`, field: "transaction_id", reason: `duplicate transaction_id "${id}"` });
    }
  }

  /** An earlier input's transaction ids, read again. */
  private transactionIdsOf(input: number): Set<string> {
    const batch = emptyBatch();
    this.inputs[input].read(batch, [], []);
    return new Set(batch.transactions.map((t) => t.transaction_id));
  }
}

export async function ingestFiles(paths: string[], opts: IngestOptions = {}, existing?: Sql): Promise<IngestSummary> {
  const files = expandPaths(paths);
  if (!files.length) throw new IngestError([{ file: paths.join(", "), record: "", field: "", reason: "no .json or .csv files found" }]);
  return ingestInputs(
    files.map((file) => ({ file, bytes: fs.statSync(file).size, read: (batch, refs, issues) => readText(fs.readFileSync(file, "utf8"), file, opts, batch, refs, issues) })),
    opts,
    existing,
  );
}

/** Ingests a JSON document already in memory (an API request's body), named `name` in messages. */
export function ingestDocument(json: unknown, name: string, opts: IngestOptions = {}): Promise<IngestSummary> {
  return ingestInputs([{ file: name, read: (batch, refs, issues) => readJson(json, name, opts, batch, refs, issues) }], opts);
}

async function ingestInputs(inputs: Input[], opts: IngestOptions, existing?: Sql): Promise<IngestSummary> {
  const files = inputs.map((i) => i.file);
  const sql = existing ?? (await openSql(opts.url));
  try {
    await prepareDatabase(sql);
    const summary: IngestSummary = { files: files.length, customers: 0, accounts: 0, transactions: 0, liabilities: 0, consentEvents: 0, removed: 0, replaced: 0, notes: [] };
    const issues: IngestIssue[] = [];
    const dupes = new DuplicateTracker(inputs);
    const parse = (i: number): Parsed => {
      const parsed: Parsed = { batch: emptyBatch(), refs: [], issues: [] };
      inputs[i].read(parsed.batch, parsed.refs, parsed.issues);
      dupes.check(parsed.batch, i, parsed.issues);
      return parsed;
    };
    // Parsing and validating (most of an ingest's time) happen before the write lock is taken,
    // for as much input as PARSE_AHEAD_BYTES allows, so the app's own writes wait only for the
    // writing itself; a refused input never takes the lock at all.
    const ahead: Parsed[] = [];
    for (let bytes = 0; ahead.length < inputs.length && bytes + (inputs[ahead.length].bytes ?? 0) <= PARSE_AHEAD_BYTES; ) {
      bytes += inputs[ahead.length].bytes ?? 0;
      opts.onProgress?.(ahead.length, files.length, inputs[ahead.length].file);
      ahead.push(parse(ahead.length));
    }
    if (ahead.length === inputs.length && ahead.some((p) => p.issues.length)) {
      // Refused already: ownership problems are listed too, read without the write lock.
      const read = await sql.transaction("read");
      try {
        const checkOwnership = await ownershipCheck(read);
        for (const [i, p] of ahead.entries()) appendAll(issues, [...p.issues, ...(await checkOwnership(p.batch, p.refs, inputs[i].file))]);
      } finally {
        read.close();
      }
      throw new IngestError(issues);
    }
    const tx = await sql.transaction("write");
    try {
      const checkOwnership = await ownershipCheck(tx);
      const load = await beginBulkLoad(tx, inputs.reduce((n, i) => n + (i.bytes ?? 0), 0) / BYTES_PER_TRANSACTION);
      for (const [i, { file }] of inputs.entries()) {
        if (i >= ahead.length) opts.onProgress?.(i, files.length, file);
        const { batch, refs, issues: fileIssues } = ahead[i] ?? parse(i);
        delete ahead[i]; // written batches are not kept
        // Ownership is checked against the database in this transaction, before this file is written.
        appendAll(fileIssues, await checkOwnership(batch, refs, file));
        appendAll(issues, fileIssues);
        // Keep validating later files so the user sees every problem, but write nothing more.
        if (issues.length) continue;
        const written = await writeBatch(tx, batch, load);
        summary.customers += written.customers;
        summary.accounts += written.accounts;
        summary.transactions += written.transactions;
        summary.liabilities += written.liabilities;
        summary.consentEvents += written.consentEvents;
        summary.removed += written.removed;
        summary.replaced += written.replaced;
        appendAll(summary.notes, batch.notes);
        appendAll(summary.notes, written.notes);
        await releaseStatements();
      }
      opts.onProgress?.(files.length, files.length, "");
      if (issues.length) throw new IngestError(issues);
      await load.finish();
      await audit(tx, opts.actor ?? "cli", opts.via ?? "cli", summary);
      await tx.commit();
      recordIngestedRows(summary);
      return summary;
    } catch (err) {
      await tx.rollback();
      throw err;
    } finally {
      tx.close();
    }
  } finally {
    if (!existing) sql.close();
  }
}

/** Writes already-built batches (the generator's `--load`, about `expectedTransactions` in all) in one transaction. */
export async function ingestBatches(batches: Iterable<IngestBatch>, sql: Sql, expectedTransactions: number, onBatch?: (counts: WriteCounts) => void): Promise<WriteCounts> {
  await prepareDatabase(sql);
  const total: WriteCounts = { customers: 0, accounts: 0, transactions: 0, liabilities: 0, consentEvents: 0, removed: 0, replaced: 0 };
  const tx = await sql.transaction("write");
  try {
    const checkOwnership = await ownershipCheck(tx);
    const load = await beginBulkLoad(tx, expectedTransactions);
    for (const batch of batches) {
      const clashes = await checkOwnership(batch, [], "generated data");
      if (clashes.length) throw new IngestError(clashes);
      const c = await writeBatch(tx, batch, load);
      for (const k of Object.keys(total) as Array<keyof WriteCounts>) total[k] += c[k];
      onBatch?.(c);
      await releaseStatements();
    }
    await load.finish();
    await audit(tx, "cli", "generator", total);
    await tx.commit();
    recordIngestedRows(total);
    return total;
  } catch (err) {
    await tx.rollback();
    throw err;
  } finally {
    tx.close();
  }
}
