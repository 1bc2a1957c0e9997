"use server";

import { ACTIONS } from "@/lib/auth/actions";
import { staffAction } from "@/lib/auth/staff-action";
import { prisma } from "@/lib/db/client";
import { withReadSql } from "@/lib/services/database";
import { overrideRecommendation } from "@/lib/services/overrides";
import { batchApprove, reviewRecommendation } from "@/lib/services/review";

export async function reviewAction(form: FormData) {
  await staffAction(ACTIONS.reviewAction, "/review", async (actor) => {
    const input = Object.fromEntries(form.entries());
    await reviewRecommendation(prisma(), input, actor);
    const verb = input.action === "approve" ? "Approved" : input.action === "reject" ? "Rejected" : "Flagged";
    return `${verb} recommendation ${String(input.id)}.`;
  });
}

export async function batchApproveAction(form: FormData) {
  await staffAction(ACTIONS.batchApproveAction, "/review", async (actor) => {
    const items = form.getAll("select").map((v) => {
      const [id, version] = String(v).split(":").map(Number);
      return { id, version };
    });
    return `Approved ${await batchApprove(prisma(), items, actor)} recommendations.`;
  });
}

export async function overrideAction(form: FormData) {
  await staffAction(ACTIONS.overrideAction, `/review/${Number(form.get("id")) || 0}`, async (actor) => {
    const input = Object.fromEntries(form.entries());
    const { id } = await withReadSql((sql) => overrideRecommendation(prisma(), sql, input, actor));
    return `Swapped in ${String(input.content_id)} as recommendation ${id} (approved).`;
  });
}
