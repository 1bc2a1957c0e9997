import { describe, expect, it } from "vitest";
import { can, isRole, PERMISSIONS, permissionsOf, ROLES } from "./permissions";

describe("permission table", () => {
  it("admins can do everything", () => {
    for (const p of Object.keys(PERMISSIONS) as Array<keyof typeof PERMISSIONS>) expect(can("admin", p)).toBe(true);
  });

  it("operators review customers and content but do not manage API keys", () => {
    expect(can("operator", "customers:read")).toBe(true);
    expect(can("operator", "transactions:read")).toBe(true);
    expect(can("operator", "review:act")).toBe(true);
    expect(can("operator", "content:approve")).toBe(true);
    expect(can("operator", "apikeys:manage")).toBe(false);
    expect(can("operator", "transactions:edit")).toBe(true);
    expect(can("operator", "customers:create")).toBe(false);
    expect(can("operator", "data:ingest")).toBe(false);
  });

  it("analysts see aggregates only: no customer lists, details, transactions or actions on customers (they may start an evaluation)", () => {
    expect(permissionsOf("analyst").sort()).toEqual(["account:password", "content:read", "eval:read", "eval:run", "insights:read"]);
    for (const p of ["customers:list", "customers:read", "transactions:read", "consent:record", "review:act", "content:write", "transactions:edit", "feedback:record", "customers:create", "data:ingest"] as const) {
      expect(can("analyst", p)).toBe(false);
    }
  });

  it("no role means no permission", () => {
    expect(can(null, "insights:read")).toBe(false);
    expect(can(undefined, "content:read")).toBe(false);
    expect(isRole("superuser")).toBe(false);
    expect(ROLES.every(isRole)).toBe(true);
  });
});
