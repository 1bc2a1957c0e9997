// GET /api/eval/latest/{file} — the latest evaluation's metrics.json, metrics.csv or report.md, rendered from the stored metrics as the CLI renders them.
import { ApiError, errorResponse } from "@/lib/api/errors";
import { routeAccess } from "@/lib/auth/guards";
import { staffRoutePermission } from "@/lib/auth/staff-routes";
import { apiDatabase } from "@/lib/api/database";
import { EVAL_FILES, renderEvalFile, type EvalFile } from "@/lib/eval/render";
import { latestEval } from "@/lib/services/eval-latest";
import { observed } from "@/lib/observability/request";

export const dynamic = "force-dynamic";

export const GET = observed("/api/eval/latest/{file}", async (request: Request, { params }: { params: Promise<{ file: string }> }) => {
  const { denied } = await routeAccess(request, staffRoutePermission("GET /api/eval/latest/{file}"));
  if (denied) return denied;
  const { file } = await params;
  if (!(EVAL_FILES as readonly string[]).includes(file)) return errorResponse(new ApiError(404, "not_found", `No such evaluation file "${file}": one of ${EVAL_FILES.join(", ")}.`));
  const latest = await latestEval(apiDatabase().db);
  if (!latest) return errorResponse(new ApiError(404, "not_found", "No evaluation run yet: run `npx spendsense eval`."));
  if (!latest.metrics) return errorResponse(new ApiError(409, "conflict", "The latest evaluation was written by an older version: run `npx spendsense eval` again."));
  const { body, contentType } = renderEvalFile(latest.metrics, file as EvalFile);
  const name = `spendsense-eval-${latest.metrics.as_of}-${file}`;
  return new Response(body, { headers: { "Content-Type": contentType, "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" } });
});
