// One home for how an alert is put together: its citations read their values from the trace's
// inputs (so a cited number is always the number the rule read), its message is tone-checked,
// and the disclaimer goes with any message that suggests an action.
import { DISCLAIMER } from "../config";
import { toneFindings } from "../guardrails/tone";
import { exactMoney, monthDay } from "../recommend/format";
import type { Alert, AlertCitation, AlertKind, AlertSeverity } from "./types";

type Input = number | string | boolean | null;

export interface AlertDraft {
  kind: AlertKind;
  key: string;
  severity: AlertSeverity;
  event_date: string;
  title: string;
  /** The facts, in plain words. */
  message: string;
  /** An option the customer could take; when present the disclaimer is attached. */
  suggestion?: string;
  /** Inputs the message cites, with how each reads in the message (values come from `inputs`). */
  cite: Array<[signal: string, display: string]>;
  inputs: Record<string, Input>;
  thresholds: Record<string, number>;
  rule: string;
  notes?: string[];
  currency: string;
  transaction_ids?: string[];
  needs_review?: boolean;
}

/**
 * The alert, or `withheld` when its message fails the tone checker (such an alert is never
 * shown; detectAlerts reports it so tests catch the wording).
 */
export function buildAlert(d: AlertDraft): { alert: Alert; ok: boolean } {
  const message = d.suggestion ? `${d.message} ${d.suggestion}` : d.message;
  const citations: AlertCitation[] = d.cite.map(([signal, display]) => {
    const value = d.inputs[signal];
    if (value === undefined || value === null) throw new Error(`alert ${d.key} cites ${signal}, which is not a known input`);
    return { signal, value, display };
  });
  const findings = toneFindings(message).map((f) => `"${f.phrase}": ${f.why}`);
  const notes = [...(d.notes ?? [])];
  if (findings.length) notes.push("withheld: the message failed the tone check");
  return {
    ok: findings.length === 0,
    alert: {
      alert_key: d.key,
      kind: d.kind,
      severity: d.severity,
      event_date: d.event_date,
      title: d.title,
      message,
      citations,
      disclaimer: d.suggestion ? DISCLAIMER : null,
      currency: d.currency,
      transaction_ids: d.transaction_ids ?? [],
      needs_review: d.needs_review ?? false,
      trace: { rule: d.rule, inputs: d.inputs, thresholds: d.thresholds, tone: { ok: findings.length === 0, findings }, notes },
    },
  };
}

/** Money to the cent in the customer's currency ($1,450.00, €12.99, CAD 40.00). */
export const cents = (n: number, currency: string) => exactMoney(n, currency);
export const day = (iso: string) => monthDay(iso);

/** FOOD_AND_DRINK → "Food and drink". */
export function categoryLabel(primary: string): string {
  const words = primary.toLowerCase().split("_").filter(Boolean);
  const s = words.join(" ").replace(/\band\b/g, "and");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The thresholds a rule compares against, picked by name from config.alerts. */
export function pick<T extends Record<string, unknown>, K extends keyof T>(obj: T, keys: readonly K[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k as string] = obj[k] as number;
  return out;
}
