import Link from "next/link";
import { currentSession } from "@/lib/auth/guards";
import { prisma } from "@/lib/db/client";
import { getOverview } from "@/lib/db/queries/overview";
import { Stat } from "@/components/ui/stat";
import { PERSONA_LABELS } from "@/lib/engine/personas/assign";
import type { PersonaId } from "@/lib/engine/types";

// Counts are live: render on every request, never at build time.
export const dynamic = "force-dynamic";

const n = (v: number) => v.toLocaleString("en-US");

export default async function HomePage() {
  // The bank's figures (counts, persona mix, review backlog) are for signed-in staff only.
  const o = (await currentSession()) ? await getOverview(prisma()) : null;
  return (
    <div className="space-y-10">
      <section className="max-w-3xl space-y-4">
        <h1 className="text-3xl font-bold tracking-tight">Financial education that explains itself</h1>
        <p className="text-lg leading-relaxed text-slate-700">
          SpendSense reads Plaid-style bank transactions, spots behaviour such as recurring subscriptions, savings habits,
          credit utilisation, irregular income and fees, and — for customers who have opted in — suggests educational
          content with a plain-language “because” that cites the customer’s own numbers. Every decision is traceable and
          reviewed by people before it reaches a customer.
        </p>
        <p className="text-sm text-slate-600">
          This is educational content, not financial advice. Consult a licensed advisor for personalized guidance.
        </p>
        <p className="text-sm">
          Developers: the{" "}
          <Link href="/docs" className="text-emerald-800 underline">
            API reference
          </Link>{" "}
          lists every route of the JSON API.
        </p>
      </section>

      {o ? (
        <section aria-labelledby="data-heading" className="space-y-4">
          <h2 id="data-heading" className="text-xl font-semibold">
            What is in the database
          </h2>
          <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <Stat label="Customers" value={n(o.customers)} hint={`${n(o.consenting)} have opted in`} testId="count-customers" />
            <Stat label="Accounts" value={n(o.accounts)} hint={`${n(o.businessAccounts)} business accounts, excluded from signals`} testId="count-accounts" />
            <Stat
              label="Transactions"
              value={n(o.transactions)}
              hint={o.firstDate && o.lastDate ? `${o.firstDate} to ${o.lastDate}` : "none loaded yet"}
              testId="count-transactions"
            />
            <Stat label="Liabilities" value={n(o.liabilities)} hint="credit cards, mortgages and student loans" testId="count-liabilities" />
            <Stat label="Consenting customers" value={n(o.consenting)} hint="only these are ever analysed" testId="count-consenting" />
          </dl>
          {o.latestRun ? (
            <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="latest-run">
              <h3 className="font-semibold">
                Latest engine run: as of {o.latestRun.as_of}, {n(o.latestRun.customers)} consenting customers
              </h3>
              <p className="mt-1 text-sm text-slate-600">{n(o.pendingReview)} recommendations are waiting for review.</p>
              <table className="mt-3 text-sm">
                <caption className="sr-only">Primary persona per customer, 30-day window</caption>
                <thead>
                  <tr className="text-left text-slate-600">
                    <th className="pr-6 font-medium">Primary persona (30 days)</th>
                    <th className="text-right font-medium">Customers</th>
                  </tr>
                </thead>
                <tbody>
                  {o.personaMix.map((m) => (
                    <tr key={m.persona ?? "none"}>
                      <td className="pr-6">{m.persona ? PERSONA_LABELS[m.persona as PersonaId] : "Not enough data"}</td>
                      <td className="text-right tabular-nums">{n(m.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {o.customers === 0 ? (
            <p className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
              No customers yet. Load demo data with <code className="font-mono">npx spendsense generate --load</code> or your own
              files with <code className="font-mono">npx spendsense ingest PATH</code>.
            </p>
          ) : null}
        </section>
      ) : (
        <p className="text-sm" data-testid="signed-out-note">
          Bank staff: <Link href="/login" className="text-emerald-800 underline">sign in</Link> to see the customers, the latest engine run and the review queue.
        </p>
      )}
    </div>
  );
}
