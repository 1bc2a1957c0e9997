// GET /api/alerts/stream[?user_id=…] — server-sent events `alerts` with the alert counts (all
// customers', or one customer's), sent again whenever they change: a run storing a new event
// raises `latest_id`, a review or dismissal moves the counts. Open staff pages update without a reload.
import { apiDatabase } from "@/lib/api/database";
import { ApiError, errorResponse } from "@/lib/api/errors";
import { eventStream } from "@/lib/api/event-stream";
import { routeAccess } from "@/lib/auth/guards";
import { staffRoutePermission } from "@/lib/auth/staff-routes";
import { alertCounts } from "@/lib/services/alerts";
import { alertStreamQuery } from "@/lib/validation/alerts";
import { observed } from "@/lib/observability/request";

export const dynamic = "force-dynamic";

export const GET = observed("/api/alerts/stream", async (request: Request) => {
  const { denied } = await routeAccess(request, staffRoutePermission("GET /api/alerts/stream"));
  if (denied) return denied;
  const q = alertStreamQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!q.success) return errorResponse(new ApiError(400, "invalid_request", `user_id: ${q.error.issues[0].message}`));
  const { url } = apiDatabase();
  const userId = q.data.user_id;
  return eventStream(request, "alerts", 2000, async () => ({ user_id: userId ?? null, ...(await alertCounts(url, userId)) }));
});
