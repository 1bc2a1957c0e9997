import Link from "next/link";
import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { CHANGE_PASSWORD_PATH, currentSession } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { homeWorkList } from "@/lib/services/staff-pages";
import { utcTime } from "@/lib/data/dates";
import { kindLabel, personaLabel, plural, statusLabel } from "@/lib/labels";

// Counts are live: render on every request, never at build time.
export const dynamic = "force-dynamic";

const n = (v: number) => v.toLocaleString("en-US");
const link = "text-emerald-800 underline underline-offset-2 hover:text-emerald-950";

function WorkCard({ title, count, href, action, testId, children }: { title: string; count: number; href?: string; action?: string; testId: string; children?: ReactNode }) {
  return (
    <section className="flex flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-sm" aria-label={title} data-testid={testId}>
      <div className="flex items-baseline justify-between gap-3">
        <h2 className="font-semibold text-slate-800">{title}</h2>
        <span className={`rounded-full px-2.5 py-0.5 text-sm font-semibold tabular-nums ${count ? "bg-amber-100 text-amber-900" : "bg-slate-100 text-slate-600"}`}>{n(count)}</span>
      </div>
      <div className="mt-2 flex-1 text-sm text-slate-700">{children}</div>
      {href && action ? (
        <Link href={href} className={`mt-3 text-sm font-medium ${link}`}>
          {action} →
        </Link>
      ) : null}
    </section>
  );
}

function SignedOut() {
  return (
    <section className="max-w-3xl space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">Financial education that explains itself</h1>
      <p className="text-lg leading-relaxed text-slate-700">
        SpendSense reads Plaid-style bank transactions, spots behaviour such as recurring subscriptions, savings habits, credit utilisation, irregular income and fees, and — for
        customers who have opted in — suggests educational content with a plain-language “because” that cites the customer’s own numbers. Every decision is traceable and
        reviewed by people before it reaches a customer.
      </p>
      <p className="text-sm text-slate-600">This is educational content, not financial advice. Consult a licensed advisor for personalized guidance.</p>
      <p className="text-sm" data-testid="signed-out-note">
        Bank staff: <Link href="/login" className={link}>sign in</Link> to see the customers, the latest engine run and the review queue. Developers: the{" "}
        <Link href="/docs" className={link}>API reference</Link> lists every route of the JSON API.
      </p>
    </section>
  );
}

export default async function HomePage() {
  // The bank's figures and work are for signed-in staff only.
  const session = await currentSession();
  if (!session) return <SignedOut />;
  if (session.user.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  const role = session.user.role;
  const reviews = can(role, "review:act");
  const { overview: o, work: w, alerts } = await homeWorkList({ alerts: reviews });
  const runs = can(role, "engine:run");
  const approve = can(role, "content:approve");
  const nothing = (reviews ? w.pendingReview + w.flaggedCount + (alerts?.pending_review ?? 0) : 0) + (runs ? w.runs.length : 0) + (approve ? w.contentAwaiting.length : 0) === 0;

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-bold tracking-tight">Work list</h1>
          <p className="text-sm text-slate-600">What is waiting for you now. Educational content, not financial advice.</p>
        </div>
        {o.latestRun ? (
          <p className="text-sm text-slate-600" data-testid="latest-run">
            Current results: as of {o.latestRun.as_of}, {plural(o.latestRun.customers, "consenting customer")}
          </p>
        ) : null}
      </div>

      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" data-testid="work-list">
        {reviews ? (
          <WorkCard title="Waiting for review" count={w.pendingReview} href="/review" action="Open the review queue" testId="work-pending">
            {w.pendingReview ? <p>Oldest from the run as of {w.oldestPending?.as_of}.</p> : <p>Nothing to review.</p>}
          </WorkCard>
        ) : null}
        {alerts ? (
          <WorkCard title="Alerts waiting for review" count={alerts.pending_review} href="/review#alert-reviews" action="Review the alerts" testId="work-alerts">
            {alerts.pending_review ? <p>Possible-fraud alerts held back until a person releases or clears them.</p> : <p>No alert waiting for a second look.</p>}
          </WorkCard>
        ) : null}
        {reviews ? (
          <WorkCard title="Flagged" count={w.flaggedCount} href="/review" action="See flagged items" testId="work-flagged">
            {w.flagged.length ? (
              <ul className="space-y-1">
                {w.flagged.map((f) => (
                  <li key={f.id}>
                    <Link href={`/review/${f.id}`} className={link}>#{f.id} {f.title}</Link>
                    <span className="block text-xs text-slate-500">{kindLabel(f.kind)} · {f.user_id} · as of {f.as_of}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>No flagged recommendations.</p>
            )}
          </WorkCard>
        ) : null}
        {runs ? (
          <WorkCard title="Runs needing attention" count={w.runs.length} href="/runs" action="Open engine runs" testId="work-runs">
            {w.runs.length ? (
              <ul className="space-y-1">
                {w.runs.map((r) => (
                  <li key={r.id}>
                    Run #{r.id}, as of {r.as_of}: <strong className={r.status === "failed" ? "text-red-800" : "text-sky-800"}>{statusLabel(r.status)}</strong>
                    {r.status === "running" && r.total ? ` (${n(r.done)} of ${plural(r.total, "customer")})` : ""}
                    <span className="block text-xs text-slate-500">{r.error ?? `started ${utcTime(r.started_at)}${r.started_by ? ` by ${r.started_by}` : ""}`}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>No runs running or failed.</p>
            )}
          </WorkCard>
        ) : null}
        {approve ? (
          <WorkCard title="Content awaiting approval" count={w.contentAwaiting.length} href="/content" action="Open the catalog" testId="work-content">
            {w.contentAwaiting.length ? (
              <ul className="space-y-1">
                {w.contentAwaiting.map((c) => (
                  <li key={c.id}>
                    <Link href={`/content/${c.id}`} className={link}>{c.title}</Link>
                    <span className="block text-xs text-slate-500">{kindLabel(c.kind)} · by {c.author}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p>No content waiting for approval.</p>
            )}
          </WorkCard>
        ) : null}
        {!reviews && !runs && !approve ? (
          <WorkCard title="Evaluation" count={0} href="/insights" action="Open insights" testId="work-insights">
            <p>Your role sees aggregates: persona mix, fairness and the latest evaluation.</p>
          </WorkCard>
        ) : null}
      </div>
      {nothing && (reviews || runs || approve) ? <p className="text-sm text-emerald-900" data-testid="work-clear">All clear: nothing is waiting.</p> : null}

      <section aria-labelledby="data-heading" className="space-y-3">
        <h2 id="data-heading" className="text-lg font-semibold">In the database</h2>
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3 lg:grid-cols-5">
          {(
            [
              ["Customers", n(o.customers), `${n(o.consenting)} opted in`, "count-customers"],
              ["Consenting", n(o.consenting), "only these are analysed", "count-consenting"],
              ["Accounts", n(o.accounts), `${n(o.businessAccounts)} business, excluded`, "count-accounts"],
              ["Transactions", n(o.transactions), o.firstDate && o.lastDate ? `${o.firstDate} to ${o.lastDate}` : "none loaded yet", "count-transactions"],
              ["Liabilities", n(o.liabilities), "cards, mortgages, student loans", "count-liabilities"],
            ] as const
          ).map(([label, value, hint, testId]) => (
            <div key={label} className="rounded-lg border border-slate-200 bg-white p-3">
              <dt className="text-slate-600">{label}</dt>
              <dd className="text-xl font-semibold tabular-nums" data-testid={testId}>{value}</dd>
              <dd className="text-xs text-slate-500">{hint}</dd>
            </div>
          ))}
        </dl>
        {o.latestRun && o.personaMix.length ? (
          <table className="text-sm">
            <caption className="mb-1 text-left text-slate-600">Primary persona per customer, 30-day window, as of {o.latestRun.as_of}</caption>
            <tbody>
              {o.personaMix.map((m) => (
                <tr key={m.persona ?? "none"}>
                  <th scope="row" className="pr-6 text-left font-normal">{personaLabel(m.persona, "Not enough data")}</th>
                  <td className="text-right tabular-nums">{n(m.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {o.customers === 0 ? (
          <p className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
            No customers yet. Load demo data with <code className="font-mono">npx spendsense generate --load</code> or your own files with{" "}
            <code className="font-mono">npx spendsense ingest PATH</code>.
          </p>
        ) : null}
      </section>
    </div>
  );
}
