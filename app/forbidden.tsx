import { currentSession } from "@/lib/auth/guards";

// What a signed-in staff member sees, with HTTP 403, on a page their role may not open
// (lib/auth/page-guard.ts calls forbidden()).
export default async function Forbidden() {
  const session = await currentSession();
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-5 text-amber-900">
      <h1 className="text-lg font-semibold">Not available for your role</h1>
      <p className="mt-1 text-sm">
        Signed in as {session?.user.role ?? "staff"}: this page needs a different role. Analysts see aggregates only.
      </p>
    </div>
  );
}
