"use server";

import { ACTIONS } from "@/lib/auth/actions";
import { staffAction, type ActionState } from "@/lib/auth/staff-action";
import { contentOnProcessDb } from "@/lib/services/content";

/** The content form's fields; the multi-valued ones as the comma lists the schema reads. */
const contentInput = (form: FormData) => ({ ...Object.fromEntries(form.entries()), personas: form.getAll("personas").join(","), triggers: form.getAll("triggers").join(",") });

export async function createContentAction(_prev: ActionState, form: FormData) {
  return await staffAction(ACTIONS.createContentAction, "/content", form, async (actor) => `Saved draft ${await contentOnProcessDb.createContent(contentInput(form), actor)}.`);
}

export async function updateContentAction(_prev: ActionState, form: FormData) {
  return await staffAction(ACTIONS.updateContentAction, `/content/${encodeURIComponent(String(form.get("id")))}`, form, async (actor) => {
    const { id, from } = await contentOnProcessDb.updateContent(contentInput(form), actor);
    return `Saved ${id}; it is a draft again${from === "approved" ? " and out of recommendations until approved" : ""}.`;
  });
}

export async function transitionContentAction(_prev: ActionState, form: FormData) {
  return await staffAction(ACTIONS.transitionContentAction(String(form.get("to"))), "/content", form, async (actor) => {
    const to = String(form.get("to"));
    const id = String(form.get("id"));
    const { changed } = await contentOnProcessDb.transitionContent(id, to, actor);
    return changed ? `${id} is now ${to.replace("_", " ")}.` : `${id} was already ${to.replace("_", " ")}; nothing changed.`;
  });
}
