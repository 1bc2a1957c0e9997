"use server";

import { redirect } from "next/navigation";
import { ACTIONS } from "@/lib/auth/actions";
import { loggedAction, refusal, type ActionState } from "@/lib/auth/staff-action";
import { staffOnProcessDb } from "@/lib/services/staff";

/** What the form gets back: done once the password changed (every session ended: sign in again). */
export type ChangePasswordState = ActionState & { done?: boolean };

export async function changePasswordAction(_prev: ChangePasswordState, form: FormData): Promise<ChangePasswordState> {
  return loggedAction(ACTIONS.changePasswordAction, async (access) => {
    if (access.status === "unauthenticated") redirect(`/login?callbackUrl=${encodeURIComponent("/change-password")}`);
    if (access.status !== "ok") return { error: "Sign in first.", seq: Date.now() };
    try {
      await staffOnProcessDb.changeOwnPassword(access.session.user.email, { current: form.get("current"), password: form.get("password"), confirm: form.get("confirm") });
      return { done: true, notice: "Your password is changed. Sign in again with your new password.", seq: Date.now() };
    } catch (err) {
      const refused = refusal(err, form);
      if (refused === null) throw err;
      // Passwords are never sent back to the browser.
      return { ...refused, values: {} };
    }
  });
}
