// Which network address a sign-in comes from, for throttling (lib/services/sign-in-throttle.ts).
//
// The one header read is X-Forwarded-For, counted from the right: entries on the right were
// written by hops we run, entries on the left by whoever sent the request.
// - No proxy in front (`next start` serving clients directly; SPENDSENSE_TRUSTED_PROXIES unset
//   or 0): Next.js writes the socket's address into the header when a request arrives without
//   one, and that is the address used. A client that sends its own header chooses its address,
//   so there per-address limits only slow an honest client and the per-email ceiling is what
//   stops a guesser spreading over made-up addresses.
// - Behind N reverse proxies that each append the peer they saw (nginx:
//   `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for`), set
//   SPENDSENSE_TRUSTED_PROXIES=N: the address is the Nth entry from the right, the one your
//   outermost proxy saw, which a client cannot forge. Production deployments should run this way.

type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(",") : v;
}

export function trustedProxies(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.SPENDSENSE_TRUSTED_PROXIES ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}

/** The client's address as a short normalised string, or "unknown" when there is none. */
export function clientAddress(headers: HeaderBag, proxies: number = trustedProxies()): string {
  const entries = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (!entries.length) return "unknown";
  const picked = entries[Math.max(0, entries.length - Math.max(1, proxies))];
  const address = picked.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return /^[0-9a-z.:[\]%_-]{1,64}$/.test(address) ? address : "unknown";
}
