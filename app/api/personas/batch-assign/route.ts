// POST /api/personas/batch-assign — one engine run over up to 1000 named customers.
import * as api from "@/lib/api/endpoints";
import { handle } from "@/lib/api/handler";
import { batchAssign } from "@/lib/services/personas-api";

export const POST = handle(api.batchAssign, ({ db, url, body, caller }) => batchAssign(db, url, body.user_ids, body.as_of, caller.actor));
