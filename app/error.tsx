"use client";
import Link from "next/link";

// An unexpected failure while rendering a page: a plain message and a way on, never a stack trace.
// The digest lets support find the server's log line for it.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-xl space-y-3 rounded-lg border border-red-200 bg-white p-6 shadow-sm" data-testid="error-page">
      <p className="text-sm font-semibold uppercase tracking-wide text-red-800">Something went wrong</p>
      <h1 className="text-2xl font-bold">This page could not be shown</h1>
      <p className="text-slate-700">Nothing you entered was lost or half-saved. Try again; if it keeps happening, tell support the reference below.</p>
      {error.digest ? <p className="text-sm text-slate-600">Reference: <code className="font-mono">{error.digest}</code></p> : null}
      <p className="flex flex-wrap gap-4 text-sm">
        <button type="button" onClick={reset} className="rounded-md bg-emerald-800 px-3 py-1.5 font-medium text-white hover:bg-emerald-900">Try again</button>
        <Link href="/" className="self-center text-emerald-800 underline">Back to the work list</Link>
      </p>
    </div>
  );
}
