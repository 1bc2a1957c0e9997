"use client";

import { useActionState } from "react";
import type { CreateKeyState } from "@/app/(staff)/api-keys/actions";
import { Flash } from "@/components/ui/flash";

/** The create form; the new key is shown here once, after which only its prefix is known. */
export function CreateKeyForm({ action, scopes }: { action: (prev: CreateKeyState, form: FormData) => Promise<CreateKeyState>; scopes: Array<[string, string]> }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="space-y-3 text-sm">
      <label className="flex max-w-md flex-col gap-1">
        Name (who uses it, for what)
        <input name="name" required className="rounded border border-slate-300 px-2 py-1" />
      </label>
      <fieldset className="space-y-1">
        <legend className="font-medium">Scopes</legend>
        {scopes.map(([scope, meaning]) => (
          <label key={scope} className="flex gap-2">
            <input type="checkbox" name="scopes" value={scope} />
            <span>
              <span className="font-mono">{scope}</span> — {meaning}
            </span>
          </label>
        ))}
      </fieldset>
      <button disabled={pending} className="rounded bg-emerald-800 px-3 py-1.5 font-medium text-white disabled:opacity-60">
        Create key
      </button>
      <Flash error={state.error} errorId="key-error" />
      {state.key ? (
        <div className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-emerald-950">
          <p>
            Key for <strong>{state.name}</strong> — copy it now; it is not shown again and only its hash is stored:
          </p>
          <code data-testid="new-key" className="mt-1 block break-all font-mono">{state.key}</code>
        </div>
      ) : null}
    </form>
  );
}
