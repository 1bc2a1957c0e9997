// Cookies are marked Secure when the app is served over https (its public URL is https), and
// stay usable over plain http on a developer's machine.
import { createRequire } from "node:module";
import path from "node:path";
import { afterEach, expect, it, vi } from "vitest";

const original = { url: process.env.NEXTAUTH_URL, secret: process.env.NEXTAUTH_SECRET };
afterEach(() => {
  process.env.NEXTAUTH_URL = original.url;
  process.env.NEXTAUTH_SECRET = original.secret;
  vi.resetModules();
});

type Cookie = { name: string; value: string; options: { secure?: boolean; httpOnly?: boolean } };
type AuthHandler = (p: { req: object; options: object }) => Promise<{ status?: number; cookies?: Cookie[] }>;

async function csrfCookies(publicUrl: string): Promise<string[]> {
  process.env.NEXTAUTH_URL = publicUrl;
  process.env.NEXTAUTH_SECRET = "cookie-test-secret";
  vi.resetModules();
  // The app's own next-auth options through next-auth's request handler (the route handler
  // around it needs a live Next.js request scope).
  // next-auth/core is not in the package's exports map, so it is loaded by its file path.
  const { AuthHandler } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/index.js")) as { AuthHandler: AuthHandler };
  const { authOptions } = await import("@/lib/auth/options");
  const res = await AuthHandler({ req: { method: "GET", action: "csrf", query: {}, headers: {}, cookies: {} }, options: { ...authOptions, secret: process.env.NEXTAUTH_SECRET } });
  expect(res.status ?? 200).toBe(200);
  return (res.cookies ?? []).map((c) => `${c.name}=${c.value}${c.options.secure ? "; Secure" : ""}${c.options.httpOnly ? "; HttpOnly" : ""}`);
}

it("sets next-auth's cookies Secure (with the __Host-/__Secure- prefixes) when served over https", async () => {
  const cookies = await csrfCookies("https://spendsense.bank.example");
  expect(cookies.length).toBeGreaterThan(0);
  for (const c of cookies) {
    expect(c).toMatch(/^__(Host|Secure)-/);
    expect(c).toMatch(/;\s*Secure/i);
    expect(c).toMatch(/;\s*HttpOnly/i);
  }
});

it("leaves them without Secure over plain http, where a browser would drop Secure cookies", async () => {
  for (const c of await csrfCookies("http://localhost:3000")) expect(c).not.toMatch(/;\s*Secure/i);
});
