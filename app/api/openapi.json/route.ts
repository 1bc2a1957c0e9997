// GET /api/openapi.json — the OpenAPI 3.1 document of the developer API (public).
import * as api from "@/lib/api/endpoints";
import { handle } from "@/lib/api/handler";
import { buildOpenApi } from "@/lib/api/openapi";

// The document only changes with the code: build it once per process.
let doc: ReturnType<typeof buildOpenApi> | undefined;
export const GET = handle(api.openApiDocument, async () => (doc ??= buildOpenApi()));
