// Forward-looking alerts: a card payment due soon (Plaid liabilities' next_payment_due_date) and
// a low-balance forecast — each checking account's balance projected day by day over the next
// config.alerts.forecastDays from expected pay deposits and recurring charges.
import { addMonths, dayFromIso, isoFromDay, type Day } from "../../data/dates";
import { streamKey } from "../signals/prepare";
import { nextExpected, steadyCadence } from "../signals/recurring";
import type { Cadence } from "../signals/types";
import type { AlertContext, Emit } from "./context";
import { buildAlert, cents, day, pick } from "./message";

export function paymentDueAlerts(ctx: AlertContext, emit: Emit): void {
  const { p, config, currency } = ctx;
  const a = config.alerts;
  for (const [accountId, c] of [...p.credit].sort(([x], [y]) => (x < y ? -1 : 1))) {
    const due = c.next_payment_due_date;
    if (!due) continue; // unknown stays unknown: no alert
    const dueDay = dayFromIso(due);
    if (dueDay < p.asOf || dueDay > p.asOf + a.horizonDays) continue;
    // A statement with nothing to pay (known zero minimum or balance) needs no reminder.
    if (c.minimum_payment_cents === 0 || (c.last_statement_balance_cents !== null && c.last_statement_balance_cents <= 0)) continue;
    const acc = p.accounts.get(accountId);
    const card = acc ? (acc.mask ? `${acc.name} ending in ${acc.mask}` : acc.name) : "your card";
    const min = c.minimum_payment_cents;
    const statement = c.last_statement_balance_cents;
    const amounts = [min !== null ? `The minimum payment is ${cents(min, currency)}` : "The minimum payment amount was not reported by your bank", statement !== null ? `the last statement balance was ${cents(statement, currency)}.` : null];
    const cite: Array<[string, string]> = [["due_date", day(due)]];
    if (min !== null) cite.push(["minimum_payment_cents", cents(min, currency)]);
    if (statement !== null) cite.push(["statement_balance_cents", cents(statement, currency)]);
    emit(
      buildAlert({
        kind: "payment_due",
        key: `payment_due:${accountId}:${due}`,
        severity: dueDay - p.asOf <= 2 ? "urgent" : "warning",
        event_date: due,
        title: "Card payment due soon",
        message: `The payment on your ${card} is due on ${day(due)}. ${amounts[1] ? `${amounts[0]}; ${amounts[1]}` : `${amounts[0]}.`}`,
        suggestion: "Paying at least the minimum by the due date avoids a late fee.",
        cite,
        inputs: { account_id: accountId, due_date: due, days_until: dueDay - p.asOf, minimum_payment_cents: min, statement_balance_cents: statement, is_overdue: c.is_overdue },
        thresholds: pick(a, ["horizonDays"]),
        rule: `A credit card's next payment due date falls within ${a.horizonDays} days from today (urgent within 2 days)`,
        notes: min === null ? ["minimum payment unknown: not stated"] : [],
        currency,
      }),
    );
  }
}

interface Flow {
  day: Day;
  cents: number; // positive = money in
  label: string;
}

function step(d: Day, cadence: Cadence): Day {
  return nextExpected(d, cadence);
}

const NOT_EARNED = new Set(["INCOME_INTEREST_EARNED", "INCOME_DIVIDENDS", "INCOME_TAX_REFUND"]);

/** Expected pay deposits into an account: each payer keeping a steady cadence (recurring.ts's rule) and not lapsed. */
function expectedInflows(ctx: AlertContext, accountId: string, until: Day): Flow[] {
  const { p, config } = ctx;
  const payers = new Map<string, { name: string; byDay: Map<Day, number> }>();
  const keys = new Map<string, string>();
  for (const t of p.txs) {
    if (t.account_id !== accountId || t.amount_cents >= 0 || t.pfc_primary !== "INCOME" || NOT_EARNED.has(t.pfc_detailed) || t.day < ctx.bounds.lookbackStart) continue;
    const key = streamKey(t, keys);
    let g = payers.get(key);
    if (!g) payers.set(key, (g = { name: "", byDay: new Map() }));
    g.name = t.merchant_name ?? t.name;
    g.byDay.set(t.day, (g.byDay.get(t.day) ?? 0) - t.amount_cents);
  }
  const flows: Flow[] = [];
  for (const [, g] of [...payers].sort(([x], [y]) => (x < y ? -1 : 1))) {
    const days = [...g.byDay.keys()];
    if (days.length < config.recurring.minOccurrences) continue;
    const steady = steadyCadence(days.slice(1).map((d, i) => d - days[i]), config);
    if (!steady) continue;
    const last = days[days.length - 1];
    const nominal = config.recurring.cadences[steady.cadence][2];
    if (p.asOf - last > nominal + config.recurring.gapToleranceDays[steady.cadence]) continue;
    const amount = g.byDay.get(last)!;
    for (let d = step(last, steady.cadence); d <= until; d = step(d, steady.cadence)) if (d > p.asOf) flows.push({ day: d, cents: amount, label: g.name });
  }
  return flows;
}

/** Expected recurring charges on an account; one already due but not yet seen is expected tomorrow. */
function expectedOutflows(ctx: AlertContext, accountId: string, until: Day): Flow[] {
  const flows: Flow[] = [];
  for (const s of ctx.streams) {
    if (s.account_id !== accountId) continue;
    let d = dayFromIso(s.next_expected_date);
    for (; d <= until; d = s.cadence === "monthly" ? addMonths(d, 1) : step(d, s.cadence)) flows.push({ day: Math.max(d, ctx.p.asOf + 1), cents: -s.typical_amount_cents, label: s.merchant });
  }
  return flows;
}

export function lowBalanceAlerts(ctx: AlertContext, emit: Emit): void {
  const { p, config, currency } = ctx;
  const a = config.alerts;
  const until = p.asOf + a.forecastDays;
  const checking = [...p.accounts.values()].filter((x) => x.type === "depository" && x.subtype === "checking").sort((x, y) => (x.account_id < y.account_id ? -1 : 1));
  for (const acc of checking) {
    const balance = acc.current_cents ?? acc.available_cents;
    if (balance === null) continue; // unknown balance: no forecast, never an assumed zero
    const flows = [...expectedInflows(ctx, acc.account_id, until), ...expectedOutflows(ctx, acc.account_id, until)].sort((x, y) => x.day - y.day || x.cents - y.cents || (x.label < y.label ? -1 : 1));
    if (!flows.some((f) => f.cents < 0)) continue;
    let running = balance;
    let lowest = balance;
    let lowestDay = p.asOf;
    let firstBelow: Day | null = null;
    for (let i = 0; i < flows.length; i++) {
      running += flows[i].cents;
      if (i + 1 < flows.length && flows[i + 1].day === flows[i].day) continue; // the day's closing balance
      if (running < lowest) {
        lowest = running;
        lowestDay = flows[i].day;
      }
      if (firstBelow === null && running < a.lowBalanceCents) firstBelow = flows[i].day;
    }
    if (firstBelow === null || lowestDay === p.asOf) continue;
    const causes = flows.filter((f) => f.cents < 0 && f.day <= lowestDay);
    const inflowsBefore = flows.filter((f) => f.cents > 0 && f.day <= lowestDay).reduce((s, f) => s + f.cents, 0);
    const nextIn = flows.find((f) => f.cents > 0 && f.day > lowestDay);
    const outTotal = -causes.reduce((s, f) => s + f.cents, 0);
    const payments = causes.map((f) => `${f.label} ${cents(-f.cents, currency)} on ${day(isoFromDay(f.day))}`).join(", ");
    const lowestIso = isoFromDay(lowestDay);
    const label = acc.mask ? `${acc.name} ending in ${acc.mask}` : acc.name;
    const inputs = {
      account_id: acc.account_id,
      balance_cents: balance,
      balance_source: acc.current_cents !== null ? "current" : "available",
      lowest_cents: lowest,
      lowest_date: lowestIso,
      first_below_date: isoFromDay(firstBelow),
      outflows_cents: outTotal,
      inflows_cents: inflowsBefore,
      payments,
      next_inflow_date: nextIn ? isoFromDay(nextIn.day) : null,
    };
    const nextText = nextIn ? ` Your next expected deposit is on ${day(isoFromDay(nextIn.day))}.` : "";
    const cite: Array<[string, string]> = [
      ["balance_cents", cents(balance, currency)],
      ["outflows_cents", cents(outTotal, currency)],
      ["payments", payments],
      ["lowest_cents", cents(lowest, currency)],
      ["lowest_date", day(lowestIso)],
    ];
    if (nextIn) cite.push(["next_inflow_date", day(isoFromDay(nextIn.day))]);
    emit(
      buildAlert({
        kind: "low_balance_forecast",
        key: `low_balance_forecast:${acc.account_id}:${isoFromDay(firstBelow)}`,
        severity: lowest < 0 ? "urgent" : "warning",
        event_date: isoFromDay(firstBelow),
        title: lowest < 0 ? "Possible overdraft ahead" : "Balance may run low",
        message: `The balance of your ${label} is ${cents(balance, currency)} today. Expected payments of ${cents(outTotal, currency)} (${payments}) could take it to ${cents(lowest, currency)} by ${day(lowestIso)}.${nextText}`,
        suggestion: `Moving money into this account before ${day(isoFromDay(firstBelow))} could cover these payments.`,
        cite,
        inputs,
        thresholds: pick(a, ["forecastDays", "lowBalanceCents"]),
        rule: `The checking balance projected day by day over the next ${a.forecastDays} days (today's balance plus expected pay deposits, less expected recurring charges) goes below ${cents(a.lowBalanceCents, currency)}`,
        notes: [`projected from the ${inputs.balance_source} balance; card payments and transfers are not projected`],
        currency,
      }),
    );
  }
}
