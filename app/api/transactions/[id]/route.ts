// GET /api/transactions/{id} — one transaction with its category history.
// DELETE /api/transactions/{id} — soft-delete it (kept for audit; lists, exports and the engine skip it).
import * as api from "@/lib/api/endpoints";
import { handle } from "@/lib/api/handler";
import { deleteTransaction, getTransaction } from "@/lib/services/transactions";

export const GET = handle(api.getTransaction, ({ db, params }) => getTransaction(db, params.id));
export const DELETE = handle(api.deleteTransaction, ({ db, params, caller }) => deleteTransaction(db, params.id, caller.actor));
