// The one shape of a staff server action: check the role on the server, act, then hand the
// outcome back to the form that asked (React's useActionState) — a notice, or the error a person
// can act on with each field's problem beside it and what they typed, so nothing is lost. The
// outcome never travels in the URL: a page shows only what its own server action returned.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { sameOriginPath } from "./callback-url";
import { toDomainError } from "../db/errors";
import { noteCaller, observeAction } from "../observability/request";
import { REQUEST_ID_HEADER } from "../observability/request-id";
import { plainErrors } from "../validation/messages";
import { CHANGE_PASSWORD_PATH, pageAccess, type PageAccess } from "./guards";
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

const sentence = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/**
 * The message a person can act on (bad input, a conflict, a busy database: the table in
 * lib/errors.ts says which), or null for an internal error, which is rethrown for the page's
 * generic error boundary: its message never reaches the browser.
 */
export function userFacingMessage(err: unknown): string | null {
  if (err instanceof ZodError) return plainErrors(err).message;
  const e = toDomainError(err);
  return e.rule.shown === "everyone" ? sentence(e.publicMessage) : null;
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

/**
 * Every server action starts here (app/access-matrix.test.ts checks): it checks the action's
 * permission on the server before anything else, and logs one line with the request id the proxy
 * gave the request, the permission, outcome, duration and role — never the form, the page's path
 * or what the action hands back (a one-time password or key). `run` gets the caller's access.
 */
export async function loggedAction<T extends { error?: string }>(permission: Permission, run: (access: PageAccess) => Promise<T>): Promise<T> {
  return observeAction(permission, (await headers()).get(REQUEST_ID_HEADER), async () => {
    const access = await pageAccess(permission);
    if (access.status !== "unauthenticated") noteCaller({ role: access.session.user.role });
    return run(access);
  });
}

/** An action that answers its form with a notice or a refusal (most of them). */
export async function staffAction(permission: Permission, returnTo: string, form: FormData, act: (actor: string) => Promise<string>): Promise<ActionState> {
  return loggedAction(permission, (access) => runStaffAction(access, returnTo, form, act));
}

async function runStaffAction(access: PageAccess, returnTo: string, form: FormData, act: (actor: string) => Promise<string>): Promise<ActionState> {
  // The page to revalidate may carry form input (a customer id, the page's filters): it stays a path on this site.
  const page = sameOriginPath(returnTo) ?? "/";
  const path = new URL(page, "http://same-origin.invalid").pathname;
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
