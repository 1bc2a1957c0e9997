import type { Db } from "../client";
import { ELIGIBLE_RESULT } from "./current-results";
import { personaMix } from "./insights";

export interface Overview {
  customers: number;
  consenting: number;
  accounts: number;
  businessAccounts: number;
  transactions: number;
  liabilities: number;
  firstDate: string | null;
  lastDate: string | null;
  latestRun: { as_of: string; customers: number; finished_at: Date | null } | null;
  /** Primary persona counts (30d window) at the latest run's asOf. */
  personaMix: Array<{ persona: string | null; count: number }>;
  pendingReview: number;
}

/** Live counts for the home page. */
export async function getOverview(db: Db): Promise<Overview> {
  const [customers, consenting, accounts, businessAccounts, transactions, credit, mortgage, student, range] = await Promise.all([
    db.customer.count(),
    db.customer.count({ where: { consent: true } }),
    db.account.count(),
    db.account.count({ where: { holder_category: "business" } }),
    db.transaction.count({ where: { deleted_at: null } }),
    db.creditLiability.count(),
    db.mortgageLiability.count(),
    db.studentLiability.count(),
    db.transaction.aggregate({ _min: { date: true }, _max: { date: true } }),
  ]);
  const latestRun = await db.engineRun.findFirst({ where: ELIGIBLE_RESULT.run, orderBy: { id: "desc" }, select: { as_of: true, customers: true, finished_at: true } });
  const [mix, pendingReview] = latestRun
    ? await Promise.all([
        personaMix(db, latestRun.as_of, "30d"),
        db.recommendation.count({ where: { status: "pending_review" } }),
      ])
    : [[], 0];
  return {
    customers,
    consenting,
    accounts,
    businessAccounts,
    transactions,
    liabilities: credit + mortgage + student,
    firstDate: range._min.date,
    lastDate: range._max.date,
    // Customers with current results at that as-of (runs for a few customers add to the same picture).
    latestRun: latestRun && { ...latestRun, customers: mix.reduce((n, m) => n + m.count, 0) },
    personaMix: mix.map((m) => ({ persona: m.persona, count: m.count })),
    pendingReview,
  };
}

/** What is waiting for someone: the signed-in home page's work list. */
export interface WorkList {
  pendingReview: number;
  oldestPending: { as_of: string } | null;
  flagged: Array<{ id: number; user_id: string; title: string; kind: string; as_of: string }>;
  flaggedCount: number;
  /** Running runs, and failed ones no later run has made good. */
  runs: Array<{ id: number; as_of: string; status: string; started_at: Date; error: string | null; done: number; total: number; started_by: string | null }>;
  contentAwaiting: Array<{ id: string; title: string; kind: string; author: string }>;
}

export async function getWorkList(db: Db): Promise<WorkList> {
  // A failed run needs attention until a later run finishes.
  const lastGood = await db.engineRun.findFirst({ where: { status: "finished" }, orderBy: { id: "desc" }, select: { id: true } });
  const [pendingReview, oldestPending, flagged, flaggedCount, runs, contentAwaiting] = await Promise.all([
    db.recommendation.count({ where: { status: "pending_review" } }),
    db.recommendation.findFirst({ where: { status: "pending_review" }, orderBy: [{ as_of: "asc" }, { id: "asc" }], select: { as_of: true } }),
    db.recommendation.findMany({ where: { status: "flagged" }, orderBy: { id: "desc" }, take: 5, select: { id: true, user_id: true, title: true, kind: true, as_of: true } }),
    db.recommendation.count({ where: { status: "flagged" } }),
    db.engineRun.findMany({ where: { OR: [{ status: "running" }, { status: "failed", id: { gt: lastGood?.id ?? 0 } }] }, orderBy: { id: "desc" }, take: 5, select: { id: true, as_of: true, status: true, started_at: true, error: true, done: true, total: true, started_by: true } }),
    db.contentItem.findMany({ where: { status: "in_review" }, orderBy: { id: "asc" }, take: 10, select: { id: true, title: true, kind: true, author: true } }),
  ]);
  return { pendingReview, oldestPending, flagged, flaggedCount, runs, contentAwaiting };
}
