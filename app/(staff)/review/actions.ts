"use server";

import { ACTIONS } from "@/lib/auth/actions";
import { staffAction, type ActionState } from "@/lib/auth/staff-action";
import { prisma } from "@/lib/db/client";
import { withReadSql } from "@/lib/services/database";
import { overrideRecommendation } from "@/lib/services/overrides";
import { batchApprove, reviewRecommendation } from "@/lib/services/review";

export async function reviewAction(_prev: ActionState, form: FormData) {
  return await staffAction(ACTIONS.reviewAction, "/review", form, async (actor) => {
    const input = Object.fromEntries(form.entries());
    await reviewRecommendation(prisma(), input, actor);
    const verb = input.action === "approve" ? "Approved" : input.action === "reject" ? "Rejected" : "Flagged";
    return `${verb} recommendation ${String(input.id)}.`;
  });
}

export async function batchApproveAction(_prev: ActionState, form: FormData) {
  return await staffAction(ACTIONS.batchApproveAction, "/review", form, async (actor) => {
    const items = form.getAll("select").map((v) => {
      const [id, version] = String(v).split(":").map(Number);
      return { id, version };
    });
    const { approved, already } = await batchApprove(prisma(), items, actor);
    return `Approved ${approved} recommendations.${already ? ` ${already} selected had already been approved; nothing changed for them.` : ""}`;
  });
}

export async function overrideAction(_prev: ActionState, form: FormData) {
  return await staffAction(ACTIONS.overrideAction, `/review/${Number(form.get("id")) || 0}`, form, async (actor) => {
    const input = Object.fromEntries(form.entries());
    const { id } = await withReadSql((sql) => overrideRecommendation(prisma(), sql, input, actor));
    return `Swapped in ${String(input.content_id)} as recommendation ${id} (approved).`;
  });
}
