// GET /api/health — liveness for load balancers and the e2e harness: database reachable, migrations
// current, writes possible (not locked by another process past the busy timeout).
import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/services/database";

export const dynamic = "force-dynamic";

export async function GET() {
  const h = await checkHealth();
  return NextResponse.json({ ok: h.ok, migrations: { applied: h.migrations.applied.length, pending: h.migrations.pending.length }, latest_run: h.latest_run && { id: h.latest_run.id, status: h.latest_run.status }, problems: h.ok ? [] : [h.writable === false ? "database cannot take writes (locked by another process)" : "database not ready"] }, { status: h.ok ? 200 : 503 });
}
