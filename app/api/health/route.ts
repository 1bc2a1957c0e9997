// GET /api/health — liveness for load balancers and the e2e harness: database reachable, migrations current.
import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/services/database";

export const dynamic = "force-dynamic";

export async function GET() {
  const h = await checkHealth();
  return NextResponse.json({ ok: h.ok, migrations: { applied: h.migrations.applied.length, pending: h.migrations.pending.length }, problems: h.ok ? [] : ["database not ready"] }, { status: h.ok ? 200 : 503 });
}
