// Golden alerts (lib/engine/testing/alert-customers.ts): every message, key and cited value below
// was worked out by hand from the fixtures and DEFAULT_CONFIG.alerts (the arithmetic is next to
// each case), not by running the engine. Each case also pins the full list of keys, so every
// near-miss in the fixture is checked not to fire.
import { describe, expect, it } from "vitest";
import type { BudgetStatus } from "../budgets/types";
import { DEFAULT_CONFIG, run } from "../index";
import { prepare } from "../signals/prepare";
import { ALERT_CUSTOMERS, ALERTS_AS_OF, customer, lowBalance } from "../testing/alert-customers";
import type { CustomerInput } from "../types";
import { detectAlerts } from "./index";
import type { Alert } from "./types";

/** SPEC §3.3, verbatim (deliberately not imported from config.ts). */
const DISCLAIMER = "This is educational content, not financial advice. Consult a licensed advisor for personalized guidance.";

function alertsOf(input: CustomerInput, asOf = ALERTS_AS_OF): Alert[] {
  const r = run(input, DEFAULT_CONFIG, asOf, { catalog: [], recentlyShown: [] });
  if (!r.consent) throw new Error("refused");
  return r.alerts;
}
const keys = (alerts: Alert[]) => alerts.map((a) => a.alert_key);
const one = (alerts: Alert[], key: string) => {
  const a = alerts.find((x) => x.alert_key === key);
  if (!a) throw new Error(`no ${key}; got ${keys(alerts).join(", ")}`);
  return a;
};
const cited = (a: Alert) => Object.fromEntries(a.citations.map((c) => [c.signal, [c.value, c.display]]));

describe("golden alerts: upcoming_payment and stream status", () => {
  // Streams over 2026-05-05 … 10-31. Netflix on the 3rd: 06-03 … 10-03 = 5 charges (05-03 is
  // before the 180 days) ≥ 4 → mature; next = 10-03 + 1 month = 11-03, 3 days out (≤ 7).
  // Hulu 08-05, 09-05, 10-05: 3 charges → early_detection; next 11-05 (5 days); first charge
  // 87 days ago (< 95) and never seen before → also new_recurring. Spotify next 11-20: too far.
  const alerts = alertsOf(ALERT_CUSTOMERS.upcoming());
  it("fires for Netflix and Hulu, not for Spotify due in 20 days", () => {
    expect(keys(alerts)).toEqual(["new_recurring:HULU", "upcoming_payment:NETFLIX:2026-11-03", "upcoming_payment:HULU:2026-11-05"]);
  });
  it("cites the predicted date and amount, and the stream status", () => {
    const n = one(alerts, "upcoming_payment:NETFLIX:2026-11-03");
    expect(n).toMatchObject({ kind: "upcoming_payment", severity: "info", event_date: "2026-11-03", disclaimer: null, currency: "USD", needs_review: false });
    expect(n.message).toBe("Netflix usually charges $15.49 each month. The next charge is expected around November 3.");
    expect(cited(n)).toEqual({ typical_amount_cents: [1549, "$15.49"], next_expected_date: ["2026-11-03", "November 3"] });
    expect(n.trace.inputs).toMatchObject({ stream_status: "mature", occurrences: 5, cadence: "monthly", days_until: 3 });
    const h = one(alerts, "upcoming_payment:HULU:2026-11-05");
    expect(h.message).toBe("Hulu usually charges $7.99 each month. The next charge is expected around November 5.");
    expect(h.trace.inputs).toMatchObject({ stream_status: "early_detection", occurrences: 3 });
  });
});

describe("golden alerts: price_increase", () => {
  // Spotify 1,099 → 1,299 on 10-20 (11 days ago ≤ 45): +200 cents, 200 / 1,099 = 18.2% (≥ 5%, ≥ $1.00).
  // Disney Plus 1,000 → 1,010 is 1%: within the 5% tolerance, not a price change at all.
  // Audible 1,495 → 1,795 on 08-24: 68 days ago, older than 45.
  const alerts = alertsOf(ALERT_CUSTOMERS.priceIncrease());
  it("fires once, for Spotify", () => expect(keys(alerts)).toEqual(["price_increase:SPOTIFY:2026-10-20"]));
  it("states the old and new price and the change", () => {
    const a = alerts[0];
    expect(a).toMatchObject({ severity: "warning", event_date: "2026-10-20", disclaimer: null });
    expect(a.message).toBe("Your Spotify charge went from $10.99 to $12.99 on October 20, up $2.00 (18.2%).");
    expect(cited(a)).toEqual({ from_cents: [1099, "$10.99"], to_cents: [1299, "$12.99"], change_date: ["2026-10-20", "October 20"], change_cents: [200, "$2.00"], change_pct: [18.2, "18.2%"] });
  });
});

describe("golden alerts: bill_changed", () => {
  // City Power 8,000 → 12,000 on 10-12: +4,000 (≥ $5.00), 50% (≥ 10%). Water Works 5,000 → 5,350
  // is a price change (> 5%) but only 7% and $3.50: below both bill thresholds.
  const alerts = alertsOf(ALERT_CUSTOMERS.billChanged());
  it("fires for City Power only", () => expect(keys(alerts)).toEqual(["bill_changed:CITY POWER:2026-10-12"]));
  it("states both amounts", () => {
    expect(alerts[0].message).toBe("Your City Power bill changed from $80.00 to $120.00 on October 12, up $40.00 (50%).");
    expect(alerts[0].severity).toBe("warning");
    expect(cited(alerts[0]).change_pct).toEqual([50, "50%"]);
  });
});

describe("golden alerts: new_recurring", () => {
  // Iron Gym 10-14, 10-21, 10-28: weekly, first charge 17 days ago → new; next 11-04 → upcoming
  // (early detection). Book Club's stream starts 08-10 (82 days ago) but it was charged on
  // 2026-03-10 too: not new to the customer.
  const alerts = alertsOf(ALERT_CUSTOMERS.newRecurring());
  it("fires for Iron Gym, not for Book Club", () => expect(keys(alerts)).toEqual(["new_recurring:IRON GYM", "upcoming_payment:IRON GYM:2026-11-04"]));
  it("one alert per stream, citing its start and price", () => {
    const a = one(alerts, "new_recurring:IRON GYM");
    expect(a.message).toBe("A new recurring charge from Iron Gym started on October 14: $25.00 each week, 3 charges so far.");
    expect(cited(a)).toEqual({ first_date: ["2026-10-14", "October 14"], typical_amount_cents: [2500, "$25.00"], occurrences: [3, "3"] });
  });
});

describe("golden alerts: payment_due", () => {
  // Visa due 11-05 (5 days: warning), minimum $35.00, statement $1,200.00. Store Card due 11-02
  // (2 days: urgent), minimum unknown: said so, never $0.00. Travel Card due 11-20: 20 days out.
  // Gas Card: due date unknown. Rewards Card due 11-03 with a $0.00 minimum and statement: nothing to pay.
  const alerts = alertsOf(ALERT_CUSTOMERS.paymentDue());
  it("fires for the two cards due within 7 days", () => expect(keys(alerts)).toEqual(["payment_due:alerts-due-store:2026-11-02", "payment_due:alerts-due-visa:2026-11-05"]));
  it("cites the minimum when known and says when it is unknown", () => {
    const visa = one(alerts, "payment_due:alerts-due-visa:2026-11-05");
    expect(visa.message).toBe(
      "The payment on your Visa ending in 4523 is due on November 5. The minimum payment is $35.00; the last statement balance was $1,200.00. Paying at least the minimum by the due date avoids a late fee.",
    );
    expect(visa).toMatchObject({ severity: "warning", disclaimer: DISCLAIMER });
    expect(cited(visa)).toEqual({ due_date: ["2026-11-05", "November 5"], minimum_payment_cents: [3500, "$35.00"], statement_balance_cents: [120000, "$1,200.00"] });
    const store = one(alerts, "payment_due:alerts-due-store:2026-11-02");
    expect(store.message).toBe("The payment on your Store Card ending in 9001 is due on November 2. The minimum payment amount was not reported by your bank. Paying at least the minimum by the due date avoids a late fee.");
    expect(store.message).not.toContain("$0.00");
    expect(store.severity).toBe("urgent");
    expect(store.trace.inputs.minimum_payment_cents).toBeNull();
    expect(cited(store)).toEqual({ due_date: ["2026-11-02", "November 2"] });
  });
});

describe("golden alerts: low_balance_forecast", () => {
  // $300.00 today. Projected: 11-05 rent −$1,200.00 → −$900.00 (first below $0, and lowest);
  // 11-13 pay +$1,000.00 (biweekly from 10-30) → $100.00; 11-14 phone −$65.00 → $35.00.
  const alerts = alertsOf(lowBalance());
  it("warns of the overdraft on November 5 (and the rent is an upcoming payment)", () => {
    expect(keys(alerts)).toEqual(["low_balance_forecast:alerts-low-chk:2026-11-05", "upcoming_payment:OAKWOOD PROPERTY:2026-11-05"]);
    const a = alerts[0];
    expect(a).toMatchObject({ severity: "urgent", event_date: "2026-11-05", disclaimer: DISCLAIMER, title: "Possible overdraft ahead" });
    expect(a.message).toBe(
      "The balance of your Everyday Checking ending in 0001 is $300.00 today. Expected payments of $1,200.00 (Oakwood Property $1,200.00 on November 5) could take it to -$900.00 by November 5. Your next expected deposit is on November 13. Moving money into this account before November 5 could cover these payments.",
    );
    expect(cited(a)).toMatchObject({ balance_cents: [30000, "$300.00"], lowest_cents: [-90000, "-$900.00"], lowest_date: ["2026-11-05", "November 5"], outflows_cents: [120000, "$1,200.00"], next_inflow_date: ["2026-11-13", "November 13"] });
  });
  it("does not fire when the balance is unknown (never assumed zero) or enough", () => {
    expect(keys(alertsOf(lowBalance("alerts-low-unknown", null)))).toEqual(["upcoming_payment:OAKWOOD PROPERTY:2026-11-05"]);
    expect(keys(alertsOf(lowBalance("alerts-low-enough", 130000)))).toEqual(["upcoming_payment:OAKWOOD PROPERTY:2026-11-05"]);
  });
  it("projects from the available balance when the current one is unknown", () => {
    const input = lowBalance("alerts-low-available");
    input.accounts[0] = { ...input.accounts[0], current_cents: null, available_cents: 50000 };
    const a = alertsOf(input)[0];
    expect(a.kind).toBe("low_balance_forecast");
    expect(a.trace.inputs).toMatchObject({ balance_cents: 50000, balance_source: "available", lowest_cents: -70000 });
  });
});

describe("golden alerts: unusual_amount", () => {
  // Corner Hardware $480.00 vs the median of 4,000 4,200 3,800 4,500 4,100 = 4,100: 11.7×, +$439.
  // Luxe Electronics is new: its category (GENERAL_MERCHANDISE) had 11 earlier charges (the
  // hardware six, Book Nook five) → median 4,000; 90,000 / 4,000 = 22.5×.
  // Book Nook $100.00 vs $40.00 is 2.5× (< 3). Garden Shop has only 2 earlier charges. Web
  // Services $160.00 is 4.3× its median 3,750 but under 1.5 × its earlier $150.00 = $225.00.
  const alerts = alertsOf(ALERT_CUSTOMERS.unusualAmount());
  it("fires for the two charges far out of pattern", () => expect(keys(alerts)).toEqual(["unusual_amount:alerts-unusual-t020", "unusual_amount:alerts-unusual-t021"]));
  it("cites the amount, the usual amount and the multiple; needs review", () => {
    const [hw, lux] = alerts;
    expect(hw.message).toBe("A charge of $480.00 at Corner Hardware on October 20 is 11.7 times your usual $41.00 there, the median of 5 earlier charges. If you don't recognize it, you could contact your bank or the merchant.");
    expect(hw).toMatchObject({ severity: "urgent", needs_review: true, disclaimer: DISCLAIMER, transaction_ids: ["alerts-unusual-t020"] });
    expect(cited(hw)).toMatchObject({ amount_cents: [48000, "$480.00"], median_cents: [4100, "$41.00"], multiple: [11.7, "11.7"], prior_count: [5, "5"] });
    expect(hw.trace.inputs).toMatchObject({ pattern: "amount", basis: "merchant" });
    expect(lux.message).toBe(
      "A charge of $900.00 at Luxe Electronics on October 25 is 22.5 times your usual $40.00 for General merchandise (Luxe Electronics is a new merchant for you), the median of 11 earlier charges. If you don't recognize it, you could contact your bank or the merchant.",
    );
    expect(lux.trace.inputs).toMatchObject({ basis: "category", median_cents: 4000, prior_count: 11, multiple: 22.5 });
  });
});

describe("golden alerts: bursts (card testing, new-merchant burst)", () => {
  // 10-27 ABC Digital $1.00, XYZ Online $1.50; 10-28 ABC Digital $0.99: 3 charges ≤ $2.00 within
  // 2 days at merchants never seen before → card testing, $3.49. 10-29: Gadget Hub $350, Phone
  // Land $420, Gift Cards Now $500 — 3 new merchants in a day, $1,270.00 ≥ $500.00. Near-misses:
  // three $1.75 coffees a day at a café seen since 09-01 (not new; routine, not duplicates);
  // 3 new merchants on 10-30 totalling $90.00 (< $500.00).
  const alerts = alertsOf(ALERT_CUSTOMERS.bursts());
  it("fires one alert per burst", () => expect(keys(alerts)).toEqual(["unusual_amount:card_testing:alerts-burst-t198", "unusual_amount:new_merchant_burst:alerts-burst-t201"]));
  it("names the pattern in the trace and cites count and total", () => {
    const [ct, burst] = alerts;
    expect(ct.trace.inputs.pattern).toBe("card_testing");
    expect(ct.message).toBe(
      "3 small charges of $2.00 or less, $3.49 in total, were made on October 27 to October 28 at merchants new to you (ABC Digital, XYZ Online). Small test charges can come before larger ones. If you don't recognize them, you could contact your bank or the merchant.",
    );
    expect(ct).toMatchObject({ severity: "urgent", needs_review: true, transaction_ids: ["alerts-burst-t198", "alerts-burst-t199", "alerts-burst-t200"] });
    expect(cited(ct)).toEqual({ charge_count: [3, "3"], total_cents: [349, "$3.49"], first_date: ["2026-10-27", "October 27"] });
    expect(burst.trace.inputs.pattern).toBe("new_merchant_burst");
    expect(burst.message).toBe("3 charges totalling $1,270.00 were made on October 29 at merchants new to you (Gadget Hub, Phone Land, Gift Cards Now). If you don't recognize them, you could contact your bank or the merchant.");
    expect(cited(burst).total_cents).toEqual([127000, "$1,270.00"]);
  });
});

describe("golden alerts: duplicate_charge", () => {
  // Target $54.20 on 10-14 and 10-15 (1 day apart; Target never repeated within a day before).
  // Blue Bottle $4.50 twice every day: a routine, not a duplicate. Best Buy $30.00 3 days apart.
  const alerts = alertsOf(ALERT_CUSTOMERS.duplicate());
  it("fires once, keyed on the later charge", () => expect(keys(alerts)).toEqual(["duplicate_charge:alerts-dup-t019"]));
  it("cites the amount and the dates; needs review", () => {
    expect(alerts[0].message).toBe("2 charges of $54.20 at Target on October 14 and October 15. If you made only one purchase, you could contact the merchant or your bank.");
    expect(alerts[0]).toMatchObject({ needs_review: true, disclaimer: DISCLAIMER, transaction_ids: ["alerts-dup-t018", "alerts-dup-t019"] });
    expect(cited(alerts[0])).toEqual({ charge_count: [2, "2"], amount_cents: [5420, "$54.20"], first_date: ["2026-10-14", "October 14"] });
  });
});

describe("golden alerts: duplicate_charge where repeats are, or are not, ordinary", () => {
  // Morning Cup: a coffee every day since 09-01 ($5.50, $6.00, $6.50, $5.75, $6.25 in turn), so
  // visits within a day are routine but the same amount within a day never happened: $6.40 twice
  // on 10-20 is a duplicate (0 earlier same-amount repeats, 0 earlier charges of $6.40).
  // ATM Withdrawal $100.00 on 10-12 and 10-13: cash (TRANSFER_OUT_WITHDRAWAL), not a purchase.
  // Clipper $2.90 every 3 days from 09-02 (16 fares) and twice on 10-21: 16 earlier charges of
  // exactly $2.90 ≥ 3 → a fixed fare, not a duplicate. Morning Cup $7.10 on 10-25 on checking
  // and on the Rewards Card: two accounts, two purchases.
  const alerts = alertsOf(ALERT_CUSTOMERS.routineRepeats());
  it("flags the duplicate at a daily coffee shop, not cash withdrawals, a fixed fare or equal charges on two cards", () => expect(keys(alerts)).toEqual(["duplicate_charge:alerts-routine-t076"]));
  it("cites the coffee duplicate and records why it is not routine", () => {
    const [dup] = alerts;
    expect(dup.message).toBe("2 charges of $6.40 at Morning Cup on October 20. If you made only one purchase, you could contact the merchant or your bank.");
    expect(dup.transaction_ids).toEqual(["alerts-routine-t075", "alerts-routine-t076"]);
    expect(cited(dup)).toEqual({ charge_count: [2, "2"], amount_cents: [640, "$6.40"], first_date: ["2026-10-20", "October 20"] });
    expect(dup.trace.inputs).toMatchObject({ earlier_repeats: 0, earlier_same_amount: 0 });
  });
});

describe("golden alerts: one alert per event (a burst is not also a duplicate)", () => {
  // Pay Test $1.50 twice on 10-27 and Other Shop $1.20 on 10-28: 3 charges of at most $2.00 within
  // 2 days at new merchants: card testing ($4.20). The two equal $1.50 charges belong to that burst.
  const alerts = alertsOf(ALERT_CUSTOMERS.burstRepeat());
  it("reports the card testing only", () => expect(keys(alerts)).toEqual(["unusual_amount:card_testing:alerts-burst-repeat-t016"]));
});

describe("golden alerts: unusual_amount against the merchant's own spread", () => {
  // Corner Café: 51 daily coffees before 10-22 (median $6.00, largest $6.50, log spread 0.063),
  // $48.00 = 8×, $42.00 above the median. The least difference is min($50.00, 20% of the monthly
  // coffee spend) = 20% × (30,550 × 30.4375 / 51 days = 18,233) = $36.47, so it fires.
  // Online Market: 11 baskets $6.00 … $50.00, median $14.00; $90.00 is 6.4× the median and 1.8×
  // the largest, but its log spread is 1.4826 × 0.539 = 0.80 and ln(6.43) = 1.86 < 3.5 × 0.80.
  const alerts = alertsOf(ALERT_CUSTOMERS.spreadMerchants());
  it("flags 8× at a coffee shop, not a large basket at a wide-ranging marketplace", () => expect(keys(alerts)).toEqual(["unusual_amount:alerts-spread-t075"]));
  it("cites the usual amount and records the least difference", () => {
    const [cafe] = alerts;
    expect(cafe.message).toBe("A charge of $48.00 at Corner Café on October 22 is 8 times your usual $6.00 there, the median of 51 earlier charges. If you don't recognize it, you could contact your bank or the merchant.");
    expect(cited(cafe)).toMatchObject({ amount_cents: [4800, "$48.00"], median_cents: [600, "$6.00"], multiple: [8, "8"], prior_count: [51, "51"] });
    expect(cafe.trace.inputs).toMatchObject({ min_difference_cents: 3647, prior_max_cents: 650 });
  });
});

describe("golden alerts: fee_charged", () => {
  // Overdraft $34.00 on 10-12 (warning: a penalty fee) and ATM $3.00 on 10-20 (info). The 09-15
  // overdraft is older than 30 days; interest is not a fee.
  const alerts = alertsOf(ALERT_CUSTOMERS.fees());
  it("one alert per recent fee", () => expect(keys(alerts)).toEqual(["fee_charged:alerts-fee-t016", "fee_charged:alerts-fee-t017"]));
  it("states the fee, date and account", () => {
    expect(alerts.map((a) => [a.severity, a.message])).toEqual([
      ["warning", 'A $34.00 overdraft fee ("OVERDRAFT FEE") was charged on October 12 to Everyday Checking ending in 0001.'],
      ["info", 'A $3.00 ATM fee ("ATM FEE") was charged on October 20 to Everyday Checking ending in 0001.'],
    ]);
    expect(alerts[0].disclaimer).toBeNull();
  });
});

describe("golden alerts: budget_80 / budget_100", () => {
  const status = (budget_id: string, category: string, amount: number, spent: number): BudgetStatus => ({
    budget_id,
    category,
    currency: "USD",
    period: "2026-10",
    period_start: "2026-10-01",
    period_end: "2026-10-31",
    amount_cents: amount,
    spent_cents: spent,
    remaining_cents: amount - spent,
    percent_used: amount === 0 ? null : Math.round((spent * 1000) / amount) / 10,
    projected_cents: spent,
    days_elapsed: 31,
    days_in_period: 31,
    status: spent > amount ? "over" : "on_track",
    history: [],
    notes: [],
  });
  // Food 42,500 / 50,000 = 85% (≥ 80, < 100); Transport 23,000 / 20,000 = 115%; Shopping 79.9%;
  // an amount of 0 has no percentage.
  const input = customer("alerts-budget").input();
  const budgets = [status("b-food", "FOOD_AND_DRINK", 50000, 42500), status("b-car", "TRANSPORTATION", 20000, 23000), status("b-shop", "GENERAL_MERCHANDISE", 100000, 79900), status("b-zero", "TRAVEL", 0, 1000)];
  const alerts = detectAlerts(prepare(input, ALERTS_AS_OF, DEFAULT_CONFIG), budgets, DEFAULT_CONFIG);
  it("fires at 80% and at 100%, one per budget and month", () => expect(keys(alerts)).toEqual(["budget_100:b-car:2026-10", "budget_80:b-food:2026-10"]));
  it("states what was spent of the budget", () => {
    const [over, warn] = alerts;
    expect(warn.message).toBe("You have used 85% of your Food and drink budget for October: $425.00 of $500.00, $75.00 left.");
    expect(over.message).toBe("You have used 115% of your Transportation budget for October: $230.00 of $200.00, $30.00 over.");
    expect(over.severity).toBe("warning");
    expect(cited(warn)).toEqual({ percent_used: [85, "85%"], spent_cents: [42500, "$425.00"], amount_cents: [50000, "$500.00"], remaining_cents: [7500, "$75.00"] });
  });
});

describe("alert keys are stable across asOfs (same event → same key)", () => {
  it.each([
    ["fees", "2026-11-05", "fee_charged:alerts-fee-t016"],
    ["duplicate", "2026-11-10", "duplicate_charge:alerts-dup-t019"],
    ["upcoming", "2026-11-01", "upcoming_payment:NETFLIX:2026-11-03"],
    ["lowBalance", "2026-11-02", "low_balance_forecast:alerts-low-chk:2026-11-05"],
    ["priceIncrease", "2026-11-15", "price_increase:SPOTIFY:2026-10-20"],
  ] as const)("%s at %s", (name, later, key) => {
    expect(keys(alertsOf(ALERT_CUSTOMERS[name]()))).toContain(key);
    expect(keys(alertsOf(ALERT_CUSTOMERS[name](), later))).toContain(key);
  });
  it("events older than the lookback no longer alert", () => {
    expect(keys(alertsOf(ALERT_CUSTOMERS.fees(), "2026-11-30"))).toEqual([]);
  });
});
