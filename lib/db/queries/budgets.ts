// Typed data access for budgets (issue 15): live budgets (deleted_at IS NULL) of a customer, one
// by id, and the writes, each on the caller's transaction so the audit row commits with it.
import type { Db } from "../client";
import type { Prisma } from "../generated/client";

type Client = Db | Prisma.TransactionClient;
export type BudgetRow = Prisma.BudgetGetPayload<object>;

export function liveBudgets(db: Client, userId: string): Promise<BudgetRow[]> {
  return db.budget.findMany({ where: { user_id: userId, deleted_at: null }, orderBy: [{ category: "asc" }, { id: "asc" }] });
}

export function liveBudget(db: Client, id: number): Promise<BudgetRow | null> {
  return db.budget.findFirst({ where: { id, deleted_at: null } });
}

export function liveBudgetFor(db: Client, userId: string, category: string): Promise<BudgetRow | null> {
  return db.budget.findFirst({ where: { user_id: userId, category, deleted_at: null } });
}

export function insertBudget(db: Client, data: { user_id: string; category: string; amount_cents: number; currency: string; source: string; created_by: string }): Promise<BudgetRow> {
  return db.budget.create({ data });
}

/** Changes a live budget; false when it was deleted meanwhile. */
export async function updateLiveBudget(db: Client, id: number, data: { amount_cents?: number; currency?: string }): Promise<boolean> {
  return (await db.budget.updateMany({ where: { id, deleted_at: null }, data })).count === 1;
}

/** Soft delete; false when it was already deleted. */
export async function softDeleteBudget(db: Client, id: number, at: Date): Promise<boolean> {
  return (await db.budget.updateMany({ where: { id, deleted_at: null }, data: { deleted_at: at } })).count === 1;
}

/** The currency most of the customer's personal accounts hold (Plaid's unofficial code first), or null without accounts. */
export async function accountCurrency(db: Client, userId: string): Promise<string | null> {
  const accounts = await db.account.findMany({ where: { user_id: userId, NOT: { holder_category: "business" } }, select: { iso_currency_code: true, unofficial_currency_code: true } });
  const counts = new Map<string, number>();
  for (const a of accounts) {
    const c = a.unofficial_currency_code ?? a.iso_currency_code ?? "USD";
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
}
