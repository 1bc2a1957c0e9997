"use client";
// Setting one's own password: current, new (at least 12 characters) and the new one again. The
// server checks everything; on success every session ends, so the next step is signing in.
import Link from "next/link";
import { useActionState } from "react";
import type { ActionState } from "@/lib/auth/staff-action";

type State = ActionState & { done?: boolean };

const box = "w-full rounded border border-slate-300 px-3 py-2";

export function ChangePasswordForm({ action }: { action: (prev: State, form: FormData) => Promise<State> }) {
  const [state, formAction, pending] = useActionState(action, {});
  if (state.done) {
    return (
      <div role="status" className="space-y-3 rounded border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950" data-testid="password-changed">
        <p>{state.notice}</p>
        <Link href="/login" className="font-medium text-emerald-800 underline">
          Sign in
        </Link>
      </div>
    );
  }
  const field = (name: string, label: string, autoComplete: string, hint?: string) => (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <input id={name} name={name} type="password" required autoComplete={autoComplete} className={box} aria-describedby={state.fieldErrors?.[name] ? `${name}-error` : hint ? `${name}-hint` : undefined} />
      {hint ? (
        <p id={`${name}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {state.fieldErrors?.[name] ? (
        <p id={`${name}-error`} className="text-sm text-red-700">
          {state.fieldErrors[name]}
        </p>
      ) : null}
    </div>
  );
  return (
    <form action={formAction} className="space-y-4">
      {state.error ? (
        <p role="alert" id="change-password-error" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {state.error}
        </p>
      ) : null}
      {field("current", "Current (temporary) password", "current-password")}
      {field("password", "New password", "new-password", "At least 12 characters.")}
      {field("confirm", "New password again", "new-password")}
      <button type="submit" disabled={pending} className="rounded bg-emerald-700 px-4 py-2 font-medium text-white hover:bg-emerald-800 disabled:opacity-60">
        {pending ? "Saving…" : "Set new password"}
      </button>
    </form>
  );
}
