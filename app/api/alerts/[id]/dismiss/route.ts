// POST /api/alerts/{id}/dismiss — dismiss the customer's alert for good (idempotent, audited).
import * as api from "@/lib/api/endpoints";
import { handle } from "@/lib/api/handler";
import { dismissAlert } from "@/lib/services/alerts";

export const POST = handle(api.dismissAlert, ({ db, params, body, caller }) => dismissAlert(db, { userId: body.user_id, alertId: params.id }, caller.actor));
