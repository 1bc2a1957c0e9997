// An input adds to and updates its own customers' records, never another customer's (SPEC §2.2).
// Every record an ingest writes that is keyed by an id and belongs to a customer is checked here
// against the database, inside the writing transaction and before the batch is written: accounts
// and transactions by their own id, liabilities and their APRs through their account (in the
// batch or referenced), customers by user_id in writeBatch (an existing one is never changed).
// Clashes come back as ingest problems naming the id, its owner and the customer the input gives.
import type { Transaction } from "@libsql/client";
import type { AccountRef } from "../data/ingest/bundle";
import type { IngestBatch, IngestIssue } from "../data/types";
import { jsonAt, jsonRows, jsonTuples } from "./dialect";

/** Ids per lookup: each chunk travels as ONE JSON argument, unpacked by the database (lib/db/dialect). */
const CHUNK = 10_000;

/** `column` → owner (`user_id`) of those `ids` already stored in `table`. */
async function storedOwners(tx: Transaction, table: "accounts" | "transactions", column: string, ids: Iterable<string>): Promise<Map<string, string>> {
  const all = [...new Set(ids)];
  const owners = new Map<string, string>();
  for (let i = 0; i < all.length; i += CHUNK) {
    const rs = await tx.execute({
      sql: `SELECT t."${column}" AS id, t.user_id FROM ${jsonRows(tx)} JOIN "${table}" AS t ON t."${column}" = j.value`,
      args: [JSON.stringify(all.slice(i, i + CHUNK))],
    });
    for (const r of rs.rows) owners.set(String(r.id), String(r.user_id));
  }
  return owners;
}

/**
 * The `[id, customer]` claims whose id is stored in `table` for another customer, with that owner.
 * Only clashes come back, so re-ingesting a customer's own records reads (almost) nothing.
 */
async function claimsOfOthers(tx: Transaction, table: "accounts" | "transactions", column: string, claims: ReadonlyArray<readonly [string, string]>): Promise<Array<{ id: string; owner: string; claimed: string }>> {
  const out: Array<{ id: string; owner: string; claimed: string }> = [];
  for (let i = 0; i < claims.length; i += CHUNK) {
    const rs = await tx.execute({
      sql: `SELECT t."${column}" AS id, t.user_id AS owner, ${jsonAt(tx, 1)} AS claimed FROM ${jsonTuples(tx)}
            JOIN "${table}" AS t ON t."${column}" = ${jsonAt(tx, 0)} WHERE t.user_id <> ${jsonAt(tx, 1)}`,
      args: [JSON.stringify(claims.slice(i, i + CHUNK))],
    });
    for (const r of rs.rows) out.push({ id: String(r.id), owner: String(r.owner), claimed: String(r.claimed) });
  }
  return out;
}

/** Which of `ids` are stored customers. */
async function storedCustomers(tx: Transaction, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rs = await tx.execute({ sql: `SELECT c.user_id FROM ${jsonRows(tx)} JOIN customers AS c ON c.user_id = j.value`, args: [JSON.stringify(ids.slice(i, i + CHUNK))] });
    for (const r of rs.rows) found.add(String(r.user_id));
  }
  return found;
}

const clash = (kind: string, id: string, owner: string, claimed: string) => `${kind} "${id}" belongs to customer "${owner}", not "${claimed}"`;

/** Checks the batches of one ingest: made once, in the writing transaction, before anything is written. */
export type OwnershipCheck = (batch: IngestBatch, refs: readonly AccountRef[], file: string) => Promise<IngestIssue[]>;

/**
 * The ownership problems of each batch: an account or transaction id stored for another
 * customer, and references (a transaction's or liability's account outside the batch) that are
 * unknown or another customer's. A reference that resolves gives its transaction the account's
 * owner (CSV transactions do not name their customer). A table that was empty when the ingest
 * began holds only what this ingest wrote, whose ids its duplicate check already covers, so a
 * first bulk load does not search it.
 */
export async function ownershipCheck(tx: Transaction): Promise<OwnershipCheck> {
  const stored = async (table: string) => Number((await tx.execute(`SELECT EXISTS (SELECT 1 FROM "${table}") AS n`)).rows[0].n) === 1;
  const [accountsStored, transactionsStored] = [await stored("accounts"), await stored("transactions")];
  return async (batch, refs, file) => {
    const issues: IngestIssue[] = [];
    const accounts = accountsStored ? await claimsOfOthers(tx, "accounts", "account_id", batch.accounts.map((a) => [a.account_id, a.user_id] as const)) : [];
    for (const c of accounts) issues.push({ file, record: `account ${c.id}`, field: "account_id", reason: clash("account", c.id, c.owner, c.claimed) });
    // An account names its customer: one this input creates, or one already stored.
    const named = new Set(batch.customers.map((c) => c.user_id));
    const others = [...new Set(batch.accounts.map((a) => a.user_id).filter((u) => !named.has(u)))];
    const known = await storedCustomers(tx, others);
    for (const a of batch.accounts) {
      if (!named.has(a.user_id) && !known.has(a.user_id)) issues.push({ file, record: `account ${a.account_id}`, field: "user_id", reason: `unknown customer "${a.user_id}": not in this input and not in the database` });
    }
    const referenced = await storedOwners(tx, "accounts", "account_id", refs.map((r) => r.account_id));
    for (const r of refs) {
      const owner = referenced.get(r.account_id);
      if (owner === undefined) {
        issues.push({ file: r.file, record: r.record, field: "account_id", reason: `unknown account "${r.account_id}": not in this input and not in the database` });
      } else if (r.user_id && owner !== r.user_id) {
        issues.push({ file: r.file, record: r.record, field: "account_id", reason: clash("account", r.account_id, owner, r.user_id) });
      } else if (r.tx) {
        r.tx.user_id = owner;
      }
    }
    // A transaction whose owner is unresolved ("") is already reported as an unknown account.
    const claims = transactionsStored ? batch.transactions.filter((t) => t.user_id).map((t) => [t.transaction_id, t.user_id] as const) : [];
    for (const c of await claimsOfOthers(tx, "transactions", "transaction_id", claims)) {
      issues.push({ file, record: `transaction ${c.id}`, field: "transaction_id", reason: clash("transaction", c.id, c.owner, c.claimed) });
    }
    return issues;
  };
}
