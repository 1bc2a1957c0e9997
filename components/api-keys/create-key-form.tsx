"use client";

import type { CreateKeyState } from "@/app/(staff)/api-keys/actions";
import { ActionForm, keptValues, useFormOutcome, type StaffFormAction } from "@/components/ui/action-form";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { TextField } from "@/components/ui/text-field";
import { TEXT_LIMITS } from "@/lib/validation/text";

/** The create form; the new key is shown here once, after which only its prefix is known. */
export function CreateKeyForm({ action, scopes }: { action: StaffFormAction; scopes: Array<[string, string]> }) {
  return (
    <ActionForm action={action} className="space-y-3 text-sm">
      <KeyFields scopes={scopes} />
    </ActionForm>
  );
}

function KeyFields({ scopes }: { scopes: Array<[string, string]> }) {
  const state: CreateKeyState = useFormOutcome();
  const ticked = keptValues(state, "scopes");
  return (
    <>
      <TextField name="name" label="Name (who uses it, for what)" required max={TEXT_LIMITS.keyName} className="flex max-w-md flex-col gap-1" />
      <fieldset className="space-y-1" key={state.seq}>
        <legend className="font-medium">Scopes</legend>
        {scopes.map(([scope, meaning]) => (
          <label key={scope} className="flex gap-2">
            <input type="checkbox" name="scopes" value={scope} defaultChecked={ticked.includes(scope)} />
            <span>
              <span className="font-mono">{scope}</span> — {meaning}
            </span>
          </label>
        ))}
        {state.fieldErrors?.scopes ? <p className="text-xs text-red-800">{state.fieldErrors.scopes}</p> : null}
      </fieldset>
      <ConfirmSubmit className="rounded bg-emerald-800 px-3 py-1.5 font-medium text-white">Create key</ConfirmSubmit>
      {state.key ? (
        <div className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-emerald-950">
          <p>
            Key for <strong>{state.name}</strong> — copy it now; it is not shown again and only its hash is stored:
          </p>
          <code data-testid="new-key" className="mt-1 block break-all font-mono">{state.key}</code>
        </div>
      ) : null}
    </>
  );
}
