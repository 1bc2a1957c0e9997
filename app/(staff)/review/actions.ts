"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { pageAccess } from "@/lib/auth/guards";
import { prisma } from "@/lib/db/client";
import { ConflictError, NotFoundError } from "@/lib/services/errors";
import { batchApprove, reviewRecommendation } from "@/lib/services/review";

/** Every review action: check the role on the server, act, then come back with a message. */
async function run(fn: (actor: string) => Promise<string>): Promise<never> {
  const access = await pageAccess("review:act");
  if (access.status === "unauthenticated") redirect("/login?callbackUrl=%2Freview");
  if (access.status === "forbidden") redirect("/review?error=" + encodeURIComponent("Your role may not act on recommendations."));
  let target: string;
  try {
    target = "/review?notice=" + encodeURIComponent(await fn(access.session.user.email));
  } catch (err) {
    if (err instanceof ZodError) target = "/review?error=" + encodeURIComponent(err.issues.map((i) => i.message).join("; "));
    else if (err instanceof ConflictError || err instanceof NotFoundError) target = "/review?error=" + encodeURIComponent(err.message);
    else throw err;
  }
  revalidatePath("/review");
  redirect(target);
}

export async function reviewAction(form: FormData) {
  await run(async (actor) => {
    const input = Object.fromEntries(form.entries());
    await reviewRecommendation(prisma(), input, actor);
    const verb = input.action === "approve" ? "Approved" : input.action === "reject" ? "Rejected" : "Flagged";
    return `${verb} recommendation ${String(input.id)}.`;
  });
}

export async function batchApproveAction(form: FormData) {
  await run(async (actor) => {
    const items = form.getAll("select").map((v) => {
      const [id, version] = String(v).split(":").map(Number);
      return { id, version };
    });
    const n = await batchApprove(prisma(), items, actor);
    return `Approved ${n} recommendations.`;
  });
}
