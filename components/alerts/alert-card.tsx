import type { ReactNode } from "react";
import type { AlertSeverity } from "@/lib/engine/alerts/types";
import { alertKindLabel, alertReviewLabel, alertSeverityLabel, alertStateLabel } from "@/lib/labels";
import { AlertTraceTable } from "./alert-trace";
import { awaitingReview, sortByUrgency } from "./alert-view";
import type { StoredAlert } from "@/lib/services/alerts";

/** What a card needs: a stored alert as staff see it, or the customer's view of one (no review state). */
export type AlertCardData = Omit<StoredAlert, "user_id" | "first_run_id" | "last_run_id" | "shown_at" | "dismissed_at" | "dismissed_by" | "reviewed_at" | "current" | "needs_review" | "review_state" | "reviewed_by" | "trace"> &
  Partial<Pick<StoredAlert, "needs_review" | "review_state" | "reviewed_by" | "dismissed_by" | "current" | "trace">>;

/** Severity in words with a mark and a colour: the colour only repeats what the words say. */
const SEVERITY_STYLE: Record<AlertSeverity, { mark: string; badge: string; edge: string }> = {
  urgent: { mark: "!!", badge: "bg-red-100 text-red-900 ring-red-300", edge: "border-l-red-700" },
  warning: { mark: "!", badge: "bg-amber-100 text-amber-900 ring-amber-300", edge: "border-l-amber-600" },
  info: { mark: "i", badge: "bg-sky-100 text-sky-900 ring-sky-300", edge: "border-l-sky-700" },
};

export function SeverityBadge({ severity }: { severity: AlertSeverity }) {
  const s = SEVERITY_STYLE[severity] ?? SEVERITY_STYLE.info;
  return (
    <span className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ${s.badge}`} data-testid="alert-severity">
      <span aria-hidden="true" className="font-mono">{s.mark}</span>
      {alertSeverityLabel(severity)}
    </span>
  );
}

/**
 * One alert. `audience` "staff" shows the state, the cited numbers, the trace and `actions`;
 * "customer" shows what the customer would read: severity, title, message, disclaimer, date.
 */
export function AlertCard({ alert: a, audience, actions }: { alert: AlertCardData; audience: "staff" | "customer"; actions?: ReactNode }) {
  const style = SEVERITY_STYLE[a.severity] ?? SEVERITY_STYLE.info;
  const waiting = awaitingReview({ needs_review: a.needs_review ?? false, review_state: a.review_state ?? null });
  return (
    <li className={`min-w-0 rounded-lg border border-l-4 border-slate-200 bg-white p-3 text-sm ${style.edge}`} data-testid={`alert-${a.id}`} data-kind={a.kind} aria-label={`${alertSeverityLabel(a.severity)}: ${a.title}`}>
      <div className="flex flex-wrap items-center gap-2">
        <SeverityBadge severity={a.severity} />
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{alertKindLabel(a.kind)}</span>
        <span className="text-xs text-slate-600">{a.kind === "upcoming_payment" || a.kind === "payment_due" || a.kind === "low_balance_forecast" ? "Expected" : "On"} {a.event_date}</span>
      </div>
      <p className="mt-1 font-semibold">{a.title}</p>
      <p className="mt-1 break-words">{a.message}</p>
      {a.disclaimer ? <p className="mt-1 text-xs text-slate-600">{a.disclaimer}</p> : null}
      {audience === "staff" ? (
        <>
          <p className="mt-2 text-xs text-slate-700" data-testid="alert-state">
            <span className="font-medium">State:</span> {alertStateLabel(a.state)}
            {a.state === "dismissed" && a.dismissed_by ? ` by ${a.dismissed_by}` : ""}
            {a.needs_review ? <> · <span className={waiting ? "font-semibold text-amber-900" : ""}>{alertReviewLabel(a.review_state)}</span>{a.reviewed_by ? ` by ${a.reviewed_by}` : ""}</> : null}
            {a.current === false ? " · no longer seen by the latest run" : ""}
          </p>
          {a.citations.length ? (
            <p className="mt-1 text-xs text-slate-600" data-testid="alert-cites">
              <span className="font-medium">Cites:</span> {a.citations.map((c) => c.display).join(" · ")}
            </p>
          ) : null}
          {a.trace ? (
            <details className="mt-2">
              <summary className="cursor-pointer text-xs text-emerald-800">How this was decided</summary>
              <div className="mt-2">
                <AlertTraceTable trace={a.trace} currency={a.currency} label={`How the alert “${a.title}” was decided`} />
              </div>
            </details>
          ) : null}
          {actions ? <div className="mt-2 flex flex-wrap items-end gap-2">{actions}</div> : null}
        </>
      ) : null}
    </li>
  );
}

/** Alerts most urgent first; `empty` says so in words when there are none. */
export function AlertList<T extends AlertCardData>({ alerts, audience, empty, actions, label }: { alerts: T[]; audience: "staff" | "customer"; empty: string; actions?: (a: T) => ReactNode; label: string }) {
  if (alerts.length === 0) return <p className="text-sm text-slate-600" data-testid="alerts-empty">{empty}</p>;
  return (
    <ul className="space-y-2" aria-label={label} data-testid="alert-list">
      {sortByUrgency(alerts).map((a) => (
        <AlertCard key={a.id} alert={a} audience={audience} actions={actions?.(a)} />
      ))}
    </ul>
  );
}
