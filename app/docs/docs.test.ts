// The docs page lists every developer-API route with its method, scope and a curl example.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ENDPOINTS } from "@/lib/api/endpoints";
import { SCOPES } from "@/lib/auth/scopes";
import DocsPage from "./page";

describe("/docs", () => {
  it("lists every route, its scope and an example, and links the OpenAPI document", () => {
    const html = renderToStaticMarkup(createElement(DocsPage));
    for (const e of Object.values(ENDPOINTS)) {
      expect(html).toContain(`>${e.method}</span><span class="font-semibold">${e.path}</span>`);
      if (e.access !== "public") expect(html).toContain(e.access.scope);
    }
    for (const scope of Object.keys(SCOPES)) expect(html).toContain(scope);
    expect(html).toContain('href="/api/openapi.json"');
    expect(html).toContain("Authorization: Bearer $SPENDSENSE_API_KEY");
    expect(html).toContain("curl -sS -X POST &quot;http://localhost:3000/api/users&quot;");
  });
});
