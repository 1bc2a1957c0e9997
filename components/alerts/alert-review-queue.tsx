import Link from "next/link";
import type { PendingAlertReview } from "@/lib/services/alerts";
import { plural } from "@/lib/labels";
import { AlertCard } from "./alert-card";
import { AlertStaffActions, type AlertActionSet } from "./alert-actions";

/** The review queue's alerts held for a person (possible fraud): each with its customer, trace and release / clear. */
export function AlertReviewQueue({ rows, total, back, actions }: { rows: PendingAlertReview[]; total: number; back: string; actions: AlertActionSet }) {
  return (
    <section aria-labelledby="alert-reviews" className="space-y-2 rounded-lg border border-amber-200 bg-amber-50/40 p-4" data-testid="alert-reviews">
      <h2 id="alert-reviews" className="text-lg font-semibold">Alerts waiting for a second look</h2>
      <p className="text-sm text-slate-700" data-testid="alert-reviews-total">
        {total === 0 ? "No alert is waiting: possible-fraud alerts appear here before the customer is told." : `${plural(total, "alert")} held back until a person releases it to the customer or clears it as a false alarm${rows.length < total ? ` (the first ${rows.length} shown)` : ""}.`}
      </p>
      {rows.length ? (
        <ul className="space-y-2" aria-label="Alerts waiting for a second look">
          {rows.map((a) => (
            <li key={a.id} className="list-none space-y-1">
              <p className="text-sm">
                For <span className="font-medium">{a.name}</span>{" "}
                <Link href={`/customers/${a.user_id}`} className="font-mono text-emerald-800 underline">{a.user_id}</Link>
              </p>
              <ul>
                <AlertCard alert={a} audience="staff" actions={<AlertStaffActions alert={a} userId={a.user_id} back={back} actions={actions} />} />
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
