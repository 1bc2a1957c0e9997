import { LiveJobs } from "@/components/jobs/live-jobs";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Flash } from "@/components/ui/flash";
import { guardPage } from "@/lib/auth/page-guard";
import { prisma } from "@/lib/db/client";
import { DEFAULT_AS_OF } from "@/lib/services/engine";
import { recentJobs } from "@/lib/services/jobs";
import { startRunAction } from "./actions";
import { utcTime } from "@/lib/data/dates";

export const dynamic = "force-dynamic";

export default async function RunsPage({ searchParams }: { searchParams: Promise<{ notice?: string; error?: string }> }) {
  await guardPage("/runs", "/runs");
  const sp = await searchParams;
  const live = await recentJobs(); // first: marks runs whose lease expired as failed
  const runs = await prisma().engineRun.findMany({ orderBy: { id: "desc" }, take: 20 });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Engine runs</h1>
      <Flash notice={sp.notice} error={sp.error} errorId="runs-error" />
      <form action={startRunAction} className="flex items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <label className="flex flex-col gap-1">
          As of (the day both windows end)
          <input type="date" name="as_of" required defaultValue={runs[0]?.as_of ?? DEFAULT_AS_OF} className="rounded border border-slate-300 px-2 py-1" />
        </label>
        <button className="rounded bg-emerald-800 px-3 py-1.5 font-medium text-white">Run the engine for every consenting customer</button>
      </form>
      <section aria-labelledby="live" className="space-y-2">
        <h2 id="live" className="text-lg font-semibold">Latest runs (from the app or the command line)</h2>
        <LiveJobs initial={live} />
      </section>
      <section aria-labelledby="history" className="space-y-2">
        <h2 id="history" className="text-lg font-semibold">History</h2>
        <ScrollRegion label="Engine runs table">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">Engine runs, newest first</caption>
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th scope="col" className="py-1">Run</th>
              <th scope="col">As of</th>
              <th scope="col">Started</th>
              <th scope="col">Finished</th>
              <th scope="col" className="text-right">Customers</th>
              <th scope="col" className="text-right">Skipped (no consent)</th>
              <th scope="col">Status</th>
              <th scope="col">Engine / config</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={r.id} className="border-b border-slate-100">
                <td className="py-1">#{r.id}</td>
                <td>{r.as_of}</td>
                <td>{utcTime(r.started_at, { seconds: true })}</td>
                <td>{utcTime(r.finished_at, { seconds: true })}</td>
                <td className="text-right">{r.customers.toLocaleString("en-US")}</td>
                <td className="text-right">{r.skipped.toLocaleString("en-US")}</td>
                <td>
                  {r.status}
                  {r.error ? <span className="block text-xs text-red-800">{r.error}</span> : null}
                </td>
                <td className="font-mono text-xs">{r.engine_version} / {r.config_hash.slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </ScrollRegion>
      </section>
    </div>
  );
}
