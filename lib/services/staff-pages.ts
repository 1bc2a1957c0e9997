// What the staff pages read, as use cases: a page calls one of these and renders the result;
// the queries behind them live in lib/db/queries. Each takes the database (the process's own
// client unless a test passes a temporary one).
import { prisma, type Db } from "../db/client";
import { getOverview, getWorkList, type Overview, type WorkList } from "../db/queries/overview";
import type { AlertCounts } from "../db/queries/alerts";
import { getInsights } from "../db/queries/insights";
import { reviewQueue } from "../db/queries/review-queue";
import { recommendationById, replacementOf } from "../db/queries/review-actions";
import { customerRecord as storedCustomer } from "../db/queries/customers";
import { recentLiveTransactions } from "../db/queries/transactions";
import { databaseUrl } from "../db/url";
import type { WindowId } from "../engine/types";
import type { ReviewQueueQuery } from "../validation/review";
import { alertCounts, alertVolumes, customerAlerts, pendingAlertReviews, staffAlerts } from "./alerts";
import { budgetAdherence } from "./budgets";
import { contentTitles } from "./content";
import { customerView, type ViewOptions } from "./customer-view";
import { withReadSql } from "./database";
import { latestEval } from "./eval-latest";
import { auditFor } from "./review";
import { traceOfRecommendation } from "../db/queries/customer-view";
import { alternativesFor } from "./overrides";

/** The signed-in home: the bank's figures and the work waiting. */
export async function homeWorkList(opts: { alerts: boolean }, db: Db = prisma(), url: string = databaseUrl()): Promise<{ overview: Overview; work: WorkList; alerts: AlertCounts | null }> {
  const [overview, work, alerts] = await Promise.all([getOverview(db), getWorkList(db), opts.alerts ? alertCounts(url) : null]);
  return { overview, work, alerts };
}

/**
 * One recommendation as its review page shows it: the item, what could be swapped in, the
 * decision that chose it, the catalog's titles and, once overridden, what replaced it. Null for
 * an id that is not a stored recommendation.
 */
export async function reviewItem(rawId: string | number, db: Db = prisma(), url?: string) {
  const id = Number(rawId);
  if (!Number.isInteger(id) || id <= 0) return null;
  const rec = await recommendationById(db, id);
  if (!rec) return null;
  const [alternatives, trace, titles, replacement] = await Promise.all([
    withReadSql((sql) => alternativesFor(sql, id), url),
    traceOfRecommendation(db, id),
    contentTitles(db),
    rec.status === "overridden" ? replacementOf(db, id) : Promise.resolve(null),
  ]);
  return { rec, alternatives, trace, titles, replacement };
}

export type { QueueCustomer, QueueItem } from "../db/queries/review-queue";

/** The review queue: one page of what waits (as of `now`) and the alert reviews pending. */
export async function reviewQueuePage(query: ReviewQueueQuery, now: Date, url: string = databaseUrl()) {
  const [queue, alertReviews] = await Promise.all([withReadSql((sql) => reviewQueue(sql, query, now), url), pendingAlertReviews(url)]);
  return { queue, alertReviews };
}

/** The insights page: the current run's figures, the latest evaluation, alert volumes and budget adherence. */
export async function insightsPage(db: Db = prisma(), url: string = databaseUrl()) {
  const [insights, latest, volumes, adherence] = await Promise.all([getInsights(db), latestEval(db), alertVolumes(url), budgetAdherence(url)]);
  return { insights, latest, volumes, adherence };
}

/** A customer's stored record with consent history and accounts; null for an unknown id. */
export function customerRecord(userId: string, db: Db = prisma()) {
  return storedCustomer(db, userId);
}

/** A customer's latest 50 live transactions, newest first. */
export function recentTransactions(userId: string, db: Db = prisma()) {
  return recentLiveTransactions(db, userId, 50);
}

/** The engine's view of a consenting customer (windows, personas, recommendations), read on the shared connection. */
export function customerWindows(userId: string, windows?: readonly WindowId[], opts?: ViewOptions, url: string = databaseUrl()) {
  return withReadSql((sql) => customerView(sql, userId, windows, opts), url);
}

/** What the customer page shows beside the view: its audit trail and the catalog's titles (when there is a view). */
export async function customerAuditAndTitles(userId: string, withTitles: boolean, db: Db = prisma()) {
  const audit = await auditFor(db, userId);
  const titles = withTitles ? await contentTitles(db) : {};
  return { audit, titles };
}

/** A consenting customer's alerts as staff see them, with their counts. */
export function customerStaffAlerts(userId: string, url: string = databaseUrl()) {
  return Promise.all([staffAlerts(url, userId), alertCounts(url, userId)]);
}

/** What the customer would see in the app: current alerts, not dismissed, released when a person had to. */
export function customerVisibleAlerts(userId: string, url: string = databaseUrl()) {
  return customerAlerts(url, userId, { trace: false });
}
