// The OpenAPI 3.1 document, assembled from the endpoint registry and generated from the same zod
// schemas the handlers validate with (zod's own JSON Schema output, draft 2020-12, which is
// OpenAPI 3.1's schema dialect). Request shapes use zod's input side (before defaults and
// coercion), responses its output side.
import { z } from "zod";
import { SCOPES } from "../auth/scopes";
import { ERROR_CODES, ERRORS as ERROR_TABLE } from "../errors";
import { errorSchema } from "../validation/api";
import type { Endpoint } from "./endpoint";
import { ENDPOINTS } from "./endpoints";
import { requestsPerMinute, WINDOW_SECONDS } from "./rate-limit";

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[]; description?: string };

export function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const js = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" }) as JsonSchema;
  delete js.$schema; // the document's dialect already says draft 2020-12
  return js;
}

interface Parameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}

/** Path then query parameters, as the document lists them. */
export function endpointParameters(e: Endpoint): Parameter[] {
  return [...parameters(e.params, "path"), ...parameters(e.query, "query")];
}

function parameters(schema: z.ZodType | undefined, where: "path" | "query"): Parameter[] {
  if (!schema) return [];
  const js = jsonSchema(schema, "input");
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || (js.required ?? []).includes(name),
    ...(s.description ? { description: s.description } : {}),
    schema: s,
  }));
}

/** The error codes the one table (lib/errors.ts) answers with `status`, as the document lists them. */
const codesAt = (status: number) => ERROR_CODES.filter((c) => ERROR_TABLE[c].status === status).join(", ");
const response = <N extends string>(status: number, name: N, description: string) => [name, `${description} (${codesAt(status)})`] as const;

export const ERRORS = {
  400: response(400, "BadRequest", "Malformed JSON or a malformed path or query parameter"),
  401: response(401, "Unauthorized", "No credentials, or an unknown, malformed or revoked API key"),
  403: response(403, "Forbidden", "The key lacks the scope or the staff role the permission, a staff member must first replace a temporary password, or the customer has not consented"),
  404: response(404, "NotFound", "No such customer, transaction, recommendation, content item or engine run"),
  409: response(409, "Conflict", "Already exists, changed since you read it, or another engine run is in progress"),
  422: response(422, "Unprocessable", "A well-formed body that fails validation or is refused on its content, with per-field or per-record issues in details"),
  429: response(429, "TooManyRequests", "The API key used up its requests for the current minute; `Retry-After` says how many seconds to wait"),
} as const;

type ErrorStatus = keyof typeof ERRORS;

export function errorStatuses(e: Endpoint): ErrorStatus[] {
  const out = new Set<ErrorStatus>(e.errors ?? []);
  if (e.params || e.query || e.body || e.serviceValidatedBody) out.add(400);
  if (e.body) out.add(422);
  if (e.access !== "public") {
    out.add(401);
    out.add(403);
    out.add(429);
  }
  return [...out].sort();
}

export function requestBodySchema(e: Endpoint): z.ZodType | undefined {
  return e.body ?? e.serviceValidatedBody;
}

function operation(operationId: string, e: Endpoint) {
  const body = requestBodySchema(e);
  const ok = "mediaType" in e.response
    ? { description: e.response.description, content: { [e.response.mediaType]: { schema: { type: "string" } } } }
    : {
        description: e.status === 202 ? "Accepted: started, not finished" : "OK",
        ...(e.status === 202 ? { headers: { Location: { description: "Where to poll the work's state", schema: { type: "string" } } } } : {}),
        content: { "application/json": { schema: jsonSchema(e.response, "output") } },
      };
  return {
    operationId,
    tags: [e.tag],
    summary: e.summary,
    ...(e.description ? { description: e.description } : {}),
    security: e.access === "public" ? [] : [{ apiKey: [e.access.scope] }, { staffSession: [] }],
    ...(e.access === "public" ? {} : { "x-scope": e.access.scope, "x-permission": e.access.permission }),
    parameters: endpointParameters(e),
    ...(body
      ? {
          requestBody: {
            // An empty body reads as {}: a body is optional when {} passes its schema.
            required: !body.safeParse({}).success,
            content: { "application/json": { schema: jsonSchema(body, "input"), ...(e.example?.body === undefined ? {} : { example: e.example.body }) } },
          },
        }
      : {}),
    responses: {
      [String(e.status ?? 200)]: ok,
      ...Object.fromEntries(errorStatuses(e).map((s) => [String(s), { $ref: `#/components/responses/${ERRORS[s][0]}` }])),
    },
  };
}

/** The endpoints' tags, in registry order: the document's tag list and the docs page's sections. */
export function endpointTags(): string[] {
  return [...new Set(Object.values(ENDPOINTS).map((e) => e.tag))];
}

/** The headers on every response to a request with an API key (rate-limit.ts). */
const RATE_LIMIT_HEADERS = {
  "Retry-After": { description: "Seconds to wait before the key may call again (429 only).", schema: { type: "integer", minimum: 1 } },
  "X-RateLimit-Limit": { description: `Requests the key may make per ${WINDOW_SECONDS} seconds.`, schema: { type: "integer" } },
  "X-RateLimit-Remaining": { description: "Requests left in the current window.", schema: { type: "integer" } },
  "X-RateLimit-Reset": { description: "Seconds until the window starts afresh.", schema: { type: "integer" } },
};

export function buildOpenApi() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [id, e] of Object.entries(ENDPOINTS)) {
    paths[e.path] ??= {};
    paths[e.path][e.method.toLowerCase()] = operation(id, e);
  }
  const tags = endpointTags().map((name) => ({ name }));
  return {
    openapi: "3.1.0",
    info: {
      title: "SpendSense developer API",
      version: "1.0.0",
      description:
        "JSON route handlers over SpendSense's customers, personas, recommendations and transactions. Authenticate with an API key (`Authorization: Bearer ss_…`, created with `spendsense apikey create`) whose scopes include the one each operation names, or with a staff session whose role has the operation's permission. Every error is `{\"error\":{\"code\",\"message\",\"details?\"}}`. Lists are `{data, meta:{page,pageSize,total}}`. " +
        `Each API key may make ${requestsPerMinute()} requests per ${WINDOW_SECONDS} seconds (SPENDSENSE_API_RATE_LIMIT), counted across every server process; beyond that the answer is 429 \`rate_limited\` with \`Retry-After\`, and every keyed response carries \`X-RateLimit-Limit\`, \`X-RateLimit-Remaining\` and \`X-RateLimit-Reset\`.`,
    },
    servers: [{ url: "/" }],
    tags,
    paths,
    components: {
      schemas: { Error: jsonSchema(errorSchema, "output") },
      responses: Object.fromEntries(
        Object.values(ERRORS).map(([name, description]) => [
          name,
          { description, ...(name === "TooManyRequests" ? { headers: RATE_LIMIT_HEADERS } : {}), content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        ]),
      ),
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "ss_<prefix>_<secret>",
          description: `An API key. Scopes: ${Object.entries(SCOPES)
            .map(([s, d]) => `\`${s}\` (${d})`)
            .join("; ")}.`,
        },
        staffSession: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "A staff member's signed-in session (next-auth JWT cookie); checked against the role's permissions." },
      },
    },
  };
}
