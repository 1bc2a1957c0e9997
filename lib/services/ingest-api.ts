// Ingest through the API: the request body (one bundle or an array of them) goes through the
// same ingest service as `spendsense ingest` — validation, duplicate checks, the audit entry and
// the single all-or-nothing transaction are exactly the CLI's; problems name the request body.
import { ingestDocument } from "./ingest";

export async function ingestJson(url: string, body: unknown, actor: string) {
  const s = await ingestDocument(body, "request body", { url, format: "bundle", actor, via: "api" });
  return { customers: s.customers, accounts: s.accounts, transactions: s.transactions, liabilities: s.liabilities, consent_events: s.consentEvents, notes: s.notes };
}
