// The one wrapper every developer-API route handler goes through: authenticate (API key, else
// staff session) → count the request against the key's rate limit (rate-limit.ts) → check the
// endpoint's scope / permission → parse path, query and body with its
// zod schemas → call the service → answer JSON, or the one error shape with an honest status.
// Malformed requests (bad JSON, bad path or query parameters) are 400; a well-formed body that
// fails validation is 422.
import { NextResponse } from "next/server";
import type { z } from "zod";
import type { Db } from "../db/client";
import { toDomainError } from "../db/errors";
import { log } from "../observability/log";
import { observeRequest } from "../observability/request";
import { authenticate, authorize, type Caller } from "./authenticate";
import { apiDatabase } from "./database";
import type { Endpoint, Parsed } from "./endpoint";
import { ApiError, errorResponse, invalid } from "./errors";
import { consumeApiRequest, rateLimitedError, rateLimitHeaders, type RateLimitState } from "./rate-limit";

export interface Call<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** Who is calling. Public endpoints skip authentication, so there it is null at runtime (the type does not say so): public handlers must not read it. */
  caller: Caller;
  db: Db;
  url: string;
}

/** What Next.js passes a route handler as its second argument. */
export interface RouteContext {
  params: Promise<Record<string, string>>;
}

function parse<S extends z.ZodType>(schema: S, input: unknown, part: "path" | "query" | "body"): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw invalid(r.error, part);
  return r.data;
}

/** The largest request body accepted (an ingest of a few thousand customers fits comfortably). */
export const MAX_BODY_BYTES = 50 * 1024 * 1024;
const tooLarge = () => new ApiError("payload_too_large", `The request body is over ${MAX_BODY_BYTES / 1024 / 1024} MB; send the data in smaller batches.`);

/** The request's JSON; an empty body reads as `{}` so optional-only bodies may be left out. */
async function readJson(req: Request): Promise<unknown> {
  if (req.method === "GET" || req.method === "HEAD") return undefined;
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) throw tooLarge();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("malformed_json", "The request body is not valid JSON.");
  }
}

export function handle<P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined>(
  endpoint: Endpoint<P, Q, B>,
  fn: (call: Call<Parsed<P>, Parsed<Q>, Parsed<B, unknown>>) => Promise<unknown>,
) {
  return (req: Request, ctx?: RouteContext): Promise<Response> => observeRequest(endpoint.path, req, () => serve(req, ctx));

  async function serve(req: Request, ctx?: RouteContext): Promise<Response> {
    let rate: RateLimitState | undefined;
    try {
      const { db, url } = apiDatabase();
      let caller: Caller | null = null;
      if (endpoint.access !== "public") {
        caller = await authenticate(req, db, url);
        if (caller.kind === "key") {
          rate = await consumeApiRequest(db, caller.actor);
          if (rate.limited) throw rateLimitedError(rate);
        }
        authorize(caller, endpoint.access);
      }
      const params = (endpoint.params ? parse(endpoint.params, (await ctx?.params) ?? {}, "path") : undefined) as Parsed<P>;
      const query = (endpoint.query ? parse(endpoint.query, Object.fromEntries(new URL(req.url).searchParams), "query") : undefined) as Parsed<Q>;
      const json = await readJson(req);
      const body = (endpoint.body ? parse(endpoint.body, json, "body") : json) as Parsed<B, unknown>;
      const result = await fn({ params, query, body, caller: caller as Caller, db, url });
      if (result instanceof Accepted) return withRateHeaders(NextResponse.json(result.body, { status: 202, headers: { Location: result.location } }), rate);
      return withRateHeaders(result instanceof Response ? result : NextResponse.json(result, { status: endpoint.status ?? 200 }), rate);
    } catch (err) {
      const apiErr = toDomainError(err);
      // Log the failure, never the request (its headers carry keys and session cookies).
      if (apiErr.code === "database_busy") log.warn({ route: endpoint.path, code: apiErr.code }, apiErr.message);
      else if (apiErr.status >= 500) log.error({ route: endpoint.path, err }, "request failed");
      return withRateHeaders(errorResponse(apiErr), rate);
    }
  }
}

/** Work started, not done: 202 with the body and a Location to poll. */
export class Accepted {
  constructor(
    readonly body: unknown,
    readonly location: string,
  ) {}
}

/** A keyed response says where the key stands against its rate limit. */
function withRateHeaders(res: Response, rate: RateLimitState | undefined): Response {
  if (rate) for (const [name, value] of Object.entries(rateLimitHeaders(rate))) res.headers.set(name, value);
  return res;
}

/** A page of a list in the API's list shape. */
export function paged<T>(rows: T[], total: number, q: { page: number; pageSize: number }) {
  return { data: rows, meta: { page: q.page, pageSize: q.pageSize, total } };
}
