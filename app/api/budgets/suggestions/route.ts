// GET /api/budgets/suggestions — suggested budgets from a consenting customer's own history (?user_id=).
import * as api from "@/lib/api/endpoints";
import { handle } from "@/lib/api/handler";
import { suggestBudgetsFor } from "@/lib/services/budgets";

export const GET = handle(api.budgetSuggestions, ({ db, url, query }) => suggestBudgetsFor(db, url, query.user_id, { asOf: query.as_of }));
