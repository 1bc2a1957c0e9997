// POST /api/consent — record a customer's consent grant or revocation (audited; revoking removes derived data).
import * as api from "@/lib/api/endpoints";
import { handle } from "@/lib/api/handler";
import { setConsent } from "@/lib/services/consent";
import { withSql } from "@/lib/services/database";

export const POST = handle(api.recordConsent, ({ url, body, caller }) =>
  withSql((sql) => setConsent(sql, body.user_id, body.granted, { source: "api", actor: caller.actor, note: body.note }), url),
);
