// WCAG 2.1 AA in Chromium (issue 13 §17): axe-core's wcag2a/wcag2aa/wcag21a/wcag21aa rules on every
// page of the PAGES table, as a visitor (public pages) and as each role that may open it, find nothing.
import path from "node:path";
import { PAGES } from "../lib/auth/pages";
import { can, ROLES, type Permission, type Role } from "../lib/auth/permissions";
import { expect, test } from "./support/roles";
import { axeViolations } from "./support/axe";
import { concreteUrls } from "./support/urls";

test("every page, as each role that uses it, has no WCAG 2.1 AA violation axe-core can find", async ({ browser, admin }) => {
  test.setTimeout(300_000);
  const urls = await concreteUrls(admin.request);
  const found: string[] = [];
  for (const who of ["visitor", ...ROLES] as Array<Role | "visitor">) {
    const context = await browser.newContext(who === "visitor" ? {} : { storageState: path.resolve("e2e/.auth", `${who}.json`) });
    const page = await context.newPage();
    for (const [pattern, permission] of Object.entries(PAGES)) {
      const open = permission === "public" || (who !== "visitor" && can(who, permission as Permission));
      if (!open) continue;
      const res = (await page.goto(urls[pattern]))!;
      expect(res.status(), `${who} ${urls[pattern]}`).toBe(200);
      await page.waitForLoadState("networkidle");
      for (const line of await axeViolations(page)) found.push(`${who} ${urls[pattern]}: ${line}`);
    }
    await context.close();
  }
  expect(found, `axe-core found:\n${found.join("\n")}`).toEqual([]);
});
