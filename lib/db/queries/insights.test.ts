import { describe, expect, it } from "vitest";
import { transitionsFromHistory } from "./insights";

describe("persona transitions from histories", () => {
  it("counts every change between consecutive assignment dates, with its direction, whatever the order of rows", () => {
    const h = [
      { user_id: "a", as_of: "2026-10-31", primary: "savings_builder" },
      { user_id: "a", as_of: "2026-08-31", primary: "high_utilization" },
      { user_id: "a", as_of: "2026-09-30", primary: "high_utilization" },
      { user_id: "b", as_of: "2026-08-31", primary: "savings_builder" },
      { user_id: "b", as_of: "2026-09-30", primary: "fee_fighter" },
      { user_id: "b", as_of: "2026-10-31", primary: null },
      { user_id: "c", as_of: "2026-10-31", primary: "fee_fighter" },
    ];
    const t = transitionsFromHistory(h);
    expect(t.dates).toEqual(["2026-08-31", "2026-09-30", "2026-10-31"]);
    expect(t.customersWithHistory).toBe(2);
    expect(t.rows).toEqual(
      expect.arrayContaining([
        { from: "high_utilization", to: "savings_builder", kind: "positive", count: 1 },
        { from: "savings_builder", to: "fee_fighter", kind: "negative", count: 1 },
        { from: "fee_fighter", to: "none", kind: "no_longer_matched", count: 1 },
      ]),
    );
    expect(t.rows).toHaveLength(3);
  });
  it("a single date has no transitions", () => {
    expect(transitionsFromHistory([{ user_id: "a", as_of: "2026-10-31", primary: "fee_fighter" }]).rows).toEqual([]);
  });
});
