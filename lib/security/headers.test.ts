// The proxy puts the security headers on every response: a strict CSP with a fresh nonce per
// request, no framing, no sniffing, a referrer policy, and HSTS only when served over https.
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { proxy } from "../../proxy";

const original = process.env.NEXTAUTH_URL;
afterEach(() => {
  process.env.NEXTAUTH_URL = original;
});

const headersFor = (url: string, init: { headers?: Record<string, string> } = {}) => proxy(new NextRequest(url, init)).headers;

describe("proxy security headers", () => {
  it("sends a strict CSP with a per-request nonce, and the standard headers, on pages, routes and assets", () => {
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    const nonces = new Set<string>();
    for (const path of ["/", "/customers", "/api/health", "/api/transactions/export.csv", "/_next/static/chunks/x.js"]) {
      const h = headersFor(`http://localhost:3000${path}`);
      const csp = h.get("content-security-policy")!;
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
      expect(nonce, path).toBeTruthy();
      nonces.add(nonce!);
      expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(h.get("x-frame-options")).toBe("DENY");
      expect(h.get("x-content-type-options")).toBe("nosniff");
      expect(h.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(h.get("strict-transport-security"), "no HSTS over plain http").toBeNull();
    }
    expect(nonces.size).toBe(5);
  });

  it("adds HSTS when served over https: behind a TLS proxy, or at an https public URL", () => {
    process.env.NEXTAUTH_URL = "http://localhost:3000";
    expect(headersFor("http://localhost:3000/", { headers: { "x-forwarded-proto": "https" } }).get("strict-transport-security")).toMatch(/max-age=\d{8}/);
    process.env.NEXTAUTH_URL = "https://spendsense.bank.example";
    expect(headersFor("http://localhost:3000/login").get("strict-transport-security")).toMatch(/max-age=\d{8}/);
    expect(headersFor("http://localhost:3000/login", { headers: { "x-forwarded-proto": "http" } }).get("strict-transport-security")).toBeNull();
  });
});
