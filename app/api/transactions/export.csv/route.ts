// GET /api/transactions/export.csv — the filtered transactions as a streamed CSV download.
import * as api from "@/lib/api/endpoints";
import { handle } from "@/lib/api/handler";
import { exportTransactionsCsv } from "@/lib/services/transactions";

const CSV_HEADERS = { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="transactions.csv"', "Cache-Control": "no-store" };

export const GET = handle(api.exportTransactions, async ({ db, query }) => new Response(exportTransactionsCsv(db, query), { headers: CSV_HEADERS }));
