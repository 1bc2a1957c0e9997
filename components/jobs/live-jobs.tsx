"use client";

import { useLiveValue } from "@/components/live/use-live-value";
import type { Job } from "@/lib/services/jobs";

/** A run that just ended changes the history table: the page is refreshed then. */
const runEnded = (prev: Job[], next: Job[]) => next.some((j) => j.status !== "running" && prev.find((p) => p.id === j.id)?.status === "running");

/** Progress of the latest engine runs (any process), from the server's event stream; refreshes the page when one ends. */
export function LiveJobs({ initial }: { initial: Job[] }) {
  const jobs = useLiveValue("/api/jobs/stream", "jobs", initial, runEnded);
  if (!jobs.length) return <p className="text-sm text-slate-600">No engine runs yet.</p>;
  return (
    <ul className="space-y-2" aria-live="polite">
      {jobs.map((j) => (
        <li key={j.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid={`job-${j.id}`}>
          <p>
            Run as of {j.as_of} · started by {j.started_by} · <strong>{j.status}</strong>
          </p>
          <label className="mt-1 flex items-center gap-2">
            <span className="sr-only">Progress of run {j.id}</span>
            <progress max={Math.max(1, j.total)} value={j.done} className="h-2 w-64" />
            <span>
              {j.done.toLocaleString("en-US")} of {j.total ? j.total.toLocaleString("en-US") : "…"} customers
            </span>
          </label>
          {j.summary ? (
            <p className="text-slate-600">
              Engine run #{j.summary.run_id}: {j.summary.customers.toLocaleString("en-US")} customers, {j.summary.recommendations.toLocaleString("en-US")} recommendations in {j.summary.seconds.toFixed(1)} s.
            </p>
          ) : null}
          {j.no_worker ? (
            <p className="mt-1 rounded border border-amber-300 bg-amber-50 p-2 text-amber-900" role="note">
              Waiting for a worker: no worker has checked in within the last minute, so nothing is computing this run. Start one on any machine with{" "}
              <code className="rounded bg-white px-1">npx spendsense worker</code>; the run stays queued until one does.
            </p>
          ) : null}
          {j.error ? <p className="text-red-800">Failed: {j.error}</p> : null}
        </li>
      ))}
    </ul>
  );
}
