import { describe, expect, it } from "vitest";
import { alertMetrics, type RaisedAlert, type TruthEvent } from "./alerts";

const AS_OF = "2026-10-31";
const ev = (user_id: string, kind: string, expected_alert: string, date: string, transaction_ids: string[], source = "injected"): TruthEvent => ({ user_id, kind, source, date, transaction_ids, expected_alert });
const al = (user_id: string, kind: RaisedAlert["kind"], event_date: string, transaction_ids: string[], key = `${kind}:${transaction_ids[0] ?? event_date}`): RaisedAlert => ({ user_id, kind, alert_key: key, event_date, transaction_ids });

const truth = [
  ev("u1", "duplicate", "duplicate_charge", "2026-10-20", ["t1", "t2"]),
  ev("u2", "duplicate", "duplicate_charge", "2026-10-21", ["t3", "t4"]),
  ev("u3", "takeover", "unusual_amount", "2026-10-10", ["t5", "t6", "t7"]),
  ev("u3", "overdraft", "low_balance_forecast", "2026-11-05", []),
  ev("u4", "overdraft", "low_balance_forecast", "2026-11-09", [], "natural"),
  // Out of scope: older than 45 days before asOf.
  ev("u5", "price_increase", "price_increase", "2026-08-01", ["t9"], "natural"),
  ev("u7", "new_subscription", "new_recurring", "2026-08-10", ["t20", "t21", "t22"]),
];

describe("alert precision and recall against ground truth", () => {
  it("counts true alerts, false alerts and misses per kind by overlapping transactions", () => {
    const alerts = [
      al("u1", "duplicate_charge", "2026-10-20", ["t2"]), // true: overlaps t1/t2
      al("u2", "duplicate_charge", "2026-10-21", ["t99"]), // false: no overlap (u2's event is missed)
      al("u1", "duplicate_charge", "2026-10-25", ["t8"]), // false
      al("u3", "unusual_amount", "2026-10-10", ["t5"]), // true
      al("u3", "unusual_amount", "2026-10-10", ["t6"]), // true (same event, second charge)
      al("u1", "unusual_amount", "2026-10-20", ["t1"]), // false: t1 is u1's duplicate, not an unusual amount
    ];
    const m = alertMetrics({ asOf: AS_OF, customers: 500, lookbackDays: 30, truth, alerts });
    const d = m.kinds.duplicate_charge;
    expect([d.alerts, d.true_alerts, d.false_alerts, d.support, d.found]).toEqual([3, 1, 2, 2, 1]);
    expect(d.precision).toBe(0.3333);
    expect(d.recall).toBe(0.5);
    // 2 false alerts over 500 customers and 30/30.4375 months → 4.06 per 1 000 customer-months.
    expect(d.false_alerts_per_1000_customer_months).toBe(4.06);
    expect(d.aim).toEqual({ precision: 0.9, recall: 0.8, met: false });
    const u = m.kinds.unusual_amount;
    expect([u.true_alerts, u.false_alerts, u.support, u.found, u.precision, u.recall]).toEqual([2, 1, 1, 1, 0.6667, 1]);
    expect(m.examples).toContainEqual({ kind: "duplicate_charge", type: "missed", user_id: "u2", what: "duplicate (injected)", date: "2026-10-21", transaction_ids: ["t3", "t4"] });
    expect(m.examples).toContainEqual({ kind: "duplicate_charge", type: "false_alert", user_id: "u2", what: "duplicate_charge:t99", date: "2026-10-21", transaction_ids: ["t99"] });
    expect(m.events.find((e) => e.event === "duplicate/injected")).toEqual({ event: "duplicate/injected", expected_alert: "duplicate_charge", support: 2, found: 1, recall: 0.5 });
  });

  it("matches forecasts by customer and window, and is null — not 0 — where nothing can be divided", () => {
    const alerts = [
      al("u3", "low_balance_forecast", "2026-11-07", [], "low_balance_forecast:acc:2026-11-07"), // true: same customer, both in the 14 days
      al("u4", "low_balance_forecast", "2026-11-20", [], "low_balance_forecast:acc:2026-11-20"), // outside the window: false, u4 missed
      al("u5", "price_increase", "2026-08-01", ["t9"]), // about an out-of-scope event: neither true nor false
      al("u6", "fee_charged", "2026-10-02", ["t50"]), // no ground truth for fees at all
      al("u7", "new_recurring", "2026-08-12", [], "new_recurring:stream"), // names no transactions: matched by date (±3 days), 80 days back is still new
      al("u7", "new_recurring", "2026-10-01", [], "new_recurring:other"), // no event near that date: false
    ];
    const m = alertMetrics({ asOf: AS_OF, customers: 500, lookbackDays: 30, truth, alerts });
    const f = m.kinds.low_balance_forecast;
    expect([f.true_alerts, f.false_alerts, f.support, f.found, f.precision, f.recall]).toEqual([1, 1, 2, 1, 0.5, 0.5]);
    const p = m.kinds.price_increase;
    expect([p.alerts, p.ignored_alerts, p.true_alerts, p.false_alerts, p.support]).toEqual([1, 1, 0, 0, 0]);
    expect(p.precision).toBeNull();
    expect(p.recall).toBeNull();
    expect(p.aim?.met).toBeNull();
    const n = m.kinds.new_recurring;
    expect([n.true_alerts, n.false_alerts, n.support, n.found, n.precision, n.recall]).toEqual([1, 1, 1, 1, 0.5, 1]);
    const fee = m.kinds.fee_charged;
    expect([fee.labelled, fee.alerts, fee.precision, fee.recall, fee.false_alerts_per_1000_customer_months]).toEqual([false, 1, null, null, null]);
    // No alerts of a labelled kind: precision unknown, recall 0 of its support.
    expect(m.kinds.duplicate_charge.precision).toBeNull();
    expect(m.kinds.duplicate_charge.recall).toBe(0);
  });
});
