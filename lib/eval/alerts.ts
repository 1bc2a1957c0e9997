// Alert precision and recall against the generator's ground truth (issue 15): the events the
// generator injected (generator_events) matched to the alerts the engine raised at the eval's
// asOf, per alert kind. Pure: the service loads both sides.
//
// Matching: an alert and an event of the same customer match when the alert's kind is the event's
// expected alert and they share a transaction (an alert naming no transactions, e.g. about a
// stream: when their dates are within TRUTH_DATE_SLACK_DAYS); a forecast matches when both fall
// in the forecast window after asOf. An alert matching no event is a false alert; an event
// no alert matches is a miss. Events older than TRUTH_RECENT_DAYS before asOf (new recurring charges: started
// more than TRUTH_NEW_RECURRING_DAYS before) are out of scope: an
// alert about one counts neither way (the engine is asked about recent events only).
import { ALERT_KINDS, type AlertKind } from "../engine/alerts/types";
import { dayFromIso } from "../data/dates";
import { rate, round } from "./numbers";

/** How far back (days before asOf) a ground-truth event is still one the engine should report. */
export const TRUTH_RECENT_DAYS = 45;
/** A recurring charge is "new" when its first charge is this recent (a monthly one needs three charges to be seen). */
export const TRUTH_NEW_RECURRING_DAYS = 90;
/** An alert that names no transactions (a stream's price change) matches an event of its kind this many days either side. */
export const TRUTH_DATE_SLACK_DAYS = 3;
/** Forecast window after asOf (days) in which a forecast event and alert match. */
export const TRUTH_FORECAST_DAYS = 14;
/** The aims (issue 15): precision ≥ 0.9 and recall ≥ 0.8 for these kinds. */
export const ALERT_AIMS: Partial<Record<AlertKind, { precision: number; recall: number }>> = {
  duplicate_charge: { precision: 0.9, recall: 0.8 },
  unusual_amount: { precision: 0.9, recall: 0.8 },
  price_increase: { precision: 0.9, recall: 0.8 },
  low_balance_forecast: { precision: 0.9, recall: 0.8 },
};
const FORECAST_KINDS: ReadonlySet<string> = new Set<AlertKind>(["low_balance_forecast"]);
const EXAMPLES = 3;

export interface TruthEvent {
  user_id: string;
  kind: string;
  source: string;
  date: string;
  transaction_ids: string[];
  expected_alert: string;
}

export interface RaisedAlert {
  user_id: string;
  kind: AlertKind;
  alert_key: string;
  event_date: string;
  transaction_ids: string[];
}

export interface AlertKindMetrics {
  /** Whether the generator labels this kind at all; without it precision and recall are null. */
  labelled: boolean;
  alerts: number;
  true_alerts: number;
  false_alerts: number;
  /** Alerts about an out-of-scope (old) labelled event: counted neither way. */
  ignored_alerts: number;
  /** Labelled events in scope. */
  support: number;
  found: number;
  precision: number | null;
  recall: number | null;
  false_alerts_per_1000_customer_months: number | null;
  aim: { precision: number; recall: number; met: boolean | null } | null;
}

export interface AlertEventMetrics {
  /** `<event kind>/<source>`, e.g. `takeover/injected`. */
  event: string;
  expected_alert: string;
  support: number;
  found: number;
  recall: number | null;
}

export interface AlertMetrics {
  customers: number;
  /** Months of events one evaluation covers (the alerts' lookback), for the false-alert rate. */
  months: number;
  kinds: Record<AlertKind, AlertKindMetrics>;
  events: AlertEventMetrics[];
  /** A few missed events and false alerts per kind, for the report. */
  examples: Array<{ kind: AlertKind; type: "missed" | "false_alert"; user_id: string; what: string; date: string; transaction_ids: string[] }>;
}

const overlaps = (a: readonly string[], b: readonly string[]) => a.some((id) => b.includes(id));

function matches(alert: RaisedAlert, event: TruthEvent, asOf: number): boolean {
  if (alert.user_id !== event.user_id || alert.kind !== event.expected_alert) return false;
  if (FORECAST_KINDS.has(alert.kind)) {
    const inWindow = (iso: string) => dayFromIso(iso) >= asOf && dayFromIso(iso) <= asOf + TRUTH_FORECAST_DAYS;
    return inWindow(alert.event_date) && inWindow(event.date);
  }
  if (!alert.transaction_ids.length) return Math.abs(dayFromIso(alert.event_date) - dayFromIso(event.date)) <= TRUTH_DATE_SLACK_DAYS;
  return overlaps(alert.transaction_ids, event.transaction_ids);
}

const inScope = (e: TruthEvent, asOf: number) => dayFromIso(e.date) > asOf - (e.expected_alert === "new_recurring" ? TRUTH_NEW_RECURRING_DAYS : TRUTH_RECENT_DAYS);

/**
 * Per alert kind: precision = true alerts ÷ (true + false alerts), recall = events found ÷
 * support; null when there is nothing to divide by (never 0 for "unknown").
 */
export function alertMetrics(input: { asOf: string; customers: number; lookbackDays: number; truth: readonly TruthEvent[]; alerts: readonly RaisedAlert[] }): AlertMetrics {
  const asOf = dayFromIso(input.asOf);
  const months = round(input.lookbackDays / 30.4375);
  const byUser = new Map<string, TruthEvent[]>();
  for (const e of input.truth) byUser.set(e.user_id, [...(byUser.get(e.user_id) ?? []), e]);
  const labelledKinds = new Set(input.truth.map((e) => e.expected_alert));
  const found = new Set<TruthEvent>();
  const kinds = {} as Record<AlertKind, AlertKindMetrics>;
  const examples: AlertMetrics["examples"] = [];
  for (const kind of ALERT_KINDS) {
    const labelled = labelledKinds.has(kind);
    let trueAlerts = 0;
    let falseAlerts = 0;
    let ignored = 0;
    const alerts = input.alerts.filter((a) => a.kind === kind);
    for (const a of alerts) {
      const hits = (byUser.get(a.user_id) ?? []).filter((e) => matches(a, e, asOf));
      const live = hits.filter((e) => inScope(e, asOf));
      for (const e of live) found.add(e);
      if (live.length) trueAlerts++;
      else if (hits.length) ignored++;
      else {
        falseAlerts++;
        if (labelled && examples.filter((x) => x.kind === kind && x.type === "false_alert").length < EXAMPLES) {
          examples.push({ kind, type: "false_alert", user_id: a.user_id, what: a.alert_key, date: a.event_date, transaction_ids: a.transaction_ids });
        }
      }
    }
    const events = input.truth.filter((e) => e.expected_alert === kind && inScope(e, asOf));
    const hit = events.filter((e) => found.has(e)).length;
    for (const e of events.filter((x) => !found.has(x)).slice(0, EXAMPLES)) {
      examples.push({ kind, type: "missed", user_id: e.user_id, what: `${e.kind} (${e.source})`, date: e.date, transaction_ids: e.transaction_ids });
    }
    const precision = labelled ? rate(trueAlerts, trueAlerts + falseAlerts) : null;
    const recall = rate(hit, events.length);
    const aim = ALERT_AIMS[kind];
    kinds[kind] = {
      labelled,
      alerts: alerts.length,
      true_alerts: trueAlerts,
      false_alerts: falseAlerts,
      ignored_alerts: ignored,
      support: events.length,
      found: hit,
      precision,
      recall,
      false_alerts_per_1000_customer_months: labelled && input.customers > 0 && months > 0 ? round((falseAlerts * 1000) / (input.customers * months), 2) : null,
      aim: aim ? { ...aim, met: precision === null || recall === null ? null : precision >= aim.precision && recall >= aim.recall } : null,
    };
  }
  const groups = new Map<string, TruthEvent[]>();
  for (const e of input.truth) {
    if (!inScope(e, asOf)) continue;
    const key = `${e.kind}/${e.source}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const events = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([event, list]) => {
      const hit = list.filter((e) => found.has(e)).length;
      return { event, expected_alert: list[0].expected_alert, support: list.length, found: hit, recall: rate(hit, list.length) };
    });
  return { customers: input.customers, months, kinds, events, examples };
}
