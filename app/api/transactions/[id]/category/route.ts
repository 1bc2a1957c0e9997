// PATCH /api/transactions/{id}/category — correct the category; the change is kept in its history and audited.
import * as api from "@/lib/api/endpoints";
import { handle } from "@/lib/api/handler";
import { recategorizeTransaction } from "@/lib/services/transactions";

export const PATCH = handle(api.recategorize, ({ db, params, body, caller }) => recategorizeTransaction(db, params.id, body, caller.actor));
