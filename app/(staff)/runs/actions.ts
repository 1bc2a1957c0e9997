"use server";

import { ACTIONS } from "@/lib/auth/actions";
import { staffAction, type ActionState } from "@/lib/auth/staff-action";
import { prisma } from "@/lib/db/client";
import { startEngineJob } from "@/lib/services/jobs";

export async function startRunAction(_prev: ActionState, form: FormData) {
  return await staffAction(ACTIONS.startRunAction, "/runs", form, async (actor) => {
    const job = await startEngineJob(prisma(), Object.fromEntries(form.entries()), actor);
    return `Engine run as of ${job.as_of} started; progress below.`;
  });
}
