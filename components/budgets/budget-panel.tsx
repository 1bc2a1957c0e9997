// The budgets section of the staff customer page (issue 15): each monthly budget with its spend,
// what is left, a % used bar, the month-end projection, the status in words and the earlier months;
// the suggestions with their explanation and a "Use this budget" button; a form to set a budget and
// a confirmed delete. Server component: figures come from the budgets service, computed on request
// by the pure engine; a customer without consent gets their settings and no numbers.
import { setBudgetAction, deleteBudgetAction } from "@/app/(staff)/customers/[userId]/budgets/actions";
import { ActionForm } from "@/components/ui/action-form";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { TextField } from "@/components/ui/text-field";
import type { BudgetStatus } from "@/lib/engine/budgets";
import { exactMoney } from "@/lib/engine/recommend/format";
import { categoryLabel } from "@/lib/labels";
import { budgetsSection } from "@/lib/services/budgets";
import { BUDGET_CATEGORIES } from "@/lib/validation/budgets";

const STATUS: Record<BudgetStatus["status"], { words: string; tone: string; bar: string }> = {
  on_track: { words: "On track", tone: "text-emerald-800", bar: "bg-emerald-700" },
  at_risk: { words: "At risk: projected to go over", tone: "text-amber-800", bar: "bg-amber-600" },
  over: { words: "Over budget", tone: "text-red-800", bar: "bg-red-700" },
};

const monthName = (period: string) =>
  ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][Number(period.slice(5, 7)) - 1] + ` ${period.slice(0, 4)}`;

function SetForm({ userId, category, amount, label }: { userId: string; category?: string; amount?: string; label: string }) {
  return (
    <ActionForm action={setBudgetAction} className="flex flex-wrap items-end gap-2 text-sm">
      <input type="hidden" name="userId" value={userId} />
      {category ? (
        <input type="hidden" name="category" value={category} />
      ) : (
        <label className="flex flex-col gap-1">
          Category
          <select name="category" required className="rounded border border-slate-300 px-2 py-1 text-sm" defaultValue="">
            <option value="" disabled>Choose a category</option>
            {BUDGET_CATEGORIES.map((c) => (
              <option key={c} value={c}>{categoryLabel(c)}</option>
            ))}
          </select>
        </label>
      )}
      <TextField name="amount" label="Monthly amount (e.g. 450.00)" max={12} required defaultValue={amount} inputMode="decimal" className="flex flex-col" inputClassName="w-40" />
      <button className="mb-5 rounded bg-emerald-800 px-3 py-1 font-medium text-white">{label}</button>
    </ActionForm>
  );
}

export async function BudgetPanel({ userId, consent, canEdit }: { userId: string; consent: boolean; canEdit: boolean }) {
  // With no transactions held at all there is no as-of to compute at: the figures are unknown, said so below.
  const { settings, status, suggested } = await budgetsSection(userId, consent);
  const byId = new Map(status?.budgets.map((b) => [b.budget_id, b]) ?? []);
  const unavailable = new Map(status?.unavailable.map((u) => [u.budget_id, u.reason]) ?? []);
  const budgeted = new Set(settings.map((b) => b.category));

  return (
    <section aria-labelledby="budgets" className="space-y-3" data-testid="budgets">
      <h2 id="budgets" className="text-lg font-semibold">Budgets</h2>
      {status ? (
        <p className="text-sm text-slate-600">
          Month of {monthName(status.as_of.slice(0, 7))}, as of {status.as_of} (the newest transaction date). Budgets renew on the 1st.
          {status.totals.map((t) => (
            <span key={t.currency} className="ml-1" data-testid={`budget-totals-${t.currency}`}>
              Total: {exactMoney(t.spent_cents, t.currency)} spent of {exactMoney(t.budgeted_cents, t.currency)} budgeted;{" "}
              {t.over_budget.length ? `over budget in ${t.over_budget.map(categoryLabel).join(", ")}.` : "none over budget."}
            </span>
          ))}
        </p>
      ) : (
        <p className="rounded-md border border-slate-200 bg-white p-3 text-sm">
          {consent ? "Spending is not known yet: there are no transactions to compute it from." : "No consent: spending against budgets and suggestions are not computed for this customer."}
        </p>
      )}
      {settings.length === 0 ? <p className="text-sm text-slate-600">No budgets set.</p> : null}
      <ul className="grid gap-3 md:grid-cols-2">
        {settings.map((b) => {
          const s = byId.get(String(b.id));
          const m = (c: number) => exactMoney(c, b.currency);
          const label = categoryLabel(b.category);
          return (
            <li key={b.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid={`budget-${b.category}`}>
              <h3 className="font-medium">
                {label} <span className="font-normal text-slate-600">— {m(b.amount_cents)} a month</span>
              </h3>
              {s ? (
                <>
                  <p>
                    Spent <strong data-testid="budget-spent">{m(s.spent_cents)}</strong> of {m(s.amount_cents)} ·{" "}
                    {s.remaining_cents >= 0 ? `${m(s.remaining_cents)} left` : `${m(-s.remaining_cents)} over`} ·{" "}
                    <span data-testid="budget-percent">{s.percent_used === null ? "percentage unknown" : `${s.percent_used.toFixed(1)}% used`}</span>
                  </p>
                  <div className="h-2 w-full rounded bg-slate-100" role="img" aria-label={`${s.percent_used ?? 0}% of the budget used`}>
                    <div className={`h-2 rounded ${STATUS[s.status].bar}`} style={{ width: `${Math.max(0, Math.min(100, s.percent_used ?? 0))}%` }} />
                  </div>
                  <p>
                    <strong className={STATUS[s.status].tone} data-testid="budget-status">{STATUS[s.status].words}</strong> ·{" "}
                    {s.projected_cents === null ? "no month-end projection yet" : `projected ${m(s.projected_cents)} by ${s.period_end}`} · day {s.days_elapsed} of {s.days_in_period}
                  </p>
                  <p className="text-xs text-slate-600">
                    Earlier months: {s.history.length ? s.history.map((h) => `${monthName(h.period)} ${m(h.spent_cents)}`).join(" · ") : "none covered by the history"}
                  </p>
                  {s.notes.map((n) => (
                    <p key={n} className="text-xs text-slate-500">{n}</p>
                  ))}
                </>
              ) : unavailable.has(String(b.id)) ? (
                <p className="text-slate-600">Spending unknown: {unavailable.get(String(b.id))}</p>
              ) : null}
              <p className="text-xs text-slate-500">Set by {b.created_by} ({b.source}), last changed {b.updated_at.slice(0, 10)}</p>
              {canEdit ? (
                <div className="flex flex-wrap items-end gap-3">
                  <SetForm userId={userId} category={b.category} amount={(b.amount_cents / 100).toFixed(2)} label="Change amount" />
                  <ActionForm action={deleteBudgetAction}>
                    <input type="hidden" name="userId" value={userId} />
                    <input type="hidden" name="budgetId" value={b.id} />
                    <ConfirmSubmit confirm={`Delete the ${label} budget of ${m(b.amount_cents)} a month? It stops being tracked (the audit log keeps it).`} className="mb-5 rounded border border-red-300 px-3 py-1 text-red-800">
                      Delete budget
                    </ConfirmSubmit>
                  </ActionForm>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>

      {suggested ? (
        <div className="space-y-2">
          <h3 className="font-medium">Suggested budgets</h3>
          {suggested.suggestions.length === 0 ? <p className="text-sm text-slate-600">No suggestions.</p> : null}
          <ul className="space-y-2">
            {suggested.suggestions.map((x) => (
              <li key={x.category} className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid={`suggestion-${x.category}`}>
                <p className="font-medium">
                  {categoryLabel(x.category)}: {exactMoney(x.amount_cents, x.currency)} a month
                </p>
                <p className="text-slate-700">{x.explanation}</p>
                {canEdit && !budgeted.has(x.category) ? (
                  <ActionForm action={setBudgetAction}>
                    <input type="hidden" name="userId" value={userId} />
                    <input type="hidden" name="category" value={x.category} />
                    <input type="hidden" name="amount" value={(x.amount_cents / 100).toFixed(2)} />
                    <input type="hidden" name="from_suggestion" value="yes" />
                    <button className="mt-1 rounded border border-emerald-800 px-3 py-1 text-emerald-800">Use this budget</button>
                  </ActionForm>
                ) : null}
              </li>
            ))}
          </ul>
          {suggested.notes.map((n) => (
            <p key={n} className="text-xs text-slate-500">{n}</p>
          ))}
        </div>
      ) : null}

      {canEdit ? (
        <div className="space-y-1">
          <h3 className="font-medium">Set a budget</h3>
          <p className="text-xs text-slate-500">A category that already has a budget gets the new amount.</p>
          <SetForm userId={userId} label="Set budget" />
        </div>
      ) : null}
    </section>
  );
}
