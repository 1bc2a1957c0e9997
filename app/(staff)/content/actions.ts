"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { pageAccess } from "@/lib/auth/guards";
import type { Permission } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db/client";
import { ContentRejectedError, createContent, transitionContent } from "@/lib/services/content";
import { ConflictError, NotFoundError } from "@/lib/services/errors";

async function run(permission: Permission, fn: (actor: string) => Promise<string>): Promise<never> {
  const access = await pageAccess(permission);
  if (access.status === "unauthenticated") redirect("/login?callbackUrl=%2Fcontent");
  if (access.status === "forbidden") redirect("/content?error=" + encodeURIComponent("Your role may not change content."));
  let target: string;
  try {
    target = "/content?notice=" + encodeURIComponent(await fn(access.session.user.email));
  } catch (err) {
    if (err instanceof ZodError) target = "/content?error=" + encodeURIComponent(err.issues.map((i) => `${i.path.join(".") || "form"}: ${i.message}`).join("; "));
    else if (err instanceof ContentRejectedError || err instanceof ConflictError || err instanceof NotFoundError) target = "/content?error=" + encodeURIComponent(err.message);
    else throw err;
  }
  revalidatePath("/content");
  redirect(target);
}

export async function createContentAction(form: FormData) {
  await run("content:write", async (actor) => {
    const input = { ...Object.fromEntries(form.entries()), personas: form.getAll("personas").join(","), triggers: form.getAll("triggers").join(",") };
    const id = await createContent(prisma(), input, actor);
    return `Saved draft ${id}.`;
  });
}

export async function transitionContentAction(form: FormData) {
  const to = String(form.get("to"));
  await run(to === "approved" ? "content:approve" : "content:write", async (actor) => {
    const id = String(form.get("id"));
    await transitionContent(prisma(), id, to, actor);
    return `${id} is now ${to.replace("_", " ")}.`;
  });
}
