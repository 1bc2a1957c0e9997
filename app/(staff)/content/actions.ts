"use server";

import { staffAction } from "@/lib/auth/staff-action";
import { prisma } from "@/lib/db/client";
import { createContent, transitionContent } from "@/lib/services/content";

export async function createContentAction(form: FormData) {
  await staffAction("content:write", "/content", async (actor) => {
    const input = { ...Object.fromEntries(form.entries()), personas: form.getAll("personas").join(","), triggers: form.getAll("triggers").join(",") };
    return `Saved draft ${await createContent(prisma(), input, actor)}.`;
  });
}

export async function transitionContentAction(form: FormData) {
  const to = String(form.get("to"));
  await staffAction(to === "approved" ? "content:approve" : "content:write", "/content", async (actor) => {
    const id = String(form.get("id"));
    await transitionContent(prisma(), id, to, actor);
    return `${id} is now ${to.replace("_", " ")}.`;
  });
}
