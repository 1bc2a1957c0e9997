// GET /api/review/stream — server-sent events with the review queue's size (and the alerts held for
// a staff review, e.g. possible fraud), so open queues update without a reload.
import { apiDatabase } from "@/lib/api/database";
import { eventStream } from "@/lib/api/event-stream";
import { routeAccess } from "@/lib/auth/guards";
import { staffRoutePermission } from "@/lib/auth/staff-routes";
import { alertCounts } from "@/lib/services/alerts";
import { observed } from "@/lib/observability/request";

export const dynamic = "force-dynamic";

export const GET = observed("/api/review/stream", async (request: Request) => {
  const { denied } = await routeAccess(request, staffRoutePermission("GET /api/review/stream"));
  if (denied) return denied;
  const { db, url } = apiDatabase();
  return eventStream(request, "queue", 2000, async () => {
    const [pending, flagged, alerts] = await Promise.all([
      db.recommendation.count({ where: { status: "pending_review" } }),
      db.recommendation.count({ where: { status: "pending_review", flagged: true } }),
      alertCounts(url),
    ]);
    return { pending, flagged, alerts_pending_review: alerts.pending_review };
  });
});
