// POST /api/consent — record a customer's consent grant or revocation (audited; revoking removes derived data; an opt-in computes the customer at once).
import * as api from "@/lib/api/endpoints";
import { handle } from "@/lib/api/handler";
import { recordConsent } from "@/lib/services/consent-compute";

export const POST = handle(api.recordConsent, ({ url, body, caller }) => recordConsent(body.user_id, body.granted, { source: "api", actor: caller.actor, note: body.note }, url));
