// GET /api/budgets/status — a consenting customer's budget status and totals per currency (?user_id=&as_of=).
import * as api from "@/lib/api/endpoints";
import { rethrowAsQueryError } from "@/lib/api/errors";
import { handle } from "@/lib/api/handler";
import { budgetStatus } from "@/lib/services/budgets";

// An as_of the data cannot answer (in the future, past the newest transaction) is a bad query parameter: 400.
export const GET = handle(api.budgetStatus, ({ db, url, query }) =>
  budgetStatus(db, url, query.user_id, { asOf: query.as_of }).catch(rethrowAsQueryError),
);
