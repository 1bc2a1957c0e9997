import { ActionForm, type StaffFormAction } from "@/components/ui/action-form";
import { ConfirmSubmit } from "@/components/ui/confirm-submit";
import { TextField } from "@/components/ui/text-field";
import { TEXT_LIMITS } from "@/lib/validation/text";
import { awaitingReview } from "./alert-view";

export interface AlertActionSet {
  dismiss: StaffFormAction;
  release: StaffFormAction;
  clear: StaffFormAction;
}

const Hidden = ({ userId, alertId, back }: { userId: string; alertId: number; back: string }) => (
  <>
    <input type="hidden" name="userId" value={userId} />
    <input type="hidden" name="alertId" value={alertId} />
    <input type="hidden" name="back" value={back} />
  </>
);

/**
 * What staff may do with one alert: a held-back alert (possible fraud) is released to the customer
 * or cleared with a reason; any alert not yet dismissed can be dismissed after a confirmation.
 */
export function AlertStaffActions({ alert: a, userId, back, actions }: { alert: { id: number; title: string; state: string; needs_review: boolean; review_state: string | null }; userId: string; back: string; actions: AlertActionSet }) {
  const waiting = awaitingReview(a);
  return (
    <>
      {waiting ? (
        <>
          <ActionForm action={actions.release}>
            <Hidden userId={userId} alertId={a.id} back={back} />
            <ConfirmSubmit confirm={`Release “${a.title}” to the customer? They will see it.`} className="rounded bg-emerald-800 px-3 py-1 text-white">
              Release to customer
            </ConfirmSubmit>
          </ActionForm>
          <ActionForm action={actions.clear} className="flex flex-wrap items-end gap-1">
            <Hidden userId={userId} alertId={a.id} back={back} />
            <TextField name="reason" label={<>Reason for clearing<span className="sr-only"> “{a.title}”</span></>} min={5} max={TEXT_LIMITS.reason} required className="flex flex-col text-xs" />
            <ConfirmSubmit confirm={`Clear “${a.title}” as a false alarm? The customer will not see it.`} className="rounded border border-slate-500 px-3 py-1">
              Clear
            </ConfirmSubmit>
          </ActionForm>
        </>
      ) : null}
      {a.state !== "dismissed" ? (
        <ActionForm action={actions.dismiss}>
          <Hidden userId={userId} alertId={a.id} back={back} />
          <ConfirmSubmit confirm={`Dismiss “${a.title}”? The customer will no longer see it, and later runs keep it dismissed.`} className="rounded border border-red-700 px-3 py-1 text-red-800">
            Dismiss<span className="sr-only"> “{a.title}”</span>
          </ConfirmSubmit>
        </ActionForm>
      ) : null}
    </>
  );
}
