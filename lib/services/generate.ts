// Generator use cases: write synthetic data to files and/or load it straight into the database.
import { generateBundles, writeGeneratedFiles, type GenerateOptions } from "../data/generator";
import { parseBundles, type AccountRef } from "../data/ingest/bundle";
import { emptyBatch, IngestError, type IngestBatch, type IngestIssue } from "../data/types";
import type { WriteCounts } from "../db/write-batch";
import { openSql } from "../db/sql";
import { ingestBatches } from "./ingest";

export { writeGeneratedFiles };

const LOAD_CHUNK = 250;

/** Generator bundles as ingest batches, validated exactly as an ingested file would be (chunks of LOAD_CHUNK customers). */
export function* generatedBatches(opts: GenerateOptions): Generator<IngestBatch> {
  let chunk: unknown[] = [];
  let first = 0;
  const flush = () => {
    const batch = emptyBatch();
    const refs: AccountRef[] = [];
    const issues: IngestIssue[] = [];
    parseBundles(chunk, { file: `generator(seed ${opts.seed})`, source: "bundle" }, batch, refs, issues);
    for (const r of refs) issues.push({ file: r.file, record: r.record, field: "account_id", reason: `references account "${r.account_id}" outside its bundle` });
    if (issues.length) throw new IngestError(issues.map((i) => ({ ...i, record: i.record.replace(/^bundle\[(\d+)\]/, (_, n) => `customer ${first + Number(n)}`) })));
    first += chunk.length;
    chunk = [];
    return batch;
  };
  for (const bundle of generateBundles(opts)) {
    chunk.push(bundle);
    if (chunk.length === LOAD_CHUNK) yield flush();
  }
  if (chunk.length) yield flush();
}

/** A low estimate of how many transactions `opts` generates: customers average ~290 over the default 7 months. */
export const expectedTransactions = (opts: GenerateOptions) => opts.users * 40 * opts.months;

/** Generates and loads customers in one transaction (all-or-nothing), streaming in chunks. */
export async function loadGenerated(opts: GenerateOptions & { url?: string; onProgress?: (customers: number) => void }): Promise<WriteCounts> {
  const sql = await openSql(opts.url);
  try {
    let done = 0;
    return await ingestBatches(generatedBatches(opts), sql, expectedTransactions(opts), (c) => {
      done += c.customers;
      opts.onProgress?.(done);
    });
  } finally {
    sql.close();
  }
}
