import type { Db } from "../client";
import { ELIGIBLE_RESULT } from "./current-results";

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
        db.personaAssignment.groupBy({ by: ["primary_persona"], where: { window: "30d", as_of: latestRun.as_of, ...ELIGIBLE_RESULT }, _count: { _all: true }, orderBy: { primary_persona: "asc" } }),
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
    latestRun,
    personaMix: mix.map((m) => ({ persona: m.primary_persona, count: m._count._all })),
    pendingReview,
  };
}
