import Link from "next/link";
import { LiveQueue } from "@/components/review/live-queue";
import { ActionForm } from "@/components/ui/action-form";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { TextField } from "@/components/ui/text-field";
import { TEXT_LIMITS } from "@/lib/validation/text";
import { guardPage } from "@/lib/auth/page-guard";
import { prisma } from "@/lib/db/client";
import { pendingReview } from "@/lib/services/review";
import { batchApproveAction, reviewAction } from "./actions";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 20;

export default async function ReviewPage({ searchParams }: { searchParams: Promise<{ page?: string; flagged?: string }> }) {
  await guardPage("/review", "/review");
  const sp = await searchParams;
  const page = Math.max(1, Number(sp.page) || 1);
  const flaggedOnly = sp.flagged === "1";
  const [{ rows, total }, allPending] = await Promise.all([
    pendingReview(prisma(), { page, pageSize: PAGE_SIZE, flaggedOnly }),
    flaggedOnly ? prisma().recommendation.count({ where: { status: "pending_review" } }) : null,
  ]);
  const pageHref = (n: number) => `/review?page=${n}${flaggedOnly ? "&flagged=1" : ""}`;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">Review queue</h1>
      <LiveQueue initialPending={allPending ?? total} />
      <p className="text-sm text-slate-600" data-testid="review-total">
        {total.toLocaleString("en-US")} waiting · page {page} of {pages} · <Link className="underline" href={flaggedOnly ? "/review" : "/review?flagged=1"}>{flaggedOnly ? "show all" : "flagged only"}</Link>
      </p>
      <ul className="space-y-3">
        {rows.map((r) => (
          <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid={`rec-${r.id}`}>
            <div className="flex items-start gap-3">
              <input type="checkbox" name="select" value={`${r.id}:${r.version}`} form="batch" aria-label={`Select recommendation ${r.id}`} className="mt-1" />
              <div className="flex-1 space-y-1">
                <p className="font-medium">
                  #{r.id} [{r.kind}] {r.title} {r.flagged ? <span className="rounded bg-amber-100 px-1.5 text-amber-900">flagged{r.flagged_by ? ` by ${r.flagged_by}: a different staff member must approve or reject it` : ""}</span> : null}
                </p>
                <p className="text-slate-600">
                  <Link className="font-mono underline" href={`/customers/${r.user_id}`}>{r.user_id}</Link> · {r.window} · as of {r.as_of}
                </p>
                <p>{r.rationale}</p>
                <div className="flex flex-wrap items-end gap-2 pt-1">
                  <ActionForm action={reviewAction}>
                    <input type="hidden" name="id" value={r.id} />
                    <input type="hidden" name="version" value={r.version} />
                    <ConfirmSubmit name="action" value="approve" className="rounded bg-emerald-800 px-3 py-1 text-white">Approve</ConfirmSubmit>
                  </ActionForm>
                  <ActionForm action={reviewAction} className="flex items-end gap-1">
                    <input type="hidden" name="id" value={r.id} />
                    <input type="hidden" name="version" value={r.version} />
                    <TextField name="reason" label={<>Reason<span className="sr-only"> for recommendation {r.id}</span></>} max={TEXT_LIMITS.reason} className="flex flex-col text-xs" />
                    <button name="action" value="reject" className="rounded border border-red-700 px-3 py-1 text-red-800">Reject</button>
                    <button name="action" value="flag" className="rounded border border-amber-700 px-3 py-1 text-amber-800">Flag for second review</button>
                  </ActionForm>
                  <Link href={`/review/${r.id}`} className="rounded border border-violet-700 px-3 py-1 text-violet-800">Override…</Link>
                </div>
              </div>
            </div>
          </li>
        ))}
      </ul>
      <div className="flex items-center gap-4 text-sm">
        <ActionForm id="batch" action={batchApproveAction}>
          <ConfirmSubmit confirm="Approve every selected recommendation? Customers may see them at once." className="rounded bg-emerald-800 px-3 py-1.5 font-medium text-white">Approve selected</ConfirmSubmit>
        </ActionForm>
        {page > 1 ? <Link href={pageHref(page - 1)}>← Previous</Link> : null}
        {page < pages ? <Link href={pageHref(page + 1)}>Next →</Link> : null}
      </div>
    </div>
  );
}
