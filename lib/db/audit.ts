// The audit floor (issue 14): the one place that writes an audit row, and the closed table of every
// action the app records. An action missing from the table does not compile. Labels (lib/labels.ts)
// and the consent redaction (./customer-data.ts) read this table. Only type imports here, so pages
// and client components that read labels pull in no database code.
import type { Client, Transaction } from "@libsql/client";
import type { Prisma } from "./generated/client";

interface AuditActionSpec {
  /** What a person reads on an audit page. */
  label: string;
  /** Reason and details hold only the customer's own data or consent facts: kept when consent is revoked (else redacted). */
  keptOnRevoke?: true;
}

export const AUDIT_ACTIONS = {
  "recommendation.approve": { label: "Approved recommendation" },
  "recommendation.reject": { label: "Rejected recommendation" },
  "recommendation.flag": { label: "Flagged recommendation" },
  "recommendation.override": { label: "Swapped in another item for recommendation" },
  "persona.override": { label: "Overrode persona" },
  "alert.shown": { label: "Marked alert shown" },
  "alert.dismiss": { label: "Dismissed alert" },
  "alert.release": { label: "Released alert after review" },
  "alert.clear": { label: "Cleared alert as a false alarm" },
  "consent.grant": { label: "Recorded opt-in", keptOnRevoke: true },
  "consent.revoke": { label: "Recorded consent revocation", keptOnRevoke: true },
  "customer.create": { label: "Created customer", keptOnRevoke: true },
  "transaction.recategorize": { label: "Recategorised transaction", keptOnRevoke: true },
  "transaction.delete": { label: "Deleted transaction", keptOnRevoke: true },
  "feedback.record": { label: "Recorded customer feedback", keptOnRevoke: true },
  "budget.create": { label: "Set budget", keptOnRevoke: true },
  "budget.update": { label: "Changed budget", keptOnRevoke: true },
  "budget.delete": { label: "Removed budget", keptOnRevoke: true },
  "engine.run": { label: "Started engine run", keptOnRevoke: true },
  "engine.run_current": { label: "Made engine run current" },
  "engine.schedule_set": { label: "Scheduled engine runs" },
  "engine.schedule_clear": { label: "Stopped scheduled engine runs" },
  "eval.run": { label: "Started evaluation" },
  "data.ingest": { label: "Loaded data" },
  "content.create": { label: "Created content item" },
  "content.edit": { label: "Edited content item" },
  "content.approved": { label: "Approved content item" },
  "content.retired": { label: "Retired content item" },
  "content.draft": { label: "Returned content item to draft" },
  "content.in_review": { label: "Sent content item for approval" },
  "apikey.create": { label: "Created API key" },
  "apikey.revoke": { label: "Revoked API key" },
  "staff.role": { label: "Changed staff role" },
  "staff.create": { label: "Created staff account" },
  "staff.reset_password": { label: "Reset staff password" },
  "staff.change_password": { label: "Changed own password" },
  "staff.disable": { label: "Disabled staff account" },
  "staff.enable": { label: "Enabled staff account" },
} as const satisfies Record<string, AuditActionSpec>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const isAuditAction = (action: string): action is AuditAction => Object.hasOwn(AUDIT_ACTIONS, action);

/** Actions whose reason and details survive a consent revocation (see ./customer-data.ts). */
export const KEPT_ON_REVOKE: readonly AuditAction[] = (Object.entries(AUDIT_ACTIONS) as Array<[AuditAction, AuditActionSpec]>).filter(([, s]) => s.keptOnRevoke).map(([a]) => a);

export type AuditTargetType =
  | "alert" | "api_key" | "budget" | "content" | "customer" | "engine" | "engine_run" | "eval" | "feedback"
  | "ingest" | "persona_assignment" | "recommendation" | "staff_user" | "transaction";

/** What the action was done to; `user_id` is the customer it concerns, if any (the consent redaction finds rows by it). */
export interface AuditTarget {
  type: AuditTargetType;
  id: string | number;
  user_id?: string | null;
}

export interface AuditEntry {
  actor: string;
  reason?: string | null;
  /** Stored as JSON; none is stored as NULL. */
  details?: Record<string, unknown>;
}

/** The two handles the code writes through: a Prisma client or transaction, or a libsql connection or transaction. */
export type AuditDb = Prisma.TransactionClient | Pick<Client | Transaction, "execute">;

/** Writes one audit row through `db` (in its transaction, when it is one). */
export async function recordAudit(db: AuditDb, action: AuditAction, target: AuditTarget, entry: AuditEntry): Promise<void> {
  const row = {
    actor: entry.actor,
    action,
    target_type: target.type,
    target_id: String(target.id),
    user_id: target.user_id ?? null,
    reason: entry.reason ?? null,
    details: entry.details === undefined ? null : JSON.stringify(entry.details),
  };
  if ("auditEntry" in db) {
    await db.auditEntry.create({ data: row });
    return;
  }
  await db.execute({
    sql: "INSERT INTO audit_log (actor, action, target_type, target_id, user_id, reason, details) VALUES (?, ?, ?, ?, ?, ?, ?)",
    args: [row.actor, row.action, row.target_type, row.target_id, row.user_id, row.reason, row.details],
  });
}
