// Writes of a customer's consent (SPEC §3.4): the event in their history, the customer's flag,
// withdrawing what was not delivered, and where evaluation folders hold their traces. The
// transaction, the derived-data removal (../customer-data.ts) and the audit entry are the caller's.
import type { Transaction } from "@libsql/client";

type Tx = Pick<Transaction, "execute">;

/** Records the change as an event in the customer's consent history and sets their flag. */
export async function writeConsent(tx: Tx, userId: string, granted: boolean, source: string, note: string | null): Promise<void> {
  await tx.execute({ sql: "INSERT INTO consent_events (user_id, granted, source, note) VALUES (?, ?, ?, ?)", args: [userId, granted, source, note] });
  await tx.execute({ sql: "UPDATE customers SET consent = ? WHERE user_id = ?", args: [granted, userId] });
}

/** Withdraws the customer's recommendations not yet delivered; returns how many. */
export async function withdrawUndelivered(tx: Tx, userId: string): Promise<number> {
  const w = await tx.execute({ sql: "UPDATE recommendations SET status = 'withdrawn' WHERE user_id = ? AND status IN ('pending_review', 'approved')", args: [userId] });
  return w.rowsAffected;
}

/** Every evaluation folder recorded in eval_runs. */
export async function evalOutDirs(tx: Tx): Promise<string[]> {
  return (await tx.execute("SELECT DISTINCT out_dir FROM eval_runs WHERE out_dir IS NOT NULL")).rows.map((r) => String(r.out_dir));
}
