"use client";
// A labelled one-line input or textarea with its documented limit enforced in the browser
// (maxLength) and shown as a live counter, the server's plain-language problem beside it, and
// what was typed kept after a refusal. Limits come from lib/validation/text.ts (TEXT_LIMITS).
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { keptValue, useFormOutcome } from "./action-form";

const box = "rounded border border-slate-300 px-2 py-1 text-sm";

export function TextField({
  name,
  label,
  max,
  min,
  multiline,
  rows = 3,
  defaultValue,
  required,
  className = "flex flex-col gap-1",
  inputClassName = "",
  placeholder,
  inputMode,
  attrs,
}: {
  name: string;
  label: ReactNode;
  max: number;
  min?: number;
  multiline?: boolean;
  rows?: number;
  defaultValue?: string | number | null;
  required?: boolean;
  className?: string;
  inputClassName?: string;
  placeholder?: string;
  inputMode?: "numeric" | "decimal" | "text";
  /** Extra attributes for the field itself (data-*, aria-keyshortcuts). */
  attrs?: Record<string, string>;
}) {
  const state = useFormOutcome();
  const id = useId();
  const initial = keptValue(state, name, defaultValue) ?? "";
  const [length, setLength] = useState(initial.length);
  const [seenInitial, setSeenInitial] = useState(initial);
  // A refusal brings back what was typed: count that, not what the field held before.
  if (seenInitial !== initial) {
    setSeenInitial(initial);
    setLength(initial.length);
  }
  // After a form is sent, React resets it to its defaults: the counter follows.
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useEffect(() => {
    const form = field.current?.form;
    const recount = () => setTimeout(() => setLength(field.current?.value.length ?? 0));
    form?.addEventListener("reset", recount);
    return () => form?.removeEventListener("reset", recount);
  }, []);
  const error = state.fieldErrors?.[name];
  const props = {
    ...attrs,
    id,
    ref: field,
    name,
    defaultValue: initial,
    maxLength: max,
    minLength: min,
    required,
    placeholder,
    inputMode,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": `${id}-count${error ? ` ${id}-error` : ""}`,
    onChange: (e: { currentTarget: { value: string } }) => setLength(e.currentTarget.value.length),
    className: `${box} ${inputClassName}`,
  };
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={rows} {...props} /> : <input {...props} />}
      <span className="flex justify-between gap-2 text-xs">
        <span id={`${id}-error`} className="text-red-800">{error ?? ""}</span>
        <span id={`${id}-count`} className={length >= max ? "text-red-800" : "text-slate-500"} data-testid={`${name}-count`}>
          {length.toLocaleString("en-US")} / {max.toLocaleString("en-US")}
        </span>
      </span>
    </div>
  );
}
