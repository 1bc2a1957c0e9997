// Streams generated customers to disk one at a time: JSON bundle parts of up to 500 customers,
// three CSV files and a manifest. Nothing depends on the clock or the machine, so the same
// options always give byte-identical files.
import { mkdir, open, rm, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { ACCOUNT_COLUMNS, accountRows, CUSTOMER_COLUMNS, customerRow, TRANSACTION_COLUMNS, transactionRows } from "./csv";
import { eventsEnabled } from "./events";
import { generateCustomer, validateOptions, type GenerateOptions } from "./customer";
import { PROFILE_NAMES } from "./profiles";

export const BUNDLES_PER_PART = 500;
const FLUSH_AT = 1 << 18; // characters buffered per file before a write

/**
 * An append-only file that batches small strings into large writes. One write is kept in
 * flight while the next chunk is being built, so generating and writing overlap.
 */
class BufferedFile {
  private parts: string[] = [];
  private size = 0;
  private inflight: Promise<unknown> = Promise.resolve();
  private constructor(private readonly handle: FileHandle) {}

  static async create(file: string): Promise<BufferedFile> {
    return new BufferedFile(await open(file, "w"));
  }

  async write(s: string): Promise<void> {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= FLUSH_AT) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const chunk = this.parts.join("");
    this.parts = [];
    this.size = 0;
    await this.inflight;
    this.inflight = this.handle.write(chunk, null, "utf8");
    // A failure surfaces at the next flush or close; this only stops it counting as unhandled.
    this.inflight.catch(() => undefined);
  }

  async close(): Promise<void> {
    try {
      await this.flush();
      await this.inflight;
    } finally {
      await this.handle.close();
    }
  }
}

const partName = (n: number) => `part-${String(n).padStart(5, "0")}.json`;

export interface WriteResult {
  /** Paths of every file written (under outDir), manifest last. */
  files: string[];
  customers: number;
  accounts: number;
  transactions: number;
}

export interface WriteOptions extends GenerateOptions {
  outDir: string;
  /** Called after every 100 customers and after the last one. */
  onProgress?: (done: number, total: number) => void;
  /** Customers per bundle part (default 500; smaller values are for tests). */
  bundlesPerPart?: number;
}

export async function writeGeneratedFiles(opts: WriteOptions): Promise<WriteResult> {
  validateOptions(opts);
  const { outDir } = opts;
  const perPart = opts.bundlesPerPart ?? BUNDLES_PER_PART;
  if (!Number.isSafeInteger(perPart) || perPart < 1) throw new RangeError(`bundlesPerPart must be a whole number ≥ 1 (got ${perPart})`);
  const bundlesDir = path.join(outDir, "bundles");
  const csvDir = path.join(outDir, "csv");
  // Old parts from a bigger run would otherwise survive next to the new ones.
  await rm(bundlesDir, { recursive: true, force: true });
  await mkdir(bundlesDir, { recursive: true });
  await mkdir(csvDir, { recursive: true });

  const relFiles: string[] = [];
  const customersCsv = await BufferedFile.create(path.join(csvDir, "customers.csv"));
  const accountsCsv = await BufferedFile.create(path.join(csvDir, "accounts.csv"));
  const transactionsCsv = await BufferedFile.create(path.join(csvDir, "transactions.csv"));
  await customersCsv.write(`${CUSTOMER_COLUMNS.join(",")}\n`);
  await accountsCsv.write(`${ACCOUNT_COLUMNS.join(",")}\n`);
  await transactionsCsv.write(`${TRANSACTION_COLUMNS.join(",")}\n`);

  const counts = { customers: 0, accounts: 0, transactions: 0, pending_transactions: 0, consent_false: 0, business_accounts: 0 };
  const profiles = new Map<string, number>(PROFILE_NAMES.map((p) => [p, 0]));
  const personas = new Map<string, number>();
  let part: BufferedFile | null = null;
  let partNo = 0;
  let inPart = 0;

  try {
    for (let i = 0; i < opts.users; i++) {
      const bundle = generateCustomer(opts, i);
      if (part === null) {
        partNo++;
        const rel = path.posix.join("bundles", partName(partNo));
        relFiles.push(rel);
        part = await BufferedFile.create(path.join(outDir, rel));
        await part.write("[\n");
        inPart = 0;
      }
      await part.write((inPart === 0 ? "" : ",\n") + JSON.stringify(bundle));
      inPart++;
      if (inPart === perPart || i === opts.users - 1) {
        await part.write("\n]\n");
        await part.close();
        part = null;
      }

      await customersCsv.write(customerRow(bundle));
      await accountsCsv.write(accountRows(bundle));
      await transactionsCsv.write(transactionRows(bundle));

      const txns = bundle.transactions ?? [];
      counts.customers++;
      counts.accounts += bundle.accounts?.length ?? 0;
      counts.transactions += txns.length;
      for (const t of txns) if (t.pending) counts.pending_transactions++;
      if (bundle.user?.consent === false) counts.consent_false++;
      for (const a of bundle.accounts ?? []) if (a.holder_category === "business") counts.business_accounts++;
      if (bundle.label) {
        profiles.set(bundle.label.profile, (profiles.get(bundle.label.profile) ?? 0) + 1);
        personas.set(bundle.label.intended_persona, (personas.get(bundle.label.intended_persona) ?? 0) + 1);
      }
      if ((i + 1) % 100 === 0 || i === opts.users - 1) opts.onProgress?.(i + 1, opts.users);
    }
  } finally {
    await part?.close();
    await customersCsv.close();
    await accountsCsv.close();
    await transactionsCsv.close();
  }
  relFiles.push("csv/customers.csv", "csv/accounts.csv", "csv/transactions.csv");

  const manifest = {
    generator: "spendsense-synthetic",
    format_version: 1,
    // The event rates appear only when set, so the default manifest stays byte-identical.
    options: { users: opts.users, seed: opts.seed, as_of: opts.asOf, months: opts.months, ...(eventsEnabled(opts) ? { anomaly_rate: opts.anomalyRate ?? 0, fraud_rate: opts.fraudRate ?? 0 } : {}) },
    counts: { ...counts, bundle_parts: partNo },
    profiles: Object.fromEntries(profiles),
    intended_personas: Object.fromEntries([...personas].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    files: [...relFiles, "manifest.json"],
  };
  const manifestHandle = await open(path.join(outDir, "manifest.json"), "w");
  try {
    await manifestHandle.write(`${JSON.stringify(manifest, null, 2)}\n`, null, "utf8");
  } finally {
    await manifestHandle.close();
  }
  relFiles.push("manifest.json");

  return {
    files: relFiles.map((f) => path.join(outDir, ...f.split("/"))),
    customers: counts.customers,
    accounts: counts.accounts,
    transactions: counts.transactions,
  };
}
