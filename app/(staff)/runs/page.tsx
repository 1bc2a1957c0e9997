import { LiveJobs } from "@/components/jobs/live-jobs";
import { ActionForm } from "@/components/ui/action-form";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { guardPage } from "@/lib/auth/page-guard";
import { DEFAULT_AS_OF } from "@/lib/services/engine";
import { recentJobs, recentRuns } from "@/lib/services/jobs";
import { can } from "@/lib/auth/permissions";
import { makeRunCurrentAction, startRunAction } from "./actions";
import { utcTime } from "@/lib/data/dates";

export const dynamic = "force-dynamic";

export default async function RunsPage() {
  const access = await guardPage("/runs", "/runs");
  const live = await recentJobs(); // first: marks runs whose lease expired as failed
  const runs = await recentRuns();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Engine runs</h1>
      <ActionForm action={startRunAction} className="flex items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <label className="flex flex-col gap-1">
          As of (the day both windows end)
          <input type="date" name="as_of" required defaultValue={runs[0]?.as_of ?? DEFAULT_AS_OF} className="rounded border border-slate-300 px-2 py-1" />
        </label>
        <ConfirmSubmit confirm="Run the engine for every consenting customer? It replaces their current personas and pending recommendations." pendingText="Starting the run…" className="rounded bg-emerald-800 px-3 py-1.5 font-medium text-white">
          Run the engine for every consenting customer
        </ConfirmSubmit>
      </ActionForm>
      {can(access.session.user.role, "engine:undo") ? (
        <ActionForm action={makeRunCurrentAction} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <label className="flex flex-col gap-1">
            Undo a mistaken run: make an earlier run current
            <select name="run_id" required className="rounded border border-slate-300 px-2 py-1">
              {runs.filter((r) => r.status === "finished").map((r) => (
                <option key={r.id} value={r.id}>#{r.id} as of {r.as_of}{r.set_aside_at ? " (set aside)" : ""}</option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-1">
            <input type="checkbox" name="confirm" value="yes" required /> Set aside every run after it (their results stay stored)
          </label>
          <ConfirmSubmit confirm="Make this run current again? Every run after it is set aside (their results stay stored)." pendingText="Switching…" className="rounded border border-slate-400 px-3 py-1.5">
            Make this run current
          </ConfirmSubmit>
        </ActionForm>
      ) : null}
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
              <th scope="col" className="pl-6">Status</th>
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
                <td className="pl-6">
                  {r.status}
                  {r.set_aside_at ? <span className="block text-xs text-amber-800">set aside by {r.set_aside_by} (an earlier run was made current)</span> : null}
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
