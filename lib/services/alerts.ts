// Alert use cases (issue 15): what the customer sees (their current alerts, most urgent first),
// what staff see (every stored alert with its delivery and review state), the actions on one
// alert — shown, dismissed, released or cleared after review — and the counts and aggregates of
// the staff home, the review queue and the analyst page. Every action is one transaction that
// checks the customer exists and consents, that the alert is theirs, and writes the audit log;
// repeating an action changes nothing and is not audited twice.
import { z } from "zod";
import { recordAudit, type AuditAction } from "../db/audit";
import type { Db } from "../db/client";
import { customerConsent } from "../db/customer-data";
import {
  alertCounts as countAlerts,
  alertRecord,
  alertRowsByKey,
  alertVolumeRows,
  customerAlertRows,
  pendingAlertReviewRows,
  staffAlertRows,
  updateAlertFrom,
  type AlertCounts,
  type AlertRecord,
  type AlertVolume,
  type PendingAlertReview,
  type StoredAlert,
} from "../db/queries/alerts";
import { currentResultsFor, newestDataDate } from "../db/queries/current-results";
import { loadApprovedCatalog } from "../db/queries/engine-input";
import type { Sql } from "../db/sql";
import { DEFAULT_CONFIG } from "../engine";
import type { Alert } from "../engine/alerts/types";
import { safeReason } from "../validation/text";
import { withReadSql, onProcessDb } from "./database";
import { loadEngineJob } from "./engine";
import { computeOne } from "./engine-job";
import { assertConsenting, ConflictError, NotFoundError } from "./errors";

export type { AlertCounts, AlertVolume, PendingAlertReview, StoredAlert };

type Read = Pick<Sql, "execute">;

async function requireConsenting(sql: Read, userId: string): Promise<void> {
  assertConsenting(userId, await customerConsent(sql, userId));
}

/** What the customer (and the API) is shown of one alert. */
export function customerAlertView(a: StoredAlert, opts: { trace?: boolean } = {}) {
  return {
    id: a.id,
    alert_key: a.alert_key,
    kind: a.kind,
    severity: a.severity,
    event_date: a.event_date,
    title: a.title,
    message: a.message,
    citations: a.citations,
    disclaimer: a.disclaimer,
    currency: a.currency,
    transaction_ids: a.transaction_ids,
    state: a.state,
    as_of: a.as_of,
    ...(opts.trace === false ? {} : { trace: a.trace }),
  };
}

/** A consenting customer's current alerts as they would see them: most urgent first, then by event date. */
export async function customerAlerts(url: string, userId: string, opts: { trace?: boolean } = {}) {
  return withReadSql(async (sql) => {
    await requireConsenting(sql, userId);
    const current = (await currentResultsFor(sql, [userId])).get(userId);
    const rows = await customerAlertRows(sql, userId);
    return { user_id: userId, as_of: current?.["180d"]?.as_of ?? current?.["30d"]?.as_of ?? null, alerts: rows.map((a) => customerAlertView(a, opts)) };
  }, url);
}

/** Every stored alert of a customer with its delivery and review state, current ones first (staff customer page). */
export async function staffAlerts(url: string, userId: string): Promise<StoredAlert[]> {
  return withReadSql(async (sql) => {
    await requireConsenting(sql, userId);
    return staffAlertRows(sql, userId);
  }, url);
}

/** Counts for the staff home, the review queue badge and the live stream (one customer's with `userId`). */
export function alertCounts(url: string, userId?: string): Promise<AlertCounts> {
  return withReadSql((sql) => countAlerts(sql, userId), url);
}

/** The review queue's alerts: current ones that need a person (possible fraud) before the customer is told. */
export function pendingAlertReviews(url: string, page: { page: number; pageSize: number } = { page: 1, pageSize: 50 }) {
  return withReadSql((sql) => pendingAlertReviewRows(sql, page), url);
}

/** The analyst page: alerts by kind per event month (aggregates only). */
export function alertVolumes(url: string): Promise<AlertVolume[]> {
  return withReadSql((sql) => alertVolumeRows(sql), url);
}

// ── actions ───────────────────────────────────────────────────────────────────────────────
export const alertTarget = z.object({ userId: z.string().min(1), alertId: z.coerce.number().int().positive() });
export type AlertTarget = z.input<typeof alertTarget>;
const clearInput = alertTarget.extend({ reason: safeReason(5, "say why this alert is a false alarm (at least 5 characters)") });

type Row = AlertRecord;

/**
 * One action on one alert, in one transaction: the customer exists and consents, the alert exists
 * and is theirs (another customer's id reads as unknown), then `decide` says what to change — or
 * null when it is already done (then nothing is written or audited). Returns the alert as it now is.
 */
async function act(db: Db, target: AlertTarget, actor: string, action: AuditAction & `alert.${string}`, decide: (a: Row, now: Date) => Record<string, unknown> | null, reason: string | null = null) {
  const t = alertTarget.parse(target);
  return db.$transaction(async (tx) => {
    assertConsenting(t.userId, await customerConsent(tx, t.userId));
    const a = await alertRecord(tx, t.alertId);
    if (!a || a.user_id !== t.userId) throw new NotFoundError(`customer "${t.userId}" has no alert ${t.alertId}`);
    const now = new Date();
    const change = decide(a, now);
    if (!change) return { id: a.id, state: a.state, review_state: a.review_state, changed: false };
    // Guarded by the state read: a concurrent action that got there first makes this one a conflict.
    if (!(await updateAlertFrom(tx, a, change))) throw new ConflictError(`alert ${a.id} changed a moment ago; reload to see the latest`);
    await recordAudit(tx, action, { type: "alert", id: a.id, user_id: a.user_id }, { actor, reason, details: { kind: a.kind, alert_key: a.alert_key, from: { state: a.state, review_state: a.review_state } } });
    const after = { ...a, ...change } as Row;
    return { id: a.id, state: after.state, review_state: after.review_state, changed: true };
  });
}

const visible = (a: Row) => !a.needs_review || a.review_state === "released";

/** The customer was shown the alert: new → shown (a shown or dismissed one stays as it is). One held for review cannot be shown. */
export function markAlertShown(db: Db, target: AlertTarget, actor: string) {
  return act(db, target, actor, "alert.shown", (a, now) => {
    if (!visible(a)) throw new ConflictError(`alert ${a.id} is waiting for a staff review and cannot be shown to the customer yet`);
    return a.state === "new" ? { state: "shown", shown_at: now } : null;
  });
}

/** Dismisses the alert for good (a later run that sees the same event again keeps it dismissed). */
export function dismissAlert(db: Db, target: AlertTarget, actor: string) {
  return act(db, target, actor, "alert.dismiss", (a, now) => (a.state === "dismissed" ? null : { state: "dismissed", dismissed_at: now, dismissed_by: actor }));
}

/** A review decision on an alert held for review: pending → released or cleared, once (the same decision again changes nothing). */
function review(to: "released" | "cleared", actor: string) {
  return (a: Row, now: Date) => {
    if (!a.needs_review) throw new ConflictError(`alert ${a.id} does not need a review`);
    if (a.review_state === to) return null;
    if (a.review_state !== "pending") throw new ConflictError(`alert ${a.id} was already ${a.review_state} by ${a.reviewed_by ?? "someone"}`);
    return { review_state: to, reviewed_by: actor, reviewed_at: now };
  };
}

/** A staff member looked at an alert held for review and lets the customer see it. */
export function releaseAlert(db: Db, target: AlertTarget, actor: string) {
  return act(db, target, actor, "alert.release", review("released", actor));
}

/** A staff member judged an alert held for review a false alarm: the customer never sees it. A reason is required. */
export async function clearAlert(db: Db, input: AlertTarget & { reason: unknown }, actor: string) {
  const t = clearInput.parse(input);
  return act(db, t, actor, "alert.clear", review("cleared", actor), t.reason);
}

// ── the CLI's view: the engine's alerts at an as-of, with their stored state ──────────────────
export interface ComputedAlert extends Alert {
  /** The stored alert's id and state when a run stored this event; null when none did. */
  id: number | null;
  state: StoredAlert["state"] | null;
  review_state: StoredAlert["review_state"];
}

/**
 * The alerts the engine computes for a consenting customer from the stored data at `asOf`
 * (default: the as-of of their current results, else the newest data date), most urgent first,
 * each with the stored delivery state when a run stored that event.
 */
export async function computeAlerts(sql: Sql, userId: string, asOf?: string): Promise<{ user_id: string; as_of: string; alerts: ComputedAlert[] }> {
  await requireConsenting(sql, userId);
  const current = (await currentResultsFor(sql, [userId])).get(userId);
  const at = asOf ?? current?.["180d"]?.as_of ?? current?.["30d"]?.as_of ?? (await newestDataDate(sql));
  if (!at) throw new NotFoundError(`customer "${userId}" has no transactions: nothing to compute alerts from`);
  const job = await loadEngineJob(sql, [userId], { asOf: at, config: DEFAULT_CONFIG, catalog: await loadApprovedCatalog(sql) });
  const result = computeOne(job, job.inputs[0]);
  const alerts = result.consent ? result.alerts : [];
  const stored = await alertRowsByKey(sql, userId, alerts.map((a) => a.alert_key));
  return {
    user_id: userId,
    as_of: at,
    alerts: alerts.map((a) => {
      const s = stored.get(a.alert_key);
      return { ...a, id: s?.id ?? null, state: s?.state ?? null, review_state: s?.review_state ?? null };
    }),
  };
}

/** These use cases on the process's own database, for the staff pages' server actions. */
export const alertsOnProcessDb = onProcessDb({ dismissAlert, releaseAlert, clearAlert });
