// POST /api/alerts/{id}/shown — the customer was shown the alert (new → shown; idempotent, audited).
import * as api from "@/lib/api/endpoints";
import { handle } from "@/lib/api/handler";
import { markAlertShown } from "@/lib/services/alerts";

export const POST = handle(api.markAlertShown, ({ db, params, body, caller }) => markAlertShown(db, { userId: body.user_id, alertId: params.id }, caller.actor));
