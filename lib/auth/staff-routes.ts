// The route handlers outside the developer API's registry (lib/api/endpoints.ts), and who may call
// them: one table, read by the handlers themselves and by the access-matrix test, so a new route
// file that is in neither table fails that test.
import type { Permission } from "./permissions";

/** The staff app's own routes: a signed-in session only (API keys are not accepted), with this permission. */
export const STAFF_ROUTES = {
  "GET /api/me": "signed-in",
  "GET /api/review/stream": "review:act",
  "GET /api/jobs/stream": "engine:run",
  "GET /api/alerts/stream": "customers:read",
  "GET /api/eval/latest/{file}": "eval:read",
  // Also open to SPENDSENSE_METRICS_TOKEN as a bearer token (metrics-access.ts), never to an API key.
  "GET /api/metrics": "metrics:read",
} as const satisfies Record<string, Permission | "signed-in">;

export type StaffRoute = keyof typeof STAFF_ROUTES;

/** Open to anyone, and why. `*` is every method. */
export const PUBLIC_ROUTES = {
  "GET /api/health": "liveness for load balancers; says only whether the database is ready",
  "GET /api/auth/{...nextauth}": "next-auth's sign-in, session and CSRF endpoints",
  "POST /api/auth/{...nextauth}": "next-auth's sign-in and sign-out",
  "* /api/{...path}": "the JSON 404 for API paths no route answers",
} as const;

/** The permission routeAccess checks for a staff route (null: any signed-in staff member). */
export function staffRoutePermission(route: StaffRoute): Permission | null {
  const p = STAFF_ROUTES[route];
  return p === "signed-in" ? null : p;
}
