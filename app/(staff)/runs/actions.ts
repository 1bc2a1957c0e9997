"use server";

import { ACTIONS } from "@/lib/auth/actions";
import { staffAction, type ActionState } from "@/lib/auth/staff-action";
import { makeRunCurrent } from "@/lib/services/current-run";
import { jobsOnProcessDb } from "@/lib/services/jobs";
import { z } from "zod";

export async function startRunAction(_prev: ActionState, form: FormData) {
  return await staffAction(ACTIONS.startRunAction, "/runs", form, async (actor) => {
    const job = await jobsOnProcessDb.startEngineJob(Object.fromEntries(form.entries()), actor);
    return `Engine run as of ${job.as_of} started; progress below.`;
  });
}

/** An admin makes an earlier finished run current again (undoing a mistaken run); audited. */
export async function makeRunCurrentAction(_prev: ActionState, form: FormData) {
  return await staffAction(ACTIONS.makeRunCurrentAction, "/runs", form, async (actor) => {
    const input = z.object({ run_id: z.string(), confirm: z.literal("yes", { message: "confirm that the runs after it are set aside" }) }).parse(Object.fromEntries(form.entries()));
    const r = await makeRunCurrent(input, actor);
    const aside = r.set_aside.length ? `; set aside ${r.set_aside.map((id) => `#${id}`).join(", ")}` : "";
    return `Run #${r.run_id} (as of ${r.as_of}) is current again${aside}.`;
  });
}
