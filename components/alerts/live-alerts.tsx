"use client";

import { useLiveValue } from "@/components/live/use-live-value";
import type { AlertCounts } from "@/lib/services/alerts";

/** A run stored a new alert, or one changed state elsewhere: the server-rendered list is out of date. */
const alertsChanged = (prev: AlertCounts, next: AlertCounts) => prev.latest_id !== next.latest_id || prev.pending_review !== next.pending_review || prev.visible !== next.visible;

/** Keeps the staff customer page's alerts current: listens to the customer's alert counts and refreshes the page when they change. */
export function LiveAlerts({ initial, userId }: { initial: AlertCounts; userId: string }) {
  const url = `/api/alerts/stream?${new URLSearchParams({ user_id: userId })}`;
  const counts = useLiveValue(url, "alerts", initial, alertsChanged);
  return (
    <p className="text-sm text-slate-600" aria-live="polite" data-testid="live-alerts">
      Live: {counts.visible.toLocaleString("en-US")} the customer can see, {counts.pending_review.toLocaleString("en-US")} waiting for a second look
    </p>
  );
}
