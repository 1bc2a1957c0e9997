// GET /api/review/stream — server-sent events with the review queue's size, so open queues update without a reload.
import { apiDatabase } from "@/lib/api/database";
import { eventStream } from "@/lib/api/event-stream";
import { routeAccess } from "@/lib/auth/guards";
import { staffRoutePermission } from "@/lib/auth/staff-routes";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const { denied } = await routeAccess(request, staffRoutePermission("GET /api/review/stream"));
  if (denied) return denied;
  const { db } = apiDatabase();
  return eventStream(request, "queue", 2000, async () => {
    const [pending, flagged] = await Promise.all([db.recommendation.count({ where: { status: "pending_review" } }), db.recommendation.count({ where: { status: "pending_review", flagged: true } })]);
    return { pending, flagged };
  });
}
