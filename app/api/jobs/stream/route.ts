// GET /api/jobs/stream — server-sent events with the progress of the latest engine runs (any process).
import { apiDatabase } from "@/lib/api/database";
import { eventStream } from "@/lib/api/event-stream";
import { routeAccess } from "@/lib/auth/guards";
import { staffRoutePermission } from "@/lib/auth/staff-routes";
import { recentJobs } from "@/lib/services/jobs";
import { observed } from "@/lib/observability/request";

export const dynamic = "force-dynamic";

export const GET = observed("/api/jobs/stream", async (request: Request) => {
  const { denied } = await routeAccess(request, staffRoutePermission("GET /api/jobs/stream"));
  if (denied) return denied;
  const { url } = apiDatabase();
  return eventStream(request, "jobs", 500, () => recentJobs(url));
});
