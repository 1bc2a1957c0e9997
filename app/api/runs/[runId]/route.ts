// GET /api/runs/{runId} — an engine run's state and progress (batch-assign's Location).
import * as api from "@/lib/api/endpoints";
import { handle } from "@/lib/api/handler";
import { getRun } from "@/lib/services/personas-api";

export const GET = handle(api.getRun, ({ url, params }) => getRun(url, params.runId));
