// Who may do what (SPEC §1): one table, checked on the server by every page, server action and
// route handler. Analysts see aggregates only: no names, no transactions, no single customer.
export const ROLES = ["admin", "operator", "analyst"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "customers:list": ["admin", "operator"],
  "customers:read": ["admin", "operator"],
  "transactions:read": ["admin", "operator"],
  "consent:record": ["admin", "operator"],
  "review:act": ["admin", "operator"],
  /** Marking a customer's alert shown or dismissing it (releasing or clearing a held one is review:act). */
  "alerts:act": ["admin", "operator"],
  "content:read": ["admin", "operator", "analyst"],
  "content:write": ["admin", "operator"],
  "content:approve": ["admin", "operator"],
  "insights:read": ["admin", "operator", "analyst"],
  "eval:read": ["admin", "operator", "analyst"],
  /** Starting an evaluation from /insights: the people who judge the engine (issue 13 §14). */
  "eval:run": ["admin", "analyst"],
  "engine:run": ["admin", "operator"],
  // Making an earlier run current again (undoing a mistaken run) changes what everyone sees.
  "engine:undo": ["admin"],
  "apikeys:manage": ["admin"],
  "staff:manage": ["admin"],
  /** Scraping GET /api/metrics with a session (a Prometheus server uses SPENDSENSE_METRICS_TOKEN instead). */
  "metrics:read": ["admin"],
  /** Setting one's own password (forced after a temporary one, lib/auth/guards.ts). */
  "account:password": ["admin", "operator", "analyst"],
  // Developer API (SPEC §5): creating customers and loading data are admin work.
  "customers:create": ["admin"],
  "data:ingest": ["admin"],
  "transactions:edit": ["admin", "operator"],
  "feedback:record": ["admin", "operator"],
  // Budgets (issue 15): the bank's monthly budget per customer and category.
  "budgets:read": ["admin", "operator"],
  "budgets:edit": ["admin", "operator"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
