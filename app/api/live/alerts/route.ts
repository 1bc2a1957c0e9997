// GET /api/live/alerts[?user=usr_…] — server-sent events with the alert counts (all customers, or
// one), so open staff pages (the customer page, the review queue) update when a run stores new alerts.
import { apiDatabase } from "@/lib/api/database";
import { ApiError, errorResponse } from "@/lib/api/errors";
import { eventStream } from "@/lib/api/event-stream";
import { routeAccess } from "@/lib/auth/guards";
import { staffRoutePermission } from "@/lib/auth/staff-routes";
import { alertCounts } from "@/lib/services/alerts";
import { safeId } from "@/lib/validation/text";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const { denied } = await routeAccess(request, staffRoutePermission("GET /api/live/alerts"));
  if (denied) return denied;
  const raw = new URL(request.url).searchParams.get("user");
  const user = raw === null ? undefined : safeId().safeParse(raw);
  if (user && !user.success) return errorResponse(new ApiError(400, "invalid_request", 'The query parameter "user" is malformed: expected a customer id such as usr_00001.'));
  const { url } = apiDatabase();
  return eventStream(request, "alerts", 2000, () => alertCounts(url, user?.data));
}
