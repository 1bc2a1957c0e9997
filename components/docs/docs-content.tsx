// The developer API reference (app/docs/page.tsx renders it for the address it is served on).
import Link from "next/link";
import type { ReactNode } from "react";
import { ENDPOINTS } from "@/lib/api/endpoints";
import type { Endpoint } from "@/lib/api/endpoint";
import { endpointParameters, endpointTags, ERRORS, errorStatuses, jsonSchema, requestBodySchema } from "@/lib/api/openapi";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { SCOPES } from "@/lib/auth/scopes";

const METHOD_STYLE: Record<string, string> = {
  GET: "bg-sky-100 text-sky-900",
  POST: "bg-emerald-100 text-emerald-900",
  PATCH: "bg-amber-100 text-amber-900",
  DELETE: "bg-red-100 text-red-900",
};

const codeClass = "rounded bg-slate-100 px-1 font-mono text-[0.9em]";
/** Text with `backticks` (as the endpoint registry writes code) rendered as code. */
export function Prose({ text }: { text: string }): ReactNode {
  return text.split(/(`[^`]+`)/).map((part, i) => (part.startsWith("`") && part.endsWith("`") && part.length > 2 ? <code key={i} className={codeClass}>{part.slice(1, -1)}</code> : part));
}

function exampleUrl(e: Endpoint, origin: string): string {
  const path = e.path.replace(/\{(\w+)\}/g, (_, name: string) => e.example?.params?.[name] ?? `{${name}}`);
  const query = new URLSearchParams(e.example?.query ?? {}).toString();
  return `${origin}${path}${query ? `?${query}` : ""}`;
}

function curl(e: Endpoint, origin: string): string {
  const lines = [`curl -sS${e.method === "GET" ? "" : ` -X ${e.method}`} "${exampleUrl(e, origin)}"`];
  if (e.access !== "public") lines.push(`  -H "Authorization: Bearer $SPENDSENSE_API_KEY"`);
  if (e.example?.body !== undefined) lines.push(`  -H "Content-Type: application/json"`, `  -d '${JSON.stringify(e.example.body)}'`);
  return lines.join(" \\\n");
}

const typeOf = (schema: Record<string, unknown>) =>
  [schema.type, schema.enum ? `one of ${(schema.enum as string[]).join(", ")}` : null, schema.pattern ? `pattern ${String(schema.pattern)}` : null].filter(Boolean).join("; ") || "any";

// Focusable, so a keyboard can scroll a long line into view (WCAG 2.1.1).
const Code = ({ children }: { children: string }) => <pre tabIndex={0} className="overflow-x-auto rounded bg-slate-900 p-3 text-xs leading-relaxed text-slate-100">{children}</pre>;

function EndpointDoc({ id, e, origin }: { id: string; e: Endpoint; origin: string }) {
  const params = endpointParameters(e);
  const body = requestBodySchema(e);
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h3 id={`${id}-title`} className="flex flex-wrap items-center gap-2 font-mono text-sm">
        <span className={`rounded px-2 py-0.5 font-semibold ${METHOD_STYLE[e.method]}`}>{e.method}</span>
        <span className="font-semibold">{e.path}</span>
      </h3>
      <p className="font-medium"><Prose text={e.summary} /></p>
      {e.description ? <p className="text-sm text-slate-700"><Prose text={e.description} /></p> : null}
      <p className="text-sm">
        {e.access === "public" ? (
          "Public: no key needed."
        ) : (
          <>
            API key scope <code className={codeClass}>{e.access.scope}</code>; staff permission <code className={codeClass}>{e.access.permission}</code> ({PERMISSIONS[e.access.permission].join(", ")}).
          </>
        )}{" "}
        Answers {e.status ?? 200}
        {errorStatuses(e).length ? `; errors ${errorStatuses(e).join(", ")}` : ""}.
      </p>
      {params.length ? (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Parameters of {e.method} {e.path}</caption>
          <thead className="text-slate-600">
            <tr>
              <th className="pr-3 font-medium">parameter</th>
              <th className="pr-3 font-medium">in</th>
              <th className="pr-3 font-medium">type</th>
              <th className="font-medium">notes</th>
            </tr>
          </thead>
          <tbody>
            {params.map((p) => (
              <tr key={`${p.in}-${p.name}`} className="border-t border-slate-100 align-top">
                <td className="pr-3 font-mono">
                  {p.name}
                  {p.required ? " *" : ""}
                </td>
                <td className="pr-3">{p.in}</td>
                <td className="pr-3">{typeOf(p.schema)}</td>
                <td>{[p.description, p.schema.default !== undefined ? `default ${String(p.schema.default)}` : null].filter(Boolean).join("; ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {body ? (
        <details className="text-sm">
          <summary className="cursor-pointer">Request body schema (JSON Schema, generated from the zod schema)</summary>
          <Code>{JSON.stringify(jsonSchema(body, "input"), null, 2)}</Code>
        </details>
      ) : null}
      <Code>{curl(e, origin)}</Code>
    </section>
  );
}

/** The page itself, for the address the app is served on. */
export function DocsContent({ origin }: { origin: string }) {
  const tags = endpointTags();
  return (
    <div className="space-y-10">
      <section className="max-w-3xl space-y-4">
        <h1 className="text-3xl font-bold tracking-tight">Developer API</h1>
        <p className="text-slate-700">
          JSON over HTTP for customers, consent, personas, recommendations and transactions. The machine-readable description is the OpenAPI 3.1 document at{" "}
          <a href="/api/openapi.json" className="text-emerald-800 underline">
            /api/openapi.json
          </a>
          ; this page is rendered from the same schemas.
        </p>
        <h2 className="text-xl font-semibold">Authentication</h2>
        <p className="text-slate-700" data-testid="docs-create-key">
          Staff with the admin role create a key on the{" "}
          <Link href="/api-keys" className="text-emerald-800 underline">API keys</Link> page ({origin}/api-keys): sign in, open <strong>API keys</strong> in the menu, give the key a name,
          tick the scopes it needs (below) and press <strong>Create key</strong>. The key is shown once, on that page; copy it then, because only its hash is stored. Revoke it
          on the same page.
        </p>
        <p className="text-slate-700">
          From a terminal, <code className={codeClass}>npx spendsense apikey create --name my-app --scopes customers:read,recommendations:read</code>. It is printed once; only its hash is stored.
          Send it as <code className={codeClass}>Authorization: Bearer ss_…</code>. Revoke it with <code className={codeClass}>npx spendsense apikey revoke PREFIX</code>. A signed-in staff
          member&rsquo;s session works too, checked against their role; analysts see aggregates only, so every route here refuses them.
        </p>
        <table className="text-left text-sm">
          <caption className="sr-only">API key scopes</caption>
          <thead className="text-slate-600">
            <tr>
              <th className="pr-4 font-medium">scope</th>
              <th className="font-medium">allows</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(SCOPES).map(([scope, meaning]) => (
              <tr key={scope} className="border-t border-slate-100">
                <td className="pr-4 font-mono">{scope}</td>
                <td><Prose text={meaning} /></td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2 className="text-xl font-semibold">Errors and lists</h2>
        <p className="text-slate-700">
          Every error is <code className={codeClass}>{`{"error":{"code","message","details?"}}`}</code>. Malformed requests (bad JSON, path or query parameters) are 400; a well-formed body that fails validation is 422 with
          per-field (or, for ingest, per-record) issues in <code className={codeClass}>details</code>. Lists answer <code className={codeClass}>{`{"data":[…],"meta":{"page","pageSize","total"}}`}</code>.
        </p>
        <ul className="list-disc pl-6 text-sm text-slate-700">
          {Object.entries(ERRORS).map(([status, [, meaning]]) => (
            <li key={status}>
              <strong>{status}</strong> <Prose text={meaning} />
            </li>
          ))}
        </ul>
      </section>
      {tags.map((tag) => (
        <section key={tag} aria-labelledby={`tag-${tag}`} className="space-y-4">
          <h2 id={`tag-${tag}`} className="text-xl font-semibold">
            {tag}
          </h2>
          {Object.entries(ENDPOINTS)
            .filter(([, e]) => e.tag === tag)
            .map(([id, e]) => (
              <EndpointDoc key={id} id={id} e={e} origin={origin} />
            ))}
        </section>
      ))}
    </div>
  );
}
