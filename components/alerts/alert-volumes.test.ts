import { describe, expect, it } from "vitest";
import { alertVolumeChart } from "./alert-volumes";

describe("alert volumes by kind over time", () => {
  it("has a row per period in order and a labelled column per kind that fired", () => {
    const { data, bars } = alertVolumeChart([
      { month: "2026-11", kind: "fee_charged", alerts: 3 },
      { month: "2026-10", kind: "duplicate_charge", alerts: 2 },
      { month: "2026-11", kind: "duplicate_charge", alerts: 1 },
      { month: "2026-10", kind: "budget_80", alerts: 0 },
    ]);
    expect(bars.map((b) => b.label)).toEqual(["Possible duplicate charge", "Fee charged"]);
    expect(data).toEqual([
      { Month: "2026-10", duplicate_charge: 2, fee_charged: 0 },
      { Month: "2026-11", duplicate_charge: 1, fee_charged: 3 },
    ]);
  });

  it("has nothing to draw when nothing fired", () => {
    expect(alertVolumeChart([]).bars).toEqual([]);
  });
});
