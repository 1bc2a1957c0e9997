// Typed data access for transactions (the developer API's list, detail, export and corrections):
// live rows are those not soft-deleted; the writes run on the caller's transaction so the audit
// row commits with them.
import type { Db } from "../client";
import type { Prisma } from "../generated/client";

type Client = Db | Prisma.TransactionClient;
export type TransactionRow = Prisma.TransactionGetPayload<object>;
export type CategoryChangeRow = Prisma.TransactionCategoryChangeGetPayload<object>;

const ORDER: Prisma.TransactionOrderByWithRelationInput[] = [{ date: "desc" }, { transaction_id: "asc" }];

/** One page of the rows matching `where`, newest first, and how many match in all. */
export async function transactionPage(db: Db, where: Prisma.TransactionWhereInput, page: { skip: number; take: number }): Promise<{ rows: TransactionRow[]; total: number }> {
  const [rows, total] = await Promise.all([db.transaction.findMany({ where, orderBy: ORDER, skip: page.skip, take: page.take }), db.transaction.count({ where })]);
  return { rows, total };
}

/** The next `take` rows matching `where` after the row `cursor` (from the start without one), in list order. */
export function transactionsAfter(db: Db, where: Prisma.TransactionWhereInput, take: number, cursor?: string): Promise<TransactionRow[]> {
  return db.transaction.findMany({ where, orderBy: ORDER, take, ...(cursor ? { cursor: { transaction_id: cursor }, skip: 1 } : {}) });
}

export function liveTransaction(db: Client, id: string): Promise<TransactionRow | null> {
  return db.transaction.findFirst({ where: { transaction_id: id, deleted_at: null } });
}

export function categoryHistory(db: Client, id: string): Promise<CategoryChangeRow[]> {
  return db.transactionCategoryChange.findMany({ where: { transaction_id: id }, orderBy: { id: "asc" } });
}

/** Sets the category of the live row at `version` and bumps it; false when it changed or was deleted meanwhile. */
export async function updateCategoryAtVersion(tx: Client, id: string, version: number, category: { pfc_primary: string; pfc_detailed: string }): Promise<boolean> {
  const updated = await tx.transaction.updateMany({ where: { transaction_id: id, deleted_at: null, version }, data: { ...category, version: { increment: 1 } } });
  return updated.count === 1;
}

export async function insertCategoryChange(tx: Client, data: { transaction_id: string; from_primary: string; from_detailed: string; to_primary: string; to_detailed: string; reason: string | null; actor: string }): Promise<void> {
  await tx.transactionCategoryChange.create({ data });
}

/** Soft delete; false when it was already deleted. */
export async function softDeleteTransaction(tx: Client, id: string, at: Date, actor: string): Promise<boolean> {
  const updated = await tx.transaction.updateMany({ where: { transaction_id: id, deleted_at: null }, data: { deleted_at: at, deleted_by: actor } });
  return updated.count === 1;
}

/** A customer's latest `take` live transactions, newest first. */
export function recentLiveTransactions(db: Client, userId: string, take: number): Promise<TransactionRow[]> {
  return db.transaction.findMany({ where: { user_id: userId, deleted_at: null }, orderBy: ORDER, take });
}
