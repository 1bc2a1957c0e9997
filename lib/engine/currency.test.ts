// Money keeps its currency (issue 12, point 6): a customer whose money is in EUR is told euros
// and is not offered US products; amounts in different currencies are never added together.
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, run, type EngineResult } from "./index";
import { CATALOG_SEED } from "./recommend/catalog-seed";
import { feeFighter, GOLDEN_AS_OF } from "./testing/golden-customers";
import type { CustomerInput } from "./types";

type Consented = Extract<EngineResult, { consent: true }>;
const runOn = (input: CustomerInput) => run(input, DEFAULT_CONFIG, GOLDEN_AS_OF, { catalog: CATALOG_SEED, recentlyShown: [] }) as Consented;

function inCurrency(input: CustomerInput, currency: string): CustomerInput {
  return { ...input, accounts: input.accounts.map((a) => ({ ...a, currency })), transactions: input.transactions.map((t) => ({ ...t, currency })) };
}

describe("currency", () => {
  const usd = runOn(feeFighter());

  it("a EUR customer's rationales read in euros, never dollars", () => {
    const eur = runOn(inCurrency(feeFighter(), "EUR"));
    const w = eur.windows["30d"];
    expect(w.signals.currency).toBe("EUR");
    expect(w.signals.spend).toEqual(usd.windows["30d"].signals.spend);
    const alerts = w.recommendations.find((r) => r.content_id === "edu-low-balance-alerts")!;
    expect(alerts.rationale).toContain("totaling €68.00 in the last 30 days");
    expect(w.recommendations.map((r) => r.rationale).join(" ")).not.toContain("$");
  });

  it("US partner offers state their market and are not made to a EUR customer", () => {
    expect(usd.windows["30d"].recommendations.filter((r) => r.kind === "offer").length).toBeGreaterThan(0);
    const w = runOn(inCurrency(feeFighter(), "EUR")).windows["30d"];
    expect(w.recommendations.filter((r) => r.kind === "offer")).toEqual([]);
    expect(w.trace.candidates.find((c) => c.content_id === "offer-lookout-balance-alerts")).toMatchObject({
      eligible: false,
      eligibility_reasons: ["serves US customers (USD); this customer's money is in EUR"],
    });
    expect(CATALOG_SEED.filter((c) => c.kind === "offer").every((c) => c.eligibility.markets?.length)).toBe(true);
  });

  it("money in another currency is left out of every sum and reported, not added", () => {
    const base = feeFighter();
    const gbp = {
      ...base,
      accounts: [...base.accounts, { account_id: "acc_gbp", type: "depository", subtype: "checking", name: "UK current account", mask: "4242", current_cents: 500_000, available_cents: 500_000, limit_cents: null, holder_category: "personal", currency: "GBP" }],
      transactions: [
        ...base.transactions,
        ...["2026-10-05", "2026-10-12", "2026-10-19"].map((date, i) => ({
          transaction_id: `gbp_${i}`, account_id: "acc_gbp", date, amount_cents: 12_000, name: "TESCO STORES", merchant_name: "Tesco", merchant_entity_id: null,
          merchant_kind: null, pfc_primary: "FOOD_AND_DRINK", pfc_detailed: "FOOD_AND_DRINK_GROCERIES", pending: false, currency: "GBP",
        })),
      ],
    };
    const w = runOn(gbp).windows["30d"];
    expect(w.signals.currency).toBe("USD");
    expect(w.signals.spend).toEqual(usd.windows["30d"].signals.spend);
    expect(w.signals.income.checking_balance_cents).toBe(usd.windows["30d"].signals.income.checking_balance_cents);
    expect(w.signals.excluded_currencies).toEqual([{ currency: "GBP", accounts: 1, transactions: 3, amount_cents: 36_000 }]);
    expect(usd.windows["30d"].signals.excluded_currencies).toEqual([]);
  });
});
