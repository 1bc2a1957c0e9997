// /docs — the developer API's reference, rendered from the same endpoint registry and zod
// schemas as /api/openapi.json: every route with its method, scope, staff permission,
// parameters, body and a curl example. Public, like the OpenAPI document.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { DocsContent } from "@/components/docs/docs-content";

export const metadata: Metadata = { title: "Developer API — SpendSense" };

/** The address this request reached the app on (what a reader's curl must call), from the Host header. */
async function servedOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  if (!host || !/^[\w.-]+(:\d+)?$|^\[[\d:a-f]+\](:\d+)?$/i.test(host)) return process.env.NEXTAUTH_URL?.replace(/\/$/, "") ?? "http://localhost:3000";
  const proto = h.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${host}`;
}

export default async function DocsPage() {
  return <DocsContent origin={await servedOrigin()} />;
}

