// Ingest through the API: the request body (one bundle or an array of them) goes through the
// same ingest service as `spendsense ingest`, from a temporary file, so validation, duplicate
// checks and the single all-or-nothing transaction are exactly the CLI's.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Db } from "../db/client";
import { IngestError } from "../data/types";
import { ingestFiles } from "./ingest";

export async function ingestJson(db: Db, url: string, body: unknown, actor: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spendsense-api-ingest-"));
  const file = path.join(dir, "body.json");
  try {
    fs.writeFileSync(file, JSON.stringify(body));
    const s = await ingestFiles([file], { url, format: "bundle" });
    // The ingest commits its own transaction; the audit entry records who loaded what.
    await db.auditEntry.create({ data: { actor, action: "data.ingest", target_type: "ingest", target_id: "api", details: JSON.stringify({ customers: s.customers, accounts: s.accounts, transactions: s.transactions }) } });
    return { customers: s.customers, accounts: s.accounts, transactions: s.transactions, liabilities: s.liabilities, consent_events: s.consentEvents, notes: s.notes };
  } catch (err) {
    // Issues name the temporary file; the caller knows it as the request body.
    if (err instanceof IngestError) throw new IngestError(err.issues.map((i) => ({ ...i, file: "request body" })));
    throw err;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
