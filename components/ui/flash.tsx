"use client";
// The outcome of the last staff action, shown once at the top of the page. It comes only from
// what a server action returned (see lib/auth/staff-action.ts), never from the URL, so a link
// such as /review?error=… cannot put words in an official-looking banner.
import { usePathname } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import type { ActionState } from "@/lib/auth/staff-action";

type Outcome = Pick<ActionState, "notice" | "error" | "seq">;
const AnnounceContext = createContext<(outcome: Outcome) => void>(() => undefined);

/** Hands an action's outcome to the page's banner. */
export const useAnnounce = () => useContext(AnnounceContext);

export function Flash({ notice, error }: Outcome) {
  return (
    <>
      {notice ? <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">{notice}</p> : null}
      {error ? <p id="action-error" role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">{error}</p> : null}
    </>
  );
}

/** Holds the banner for everything below it; a new page starts without one. */
export function FlashRegion({ children }: { children: ReactNode }) {
  const [outcome, setOutcome] = useState<Outcome & { path?: string }>({});
  const path = usePathname();
  const announce = useCallback((o: Outcome) => setOutcome({ notice: o.notice, error: o.error, seq: o.seq, path: window.location.pathname }), []);
  useEffect(() => {
    if (outcome.seq) document.getElementById("flash")?.scrollIntoView?.({ block: "nearest" });
  }, [outcome.seq]);
  const shown = outcome.path === path ? outcome : {};
  return (
    <AnnounceContext value={announce}>
      <div id="flash" className="sticky top-0 z-10 mb-4 space-y-2 empty:hidden">
        <Flash notice={shown.notice} error={shown.error} />
      </div>
      {children}
    </AnnounceContext>
  );
}
