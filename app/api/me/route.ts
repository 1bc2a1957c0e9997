// GET /api/me — the signed-in staff member: email, role and what the role permits.
import { NextResponse } from "next/server";
import { routeAccess } from "@/lib/auth/guards";
import { permissionsOf } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

export async function GET() {
  const { session, denied } = await routeAccess(null);
  if (denied) return denied;
  return NextResponse.json({ email: session.user.email, role: session.user.role, permissions: permissionsOf(session.user.role) });
}
