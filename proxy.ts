// Runs before every request (Next 16's name for middleware): a fresh CSP nonce per request, the
// security headers of lib/security/headers.ts on every page, route handler and asset, and the
// request id (the caller's valid `x-request-id`, else a new one), passed on to the route handler
// or server action that logs with it and answered in the response's `x-request-id`.
import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/observability/request-id";
import { contentSecurityPolicy, newNonce, securityHeaders, servedOverHttps } from "@/lib/security/headers";

export function proxy(request: NextRequest) {
  const https = servedOverHttps(request.headers.get("x-forwarded-proto"));
  const csp = contentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === "development", https });
  // Next.js takes the nonce for its own scripts from the request's CSP header.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  for (const [name, value] of Object.entries(securityHeaders(https))) response.headers.set(name, value);
  return response;
}
