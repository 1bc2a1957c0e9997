"use server";

import { ACTIONS } from "@/lib/auth/actions";
import { staffAction } from "@/lib/auth/staff-action";
import { prisma } from "@/lib/db/client";
import { startEngineJob } from "@/lib/services/jobs";

export async function startRunAction(form: FormData) {
  await staffAction(ACTIONS.startRunAction, "/runs", async (actor) => {
    const job = await startEngineJob(prisma(), Object.fromEntries(form.entries()), actor);
    return `Engine run as of ${job.as_of} started; progress below.`;
  });
}
