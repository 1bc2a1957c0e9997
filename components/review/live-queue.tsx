"use client";

import { useLiveValue } from "@/components/live/use-live-value";

const queueChanged = (prev: { pending: number }, next: { pending: number }) => prev.pending !== next.pending;

/** Listens to the queue's server-sent events; when the queue changes elsewhere, refreshes the list. */
export function LiveQueue({ initialPending }: { initialPending: number }) {
  const { pending } = useLiveValue("/api/review/stream", "queue", { pending: initialPending }, queueChanged);
  return (
    <p className="text-sm text-slate-600" aria-live="polite" data-testid="live-pending">
      Live: {pending.toLocaleString("en-US")} waiting for review
    </p>
  );
}
