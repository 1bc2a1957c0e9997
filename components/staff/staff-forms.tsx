"use client";

import { useActionState, useId } from "react";
import type { TemporaryPasswordState } from "@/app/(staff)/staff/actions";
import { Flash } from "@/components/ui/flash";

type Action = (prev: TemporaryPasswordState, form: FormData) => Promise<TemporaryPasswordState>;

/** The temporary password, shown here once: it is stored only as a hash and never put in a URL or log. */
function TemporaryPassword({ state }: { state: TemporaryPasswordState }) {
  if (!state.temporaryPassword) return null;
  return (
    <div role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950">
      <p>
        Temporary password for <strong>{state.email}</strong> — pass it on privately now; it is not shown again. They sign in with it and should change it.
      </p>
      <code data-testid="temporary-password" className="mt-1 block break-all font-mono">{state.temporaryPassword}</code>
    </div>
  );
}

/** New account: email and role; the server generates the temporary password. */
export function CreateStaffForm({ action, roles }: { action: Action; roles: readonly string[] }) {
  const [state, formAction, pending] = useActionState(action, {});
  const id = useId();
  return (
    <form action={formAction} className="space-y-3 text-sm">
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-email`}>Email</label>
          <input id={`${id}-email`} name="email" type="email" required className="w-72 rounded border border-slate-300 px-2 py-1" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-role`}>Role</label>
          <select id={`${id}-role`} name="role" defaultValue="operator" className="rounded border border-slate-300 px-2 py-1">
            {roles.map((r) => (
              <option key={r} value={r}>{r}</option>
            ))}
          </select>
        </div>
        <button disabled={pending} className="rounded bg-emerald-800 px-3 py-1.5 font-medium text-white disabled:opacity-60">
          Create account
        </button>
      </div>
      <Flash error={state.error} />
      <TemporaryPassword state={state} />
    </form>
  );
}

/** Reset one account's password, after a confirmation; every session of the account ends. */
export function ResetPasswordForm({ action, email }: { action: Action; email: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="email" value={email} />
      <label className="flex items-center gap-1">
        <input type="checkbox" name="confirm" value="yes" required />
        Yes, replace the password of {email}
      </label>
      <button disabled={pending} className="rounded border border-slate-400 px-2 py-0.5 disabled:opacity-60">
        Reset password
      </button>
      <Flash error={state.error} />
      <TemporaryPassword state={state} />
    </form>
  );
}
