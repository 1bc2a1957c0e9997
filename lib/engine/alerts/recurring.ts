// Alerts from recurring streams (signals/recurring.ts over the last config.alerts.historyDays):
// an upcoming payment, a subscription price increase, a bill that changed, a new recurring charge.
import { dayFromIso, isoFromDay, type Day } from "../../data/dates";
import type { EngineConfig } from "../config";
import type { RecurringStream } from "../signals/types";
import { buildAlert, cents, day, pick, type AlertDraft } from "./message";
import type { AlertContext, Emit } from "./context";

const EVERY: Record<string, string> = { weekly: "each week", biweekly: "every two weeks", monthly: "each month", quarterly: "each quarter", annual: "each year" };

/** Plaid's recurring statuses: a stream seen only a few times is an early detection, else mature. */
export function streamStatus(s: RecurringStream, config: EngineConfig): "early_detection" | "mature" {
  return s.count >= config.alerts.matureOccurrences ? "mature" : "early_detection";
}

function streamInputs(s: RecurringStream, config: EngineConfig) {
  return {
    stream_key: s.key,
    merchant: s.merchant,
    class: s.class,
    cadence: s.cadence,
    occurrences: s.count,
    stream_status: streamStatus(s, config),
    first_date: s.first_date,
    last_date: s.last_date,
    typical_amount_cents: s.typical_amount_cents,
    next_expected_date: s.next_expected_date,
  };
}

export function recurringAlerts(ctx: AlertContext, emit: Emit): void {
  const { p, config, currency } = ctx;
  const a = config.alerts;
  const asOf = p.asOf;
  for (const s of ctx.streams) {
    const base = streamInputs(s, config);
    const next = dayFromIso(s.next_expected_date);
    // Upcoming payment: the stream's next charge falls within the horizon.
    if (next > asOf && next <= asOf + a.horizonDays) {
      emit(
        buildAlert({
          kind: "upcoming_payment",
          key: `upcoming_payment:${s.key}:${s.next_expected_date}`,
          severity: "info",
          event_date: s.next_expected_date,
          title: "Upcoming payment",
          message: `${s.merchant} usually charges ${cents(s.typical_amount_cents, currency)} ${EVERY[s.cadence]}. The next charge is expected around ${day(s.next_expected_date)}.`,
          cite: [
            ["typical_amount_cents", cents(s.typical_amount_cents, currency)],
            ["next_expected_date", day(s.next_expected_date)],
          ],
          inputs: { ...base, days_until: next - asOf },
          thresholds: pick(a, ["horizonDays", "matureOccurrences"]),
          rule: `A recurring ${s.class}'s next expected charge (last charge + its ${s.cadence} cadence) falls within ${a.horizonDays} days after today`,
          notes: [`stream status ${base.stream_status}: ${s.count} charges seen (mature from ${a.matureOccurrences})`],
          currency,
        }),
      );
    }
    const change = s.price_changes[s.price_changes.length - 1];
    if (!change) continue;
    const changeDay = dayFromIso(change.date);
    if (changeDay > asOf || asOf - changeDay >= a.priceChangeDays) continue;
    const diff = change.to_cents - change.from_cents;
    const pct = Math.round((Math.abs(diff) * 1000) / change.from_cents) / 10;
    const inputs = { ...base, change_date: change.date, from_cents: change.from_cents, to_cents: change.to_cents, change_cents: diff, change_pct: pct };
    if (s.class === "subscription") {
      if (diff <= 0 || pct < a.priceIncreaseMinPct || diff < a.priceIncreaseMinCents) continue;
      emit(
        buildAlert({
          kind: "price_increase",
          key: `price_increase:${s.key}:${change.date}`,
          severity: "warning",
          event_date: change.date,
          title: "Subscription price went up",
          message: `Your ${s.merchant} charge went from ${cents(change.from_cents, currency)} to ${cents(change.to_cents, currency)} on ${day(change.date)}, up ${cents(diff, currency)} (${pct}%).`,
          cite: [
            ["from_cents", cents(change.from_cents, currency)],
            ["to_cents", cents(change.to_cents, currency)],
            ["change_date", day(change.date)],
            ["change_cents", cents(diff, currency)],
            ["change_pct", `${pct}%`],
          ],
          inputs,
          thresholds: pick(a, ["priceChangeDays", "priceIncreaseMinPct", "priceIncreaseMinCents"]),
          rule: `A subscription's latest price change is an increase of at least ${a.priceIncreaseMinPct}% and ${cents(a.priceIncreaseMinCents, currency)}, made within the last ${a.priceChangeDays} days`,
          currency,
        }),
      );
    } else {
      if (pct < a.billChangeMinPct || Math.abs(diff) < a.billChangeMinCents) continue;
      emit(
        buildAlert({
          kind: "bill_changed",
          key: `bill_changed:${s.key}:${change.date}`,
          severity: diff > 0 ? "warning" : "info",
          event_date: change.date,
          title: diff > 0 ? "A bill went up" : "A bill went down",
          message: `Your ${s.merchant} bill changed from ${cents(change.from_cents, currency)} to ${cents(change.to_cents, currency)} on ${day(change.date)}, ${diff > 0 ? "up" : "down"} ${cents(Math.abs(diff), currency)} (${pct}%).`,
          cite: [
            ["from_cents", cents(change.from_cents, currency)],
            ["to_cents", cents(change.to_cents, currency)],
            ["change_date", day(change.date)],
            ["change_pct", `${pct}%`],
          ],
          inputs,
          thresholds: pick(a, ["priceChangeDays", "billChangeMinPct", "billChangeMinCents"]),
          rule: `A bill's latest amount change (either way) is at least ${a.billChangeMinPct}% and ${cents(a.billChangeMinCents, currency)}, made within the last ${a.priceChangeDays} days`,
          currency,
        }),
      );
    }
  }
  for (const s of ctx.streams) newRecurring(ctx, s, emit);
}

function newRecurring(ctx: AlertContext, s: RecurringStream, emit: Emit): void {
  const { p, config, currency } = ctx;
  const a = config.alerts;
  const first: Day = dayFromIso(s.first_date);
  if (p.asOf - first >= a.newRecurringDays) return;
  // New to the customer: no charge at this merchant before the stream's first one, in all the history.
  if ((ctx.firstSeen.get(s.key) ?? first) < first) return;
  // …and with enough spending history before it to tell (config.alerts.newMerchantHistoryDays).
  if (!ctx.knowsNewOn(first)) return;
  const draft: AlertDraft = {
    kind: "new_recurring",
    key: `new_recurring:${s.key}`,
    severity: "info",
    event_date: s.first_date,
    title: "New recurring charge",
    message: `A new recurring charge from ${s.merchant} started on ${day(s.first_date)}: ${cents(s.typical_amount_cents, currency)} ${EVERY[s.cadence]}, ${s.count} charges so far.`,
    cite: [
      ["first_date", day(s.first_date)],
      ["typical_amount_cents", cents(s.typical_amount_cents, currency)],
      ["occurrences", String(s.count)],
    ],
    inputs: { ...streamInputs(s, config), first_seen_date: isoFromDay(ctx.firstSeen.get(s.key) ?? first) },
    thresholds: pick(a, ["newRecurringDays", "newMerchantHistoryDays"]),
    rule: `A recurring stream whose first charge is within the last ${a.newRecurringDays} days, at a merchant with no earlier charge`,
    currency,
  };
  emit(buildAlert(draft));
}
