// Reads of stored alerts (issue 15). An alert is "current" when the customer's current run (the
// one definition in current-results.ts) saw it (alert_sightings: so an undo to an earlier run, or
// a run that failed after some chunks, shows what the current run found). What the customer sees is the
// current alerts less the dismissed ones and less those a person must look at first (review
// pending, or cleared as a false alarm), most urgent first, then by event date.
import type { InValue } from "@libsql/client";
import type { Alert, AlertCitation, AlertKind, AlertSeverity, AlertTrace } from "../../engine/alerts/types";
import type { Prisma } from "../generated/client";
import type { Sql } from "../sql";
import { CURRENT_CUSTOMER_RUNS, currentCustomerRunIdSql } from "./current-results";

type Read = Pick<Sql, "execute">;

export const ALERT_STATES = ["new", "shown", "dismissed"] as const;
export type AlertState = (typeof ALERT_STATES)[number];
export const REVIEW_STATES = ["pending", "released", "cleared"] as const;
export type AlertReviewState = (typeof REVIEW_STATES)[number];

/** An alert as stored: the engine's alert plus its row, runs, delivery and review state. */
export interface StoredAlert extends Alert {
  id: number;
  user_id: string;
  first_run_id: number;
  last_run_id: number;
  as_of: string;
  state: AlertState;
  shown_at: string | null;
  dismissed_at: string | null;
  dismissed_by: string | null;
  review_state: AlertReviewState | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  /** Whether the customer's current run saw it (staff views list older ones too). */
  current: boolean;
}

/** SQL: the alert in `a` is one the customer may see (not dismissed, not held back for review). */
export const CUSTOMER_VISIBLE = `a.state != 'dismissed' AND (a.needs_review = FALSE OR a.review_state = 'released')`;
/** SQL: the alert in `a` was seen by the run `runSql` (an SQL expression). */
const seenBy = (runSql: string) => `EXISTS (SELECT 1 FROM alert_sightings s WHERE s.alert_id = a.id AND s.run_id = ${runSql})`;
/** SQL: the alert in `a` was seen by its customer's current run. */
export const CURRENT_ALERT = seenBy(currentCustomerRunIdSql("a.user_id"));
/** Most urgent first, then the earliest event, then the key (a stable order). */
export const URGENCY_ORDER = `CASE a.severity WHEN 'urgent' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, a.event_date, a.alert_key`;

const COLUMNS = `a.*, (${CURRENT_ALERT}) AS is_current`;

// Timestamps are SQLite text from raw writes, or epoch milliseconds from Prisma: ISO either way.
const iso = (v: unknown) => (v === null || v === undefined ? null : typeof v === "number" || typeof v === "bigint" ? new Date(Number(v)).toISOString() : String(v));

export function toStoredAlert(r: Record<string, unknown>): StoredAlert {
  return {
    id: Number(r.id),
    user_id: String(r.user_id),
    alert_key: String(r.alert_key),
    kind: String(r.kind) as AlertKind,
    severity: String(r.severity) as AlertSeverity,
    event_date: String(r.event_date),
    title: String(r.title),
    message: String(r.message),
    citations: JSON.parse(String(r.citations)) as AlertCitation[],
    disclaimer: r.disclaimer === null ? null : String(r.disclaimer),
    currency: String(r.currency),
    transaction_ids: JSON.parse(String(r.transaction_ids)) as string[],
    needs_review: Number(r.needs_review) === 1,
    trace: JSON.parse(String(r.trace)) as AlertTrace,
    first_run_id: Number(r.first_run_id),
    last_run_id: Number(r.last_run_id),
    as_of: String(r.as_of),
    state: String(r.state) as AlertState,
    shown_at: iso(r.shown_at),
    dismissed_at: iso(r.dismissed_at),
    dismissed_by: r.dismissed_by === null ? null : String(r.dismissed_by),
    review_state: r.review_state === null ? null : (String(r.review_state) as AlertReviewState),
    reviewed_by: r.reviewed_by === null ? null : String(r.reviewed_by),
    reviewed_at: iso(r.reviewed_at),
    current: Number(r.is_current) === 1,
  };
}

/** The customer's current alerts as they would see them, most urgent first. */
export async function customerAlertRows(sql: Read, userId: string): Promise<StoredAlert[]> {
  const rs = await sql.execute({ sql: `SELECT ${COLUMNS} FROM alerts a WHERE a.user_id = ? AND ${CURRENT_ALERT} AND ${CUSTOMER_VISIBLE} ORDER BY ${URGENCY_ORDER}`, args: [userId] });
  return rs.rows.map((r) => toStoredAlert(r as Record<string, unknown>));
}

/** Every stored alert of the customer with its state, current ones first (staff view). */
export async function staffAlertRows(sql: Read, userId: string): Promise<StoredAlert[]> {
  const rs = await sql.execute({ sql: `SELECT ${COLUMNS} FROM alerts a WHERE a.user_id = ? ORDER BY is_current DESC, ${URGENCY_ORDER}`, args: [userId] });
  return rs.rows.map((r) => toStoredAlert(r as Record<string, unknown>));
}

/** Stored alerts of the customer by key (the CLI joins the engine's alerts to their state). */
export async function alertRowsByKey(sql: Read, userId: string, keys: readonly string[]): Promise<Map<string, StoredAlert>> {
  const out = new Map<string, StoredAlert>();
  for (let i = 0; i < keys.length; i += 400) {
    const chunk = keys.slice(i, i + 400);
    const rs = await sql.execute({ sql: `SELECT ${COLUMNS} FROM alerts a WHERE a.user_id = ? AND a.alert_key IN (${chunk.map(() => "?").join(",")})`, args: [userId, ...chunk] });
    for (const r of rs.rows) out.set(String(r.alert_key), toStoredAlert(r as Record<string, unknown>));
  }
  return out;
}

export interface AlertCounts {
  /** Current alerts waiting for a person to release or clear them (possible fraud). */
  pending_review: number;
  /** Current alerts the customer can see and has not been shown yet. */
  new: number;
  /** Current alerts the customer can see (new or shown). */
  visible: number;
  /** The newest stored alert's id (0 when none): it grows when a run stores a new event. */
  latest_id: number;
}

/**
 * Counts for the staff home, the review queue and the live stream; one customer's when `userId` is
 * given. Across every customer the current runs are read once (a join), not once per alert.
 */
export async function alertCounts(sql: Read, userId?: string): Promise<AlertCounts> {
  const one = userId !== undefined;
  const current = one ? CURRENT_ALERT : seenBy("cur.run_id");
  const from = one ? "alerts a WHERE a.user_id = ?" : `alerts a LEFT JOIN ${CURRENT_CUSTOMER_RUNS} cur ON cur.user_id = a.user_id`;
  const args: InValue[] = one ? [userId] : [];
  const r = (
    await sql.execute({
      sql: `SELECT
              COALESCE(SUM(CASE WHEN a.needs_review = TRUE AND a.review_state = 'pending' AND ${current} THEN 1 ELSE 0 END), 0) AS pending_review,
              COALESCE(SUM(CASE WHEN a.state = 'new' AND ${CUSTOMER_VISIBLE} AND ${current} THEN 1 ELSE 0 END), 0) AS new,
              COALESCE(SUM(CASE WHEN ${CUSTOMER_VISIBLE} AND ${current} THEN 1 ELSE 0 END), 0) AS visible,
              COALESCE(MAX(a.id), 0) AS latest_id
            FROM ${from}`,
      args,
    })
  ).rows[0];
  return { pending_review: Number(r.pending_review), new: Number(r.new), visible: Number(r.visible), latest_id: Number(r.latest_id) };
}

export interface PendingAlertReview extends StoredAlert {
  name: string;
}

/** Current alerts awaiting a person's review, most urgent and oldest event first, paged. */
export async function pendingAlertReviewRows(sql: Read, page: { page: number; pageSize: number }): Promise<{ rows: PendingAlertReview[]; total: number }> {
  // Few alerts are pending: filter on the review state first (indexed), then check each is current.
  const where = `a.review_state = 'pending' AND a.needs_review = TRUE AND ${CURRENT_ALERT}`;
  const [rs, n] = await Promise.all([
    sql.execute({
      sql: `SELECT ${COLUMNS}, c.name FROM alerts a JOIN customers c ON c.user_id = a.user_id WHERE ${where} ORDER BY ${URGENCY_ORDER}, a.user_id LIMIT ? OFFSET ?`,
      args: [page.pageSize, (page.page - 1) * page.pageSize],
    }),
    sql.execute(`SELECT COUNT(*) AS n FROM alerts a WHERE ${where}`),
  ]);
  return { rows: rs.rows.map((r) => ({ ...toStoredAlert(r as Record<string, unknown>), name: String(r.name) })), total: Number(n.rows[0].n) };
}

export interface AlertVolume {
  /** The month of the events, YYYY-MM. */
  month: string;
  kind: AlertKind;
  alerts: number;
  dismissed: number;
  needed_review: number;
}

/** Alerts by kind per event month, over every stored alert (aggregates only: no customer, no text). */
export async function alertVolumeRows(sql: Read): Promise<AlertVolume[]> {
  const rs = await sql.execute(
    `SELECT substr(a.event_date, 1, 7) AS month, a.kind, COUNT(*) AS alerts, SUM(CASE WHEN a.state = 'dismissed' THEN 1 ELSE 0 END) AS dismissed, SUM(CASE WHEN a.needs_review THEN 1 ELSE 0 END) AS needed_review
     FROM alerts a GROUP BY month, a.kind ORDER BY month, a.kind`,
  );
  return rs.rows.map((r) => ({ month: String(r.month), kind: String(r.kind) as AlertKind, alerts: Number(r.alerts), dismissed: Number(r.dismissed), needed_review: Number(r.needed_review) }));
}

// ── the actions' row, on the caller's Prisma transaction ─────────────────────────────────
export type AlertRecord = Prisma.AlertRowGetPayload<object>;

export function alertRecord(tx: Prisma.TransactionClient, id: number): Promise<AlertRecord | null> {
  return tx.alertRow.findUnique({ where: { id } });
}

/** Applies `change` only while the alert is still in the state read; false when an action got there first. */
export async function updateAlertFrom(tx: Prisma.TransactionClient, a: Pick<AlertRecord, "id" | "state" | "review_state">, change: Prisma.AlertRowUpdateManyMutationInput): Promise<boolean> {
  return (await tx.alertRow.updateMany({ where: { id: a.id, state: a.state, review_state: a.review_state }, data: change })).count === 1;
}
