// Where an API request is observed (issue 14 §5): every route handler runs inside
// `observeRequest` — the developer API through `handle` (lib/api/handler.ts), the other route
// files through `observed`. It takes the request id (request-id.ts), makes it the context of
// every log line written while serving, answers it in `x-request-id`, and when the response is
// ready writes ONE log line (method, route pattern, status, duration, request id, key prefix or
// staff role) and records the latency histogram. Never the URL (ids, query), headers or body.
import { log, logContext, type LogContext } from "./log";
import { recordHttpRequest } from "./metrics";
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-id";

export async function observeRequest(route: string, req: Request, serve: () => Promise<Response>): Promise<Response> {
  const started = performance.now();
  const ctx: LogContext = { request_id: requestIdFrom(req.headers.get(REQUEST_ID_HEADER)) };
  let status = 500;
  try {
    const res = await logContext.run(ctx, serve);
    status = res.status;
    withRequestId(res, ctx.request_id);
    return res;
  } catch (err) {
    logContext.run(ctx, () => log.error({ route, err }, "request failed"));
    throw err;
  } finally {
    const seconds = (performance.now() - started) / 1000;
    recordHttpRequest(req.method, route, status, seconds);
    const { request_id, ...who } = ctx;
    const line = { method: req.method, route, status, duration_ms: Math.round(seconds * 10_000) / 10, ...who };
    logContext.run({ request_id }, () => (status >= 500 ? log.error(line, "request") : log.info(line, "request")));
  }
}

/** Sets the header, unless the response's headers are immutable (Response.redirect): the proxy put the id there already. */
function withRequestId(res: Response, id: string): void {
  try {
    res.headers.set(REQUEST_ID_HEADER, id);
  } catch {
    // immutable headers
  }
}

/** A route file's handler, observed under its route pattern (e.g. `/api/eval/latest/{file}`). */
export function observed<A extends unknown[]>(route: string, handler: (req: Request, ...rest: A) => Promise<Response>): (req: Request, ...rest: A) => Promise<Response> {
  return (req, ...rest) => observeRequest(route, req, () => handler(req, ...rest));
}

/** Tells the current request's log line who called: an API key's prefix, or a staff role. */
export function noteCaller(who: { key_prefix: string } | { role: string } | { auth: "metrics_token" }): void {
  const ctx = logContext.getStore();
  if (ctx) Object.assign(ctx, who);
}

/** The current request's id (null outside a request). */
export function currentRequestId(): string | null {
  return logContext.getStore()?.request_id ?? null;
}

/**
 * A staff server action, observed: the request id (the proxy's, else a new one) on its log lines,
 * then one line with the action's permission, outcome (ok, refused, redirected, error), duration
 * and the staff role (noteCaller). Never the form's values.
 */
export async function observeAction<T extends { error?: string }>(action: string, requestId: string | null, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const ctx: LogContext = { request_id: requestIdFrom(requestId) };
  let outcome = "error";
  try {
    const result = await logContext.run(ctx, run);
    outcome = result.error === undefined ? "ok" : "refused";
    return result;
  } catch (err) {
    // next/navigation's redirect() throws an error whose digest starts NEXT_REDIRECT.
    if (String((err as { digest?: unknown } | null)?.digest ?? "").startsWith("NEXT_REDIRECT")) outcome = "redirected";
    else logContext.run(ctx, () => log.error({ action, err }, "action failed"));
    throw err;
  } finally {
    const { request_id, ...who } = ctx;
    logContext.run({ request_id }, () => log.info({ action, outcome, duration_ms: Math.round((performance.now() - started) * 10) / 10, ...who }, "action"));
  }
}
