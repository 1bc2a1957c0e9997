// The header check in Chromium (issue 11 §8, §10): every page of the PAGES table, as a visitor and
// as each role, answers with the security headers and the status the table implies (200, 403 with
// the friendly page, or the sign-in page), and runs its scripts with zero CSP violations. Server
// actions, taken from the build's own manifest, refuse a visitor and every role the ACTIONS table
// leaves out.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { ACTIONS } from "../lib/auth/actions";
import { PAGES } from "../lib/auth/pages";
import { can, ROLES, type Permission, type Role } from "../lib/auth/permissions";
import { expect, test } from "./support/roles";
import { concreteUrls } from "./support/urls";

type Visitor = Role | "visitor";
const VISITORS: Visitor[] = ["visitor", ...ROLES];

/** Records CSP violations from the first script on (the init script is the browser's, not the page's). */
async function watchCsp(page: Page): Promise<string[]> {
  const console: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return console;
}

function expectSecurityHeaders(headers: Record<string, string>, where: string) {
  expect(headers["content-security-policy"], where).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["content-security-policy"], where).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"], where).toBe("DENY");
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(headers["strict-transport-security"], `${where}: no HSTS over plain http`).toBeUndefined();
}

test("every page, as a visitor and as each role: security headers, the status the PAGES table implies, no CSP violation", async ({ browser, admin }) => {
  test.setTimeout(180_000);
  const urls = await concreteUrls(admin.request);
  for (const who of VISITORS) {
    const context = await browser.newContext(who === "visitor" ? {} : { storageState: path.resolve("e2e/.auth", `${who}.json`) });
    const page = await context.newPage();
    const consoleViolations = await watchCsp(page);
    for (const [pattern, permission] of Object.entries(PAGES)) {
      const url = urls[pattern];
      const where = `${who} ${url}`;
      const res = (await page.goto(url))!;
      await page.waitForLoadState("networkidle");
      expectSecurityHeaders(res.headers(), where);
      if (permission === "public") {
        expect(res.status(), where).toBe(200);
      } else if (who === "visitor") {
        expect(new URL(page.url()).pathname, where).toBe("/login"); // sent to sign in, with the page to come back to
        expect(new URL(page.url()).searchParams.get("callbackUrl"), where).toBe(url);
      } else if (can(who, permission as Permission)) {
        expect(res.status(), where).toBe(200);
        await expect(page.getByRole("heading", { name: "Not available for your role" }), where).toHaveCount(0);
      } else {
        expect(res.status(), where).toBe(403);
        await expect(page.getByRole("heading", { name: "Not available for your role" }), where).toBeVisible();
      }
      // Next.js's own scripts ran under the nonce (the app hydrated), and nothing was blocked.
      expect(await page.evaluate(() => typeof (window as unknown as { next?: unknown }).next), where).toBe("object");
      expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp), where).toEqual([]);
    }
    expect(consoleViolations, who).toEqual([]);
    await context.close();
  }
});

test("headers on routes and assets too; HSTS behind an https proxy; unknown API paths answer JSON 404", async ({ request }) => {
  const home = await request.get("/");
  const html = await home.text();
  const asset = /\/_next\/static\/[^"]+\.js/.exec(html)![0];
  for (const url of ["/api/health", "/api/openapi.json", "/api/transactions", asset, "/favicon.ico", "/no-such-page"]) {
    const res = await request.get(url);
    expectSecurityHeaders(res.headers(), url);
  }
  const https = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toMatch(/^max-age=\d{8}/);
  for (const method of ["get", "post", "delete"] as const) {
    const res = await request[method]("/api/no/such/route");
    expect(res.status(), method).toBe(404);
    expect(res.headers()["content-type"]).toMatch(/^application\/json/);
    expect((await res.json()).error.code).toBe("not_found");
  }
});

// ── server actions ─────────────────────────────────────────────────────────────────────────
interface ManifestAction {
  filename?: string;
  exportedName?: string;
  workers: Record<string, unknown>;
}

function builtActions(): Array<{ id: string; name: string; page: string }> {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as { node: Record<string, ManifestAction> };
  return Object.entries(manifest.node)
    .filter(([, a]) => a.exportedName && a.exportedName in ACTIONS)
    .map(([id, a]) => {
      // The page the action is bound to: "app/(staff)/review/page" → /review.
      const worker = Object.keys(a.workers).find((w) => w.endsWith("/page"))!;
      const page = "/" + worker.replace(/^app\//, "").replace(/\/page$/, "").split("/").filter((s) => !/^\(.*\)$/.test(s)).join("/");
      return { id, name: a.exportedName!, page: page.replace("[userId]", "usr_00001").replace("[id]", "1") };
    });
}

test("every server action in the build refuses a visitor and each role the ACTIONS table leaves out", async ({ request, baseURL }) => {
  const actions = builtActions();
  expect(new Set(actions.map((a) => a.name)), "the build's actions are the ACTIONS table").toEqual(new Set(Object.keys(ACTIONS)));
  for (const who of VISITORS) {
    const cookies = who === "visitor" ? [] : (JSON.parse(fs.readFileSync(path.resolve("e2e/.auth", `${who}.json`), "utf8")).cookies as Array<{ name: string; value: string }>);
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    for (const a of actions) {
      const entry = ACTIONS[a.name as keyof typeof ACTIONS];
      const permission = typeof entry === "function" ? entry("approved") : entry;
      if (who !== "visitor" && can(who, permission)) continue; // allowed: exercised by the feature specs
      // The body React's client sends for `action(formData)` (or `action(prevState, formData)`).
      const res = await request.post(a.page, {
        headers: { "Next-Action": a.id, origin: baseURL!, ...(cookie ? { cookie } : {}) },
        multipart: { "0": JSON.stringify([{}, "$K1"]), "1_id": "1", "1_to": "approved", "1_user_id": "usr_00001", "1_userId": "usr_00001", "1_granted": "false", "1_name": "x", "1_scopes": "review" },
        maxRedirects: 0,
      });
      const where = `${who} ${a.name}`;
      if (["createKeyAction", "createStaffAction", "resetStaffPasswordAction"].includes(a.name)) {
        expect(await res.text(), where).toMatch(/Only admins may (create API keys|manage staff accounts)\./);
      } else if (who === "visitor") {
        expect(res.headers()["x-action-redirect"] ?? "", where).toMatch(/^\/login\?callbackUrl=/);
      } else {
        // The refusal comes back to the form as the action's state, never in a URL.
        expect(res.headers()["x-action-redirect"], where).toBeUndefined();
        expect(await res.text(), where).toContain(`Your role (${who}) may not do this.`);
      }
    }
  }
});
