"use server";

import { ACTIONS } from "@/lib/auth/actions";
import { staffAction, type ActionState } from "@/lib/auth/staff-action";
import { withReadSql } from "@/lib/services/database";
import { overridesOnProcessDb } from "@/lib/services/overrides";
import { reviewOnProcessDb } from "@/lib/services/review";
import { copyRefsSchema, parseReviewQueueQuery, reviewQueueHref } from "@/lib/validation/review";

/** The queue page and filters the form was sent from (its `back` field): revalidated after the action. */
const backTo = (form: FormData) => reviewQueueHref(parseReviewQueueQuery(new URLSearchParams(String(form.get("back") ?? ""))).query);
const PAST = { approve: "Approved", reject: "Rejected", flag: "Flagged" } as Record<string, string>;

/** Approve, reject or flag one queue item: every copy it lists (its 30-day and 180-day copies) at once. */
export async function reviewAction(_prev: ActionState, form: FormData) {
  return await staffAction(ACTIONS.reviewAction, backTo(form), form, async (actor) => {
    const copies = copyRefsSchema.parse(String(form.get("copies") ?? ""));
    await reviewOnProcessDb.reviewCopies({ action: form.get("action"), reason: form.get("reason") ?? undefined, copies }, actor);
    const ids = copies.map((c) => c.id);
    return `${PAST[String(form.get("action"))]} recommendation${ids.length > 1 ? "s" : ""} ${ids.join(" and ")}.`;
  });
}

/** Approves every copy of the selected items, all or none (the same batch sent twice changes nothing more). */
export async function batchApproveAction(_prev: ActionState, form: FormData) {
  return await staffAction(ACTIONS.batchApproveAction, backTo(form), form, async (actor) => {
    const items = copyRefsSchema.parse(form.getAll("select").map(String).join(","));
    const { approved, already } = await reviewOnProcessDb.batchApprove(items, actor);
    return `Approved ${approved} recommendations.${already ? ` ${already} selected had already been approved; nothing changed for them.` : ""}`;
  });
}

export async function overrideAction(_prev: ActionState, form: FormData) {
  return await staffAction(ACTIONS.overrideAction, `/review/${Number(form.get("id")) || 0}`, form, async (actor) => {
    const input = Object.fromEntries(form.entries());
    const { id } = await withReadSql((sql) => overridesOnProcessDb.overrideRecommendation(sql, input, actor));
    return `Swapped in ${String(input.content_id)} as recommendation ${id} (approved).`;
  });
}
