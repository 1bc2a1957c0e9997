// Property tests for alerts: laws that hold for every customer, over the alert goldens, the engine
// goldens and 60 generated customers (lib/data/generator), at several asOfs.
import { describe, expect, it } from "vitest";
import { dayFromIso, isoFromDay } from "../../data/dates";
import { generateCustomer } from "../../data/generator";
import { checkTone } from "../guardrails/tone";
import { DEFAULT_CONFIG, run } from "../index";
import { prepare } from "../signals/prepare";
import { ALERT_CUSTOMERS, ALERTS_AS_OF } from "../testing/alert-customers";
import { GOLDEN_CUSTOMERS } from "../testing/golden-customers";
import { toEngineInput } from "../testing/plaid-input";
import type { CustomerInput } from "../types";
import { collectAlerts } from "./index";
import { ALERT_KINDS, ALERT_SEVERITIES, type Alert } from "./types";

const DISCLAIMER = "This is educational content, not financial advice. Consult a licensed advisor for personalized guidance.";
const GENERATED = 60;
const AS_OFS = [ALERTS_AS_OF, "2026-10-17", "2026-11-06"];

const generated = Array.from({ length: GENERATED }, (_, i) => toEngineInput(generateCustomer({ users: GENERATED, seed: 20261031, asOf: ALERTS_AS_OF, months: 7 }, i)));
const customers: CustomerInput[] = [...Object.values(ALERT_CUSTOMERS).map((b) => b()), ...Object.values(GOLDEN_CUSTOMERS).map((b) => b()), ...generated];
const consenting = customers.filter((c) => c.consent);

function alertsOf(input: CustomerInput, asOf: string): Alert[] {
  const r = run(input, DEFAULT_CONFIG, asOf, { catalog: [], recentlyShown: [] });
  if (!r.consent) throw new Error(`${input.user_id} refused`);
  return r.alerts;
}
const all = consenting.flatMap((c) => AS_OFS.map((asOf) => ({ c, asOf, alerts: alertsOf(c, asOf) })));
const every = all.flatMap((x) => x.alerts);

describe("alert properties (alert goldens + engine goldens + generated customers)", () => {
  it("covers a meaningful population: generated customers raise several kinds", () => {
    const kinds = new Set(all.filter((x) => x.c.user_id.startsWith("usr")).flatMap((x) => x.alerts.map((a) => a.kind)));
    expect(kinds.size).toBeGreaterThanOrEqual(4);
    expect(new Set(every.map((a) => a.kind))).toEqual(new Set(ALERT_KINDS.filter((k) => k !== "budget_80" && k !== "budget_100")));
  });

  it("no alert without consent: run() refuses", () => {
    for (const c of customers) {
      const r = run({ ...c, consent: false }, DEFAULT_CONFIG, ALERTS_AS_OF, { catalog: [], recentlyShown: [] });
      expect(r.consent).toBe(false);
      expect(r).not.toHaveProperty("alerts");
    }
  });

  it("every citation's value is the trace input it names, and every alert cites something", () => {
    for (const a of every) {
      expect(a.citations.length).toBeGreaterThan(0);
      for (const c of a.citations) {
        expect(Object.keys(a.trace.inputs)).toContain(c.signal);
        expect(a.trace.inputs[c.signal]).toBe(c.value);
      }
    }
  });

  it("every message passes the tone checker and none was withheld for tone", () => {
    for (const a of every) {
      expect(checkTone(a.message).ok, a.message).toBe(true);
      expect(a.trace.tone).toEqual({ ok: true, findings: [] });
    }
    for (const { c, asOf } of all) expect(collectAlerts(prepare(c, asOf, DEFAULT_CONFIG), [], DEFAULT_CONFIG).withheld).toEqual([]);
  });

  it("well formed: known kind and severity, disclaimer exactly when advising, money to the cent, review for possible fraud", () => {
    for (const a of every) {
      expect(ALERT_KINDS).toContain(a.kind);
      expect(ALERT_SEVERITIES).toContain(a.severity);
      expect(a.alert_key.startsWith(`${a.kind}:`)).toBe(true);
      expect(a.disclaimer === null || a.disclaimer === DISCLAIMER).toBe(true);
      // Every amount in a message has cents: "$1,450.00", never "$1,450".
      expect(a.message).not.toMatch(/\$\d[\d,]*(?!\.\d\d)(?![\d,])/);
      if (a.kind === "unusual_amount" || a.kind === "duplicate_charge") expect(a.needs_review).toBe(true);
    }
  });

  it("one alert per event: keys are unique per customer and run, and the output is sorted", () => {
    const rank = { urgent: 0, warning: 1, info: 2 };
    const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0); // code-unit order, as the engine sorts
    for (const { alerts } of all) {
      expect(new Set(alerts.map((a) => a.alert_key)).size).toBe(alerts.length);
      for (let i = 1; i < alerts.length; i++) {
        const [p, q] = [alerts[i - 1], alerts[i]];
        const order = rank[p.severity] - rank[q.severity] || cmp(p.event_date, q.event_date) || cmp(p.alert_key, q.alert_key);
        expect(order).toBeLessThan(0);
      }
    }
  });

  it("only recent or upcoming events alert (lookback before asOf, horizon or forecast after)", () => {
    const a = DEFAULT_CONFIG.alerts;
    for (const { asOf, alerts } of all) {
      const d = dayFromIso(asOf);
      for (const x of alerts) {
        const e = dayFromIso(x.event_date);
        if (x.kind === "upcoming_payment" || x.kind === "payment_due") expect(e - d).toBeLessThanOrEqual(a.horizonDays);
        else if (x.kind === "low_balance_forecast") expect(e - d).toBeLessThanOrEqual(a.forecastDays);
        else if (x.kind === "new_recurring") expect(d - e).toBeLessThan(a.newRecurringDays);
        else if (x.kind === "price_increase" || x.kind === "bill_changed") expect(d - e).toBeLessThan(a.priceChangeDays);
        else expect(d - e).toBeLessThan(a.lookbackDays);
      }
    }
  });

  it("run() reusing the 180d window's streams gives the same alerts as detecting them afresh", () => {
    for (const { c, asOf, alerts } of all) expect(JSON.stringify(collectAlerts(prepare(c, asOf, DEFAULT_CONFIG), [], DEFAULT_CONFIG).alerts)).toBe(JSON.stringify(alerts));
  });

  it("deterministic: the same input and asOf give byte-identical JSON, whatever the input order", () => {
    for (const c of consenting) {
      const first = JSON.stringify(alertsOf(c, ALERTS_AS_OF));
      const reversed = { ...c, transactions: [...c.transactions].reverse(), accounts: [...c.accounts].reverse(), credit: [...c.credit].reverse() };
      expect(JSON.stringify(alertsOf(c, ALERTS_AS_OF))).toBe(first);
      expect(JSON.stringify(alertsOf(reversed, ALERTS_AS_OF))).toBe(first);
    }
  });

  it("a transaction's alert keeps its key at a later asOf while the event is still recent", () => {
    for (const c of consenting) {
      const later = isoFromDay(dayFromIso(ALERTS_AS_OF) + 3);
      const now = alertsOf(c, ALERTS_AS_OF).filter((a) => a.kind === "fee_charged" || a.kind === "duplicate_charge" || (a.kind === "unusual_amount" && a.trace.inputs.pattern === "amount"));
      const then = new Set(alertsOf(c, later).map((a) => a.alert_key));
      for (const a of now) if (dayFromIso(later) - dayFromIso(a.event_date) < DEFAULT_CONFIG.alerts.lookbackDays) expect(then).toContain(a.alert_key);
    }
  });
});
