// The request id every request carries (issue 14 §5): a caller's own `x-request-id` when it is a
// plausible id (so a load balancer's or client's id follows the request through our logs), else a
// fresh UUID. No Node imports: the proxy (proxy.ts) uses it too.
export const REQUEST_ID_HEADER = "x-request-id";

/** Letters, digits and `._:-`, up to 128 characters: anything else (log injection, huge values) is replaced. */
const VALID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(incoming: string | null | undefined): string {
  return incoming && VALID.test(incoming) ? incoming : crypto.randomUUID();
}
