"use server";

import { revalidatePath } from "next/cache";
import { pageAccess } from "@/lib/auth/guards";
import { ACTIONS } from "@/lib/auth/actions";
import { staffAction, userFacingMessage } from "@/lib/auth/staff-action";
import { prisma } from "@/lib/db/client";
import { createApiKey, revokeApiKey } from "@/lib/services/api-keys";

export type CreateKeyState = { key?: string; name?: string; error?: string };

/** Creates a key and hands it back to the page once — never through a URL, a log or the database. */
export async function createKeyAction(_prev: CreateKeyState, form: FormData): Promise<CreateKeyState> {
  const access = await pageAccess(ACTIONS.createKeyAction);
  if (access.status !== "ok") return { error: "Only admins may create API keys." };
  try {
    const k = await createApiKey(prisma(), { name: String(form.get("name") ?? ""), scopes: form.getAll("scopes").map(String), createdBy: access.session.user.email });
    revalidatePath("/api-keys");
    return { key: k.key, name: k.name };
  } catch (err) {
    const message = userFacingMessage(err);
    if (message === null) throw err;
    return { error: message };
  }
}

export async function revokeKeyAction(form: FormData) {
  await staffAction(ACTIONS.revokeKeyAction, "/api-keys", async (actor) => {
    const k = await revokeApiKey(prisma(), String(form.get("id")), actor);
    return `Revoked ${k.name} (${k.prefix}); requests with it now get 401.`;
  });
}
