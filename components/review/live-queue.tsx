"use client";

import { useLiveValue } from "@/components/live/use-live-value";

interface Queue {
  pending: number;
  /** Current alerts held for a person's review (possible fraud). */
  alerts_pending_review: number;
}

const queueChanged = (prev: Queue, next: Queue) => prev.pending !== next.pending || prev.alerts_pending_review !== next.alerts_pending_review;

/** Listens to the queue's server-sent events; when the queue (recommendations or alerts) changes elsewhere, refreshes the list. */
export function LiveQueue({ initialPending, initialAlerts }: { initialPending: number; initialAlerts: number }) {
  const { pending, alerts_pending_review: alerts } = useLiveValue<Queue>("/api/review/stream", "queue", { pending: initialPending, alerts_pending_review: initialAlerts }, queueChanged);
  return (
    <div aria-live="polite" className="text-sm text-slate-600">
      <p data-testid="live-pending">Live: {pending.toLocaleString("en-US")} waiting for review</p>
      <p data-testid="live-alerts">Live: {alerts.toLocaleString("en-US")} {alerts === 1 ? "alert" : "alerts"} waiting for a second look</p>
    </div>
  );
}
