"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { pageAccess } from "@/lib/auth/guards";
import { prisma } from "@/lib/db/client";
import { setConsent } from "@/lib/services/consent";
import { withSql } from "@/lib/services/database";

const consentForm = z.object({
  userId: z.string().min(1),
  granted: z.enum(["true", "false"]),
  note: z.string().trim().max(500).optional(),
});

/** Records a customer's opt-in or revocation, as told to the operator; audited. */
export async function recordConsentAction(form: FormData) {
  const input = consentForm.parse(Object.fromEntries(form.entries()));
  const path = `/customers/${input.userId}`;
  const access = await pageAccess("consent:record");
  if (access.status === "unauthenticated") redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  if (access.status === "forbidden") redirect(`${path}?error=${encodeURIComponent("Your role may not record consent.")}`);
  const granted = input.granted === "true";
  const actor = access.session.user.email;
  const r = await withSql((sql) => setConsent(sql, input.userId, granted, { source: `staff:${actor}`, note: input.note || undefined }));
  if (r.changed) {
    await prisma().auditEntry.create({
      data: { actor, action: granted ? "consent.grant" : "consent.revoke", target_type: "customer", target_id: input.userId, user_id: input.userId, reason: input.note || null, details: JSON.stringify({ withdrawn_recommendations: r.withdrawn_recommendations }) },
    });
  }
  revalidatePath(path);
  redirect(path);
}
