export function Forbidden({ role, what }: { role: string; what: string }) {
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-5 text-amber-900">
      <h1 className="text-lg font-semibold">Not available for your role</h1>
      <p className="mt-1 text-sm">
        Signed in as {role}: {what} needs a different role. Analysts see aggregates only.
      </p>
    </div>
  );
}
