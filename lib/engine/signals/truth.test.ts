// Issue 12, "Telling the truth" (points 7, 9, 10, 11): small hand-built customers, each the
// shape of a case the product owner reported, run through the whole engine.
import { describe, expect, it } from "vitest";
import { addDays } from "../../data/dates";
import { DEFAULT_CONFIG, run } from "..";
import { checkEligibility } from "../guardrails/eligibility";
import { CATALOG_SEED } from "../recommend/catalog-seed";
import type { CustomerInput, EngineAccount, EngineTransaction } from "../types";

const AS_OF = "2026-10-31";
let n = 0;
const tx = (account_id: string, date: string, amount_cents: number, name: string, pfc: [string, string], extra: Partial<EngineTransaction> = {}): EngineTransaction => ({
  transaction_id: `t${String(++n).padStart(4, "0")}`,
  account_id,
  date,
  amount_cents,
  name,
  merchant_name: null,
  merchant_entity_id: null,
  merchant_kind: null,
  pfc_primary: pfc[0],
  pfc_detailed: pfc[1],
  pending: false,
  ...extra,
});
const account = (account_id: string, type: string, subtype: string, current_cents: number | null, limit_cents: number | null = null): EngineAccount => ({
  account_id,
  type,
  subtype,
  name: subtype === "credit card" ? "Chase Sapphire Preferred" : `My ${subtype}`,
  mask: "4857",
  current_cents,
  available_cents: current_cents,
  limit_cents,
  holder_category: "personal",
});
const customer = (accounts: EngineAccount[], transactions: EngineTransaction[], credit: CustomerInput["credit"] = []): CustomerInput => ({ user_id: "u1", consent: true, credit_score: 700, accounts, transactions, credit });
const runIt = (input: CustomerInput) => {
  const r = run(input, DEFAULT_CONFIG, AS_OF, { catalog: CATALOG_SEED, recentlyShown: [] });
  if (!r.consent) throw new Error("refused");
  return r.windows;
};
/** The 1st of each of the `count` months up to October 2026. */
const monthly = (day: number, count: number) => Array.from({ length: count }, (_, i) => `2026-${String(10 - count + 1 + i).padStart(2, "0")}-${String(day).padStart(2, "0")}`);

const WAGES: [string, string] = ["INCOME", "INCOME_WAGES"];
const GROCERIES: [string, string] = ["FOOD_AND_DRINK", "FOOD_AND_DRINK_GROCERIES"];
const MORTGAGE: [string, string] = ["LOAN_PAYMENTS", "LOAN_PAYMENTS_MORTGAGE_PAYMENT"];
const INTEREST: [string, string] = ["BANK_FEES", "BANK_FEES_INTEREST_CHARGE"];
const TO_SAVINGS: [string, string] = ["TRANSFER_IN", "TRANSFER_IN_SAVINGS"];

/** A salaried customer: $4,166.66 on the 8th of each month for 10 months, groceries weekly, a mortgage. */
function salaried(checkingBalance: number | null, extra: { accounts?: EngineAccount[]; txs?: EngineTransaction[] } = {}) {
  const txs = [
    ...monthly(8, 10).map((d) => tx("chk", d, -416666, "Direct Deposit - Excelsior Welding Company", WAGES)),
    ...monthly(6, 10).map((d) => tx("chk", d, 274500, "Mortgage Payment", MORTGAGE, { merchant_kind: "bill" })),
    ...Array.from({ length: 40 }, (_, k) => tx("chk", addDays("2026-01-10", 7 * k), 9000 + (k % 3) * 1500, "SAFEWAY", GROCERIES)),
    ...(extra.txs ?? []),
  ];
  return customer([account("chk", "depository", "checking", checkingBalance), ...(extra.accounts ?? [])], txs);
}

describe("7. unknown is not zero", () => {
  it("a null checking balance leaves the buffer unknown: no Variable Income from a guessed $0, nothing cites it", () => {
    const w = runIt(salaried(null));
    for (const id of ["30d", "180d"] as const) {
      const { signals, persona, recommendations } = w[id];
      expect(signals.income.checking_balance_cents).toBeNull();
      expect(signals.income.buffer_months).toBeNull();
      expect(signals.sufficiency.unavailable.map((u) => u.signal)).toContain("income.buffer_months");
      const buffer = persona.evaluations.find((e) => e.persona === "variable_income")!.checks.find((c) => c.id === "cash_flow_buffer")!;
      expect(buffer).toMatchObject({ value: null, met: false, evaluable: false, note: "not evaluable: income.buffer_months is unknown" });
      expect(persona.primary).not.toBe("variable_income");
      for (const r of recommendations) {
        expect(r.rationale).not.toMatch(/\$0\.00|checking balance/);
        expect(r.citations.every((c) => c.value !== null)).toBe(true);
      }
    }
    // With the balance known the same customer is judged: $300 covers well under a month.
    expect(runIt(salaried(30000))["180d"].signals.income.buffer_months).toBe(0.1);
  });

  it("a null savings balance gives no growth, no emergency-fund months and no '$0.00' rationale", () => {
    const txs = monthly(20, 6).map((d) => tx("sav", d, -40000, "ONLINE TRANSFER FROM CHK", TO_SAVINGS));
    const w = runIt(salaried(500000, { accounts: [account("sav", "depository", "savings", null)], txs }));
    const s = w["180d"].signals.savings;
    expect(s).toMatchObject({ has_savings_account: true, balance_cents: null, net_inflow_cents: 240000, net_inflow_monthly_cents: 40000, growth_rate_pct: null, emergency_fund_months: null });
    for (const r of w["180d"].recommendations) expect(r.rationale).not.toMatch(/savings of \$0|-100%|0 months/);
    // The inflow alone is known and cited.
    expect(w["180d"].recommendations.some((r) => r.rationale.includes("You've added about $400 a month to savings"))).toBe(true);
  });

  it("a card without a balance has no utilisation, and 'every card under 30%' is not evaluable", () => {
    const txs = monthly(20, 6).map((d) => tx("sav", d, -40000, "ONLINE TRANSFER FROM CHK", TO_SAVINGS));
    const w = runIt(salaried(500000, { accounts: [account("sav", "depository", "savings", 2000000), account("card", "credit", "credit card", null, 1000000)], txs }));
    const { signals, persona } = w["180d"];
    expect(signals.credit.cards[0]).toMatchObject({ balance_cents: null, utilization_pct: null });
    expect(signals.credit).toMatchObject({ max_utilization_pct: null, utilization_unknown_count: 1 });
    const check = persona.evaluations.find((e) => e.persona === "savings_builder")!.checks.find((c) => c.id === "all_cards_under_30")!;
    expect(check).toMatchObject({ met: false, evaluable: false });
    expect(persona.primary).not.toBe("savings_builder");
  });

  it("an offer that needs every card under a utilisation is not offered while a card's is unknown", () => {
    const w = runIt(salaried(500000, { accounts: [account("card", "credit", "credit card", null, 1000000)] }));
    expect(checkEligibility({ max_utilization_pct: 90 }, w["180d"].signals, { credit_score: 800, held_subtypes: [] })).toEqual(["the offer needs every card under 90%; a card's utilization is unknown"]);
  });
});

describe("9. no monthly figures from days of data", () => {
  it("one statement's interest is that month's interest, in both windows (not ×30, not ÷6)", () => {
    // $170.69 interest and one purchase, both on asOf: one day of history.
    const input = customer([account("card", "credit", "credit card", 560000, 1000000)], [tx("card", AS_OF, 17069, "INTEREST CHARGE ON PURCHASES", INTEREST), tx("card", AS_OF, 1100000, "BEST BUY", GROCERIES)]);
    const w = runIt(input);
    for (const id of ["30d", "180d"] as const) {
      const s = w[id].signals;
      expect(s.credit.cards[0]).toMatchObject({ interest_cents: 17069, interest_cycles: 1, interest_monthly_cents: 17069 });
      expect(s.credit.interest_monthly_cents).toBe(17069);
      // One day of spend is a total over one day, not $1.1M "a month".
      expect(s.spend).toEqual({ total_cents: 1117069, monthly_cents: null, transaction_count: 2 });
      expect(s.covered_days).toBe(1);
    }
  });

  it("a statement's interest from the liability is one cycle in the 180d window", () => {
    const input = salaried(500000, { accounts: [account("card", "credit", "credit card", 300000, 1000000)] });
    input.credit = [{ account_id: "card", aprs: [{ apr_type: "purchase_apr", apr_percentage: 24.99, interest_charge_amount_cents: 17069 }], minimum_payment_cents: null, last_payment_cents: null, last_payment_date: null, last_statement_balance_cents: null, last_statement_issue_date: "2026-10-15", is_overdue: false }];
    expect(runIt(input)["180d"].signals.credit).toMatchObject({ interest_cents: 17069, interest_monthly_cents: 17069 });
  });

  it("rationales name the span the data covers", () => {
    // History from 2026-06-01: 153 days, so the 180d window covers about 5 months.
    const txs = [
      ...["2026-06-01", "2026-07-01", "2026-08-01", "2026-09-01", "2026-10-01"].map((d) => tx("sav", d, -40000, "ONLINE TRANSFER FROM CHK", TO_SAVINGS)),
      ...Array.from({ length: 20 }, (_, k) => tx("chk", addDays("2026-06-02", 7 * k), 5000, "SAFEWAY", GROCERIES)),
    ];
    const w = runIt(customer([account("chk", "depository", "checking", 300000), account("sav", "depository", "savings", 1000000)], txs))["180d"];
    expect(w.signals.covered_days).toBe(153);
    expect(w.recommendations.some((r) => /to savings over the last 5 months/.test(r.rationale))).toBe(true);
    expect(w.recommendations.some((r) => /6 months/.test(r.rationale))).toBe(false);
  });
});

describe("10. sufficiency by history, not by a count", () => {
  it("200 days of history and 9 settled transactions in the last 30 days: the 30d window is computed", () => {
    const first = addDays(AS_OF, -199);
    const txs = [
      tx("chk", first, 5000, "SAFEWAY", GROCERIES),
      ...monthly(5, 6).map((d) => tx("chk", d, -300000, "ACME PAYROLL", WAGES)), // May 5 … Oct 5
      ...Array.from({ length: 8 }, (_, k) => tx("chk", addDays("2026-10-03", 3 * k), 4000 + k, "SAFEWAY", GROCERIES)),
    ];
    const w = runIt(customer([account("chk", "depository", "checking", 200000)], txs))["30d"];
    expect(w.signals.sufficiency).toMatchObject({ sufficient: true, history_days: 200, transactions_in_window: 9, reasons: [] });
    expect(w.recommendations.length).toBeGreaterThan(0);
  });
});

describe("11. streams survive one missed occurrence", () => {
  it("a year-long mortgage missing one month stays a stream, and says so", () => {
    const dates = ["2025-11-06", "2025-12-06", "2026-01-06", "2026-02-05", "2026-03-06", "2026-04-06", "2026-05-06", "2026-06-08", "2026-07-08", /* August missed */ "2026-09-08", "2026-10-08"];
    const txs = dates.map((d) => tx("chk", d, 274500, "Mortgage Payment", MORTGAGE, { merchant_kind: "bill" }));
    const s = runIt(customer([account("chk", "depository", "checking", 500000)], txs))["180d"].signals;
    const stream = s.subscriptions.streams.find((x) => x.key === "MORTGAGE");
    expect(stream).toMatchObject({ class: "bill", cadence: "monthly", missed_occurrences: 1, typical_amount_cents: 274500 });
    // Two missing months are not one missed occurrence.
    const twoMissed = dates.filter((d) => d !== "2026-06-08"); // and August
    const s2 = runIt(customer([account("chk", "depository", "checking", 500000)], twoMissed.map((d) => tx("chk", d, 274500, "Mortgage Payment", MORTGAGE, { merchant_kind: "bill" }))))["180d"].signals;
    expect(s2.subscriptions.streams).toEqual([]);
  });
});

describe("12. history is the continuous run of activity (issue 12, gap 1)", () => {
  it("one savings line two years old does not make 30 days of checking six months", () => {
    // Checking: $60 of groceries every day 2026-10-02 … 10-31 (30 days, $1,800) and one $3,000 paycheck.
    const txs = [
      tx("sav", "2024-08-15", 170812, "CRD AUTOPAY", ["TRANSFER_OUT", "TRANSFER_OUT_ACCOUNT_TRANSFER"]),
      ...Array.from({ length: 30 }, (_, k) => tx("chk", addDays("2026-10-02", k), 6000, "SAFEWAY", GROCERIES)),
      tx("chk", "2026-10-15", -300000, "ACME PAYROLL", WAGES),
    ];
    const w = runIt(customer([account("chk", "depository", "checking", 360000), account("sav", "depository", "savings", 100000)], txs));
    for (const id of ["30d", "180d"] as const) {
      const s = w[id].signals;
      // 2026-10-02 … 10-31 = 30 days; a month of spend is $1,800, not $1,800 ÷ 6 = $300.
      expect(s.covered_days).toBe(30);
      expect(s.spend).toEqual({ total_cents: 180000, monthly_cents: 180000, transaction_count: 30 });
      expect(s.income.monthly_income_cents).toBe(300000);
      // $3,600 ÷ $1,800 = 2 months of buffer (not 12).
      expect(s.income.buffer_months).toBe(2);
      expect(s.sufficiency).toMatchObject({ sufficient: false, history_days: 30 });
    }
  });
});

describe("13. income per source, at its pay rate (issue 12, gaps 3 and 5)", () => {
  it("a monthly salary is its pay and steady, though a payday fell a day before the lookback", () => {
    // $5,500 on the 2nd, 2026-05-02 … 10-02. 30d lookback 08-02 … 10-31 sees 09-02 and 10-02 only
    // (08-02 is day 91). Old: 2 × 550,000 ÷ 3 = 366,667 and variability 0.71 over [0, 5,500, 5,500].
    const txs = [
      ...["2026-05-02", "2026-06-02", "2026-07-02", "2026-08-01", "2026-09-02", "2026-10-02"].map((d) => tx("chk", d, -550000, "ACME PAYROLL", WAGES)),
      ...Array.from({ length: 26 }, (_, k) => tx("chk", addDays("2026-05-03", 7 * k), 9000, "SAFEWAY", GROCERIES)),
    ];
    const s = runIt(customer([account("chk", "depository", "checking", 300000)], txs))["30d"].signals;
    expect(s.income).toMatchObject({ frequency: "monthly", median_pay_gap_days: 30, monthly_income_cents: 550000, income_variability: 0 });
  });

  it("several payers are not pooled: the main one's cadence, each with its own", () => {
    // Monthly pension $2,500 on the 3rd (May … Oct); weekly $100 tips Sep 1 … Oct 27 (9 × $100).
    // Pooled, the gaps would be mostly 7 days ("weekly"). Per source: the pension, 06-03 … 10-03 in the
    // 180d lookback (05-04 … 10-31: 5 deposits, $12,500, gaps 31 30 31 30), is the main one, monthly; tips weekly. Pay rate: 250,000 + 10,000 × 30.4375 ÷ 7 (43,482) = 293,482.
    const txs = [
      ...monthly(3, 6).map((d) => tx("chk", d, -250000, "STATE PENSION", ["INCOME", "INCOME_RETIREMENT_PENSION"])),
      ...Array.from({ length: 9 }, (_, k) => tx("chk", addDays("2026-09-01", 7 * k), -10000, "TIPS POOL", ["INCOME", "INCOME_OTHER_INCOME"])),
      ...Array.from({ length: 26 }, (_, k) => tx("chk", addDays("2026-05-03", 7 * k), 9000, "SAFEWAY", GROCERIES)),
    ];
    const s = runIt(customer([account("chk", "depository", "checking", 300000)], txs))["180d"].signals;
    expect(s.income).toMatchObject({ pay_events: 5, frequency: "monthly", median_pay_gap_days: 30.5, monthly_income_cents: 293482 });
    expect(s.income.sources.map((x) => [x.name, x.frequency, x.monthly_rate_cents])).toEqual([
      ["STATE PENSION", "monthly", 250000],
      ["TIPS POOL", "weekly", 43482],
    ]);
  });
});

describe("14. a known value decides; no history is not 0% (issue 12, gaps 6 and 10)", () => {
  it("a failing pay gap decides Variable Income though the buffer is unknown; no savings account decides Savings Builder", () => {
    const { persona } = runIt(salaried(null))["180d"];
    // Pay gap 31 ≤ 45 is known and fails the "all": not met, judged — not "could not be judged".
    expect(persona.evaluations.find((e) => e.persona === "variable_income")).toMatchObject({ matched: false, judged: true });
    expect(persona.evaluations.find((e) => e.persona === "savings_builder")).toMatchObject({ matched: false, judged: true });
    expect(persona.reason).not.toContain("could not be judged");
  });

  it("a card with no limit leaves High Utilization truly unjudged", () => {
    const { persona } = runIt(salaried(500000, { accounts: [account("card", "credit", "credit card", 1000000, null)] }))["180d"];
    expect(persona.evaluations.find((e) => e.persona === "high_utilization")).toMatchObject({ matched: false, judged: false, closeness: 0 });
  });

  it("savings with a balance and no transactions: growth unknown, not 0%", () => {
    const s = runIt(customer([account("chk", "depository", "checking", 654323), account("sav", "depository", "savings", 27564912)], []))["180d"].signals;
    expect(s.savings).toMatchObject({ balance_cents: 27564912, net_inflow_cents: 0, growth_rate_pct: null });
    expect(s.sufficiency.unavailable).toContainEqual({ signal: "savings.growth_rate_pct", reason: "no transactions yet: there is no history to grow over" });
  });
});
