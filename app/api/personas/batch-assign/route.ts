// POST /api/personas/batch-assign — starts one engine run over up to 1000 named customers: 202 with
// its id and the status route to poll (Location).
import * as api from "@/lib/api/endpoints";
import { Accepted, handle } from "@/lib/api/handler";
import { batchAssign } from "@/lib/services/personas-api";

export const POST = handle(api.batchAssign, async ({ db, url, body, caller }) => {
  const run = await batchAssign(db, url, body.user_ids, body.as_of, caller.actor);
  return new Accepted(run, run.location);
});
