"use server";

import { plural } from "@/lib/labels";
import { z } from "zod";
import { ACTIONS } from "@/lib/auth/actions";
import { staffAction } from "@/lib/auth/staff-action";
import { prisma } from "@/lib/db/client";
import { setConsent } from "@/lib/services/consent";
import { withSql } from "@/lib/services/database";
import { overridePersona } from "@/lib/services/overrides";
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
export async function recordConsentAction(form: FormData) {
  await staffAction(ACTIONS.recordConsentAction, `/customers/${String(form.get("userId") ?? "")}`, async (actor) => {
    // Parsed inside the action, so bad input comes back as a message on the page.
    const input = consentForm.parse(Object.fromEntries(form.entries()));
    const granted = input.granted === "true";
    const r = await withSql((sql) => setConsent(sql, input.userId, granted, { source: `staff:${actor}`, actor, note: input.note || undefined }));
    return granted ? "Opt-in recorded." : `Revocation recorded; ${plural(r.withdrawn_recommendations, "undelivered recommendation")} withdrawn and derived data removed.`;
  });
}

/** A reviewer's persona for one window, with a written justification; audited. */
export async function overridePersonaAction(form: FormData) {
  await staffAction(ACTIONS.overridePersonaAction, `/customers/${String(form.get("user_id") ?? "")}`, async (actor) => {
    const input = Object.fromEntries(form.entries());
    await overridePersona(prisma(), input, actor);
    return `Persona override recorded for the ${String(input.window)} window.`;
  });
}
