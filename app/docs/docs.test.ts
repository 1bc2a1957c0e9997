// The docs page lists every developer-API route with its method, scope and a curl example.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { SCOPES } from "@/lib/auth/scopes";
import { DocsContent } from "@/components/docs/docs-content";

describe("/docs", () => {
  it("lists every route, its scope and an example, and links the OpenAPI document", () => {
    const html = renderToStaticMarkup(createElement(DocsContent, { origin: "http://localhost:3000" }));
    for (const e of Object.values(ENDPOINTS)) {
      expect(html).toContain(`>${e.method}</span><span class="font-semibold">${e.path}</span>`);
      if (e.access !== "public") expect(html).toContain(e.access.scope);
    }
    for (const scope of Object.keys(SCOPES)) expect(html).toContain(scope);
    expect(html).toContain('href="/api/openapi.json"');
    expect(html).toContain("Authorization: Bearer $SPENDSENSE_API_KEY");
    expect(html).toContain("curl -sS -X POST &quot;http://localhost:3000/api/users&quot;");
  });

  it("writes curl examples for the address the app is served on, and code as code", () => {
    const html = renderToStaticMarkup(createElement(DocsContent, { origin: "https://spendsense.bank.example:8443" }));
    expect(html).toContain("curl -sS -X POST &quot;https://spendsense.bank.example:8443/api/users&quot;");
    expect(html).not.toContain("localhost:3000");
    // The registry writes code in backticks; the page shows it as code, never as literal backticks.
    expect(html).toContain('<code class="rounded bg-slate-100 px-1 font-mono text-[0.9em]">consent: true</code>');
    expect(html).not.toMatch(/`[^`<]+`/);
  });

  it("explains creating a key on /api-keys", () => {
    const html = renderToStaticMarkup(createElement(DocsContent, { origin: "http://localhost:3000" }));
    expect(html).toContain('href="/api-keys"');
    expect(html).toContain("Create key");
  });
});
