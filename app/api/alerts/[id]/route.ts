// GET /api/alerts/{id} — a consenting customer's (id = user_id) current alerts, most urgent first.
import * as api from "@/lib/api/endpoints";
import { handle } from "@/lib/api/handler";
import { customerAlerts } from "@/lib/services/alerts";

export const GET = handle(api.getAlerts, ({ url, params, query }) => customerAlerts(url, params.id, query));
