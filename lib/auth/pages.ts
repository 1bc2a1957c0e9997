// Every page of the app and who may open it: one table, read by the page guard (so a page cannot
// disagree with it) and by the access-matrix tests (so a new page cannot be left out of them).
import type { Permission } from "./permissions";

export const PAGES = {
  "/": "public",
  "/login": "public",
  "/docs": "public",
  "/customers": "customers:list",
  "/customers/[userId]": "customers:read",
  "/customers/[userId]/preview": "customers:read",
  "/review": "review:act",
  "/review/[id]": "review:act",
  "/runs": "engine:run",
  "/content": "content:read",
  "/content/[id]": "content:read",
  "/api-keys": "apikeys:manage",
  "/staff": "staff:manage",
  "/insights": "insights:read",
  "/change-password": "account:password",
} as const satisfies Record<string, Permission | "public">;

export type GuardedPage = { [K in keyof typeof PAGES]: (typeof PAGES)[K] extends "public" ? never : K }[keyof typeof PAGES];
