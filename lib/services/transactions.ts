// Transactions through the developer API: a filtered, paged list and CSV export (soft-deleted
// rows left out), the detail with its category history, a category correction that appends to
// that history, and soft delete. Every change is audited in the same transaction; the engine
// ignores deleted rows from its next run on.
import { csvCell } from "../data/csv";
import { csvLine, TRANSACTION_COLUMNS } from "../data/generator/csv";
import { recordAudit } from "../db/audit";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { categoryHistory, insertCategoryChange, liveTransaction, softDeleteTransaction, transactionPage, transactionsAfter, updateCategoryAtVersion, type TransactionRow } from "../db/queries/transactions";
import type { CategoryChangeInput, TransactionFilters } from "../validation/api";
import { ConflictError, NotFoundError } from "./errors";

type Row = TransactionRow;

const cents = (dollars: number | undefined) => (dollars === undefined ? undefined : Math.round(dollars * 100));

function where(f: TransactionFilters): Prisma.TransactionWhereInput {
  return {
    deleted_at: null,
    ...(f.user_id ? { user_id: f.user_id } : {}),
    ...(f.account_id ? { account_id: f.account_id } : {}),
    ...(f.from || f.to ? { date: { gte: f.from, lte: f.to } } : {}),
    ...(f.category ? { OR: [{ pfc_primary: f.category }, { pfc_detailed: f.category }] } : {}),
    ...(f.min_amount !== undefined || f.max_amount !== undefined ? { amount_cents: { gte: cents(f.min_amount), lte: cents(f.max_amount) } } : {}),
  };
}

/** Plaid's shape: dollars with Plaid's sign, the category as personal_finance_category. */
function view(t: Row) {
  return {
    transaction_id: t.transaction_id,
    account_id: t.account_id,
    user_id: t.user_id,
    date: t.date,
    authorized_date: t.authorized_date,
    amount: t.amount_cents / 100,
    iso_currency_code: t.iso_currency_code,
    name: t.name,
    merchant_name: t.merchant_name,
    payment_channel: t.payment_channel,
    personal_finance_category: { primary: t.pfc_primary, detailed: t.pfc_detailed },
    pending: t.pending,
    version: t.version,
  };
}

export async function listTransactions(db: Db, q: TransactionFilters & { page: number; pageSize: number }) {
  const { rows, total } = await transactionPage(db, where(q), { skip: (q.page - 1) * q.pageSize, take: q.pageSize });
  return { rows: rows.map(view), total };
}

async function live(db: Prisma.TransactionClient | Db, id: string): Promise<Row> {
  const t = await liveTransaction(db, id);
  if (!t) throw new NotFoundError(`no transaction with id "${id}"`);
  return t;
}

export async function getTransaction(db: Db | Prisma.TransactionClient, id: string) {
  const t = await live(db, id);
  const history = await categoryHistory(db, id);
  return {
    ...view(t),
    category_history: history.map((h) => ({ from: { primary: h.from_primary, detailed: h.from_detailed }, to: { primary: h.to_primary, detailed: h.to_detailed }, reason: h.reason, actor: h.actor, created_at: h.created_at })),
  };
}

const stale = (id: string, sent: number) => new ConflictError(`transaction "${id}" changed since you read it (you sent version ${sent}); read it again`);

/**
 * Corrects the category of the version the caller read (optimistic concurrency): a stale version
 * is a conflict and writes nothing; the same category again is a no-op.
 */
export async function recategorizeTransaction(db: Db, id: string, input: CategoryChangeInput, actor: string) {
  return db.$transaction(async (tx) => {
    const t = await live(tx, id);
    if (t.version !== input.version) throw stale(id, input.version);
    if (t.pfc_primary === input.pfc_primary && t.pfc_detailed === input.pfc_detailed) return getTransaction(tx, id);
    // The version in the WHERE makes the check and the write one step, whoever commits first.
    if (!(await updateCategoryAtVersion(tx, id, input.version, { pfc_primary: input.pfc_primary, pfc_detailed: input.pfc_detailed }))) throw stale(id, input.version);
    const change = { from_primary: t.pfc_primary, from_detailed: t.pfc_detailed, to_primary: input.pfc_primary, to_detailed: input.pfc_detailed };
    await insertCategoryChange(tx, { transaction_id: id, ...change, reason: input.reason ?? null, actor });
    await recordAudit(tx, "transaction.recategorize", { type: "transaction", id, user_id: t.user_id }, { actor, reason: input.reason ?? null, details: change });
    return getTransaction(tx, id);
  });
}

/** Soft delete: the row stays (for the audit trail) but lists, exports and the engine skip it. */
export async function deleteTransaction(db: Db, id: string, actor: string) {
  return db.$transaction(async (tx) => {
    const t = await live(tx, id);
    const deletedAt = new Date();
    if (!(await softDeleteTransaction(tx, id, deletedAt, actor))) throw new NotFoundError(`no transaction with id "${id}"`);
    await recordAudit(tx, "transaction.delete", { type: "transaction", id, user_id: t.user_id }, { actor, details: { date: t.date, amount_cents: t.amount_cents, name: t.name } });
    return { transaction_id: id, deleted_at: deletedAt, deleted_by: actor };
  });
}

const EXPORT_CHUNK = 2000;
export const EXPORT_COLUMNS = [...TRANSACTION_COLUMNS, "user_id"] as const;

function csvRow(t: Row): string {
  const cells = [t.transaction_id, t.account_id, t.date, t.authorized_date, (t.amount_cents / 100).toFixed(2), t.iso_currency_code, t.name, t.merchant_name, t.merchant_entity_id, t.payment_channel, t.pfc_primary, t.pfc_detailed, t.pending, t.user_id];
  return csvLine(cells.map(csvCell));
}

/**
 * The filtered transactions as CSV with Plaid's column names (the format `spendsense ingest`
 * reads), streamed in chunks so a large export never sits in memory whole.
 */
export function exportTransactionsCsv(db: Db, f: TransactionFilters): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let header = true;
  return new ReadableStream({
    async pull(controller) {
      const rows = await transactionsAfter(db, where(f), EXPORT_CHUNK, cursor);
      let out = header ? `${EXPORT_COLUMNS.join(",")}\n` : "";
      header = false;
      for (const t of rows) out += csvRow(t);
      if (out) controller.enqueue(encoder.encode(out));
      if (rows.length < EXPORT_CHUNK) controller.close();
      else cursor = rows[rows.length - 1].transaction_id;
    },
  });
}
