import { describe, expect, it } from "vitest";
import { alertQualityRows } from "./alert-quality";

describe("alert precision and recall rows", () => {
  it("reads each measured kind with its aim and whether it was met; unknown is never zero", () => {
    const rows = alertQualityRows({
      alerts: {
        duplicate_charge: { precision: 0.95, recall: 0.85, support: 40 },
        unusual_amount: { precision: 0.7, recall: 0.9, support: 12 },
        price_increase: { precision: null, recall: null, support: 0 },
        fee_charged: { precision: 1, recall: 1, support: 30 },
      },
    });
    expect(rows.map((r) => [r.label, r.meets])).toEqual([
      ["Subscription price went up", null],
      ["Unusual amount", false],
      ["Possible duplicate charge", true],
      ["Fee charged", null],
    ]);
    expect(rows[0]).toMatchObject({ precision: null, recall: null, support: 0 });
    expect(rows[3]!.aim).toBeNull();
  });

  it("is empty for an evaluation written before alerts were measured", () => {
    expect(alertQualityRows({ schema: "x" })).toEqual([]);
    expect(alertQualityRows(null)).toEqual([]);
  });
});
