// The security headers every response carries (issue 11 §8), in one place: the proxy sets them
// on every page, route and asset. A strict CSP: scripts only from this origin with this request's
// nonce (Next.js reads the nonce from the request's CSP header and puts it on its own scripts),
// no plugins, no framing, forms post only here.

/** Whether the client reached us over https: the forwarded protocol of a TLS-terminating proxy, or the configured public URL. */
export function servedOverHttps(forwardedProto: string | null, publicUrl = process.env.NEXTAUTH_URL): boolean {
  if (forwardedProto) return forwardedProto.split(",")[0].trim().toLowerCase() === "https";
  return publicUrl?.startsWith("https://") ?? false;
}

export function contentSecurityPolicy(nonce: string, opts: { dev?: boolean; https?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts Next's nonced scripts load are trusted; nothing else runs. Dev needs eval (React's stack reconstruction).
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // React renders `style={…}` props as style attributes in the server HTML (Recharts' chart
    // containers and SVG, on /insights, have ten); a nonce cannot cover attributes, so attributes
    // alone may be inline. <style> elements still need the nonce, and scripts are untouched.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The headers besides the CSP; HSTS only over https (it would pin a plain-http install to an https it does not serve). */
export function securityHeaders(https: boolean): Record<string, string> {
  return {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** A fresh, unguessable nonce for one request (128 bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(""));
}
