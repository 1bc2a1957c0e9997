"use server";

import { plural } from "@/lib/labels";
import { z } from "zod";
import { ACTIONS } from "@/lib/auth/actions";
import { staffAction, type ActionState } from "@/lib/auth/staff-action";
import { computeCustomerNow, recordConsent } from "@/lib/services/consent-compute";
import { ConflictError } from "@/lib/services/errors";
import { withSql } from "@/lib/services/database";
import { overridesOnProcessDb } from "@/lib/services/overrides";
import { alertsOnProcessDb } from "@/lib/services/alerts";
import { safeId, safeReason } from "@/lib/validation/text";

const consentForm = z
  .object({
    userId: safeId(),
    granted: z.enum(["true", "false"]),
    note: safeReason().optional(),
    confirm: z.literal("yes").optional(),
  })
  // Revoking removes every derived value for good: the operator confirms it first.
  .refine((f) => f.granted === "true" || f.confirm === "yes", { message: "confirm that everything derived from the customer's data will be removed", path: ["confirm"] });

/** Records a customer's opt-in or revocation, as told to the operator; audited. */
export async function recordConsentAction(_prev: ActionState, form: FormData) {
  return await staffAction(ACTIONS.recordConsentAction, `/customers/${String(form.get("userId") ?? "")}`, form, async (actor) => {
    // Parsed inside the action, so bad input comes back as a message on the page.
    const input = consentForm.parse(Object.fromEntries(form.entries()));
    const granted = input.granted === "true";
    const r = await recordConsent(input.userId, granted, { source: `staff:${actor}`, actor, note: input.note || undefined });
    if (!r.changed) return granted ? "Consent was already given; nothing changed." : "Consent was already revoked; nothing changed.";
    if (granted) return r.computed?.run_id ? `Opt-in recorded; results computed as of ${r.computed.as_of} (run #${r.computed.run_id}).` : `Opt-in recorded. Results arrive with the next run: ${r.computed?.pending_reason ?? "nothing changed"}.`;
    return `Revocation recorded; ${plural(r.withdrawn_recommendations, "undelivered recommendation")} withdrawn and derived data removed.`;
  });
}

/** A reviewer's persona for one window, with a written justification; audited. */
export async function overridePersonaAction(_prev: ActionState, form: FormData) {
  return await staffAction(ACTIONS.overridePersonaAction, `/customers/${String(form.get("user_id") ?? "")}`, form, async (actor) => {
    const input = Object.fromEntries(form.entries());
    const r = await withSql((sql) => overridesOnProcessDb.overridePersona(sql, input, actor));
    return `Persona override recorded for the ${String(input.window)} window; ${plural(r.recommendations, "recommendation")} remade for it await review.`;
  });
}

/** Computes one consenting customer now (when their opt-in could not be computed at once); audited as an engine run. */
export async function computeCustomerAction(_prev: ActionState, form: FormData) {
  return await staffAction(ACTIONS.computeCustomerAction, `/customers/${String(form.get("userId") ?? "")}`, form, async (actor) => {
    const r = await computeCustomerNow(safeId().parse(form.get("userId")), actor);
    if (!r.run_id) throw new ConflictError(`Not computed: ${r.pending_reason}.`);
    return `Results computed as of ${r.as_of} (run #${r.run_id}).`;
  });
}

// ── alerts (issue 15) ─────────────────────────────────────────────────────────────────────
/** The page the alert form was sent from (the customer page or the review queue), else the customer page. */
const alertPage = (form: FormData) => String(form.get("back") || `/customers/${String(form.get("userId") ?? "")}`);
const alertTarget = (form: FormData) => ({ userId: String(form.get("userId") ?? ""), alertId: String(form.get("alertId") ?? "") });

/** Dismisses one alert for good (after the operator confirms); audited; a repeat changes nothing. */
export async function dismissAlertAction(_prev: ActionState, form: FormData) {
  return await staffAction(ACTIONS.dismissAlertAction, alertPage(form), form, async (actor) => {
    const r = await alertsOnProcessDb.dismissAlert(alertTarget(form), actor);
    return r.changed ? `Alert ${r.id} dismissed; the customer no longer sees it.` : `Alert ${r.id} was already dismissed; nothing changed.`;
  });
}

/** A second look found the alert right: the customer sees it now; audited. */
export async function releaseAlertAction(_prev: ActionState, form: FormData) {
  return await staffAction(ACTIONS.releaseAlertAction, alertPage(form), form, async (actor) => {
    const r = await alertsOnProcessDb.releaseAlert(alertTarget(form), actor);
    return r.changed ? `Alert ${r.id} released to the customer.` : `Alert ${r.id} was already released; nothing changed.`;
  });
}

/** A second look found a false alarm: the customer never sees it; the reason is kept in the audit log. */
export async function clearAlertAction(_prev: ActionState, form: FormData) {
  return await staffAction(ACTIONS.clearAlertAction, alertPage(form), form, async (actor) => {
    const r = await alertsOnProcessDb.clearAlert({ ...alertTarget(form), reason: form.get("reason") ?? "" }, actor);
    return r.changed ? `Alert ${r.id} cleared as a false alarm; the customer will not see it.` : `Alert ${r.id} was already cleared; nothing changed.`;
  });
}
