"use client";
// A form for a staff server action: it keeps what was typed when the server refuses it, shows
// each field's problem beside the field (FormField reads them from here) and announces the
// outcome in the page's banner.
import { createContext, useActionState, useContext, type ComponentProps } from "react";
import type { ActionState } from "@/lib/auth/staff-action";
import { useAnnounce } from "./flash";

export type StaffFormAction = (prev: ActionState, form: FormData) => Promise<ActionState>;

const FormState = createContext<ActionState>({});

/** The last outcome of the enclosing ActionForm: field errors and the values to show again. */
export const useFormOutcome = () => useContext(FormState);

/** The value to show in a field: what was typed before a refusal, else the given default. */
export function keptValue(state: ActionState, name: string, fallback?: string | number | null): string | undefined {
  const v = state.error ? state.values?.[name] : undefined;
  if (v !== undefined) return Array.isArray(v) ? v[0] : v;
  return fallback === null || fallback === undefined ? undefined : String(fallback);
}

/** The values of a multi-valued field (checkboxes, multi-selects) before a refusal, else the defaults. */
export function keptValues(state: ActionState, name: string, fallback: readonly string[] = []): string[] {
  const v = state.error ? state.values?.[name] : undefined;
  if (v === undefined) return state.error ? [] : [...fallback];
  return Array.isArray(v) ? v : [v];
}

export function ActionForm({ action, children, ...form }: { action: StaffFormAction } & Omit<ComponentProps<"form">, "action">) {
  const announce = useAnnounce();
  const [state, formAction] = useActionState(async (prev: ActionState, data: FormData) => {
    const next = await action(prev, data);
    announce(next);
    return next;
  }, {});
  return (
    <FormState value={state}>
      {/* After a refusal React resets the form to its defaults, which are then what was typed. */}
      <form action={formAction} {...form}>
        {children}
      </form>
    </FormState>
  );
}
