import { describe, expect, it } from "vitest";
import type { EvalMetrics } from "@/lib/eval/metrics";
import { alertQualityRows } from "./alert-quality";

type Kinds = NonNullable<EvalMetrics["alerts"]>;
const kind = (over: Partial<Kinds["fee_charged"]>): Kinds["fee_charged"] => ({
  labelled: true, alerts: 10, true_alerts: 9, false_alerts: 1, ignored_alerts: 0, support: 10, found: 9, precision: 0.9, recall: 0.9, false_alerts_per_1000_customer_months: 2.5, aim: null, ...over,
});

describe("alert precision and recall rows", () => {
  it("reads each reported kind in the engine's order, with its aim and whether it was met; unknown is never zero", () => {
    const rows = alertQualityRows({
      alerts: {
        fee_charged: kind({ labelled: false, precision: null, recall: null, support: 0 }),
        duplicate_charge: kind({ precision: 0.95, recall: 0.85, aim: { precision: 0.9, recall: 0.8, met: true } }),
        unusual_amount: kind({ precision: 0.7, aim: { precision: 0.9, recall: 0.8, met: false } }),
      } as Kinds,
    });
    expect(rows.map((r) => [r.label, r.meets])).toEqual([
      ["Unusual amount", false],
      ["Possible duplicate charge", true],
      ["Fee charged", null],
    ]);
    expect(rows[2]).toMatchObject({ labelled: false, precision: null, recall: null, aim: null });
  });

  it("is empty for an evaluation written before alerts were measured", () => {
    expect(alertQualityRows({})).toEqual([]);
    expect(alertQualityRows(null)).toEqual([]);
  });
});
