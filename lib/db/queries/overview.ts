import type { Db } from "../client";

export interface Overview {
  customers: number;
  consenting: number;
  accounts: number;
  businessAccounts: number;
  transactions: number;
  liabilities: number;
  firstDate: string | null;
  lastDate: string | null;
}

/** Live counts for the home page. */
export async function getOverview(db: Db): Promise<Overview> {
  const [customers, consenting, accounts, businessAccounts, transactions, credit, mortgage, student, range] = await Promise.all([
    db.customer.count(),
    db.customer.count({ where: { consent: true } }),
    db.account.count(),
    db.account.count({ where: { holder_category: "business" } }),
    db.transaction.count(),
    db.creditLiability.count(),
    db.mortgageLiability.count(),
    db.studentLiability.count(),
    db.transaction.aggregate({ _min: { date: true }, _max: { date: true } }),
  ]);
  return {
    customers,
    consenting,
    accounts,
    businessAccounts,
    transactions,
    liabilities: credit + mortgage + student,
    firstDate: range._min.date,
    lastDate: range._max.date,
  };
}
