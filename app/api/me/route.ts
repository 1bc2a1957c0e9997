// GET /api/me — the signed-in staff member: email, role and what the role permits.
import { NextResponse } from "next/server";
import { routeAccess } from "@/lib/auth/guards";
import { staffRoutePermission } from "@/lib/auth/staff-routes";
import { permissionsOf } from "@/lib/auth/permissions";
import { observed } from "@/lib/observability/request";

export const dynamic = "force-dynamic";

export const GET = observed("/api/me", async (request: Request) => {
  const { staff, denied } = await routeAccess(request, staffRoutePermission("GET /api/me"));
  if (denied) return denied;
  return NextResponse.json({ email: staff.email, role: staff.role, permissions: permissionsOf(staff.role) });
});
