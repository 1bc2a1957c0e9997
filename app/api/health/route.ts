// GET /api/health — liveness for load balancers and the e2e harness: the database (which,
// reachable, one round trip's latency), migrations current, writes possible (not locked by another
// process past the busy timeout), the latest run, and the engine's queue and workers. No URL, no
// credentials: only what an operator needs to see whether this instance can serve.
import { NextResponse } from "next/server";
import { observed } from "@/lib/observability/request";
import { checkHealth } from "@/lib/services/database";

export const dynamic = "force-dynamic";

export const GET = observed("/api/health", async () => {
  const h = await checkHealth();
  return NextResponse.json(
    {
      ok: h.ok,
      database: h.database,
      migrations: { applied: h.migrations.applied.length, pending: h.migrations.pending.length, modified: h.migrations.modified.length },
      queue: h.queue,
      latest_run: h.latest_run && { id: h.latest_run.id, status: h.latest_run.status },
      problems: h.ok ? [] : [h.writable === false ? "database cannot take writes (locked by another process)" : "database not ready"],
    },
    { status: h.ok ? 200 : 503 },
  );
});
