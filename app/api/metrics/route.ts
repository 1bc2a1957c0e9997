// GET /api/metrics — the process's Prometheus metrics (text format), for an admin's session or
// a bearer SPENDSENSE_METRICS_TOKEN (lib/auth/metrics-access.ts).
import { apiDatabase } from "@/lib/api/database";
import { metricsAccess } from "@/lib/auth/metrics-access";
import { observed } from "@/lib/observability/request";
import { scrapeMetrics } from "@/lib/services/metrics";

export const dynamic = "force-dynamic";

export const GET = observed("/api/metrics", async (request: Request) => {
  const denied = await metricsAccess(request);
  if (denied) return denied;
  const { text, contentType } = await scrapeMetrics(apiDatabase().url);
  return new Response(text, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
});
