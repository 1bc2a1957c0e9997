// The one shape of a staff server action: check the role on the server, act, then hand the
// outcome back to the form that asked (React's useActionState) — a notice, or the error a person
// can act on with each field's problem beside it and what they typed, so nothing is lost. The
// outcome never travels in the URL: a page shows only what its own server action returned.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { sameOriginPath } from "./callback-url";
import { asDatabaseBusy } from "../db/busy";
import { noteCaller, observeAction } from "../observability/request";
import { REQUEST_ID_HEADER } from "../observability/request-id";
import { plainErrors } from "../validation/messages";
import { CHANGE_PASSWORD_PATH, pageAccess } from "./guards";
import type { Permission } from "./permissions";

/** What a staff action returns to its form. `values` are the submitted fields, kept on refusal. */
export interface ActionState {
  notice?: string;
  error?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string | string[]>;
  /** Increases with each outcome, so the page announces a repeated message again. */
  seq?: number;
}

const USER_FACING = new Set(["conflict", "not_found", "content_rejected", "consent_required"]);
const sentence = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** The message a person can act on (bad input, a conflict), or null for anything else. */
export function userFacingMessage(err: unknown): string | null {
  if (err instanceof ZodError) return plainErrors(err).message;
  if (err instanceof Error && USER_FACING.has(String((err as { code?: unknown }).code))) return sentence(err.message);
  if (asDatabaseBusy(err)) return `The database is busy with another write (an ingest or engine run); nothing was changed. Try again in a few seconds.`;
  return null;
}

/** The form's fields as typed (multi-valued ones as lists); files and hidden ids included. */
export function formValues(form: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === "string");
    values[key] = all.length === 1 ? all[0] : all;
  }
  return values;
}

/** The refusal for an error a person can act on, with what they typed; null for anything else. */
export function refusal(err: unknown, form: FormData): ActionState | null {
  const message = userFacingMessage(err);
  if (message === null) return null;
  const fieldErrors = err instanceof ZodError ? plainErrors(err).fieldErrors : undefined;
  return { error: message, fieldErrors, values: formValues(form), seq: Date.now() };
}

export async function staffAction(permission: Permission, returnTo: string, form: FormData, act: (actor: string) => Promise<string>): Promise<ActionState> {
  // One log line per action with the request id the proxy gave the request (never the form or the page's path).
  return observeAction(permission, (await headers()).get(REQUEST_ID_HEADER), () => runStaffAction(permission, returnTo, form, act));
}

async function runStaffAction(permission: Permission, returnTo: string, form: FormData, act: (actor: string) => Promise<string>): Promise<ActionState> {
  // The page to revalidate may carry form input (a customer id, the page's filters): it stays a path on this site.
  const page = sameOriginPath(returnTo) ?? "/";
  const path = new URL(page, "http://same-origin.invalid").pathname;
  const access = await pageAccess(permission);
  if (access.status !== "unauthenticated") noteCaller({ role: access.session.user.role });
  if (access.status === "unauthenticated") redirect(`/login?callbackUrl=${encodeURIComponent(page)}`);
  if (access.status === "password_change") redirect(CHANGE_PASSWORD_PATH);
  if (access.status === "forbidden") return { error: `Your role (${access.session.user.role}) may not do this.`, values: formValues(form), seq: Date.now() };
  try {
    const notice = await act(access.session.user.email);
    revalidatePath(path);
    return { notice, seq: Date.now() };
  } catch (err) {
    const refused = refusal(err, form);
    if (refused === null) throw err;
    revalidatePath(path);
    return refused;
  }
}
