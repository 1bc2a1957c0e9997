// Runs before every request (Next 16's name for middleware): a fresh CSP nonce per request and
// the security headers of lib/security/headers.ts on every page, route handler and asset.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce, securityHeaders, servedOverHttps } from "@/lib/security/headers";

export function proxy(request: NextRequest) {
  const https = servedOverHttps(request.headers.get("x-forwarded-proto"));
  const csp = contentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === "development", https });
  // Next.js takes the nonce for its own scripts from the request's CSP header.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(securityHeaders(https))) response.headers.set(name, value);
  return response;
}
