// What one route is: method, path, who may call it and the zod schemas of its input and output.
// The registry (endpoints.ts) lists every route; the handler wrapper enforces the entry and the
// OpenAPI document and docs page are generated from it.
import type { z } from "zod";
import type { Permission } from "../auth/permissions";
import type { Scope } from "../auth/scopes";

type Method = "GET" | "POST" | "PATCH" | "DELETE";
type Schema = z.ZodType | undefined;

export interface Endpoint<P extends Schema = Schema, Q extends Schema = Schema, B extends Schema = Schema> {
  method: Method;
  /** OpenAPI style: `/api/profile/{userId}`. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** One API-key scope and one staff permission; "public" needs neither. */
  access: { scope: Scope; permission: Permission } | "public";
  params?: P;
  query?: Q;
  body?: B;
  /** Documented body that the service validates itself (ingest names every bad record). */
  serviceValidatedBody?: z.ZodType;
  /** 201 for creations, 202 for work started (the handler answers `accepted(body, location)`); default 200. */
  status?: 200 | 201 | 202;
  /** The JSON response, or a non-JSON media type. */
  response: z.ZodType | { mediaType: string; description: string };
  /** Errors beyond the ones the wrapper itself may answer (400/401/403/422). */
  errors?: Array<404 | 409 | 422>;
  example?: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown };
}

export function defineEndpoint<P extends Schema = undefined, Q extends Schema = undefined, B extends Schema = undefined>(e: Endpoint<P, Q, B>): Endpoint<P, Q, B> {
  return e;
}

export type Parsed<S extends Schema, Fallback = undefined> = S extends z.ZodType ? z.output<S> : Fallback;
