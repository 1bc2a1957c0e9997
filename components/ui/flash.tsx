/** The outcome of a staff action, carried back to the page in `?notice=` or `?error=` (see staffAction). */
export function Flash({ notice, error, errorId }: { notice?: string; error?: string; errorId?: string }) {
  return (
    <>
      {notice ? <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">{notice}</p> : null}
      {error ? <p id={errorId} className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">{error}</p> : null}
    </>
  );
}
