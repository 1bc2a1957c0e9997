"use client";
// The submit button of a destructive or bulk action: it asks first (when `confirm` is given),
// is disabled while the action is in flight, and a second click before the page answers does
// nothing — so one intent is one request. The server is idempotent as well (a repeat is a no-op).
import { useEffect, useRef, type ReactNode } from "react";
import { useFormStatus } from "react-dom";

export function ConfirmSubmit({ confirm, children, className, name, value, pendingText, form }: { confirm?: string; children: ReactNode; className?: string; name?: string; value?: string; pendingText?: string; form?: string }) {
  const { pending } = useFormStatus();
  const sent = useRef(0);
  // Once the answer is in, the button may be used again at once.
  useEffect(() => {
    if (!pending) sent.current = 0;
  }, [pending]);
  return (
    <button
      type="submit"
      name={name}
      value={value}
      form={form}
      disabled={pending}
      aria-disabled={pending}
      className={`${className ?? ""} disabled:cursor-wait disabled:opacity-60`}
      onClick={(e) => {
        // React has not re-rendered the button as disabled yet when a double-click's second click lands.
        if (pending || Date.now() - sent.current < 1500) return e.preventDefault();
        if (confirm && !window.confirm(confirm)) return e.preventDefault();
        sent.current = Date.now();
      }}
    >
      {pending && pendingText ? pendingText : children}
    </button>
  );
}
