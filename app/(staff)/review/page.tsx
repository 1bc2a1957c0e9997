import Link from "next/link";
import { PersonaSelect } from "@/components/ui/persona-select";
import { ConfirmBatchApprove, ReviewShortcuts, SelectAllOnPage } from "@/components/review/queue-controls";
import { LiveQueue } from "@/components/review/live-queue";
import { ActionForm } from "@/components/ui/action-form";
import { TextField } from "@/components/ui/text-field";
import { TEXT_LIMITS } from "@/lib/validation/text";
import { guardPage } from "@/lib/auth/page-guard";
import { PERSONA_LABELS } from "@/lib/engine/personas/assign";
import { reviewQueuePage, type QueueCustomer, type QueueItem } from "@/lib/services/staff-pages";
import { formatCopyRefs, parseReviewQueueQuery, REVIEW_AGES, reviewQueueHref, reviewQueueSearch, type ReviewQueueQuery } from "@/lib/validation/review";
import { batchApproveAction, reviewAction } from "./actions";
import { clearAlertAction, dismissAlertAction, releaseAlertAction } from "../customers/[userId]/actions";
import { AlertReviewQueue } from "@/components/alerts/alert-review-queue";

export const dynamic = "force-dynamic";

const WINDOW_LABEL = { "30d": "30-day window", "180d": "180-day window" } as const;
const field = "rounded border border-slate-300 px-2 py-1";

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await guardPage("/review", "/review");
  const sp = await searchParams;
  const { query, ok } = parseReviewQueueQuery(sp);
  const { queue, alertReviews } = await reviewQueuePage(query, new Date());
  // The page actually shown (the last one when the asked-for page emptied): actions return to it.
  const shown: ReviewQueueQuery = { ...query, page: queue.page };
  const back = reviewQueueSearch(shown);
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">Review queue</h1>
      <LiveQueue initialPending={queue.allPending} initialAlerts={alertReviews.total} />
      <AlertReviewQueue rows={alertReviews.rows} total={alertReviews.total} back="/review" actions={{ dismiss: dismissAlertAction, release: releaseAlertAction, clear: clearAlertAction }} />
      <h2 className="text-lg font-semibold">Recommendations waiting for review</h2>
      {!ok ? <p role="status" className="text-sm text-amber-800">Some filters were not understood and were reset.</p> : null}
      <Filters q={shown} />
      <p className="text-sm text-slate-600" data-testid="review-total">
        {queue.totalCopies.toLocaleString("en-US")} waiting · {queue.totalCustomers.toLocaleString("en-US")} customers · page {queue.page} of {queue.pages}
      </p>
      <details className="text-sm text-slate-700" aria-label="Keyboard shortcuts">
        <summary className="cursor-pointer">Keyboard shortcuts</summary>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1" data-testid="shortcuts">
          <dt><kbd>j</kbd> or <kbd>n</kbd></dt><dd>next item</dd>
          <dt><kbd>k</kbd></dt><dd>previous item</dd>
          <dt><kbd>a</kbd></dt><dd>approve the item in focus (both windows&apos; copies)</dd>
          <dt><kbd>r</kbd></dt><dd>reject it: moves to its reason box; type the reason, then Enter</dd>
          <dt><kbd>x</kbd></dt><dd>select it for &ldquo;Approve selected&rdquo;</dd>
        </dl>
        <p className="mt-1 text-slate-600">Shortcuts do nothing while you type in a field.</p>
      </details>
      <ReviewShortcuts />
      <ActionForm id="batch" action={batchApproveAction}>
        <input type="hidden" name="back" value={back} />
      </ActionForm>
      <div className="flex items-center gap-4 text-sm">
        <SelectAllOnPage />
        <ConfirmBatchApprove />
      </div>
      {queue.customers.length === 0 ? <p className="text-sm text-slate-600">Nothing waiting for review{ok && back ? " with these filters" : ""}.</p> : null}
      {queue.customers.map((c) => (
        <CustomerCard key={c.user_id} customer={c} back={back} />
      ))}
      <nav className="flex items-center gap-4 text-sm" aria-label="Pages">
        {queue.page > 1 ? <Link href={reviewQueueHref(shown, { page: queue.page - 1 })}>← Previous</Link> : null}
        {queue.page < queue.pages ? <Link href={reviewQueueHref(shown, { page: queue.page + 1 })}>Next →</Link> : null}
      </nav>
    </div>
  );
}

/** The filters are a plain GET form: the URL holds the queue's state, and applying them starts at page 1. */
function Filters({ q }: { q: ReviewQueueQuery }) {
  return (
    <form method="get" action="/review" className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter the queue">
      <label className="flex flex-col">
        Persona
        <PersonaSelect value={q.persona} className={field} />
      </label>
      <label className="flex flex-col">
        Kind
        <select name="kind" defaultValue={q.kind ?? ""} className={field}>
          <option value="">Any</option>
          <option value="education">Education</option>
          <option value="offer">Partner offer</option>
        </select>
      </label>
      <label className="flex flex-col">
        Window
        <select name="window" defaultValue={q.window ?? ""} className={field}>
          <option value="">Both</option>
          <option value="30d">30 days</option>
          <option value="180d">180 days</option>
        </select>
      </label>
      <label className="flex flex-col">
        Waiting
        <select name="age" defaultValue={q.age ?? ""} className={field}>
          <option value="">Any time</option>
          {Object.entries(REVIEW_AGES).map(([k, days]) => (
            <option key={k} value={k}>
              over {days} day{days === 1 ? "" : "s"}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2 pb-1">
        <input type="checkbox" name="flagged" value="1" defaultChecked={q.flagged === "1"} />
        Flagged only
      </label>
      <button className="rounded border border-slate-400 px-3 py-1">Apply filters</button>
      <Link href="/review" className="pb-1 underline">
        Clear
      </Link>
    </form>
  );
}

function CustomerCard({ customer: c, back }: { customer: QueueCustomer; back: string }) {
  const persona = (w: "30d" | "180d") => (c.persona[w] ? PERSONA_LABELS[c.persona[w]] : "no persona");
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid={`customer-${c.user_id}`} aria-labelledby={`name-${c.user_id}`}>
      <h2 id={`name-${c.user_id}`} className="text-base font-semibold">
        {c.name}{" "}
        <Link className="font-mono text-sm font-normal underline" href={`/customers/${c.user_id}`}>
          {c.user_id}
        </Link>
      </h2>
      <p className="text-slate-600">
        Persona: {persona("30d")} (30 days) · {persona("180d")} (180 days) · {c.items.length} item{c.items.length === 1 ? "" : "s"} waiting
      </p>
      <ul className="mt-3 space-y-3">
        {c.items.map((item) => (
          <QueueEntry key={item.content_id} item={item} customer={c.name} back={back} />
        ))}
      </ul>
    </section>
  );
}

function QueueEntry({ item, customer, back }: { item: QueueItem; customer: string; back: string }) {
  const ids = item.copies.map((x) => x.id);
  const refs = formatCopyRefs(item.copies);
  const both = item.copies.length > 1 ? " (both windows)" : "";
  return (
    <li data-review-item tabIndex={0} aria-label={`${item.title} for ${customer}`} className="rounded border border-slate-200 p-3 outline-violet-700 focus:outline focus:outline-2" data-testid={`item-${ids.join("-")}`}>
      <div className="flex items-start gap-3">
        <input type="checkbox" name="select" value={refs} form="batch" data-shortcut="select" aria-keyshortcuts="x" aria-label={`Select ${item.title} for ${customer}`} className="mt-1" />
        <div className="flex-1 space-y-2">
          <p className="font-medium">
            {item.title} <span className="rounded bg-slate-100 px-1.5 text-slate-700">{item.kind === "offer" ? "partner offer" : "education"}</span>{" "}
            {item.flagged ? (
              <span className="rounded bg-amber-100 px-1.5 text-amber-900">
                flagged{item.flagged_by ? ` by ${item.flagged_by}: a different staff member must approve or reject it` : ""}
              </span>
            ) : null}
          </p>
          {item.copies.map((x) => (
            <div key={x.id} className="border-l-2 border-slate-200 pl-3" data-testid={`copy-${x.id}`}>
              <p className="text-slate-600">
                {WINDOW_LABEL[x.window]} · as of {x.as_of} · #{x.id} · waiting since {x.since.slice(0, 10)} {x.flagged ? "· flagged" : ""} ·{" "}
                <Link href={back ? `/review/${x.id}?${new URLSearchParams({ back })}` : `/review/${x.id}`} className="text-violet-800 underline">
                  Override…
                </Link>
              </p>
              <p>{x.rationale}</p>
            </div>
          ))}
          <div className="flex flex-wrap items-end gap-2 pt-1">
            <ActionForm action={reviewAction}>
              <input type="hidden" name="copies" value={refs} />
              <input type="hidden" name="back" value={back} />
              <button name="action" value="approve" data-shortcut="approve" aria-keyshortcuts="a" className="rounded bg-emerald-800 px-3 py-1 text-white">
                Approve{both}
              </button>
            </ActionForm>
            <ActionForm action={reviewAction} className="flex items-end gap-1">
              <input type="hidden" name="copies" value={refs} />
              <input type="hidden" name="back" value={back} />
              <TextField name="reason" label={<>Reason<span className="sr-only"> for {item.title}</span></>} max={TEXT_LIMITS.reason} className="flex flex-col text-xs" attrs={{ "data-shortcut": "reason", "aria-keyshortcuts": "r" }} />
              <button name="action" value="reject" className="rounded border border-red-700 px-3 py-1 text-red-800">
                Reject{both}
              </button>
              <button name="action" value="flag" className="rounded border border-amber-700 px-3 py-1 text-amber-800">
                Flag for second review
              </button>
            </ActionForm>
          </div>
        </div>
      </div>
    </li>
  );
}
