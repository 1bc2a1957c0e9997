"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

/** Listens to the queue's server-sent events; when the queue changes elsewhere, refreshes the list. */
export function LiveQueue({ initialPending }: { initialPending: number }) {
  const router = useRouter();
  const [pending, setPending] = useState(initialPending);
  useEffect(() => {
    const source = new EventSource("/api/review/stream");
    source.addEventListener("queue", (e) => {
      const data = JSON.parse((e as MessageEvent<string>).data) as { pending: number };
      setPending((prev) => {
        if (prev !== data.pending) router.refresh();
        return data.pending;
      });
    });
    return () => source.close();
  }, [router]);
  return (
    <p className="text-sm text-slate-600" aria-live="polite" data-testid="live-pending">
      Live: {pending.toLocaleString("en-US")} waiting for review
    </p>
  );
}
