"use server";

import { revalidatePath } from "next/cache";
import { ACTIONS } from "@/lib/auth/actions";
import { loggedAction, refusal, staffAction, type ActionState } from "@/lib/auth/staff-action";
import { apiKeysOnProcessDb } from "@/lib/services/api-keys";

export type CreateKeyState = ActionState & { key?: string; name?: string };

/** Creates a key and hands it back to the page once — never through a URL, a log or the database. */
export async function createKeyAction(_prev: CreateKeyState, form: FormData): Promise<CreateKeyState> {
  return loggedAction(ACTIONS.createKeyAction, async (access): Promise<CreateKeyState> => {
    if (access.status !== "ok") return { error: "Only admins may create API keys.", seq: Date.now() };
    try {
      const k = await apiKeysOnProcessDb.createApiKey({ name: String(form.get("name") ?? ""), scopes: form.getAll("scopes").map(String), createdBy: access.session.user.email });
      revalidatePath("/api-keys");
      return { key: k.key, name: k.name, notice: `Created ${k.name} (${k.prefix}).`, seq: Date.now() };
    } catch (err) {
      const refused = refusal(err, form);
      if (refused === null) throw err;
      return refused;
    }
  });
}

export async function revokeKeyAction(_prev: ActionState, form: FormData) {
  return await staffAction(ACTIONS.revokeKeyAction, "/api-keys", form, async (actor) => {
    const k = await apiKeysOnProcessDb.revokeApiKey(String(form.get("id")), actor);
    return k.changed ? `Revoked ${k.name} (${k.prefix}); requests with it now get 401.` : `${k.name} (${k.prefix}) was already revoked; nothing changed.`;
  });
}
