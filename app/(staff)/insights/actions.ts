"use server";

import { ACTIONS } from "@/lib/auth/actions";
import { staffAction, type ActionState } from "@/lib/auth/staff-action";
import { plural } from "@/lib/labels";
import { runEval } from "@/lib/services/eval";

// Runs the evaluation of the latest finished engine run (the same use case as `spendsense eval`),
// recorded with who started it and audited; the page then shows it.
export async function startEvalAction(_prev: ActionState, form: FormData) {
  return await staffAction(ACTIONS.startEvalAction, "/insights", form, async (actor) => {
    const r = await runEval({ startedBy: actor });
    return `Evaluation ${r.eval_run_id} finished: ${plural(r.metrics.customers.evaluated, "customer")} of the engine run as of ${r.metrics.as_of} judged.`;
  });
}
