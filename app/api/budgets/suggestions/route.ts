// GET /api/budgets/suggestions — suggested budgets from a consenting customer's own history (?user_id=).
import * as api from "@/lib/api/endpoints";
import { rethrowAsQueryError } from "@/lib/api/errors";
import { handle } from "@/lib/api/handler";
import { suggestBudgetsFor } from "@/lib/services/budgets";

// An as_of the data cannot answer (in the future, past the newest transaction) is a bad query parameter: 400.
export const GET = handle(api.budgetSuggestions, ({ db, url, query }) =>
  suggestBudgetsFor(db, url, query.user_id, { asOf: query.as_of }).catch(rethrowAsQueryError),
);
