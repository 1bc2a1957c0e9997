// POST /api/feedback — record a customer's feedback on a recommendation or content item (audited).
import * as api from "@/lib/api/endpoints";
import { handle } from "@/lib/api/handler";
import { recordFeedback } from "@/lib/services/feedback";

export const POST = handle(api.postFeedback, ({ db, body, caller }) => recordFeedback(db, body, caller.actor));
