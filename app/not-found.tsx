import Link from "next/link";

// Every unknown address and every notFound() (a customer, recommendation or item that does not exist).
export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-testid="not-found">
      <p className="text-sm font-semibold uppercase tracking-wide text-emerald-800">Page not found · 404</p>
      <h1 className="text-2xl font-bold">We could not find that page</h1>
      <p className="text-slate-700">The address may be mistyped, or the customer, recommendation or content item it points to does not exist.</p>
      <p className="flex flex-wrap gap-4 text-sm">
        <Link href="/" className="text-emerald-800 underline">Back to the work list</Link>
        <Link href="/customers" className="text-emerald-800 underline">Find a customer</Link>
      </p>
    </div>
  );
}
