// Alerts (issue 15): events a customer acts on — a budget nearly spent, a payment coming, a bill
// that changed, money running short, a charge that looks wrong. Plain data, made by the pure
// engine at an explicit asOf; every number a message states is a citation whose value is one of
// the trace's inputs.

export const ALERT_KINDS = [
  "budget_80",
  "budget_100",
  "upcoming_payment",
  "price_increase",
  "bill_changed",
  "new_recurring",
  "payment_due",
  "low_balance_forecast",
  "unusual_amount",
  "duplicate_charge",
  "fee_charged",
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** info: worth knowing; warning: act soon; urgent: act now (overdraft likely, possible fraud). */
export const ALERT_SEVERITIES = ["info", "warning", "urgent"] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export interface AlertCitation {
  /** A key of the alert's `trace.inputs`: the cited value is exactly the value the rule read. */
  signal: string;
  value: number | string | boolean;
  /** How the value reads in the message (money to the cent with its currency). */
  display: string;
}

export interface AlertTrace {
  /** The rule in plain words, e.g. "A charge at least 3× the merchant's median over the last 180 days". */
  rule: string;
  /** Every value the rule read, by name (cents, ISO dates, counts); citations point into these. */
  inputs: Record<string, number | string | boolean | null>;
  /** The configuration values the rule compared against (from EngineConfig.alerts). */
  thresholds: Record<string, number>;
  /** The tone checker's verdict on the message (an alert whose message fails is not emitted; see notes). */
  tone: { ok: boolean; findings: string[] };
  notes: string[];
}

export interface Alert {
  /**
   * One key per event: the same event seen again at a later asOf gives the same key, so stored
   * alerts are deduplicated and a dismissal sticks. E.g. `duplicate_charge:<transaction_id>`,
   * `budget_80:<budget_id>:2026-11`, `upcoming_payment:<stream key>:<expected date>`.
   */
  alert_key: string;
  kind: AlertKind;
  severity: AlertSeverity;
  /** The day the event happened, or is expected (forecasts, upcoming payments), ISO. */
  event_date: string;
  /** Short plain heading, e.g. "Possible duplicate charge". */
  title: string;
  /** The plain-language message that cites the customer's numbers; passes the tone checker. */
  message: string;
  citations: AlertCitation[];
  /** DISCLAIMER when the message suggests an action; null when it only informs. */
  disclaimer: string | null;
  /** Currency of every amount in the alert (the customer's main currency). */
  currency: string;
  /** The transactions the alert is about (empty for forecasts and budgets). */
  transaction_ids: string[];
  /** A person should look before the customer is told (possible fraud: duplicates, unusual amounts, bursts). */
  needs_review: boolean;
  trace: AlertTrace;
}
