// An input adds to and updates its own customers' records, never another customer's (SPEC §2.2).
// Every record an ingest writes that is keyed by an id and belongs to a customer is checked here
// against the database, inside the writing transaction and before the batch is written: accounts
// and transactions by their own id, liabilities and their APRs through their account (in the
// batch or referenced), customers by user_id in writeBatch (an existing one is never changed).
// Clashes come back as ingest problems naming the id, its owner and the customer the input gives.
import type { Transaction } from "@libsql/client";
import type { AccountRef } from "../data/ingest/bundle";
import type { IngestBatch, IngestIssue } from "../data/types";

/** Ids per lookup: each chunk travels as ONE JSON argument, unpacked by json_each. */
const CHUNK = 10_000;

/** `column` → owner (`user_id`) of those `ids` already stored in `table`. */
export async function storedOwners(tx: Transaction, table: "accounts" | "transactions", column: string, ids: Iterable<string>): Promise<Map<string, string>> {
  const all = [...new Set(ids)];
  const owners = new Map<string, string>();
  for (let i = 0; i < all.length; i += CHUNK) {
    const rs = await tx.execute({
      sql: `SELECT t."${column}" AS id, t.user_id FROM json_each(?) AS j JOIN "${table}" AS t ON t."${column}" = j.value`,
      args: [JSON.stringify(all.slice(i, i + CHUNK))],
    });
    for (const r of rs.rows) owners.set(String(r.id), String(r.user_id));
  }
  return owners;
}

const clash = (kind: string, id: string, owner: string, claimed: string) => `${kind} "${id}" belongs to customer "${owner}", not "${claimed}"`;

/**
 * The ownership problems of one file's batch: an account or transaction id stored for another
 * customer, and references (a transaction's or liability's account outside the batch) that are
 * unknown or another customer's. A reference that resolves gives its transaction the account's
 * owner (CSV transactions do not name their customer).
 */
export async function ownershipIssues(tx: Transaction, batch: IngestBatch, refs: readonly AccountRef[], file: string): Promise<IngestIssue[]> {
  const issues: IngestIssue[] = [];
  const accounts = await storedOwners(tx, "accounts", "account_id", [...batch.accounts.map((a) => a.account_id), ...refs.map((r) => r.account_id)]);
  for (const a of batch.accounts) {
    const owner = accounts.get(a.account_id);
    if (owner !== undefined && owner !== a.user_id) issues.push({ file, record: `account ${a.account_id}`, field: "account_id", reason: clash("account", a.account_id, owner, a.user_id) });
  }
  for (const r of refs) {
    const owner = accounts.get(r.account_id);
    if (owner === undefined) {
      issues.push({ file: r.file, record: r.record, field: "account_id", reason: `unknown account "${r.account_id}": not in this input and not in the database` });
    } else if (r.user_id && owner !== r.user_id) {
      issues.push({ file: r.file, record: r.record, field: "account_id", reason: clash("account", r.account_id, owner, r.user_id) });
    } else if (r.tx) {
      r.tx.user_id = owner;
    }
  }
  const transactions = await storedOwners(tx, "transactions", "transaction_id", batch.transactions.map((t) => t.transaction_id));
  for (const t of batch.transactions) {
    const owner = transactions.get(t.transaction_id);
    // An unresolved owner ("") is already reported as an unknown account.
    if (owner !== undefined && t.user_id && owner !== t.user_id) {
      issues.push({ file, record: `transaction ${t.transaction_id}`, field: "transaction_id", reason: clash("transaction", t.transaction_id, owner, t.user_id) });
    }
  }
  return issues;
}
