import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, run } from "../engine";
import { CATALOG_SEED } from "../engine/recommend/catalog-seed";
import type { WindowSignals } from "../engine/signals/types";
import { GOLDEN_AS_OF, highUtilization } from "../engine/testing/golden-customers";
import { detectBehaviours } from "./behaviours";

function signals(): WindowSignals {
  const r = run(highUtilization(), DEFAULT_CONFIG, GOLDEN_AS_OF, { catalog: CATALOG_SEED, recentlyShown: [] });
  if (!r.consent) throw new Error("refused");
  return structuredClone(r.windows["180d"].signals);
}

describe("detected behaviours (one per signal family)", () => {
  it("reads each family from the signals", () => {
    const s = signals();
    s.subscriptions.subscription_count = 0;
    s.subscriptions.bill_count = 1;
    s.savings = { ...s.savings, has_savings_account: true, balance_cents: 0, net_inflow_cents: 0 };
    s.credit.max_utilization_pct = 68;
    s.income.pay_events = 6;
    s.fees.total = { count: 0, cents: 0 };
    expect(detectBehaviours(s)).toEqual(["recurring_payments", "credit", "income"]);
    s.savings.net_inflow_cents = -5000; // drawing savings down is savings behaviour too
    s.fees.total = { count: 1, cents: 300 };
    expect(detectBehaviours(s)).toEqual(["recurring_payments", "savings", "credit", "income", "fees"]);
    s.subscriptions.bill_count = 0;
    s.credit.max_utilization_pct = null; // no card with a limit
    s.income.pay_events = 0;
    expect(detectBehaviours(s)).toEqual(["savings", "fees"]);
  });
});
