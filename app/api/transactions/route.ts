// GET /api/transactions — transactions filtered by customer, account, dates, category and amount; paged.
import * as api from "@/lib/api/endpoints";
import { handle, paged } from "@/lib/api/handler";
import { listTransactions } from "@/lib/services/transactions";

export const GET = handle(api.listTransactions, async ({ db, query }) => {
  const { rows, total } = await listTransactions(db, query);
  return paged(rows, total, query);
});
