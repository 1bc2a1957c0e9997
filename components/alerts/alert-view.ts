// How a stored alert reads on a staff page and in the customer preview: the order of urgency,
// what the customer would see, and the decision trace as rows of plain words. Pure, so it is
// tested without a browser or a database.
import type { Alert, AlertSeverity, AlertTrace } from "@/lib/engine/alerts/types";
import { exactMoney } from "@/lib/engine/recommend/format";
import { humanise } from "@/lib/labels";

export type { StoredAlert } from "@/lib/services/alerts";

const RANK: Record<AlertSeverity, number> = { urgent: 0, warning: 1, info: 2 };

/** Most urgent first: act now, act soon, for information; within a severity the earliest event first (the store's order). */
export function byUrgency<T extends Pick<Alert, "severity" | "event_date" | "alert_key">>(a: T, b: T): number {
  return (RANK[a.severity] ?? 3) - (RANK[b.severity] ?? 3) || (a.event_date < b.event_date ? -1 : a.event_date > b.event_date ? 1 : 0) || (a.alert_key < b.alert_key ? -1 : a.alert_key > b.alert_key ? 1 : 0);
}

export const sortByUrgency = <T extends Pick<Alert, "severity" | "event_date" | "alert_key">>(alerts: readonly T[]): T[] => [...alerts].sort(byUrgency);

/** Held back until a person releases or clears it (possible fraud). */
export const awaitingReview = (a: { needs_review: boolean; review_state: string | null }) => a.needs_review && a.review_state === "pending";

export interface TraceRow {
  label: string;
  value: string;
}

/** `merchant_median_cents` → "Merchant median"; an amount in cents reads as money with its currency, a `_pct` as a percentage. */
function inputValue(key: string, v: number | string | boolean | null, currency: string): string {
  if (v === null) return "Unknown";
  if (typeof v === "boolean") return v ? "Yes" : "No";
  if (typeof v === "number" && /_cents$/.test(key)) return exactMoney(v, currency);
  if (typeof v === "number" && /_pct$/.test(key)) return `${v.toLocaleString("en-US", { maximumFractionDigits: 2 })}%`;
  if (typeof v === "number") return v.toLocaleString("en-US", { maximumFractionDigits: 4 });
  return v;
}
/** Inputs are snake_case, config thresholds camelCase: both read the same (`horizonDays` → `horizon_days`). */
const snake = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
const label = (key: string) => humanise(key.replace(/_(cents|pct)$/, ""));

/** The trace's inputs (every value the rule read) as labelled rows, in the order the rule wrote them. */
export const inputRows = (trace: AlertTrace, currency: string): TraceRow[] =>
  Object.entries(trace.inputs).map(([k, v]) => ({ label: label(snake(k)), value: inputValue(snake(k), v, currency) }));

/** The thresholds the rule compared against, labelled; `*_cents` as money, `*_pct` as a percentage. */
export const thresholdRows = (trace: AlertTrace, currency: string): TraceRow[] =>
  Object.entries(trace.thresholds).map(([k, v]) => ({ label: label(snake(k)), value: inputValue(snake(k), v, currency) }));

/** The tone checker's verdict in words. */
export const toneText = (tone: AlertTrace["tone"]) => (tone.ok ? "Passed the tone check" : `Failed the tone check: ${tone.findings.join("; ")}`);
