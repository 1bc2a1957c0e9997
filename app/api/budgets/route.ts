// GET /api/budgets — a customer's live budgets (?user_id=).
// POST /api/budgets — create a monthly budget for a customer and category (audited).
import * as api from "@/lib/api/endpoints";
import { handle } from "@/lib/api/handler";
import { createBudget, listBudgets } from "@/lib/services/budgets";

export const GET = handle(api.listBudgets, async ({ db, query }) => ({ data: await listBudgets(db, query.user_id) }));
export const POST = handle(api.createBudget, ({ db, body, caller }) => createBudget(db, body, caller.actor, caller.kind === "key" ? "api" : "staff"));
