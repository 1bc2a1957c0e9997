// ANY /api/* that no route answers — the API's JSON error shape with 404, never Next's HTML page.
import { ApiError, errorResponse } from "@/lib/api/errors";
import { observed } from "@/lib/observability/request";

const notFound = observed("/api/{...path}", async (req: Request) =>
  errorResponse(new ApiError(404, "not_found", `No API route ${req.method} ${new URL(req.url).pathname}; see /api/openapi.json.`)),
);

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as HEAD, notFound as OPTIONS };
