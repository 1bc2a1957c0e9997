"use server";

import { revalidatePath } from "next/cache";
import { ACTIONS } from "@/lib/auth/actions";
import { plural } from "@/lib/labels";
import type { PageAccess } from "@/lib/auth/guards";
import { loggedAction, staffAction, userFacingMessage, type ActionState } from "@/lib/auth/staff-action";
import { ConflictError } from "@/lib/services/errors";
import { staffOnProcessDb } from "@/lib/services/staff";

/** What a form that hands out a temporary password gets back: the password once, never through a URL, a log or the database. */
export type TemporaryPasswordState = { email?: string; temporaryPassword?: string; error?: string };

const CONFIRM_FIRST = "Tick the confirmation box first; nothing was changed.";

/** Finishes an admin act that yields a temporary password, answering the form in place. */
async function withTemporaryPassword(access: PageAccess, act: (actor: string) => Promise<{ email: string; temporaryPassword: string }>): Promise<TemporaryPasswordState> {
  if (access.status !== "ok") return { error: "Only admins may manage staff accounts." };
  try {
    const r = await act(access.session.user.email);
    revalidatePath("/staff");
    return { email: r.email, temporaryPassword: r.temporaryPassword };
  } catch (err) {
    const message = userFacingMessage(err);
    if (message === null) throw err;
    return { error: message };
  }
}

export async function createStaffAction(_prev: TemporaryPasswordState, form: FormData): Promise<TemporaryPasswordState> {
  return loggedAction(ACTIONS.createStaffAction, (access) => withTemporaryPassword(access, (actor) => staffOnProcessDb.createStaffWithTemporaryPassword({ email: String(form.get("email") ?? ""), role: String(form.get("role") ?? "") }, actor)));
}

export async function resetStaffPasswordAction(_prev: TemporaryPasswordState, form: FormData): Promise<TemporaryPasswordState> {
  return loggedAction(ACTIONS.resetStaffPasswordAction, (access) => withTemporaryPassword(access, async (actor) => {
    if (form.get("confirm") !== "yes") throw new ConflictError(CONFIRM_FIRST);
    return staffOnProcessDb.resetStaffPassword({ email: String(form.get("email") ?? "") }, actor);
  }));
}

export async function setStaffRoleAction(_prev: ActionState, form: FormData) {
  return await staffAction(ACTIONS.setStaffRoleAction, "/staff", form, async (actor) => {
    const r = await staffOnProcessDb.setStaffRole({ email: String(form.get("email") ?? ""), role: String(form.get("role") ?? "") }, actor);
    return `${r.email} is now ${r.role} (was ${r.previousRole}); ${plural(r.sessionsEnded, "session")} ended, so they sign in again.`;
  });
}

export async function disableStaffAction(_prev: ActionState, form: FormData) {
  return await staffAction(ACTIONS.disableStaffAction, "/staff", form, async (actor) => {
    if (form.get("confirm") !== "yes") throw new ConflictError(CONFIRM_FIRST);
    const r = await staffOnProcessDb.disableStaff({ email: String(form.get("email") ?? "") }, actor);
    return `Disabled ${r.email}: they cannot sign in; ${plural(r.sessionsEnded, "session")} ended.`;
  });
}

export async function enableStaffAction(_prev: ActionState, form: FormData) {
  return await staffAction(ACTIONS.enableStaffAction, "/staff", form, async (actor) => {
    const r = await staffOnProcessDb.enableStaff({ email: String(form.get("email") ?? "") }, actor);
    return `Enabled ${r.email}: they can sign in again.`;
  });
}
