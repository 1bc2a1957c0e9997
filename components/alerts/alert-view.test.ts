import { describe, expect, it } from "vitest";
import type { AlertTrace } from "@/lib/engine/alerts/types";
import { ALERT_KINDS } from "@/lib/engine/alerts/types";
import { ALERT_KIND_LABELS, alertKindLabel, alertSeverityLabel } from "@/lib/labels";
import { inputRows, sortByUrgency, thresholdRows, toneText } from "./alert-view";

const a = (severity: "info" | "warning" | "urgent", event_date: string, alert_key: string) => ({ severity, event_date, alert_key });

describe("alerts as people read them", () => {
  it("orders act-now before act-soon before information, then the earliest event first", () => {
    const sorted = sortByUrgency([a("info", "2026-11-01", "a"), a("urgent", "2026-11-20", "b"), a("warning", "2026-11-03", "c"), a("urgent", "2026-11-02", "d")]);
    expect(sorted.map((x) => x.alert_key)).toEqual(["d", "b", "c", "a"]);
  });

  it("has words for every kind and severity, never the raw code", () => {
    for (const k of ALERT_KINDS) expect(ALERT_KIND_LABELS[k]).not.toMatch(/_/);
    expect(alertKindLabel("duplicate_charge")).toBe("Possible duplicate charge");
    expect(alertSeverityLabel("urgent")).toBe("Act now");
  });

  it("reads a trace's inputs and thresholds with labels, money to the cent with its currency", () => {
    const trace: AlertTrace = {
      rule: "A charge at least 3× the merchant's median",
      inputs: { amount_cents: 123456, merchant_median_cents: 4000, first_seen: "2026-10-01", card_present: false, history: null, ratio: 30.864, change_pct: 12.8 },
      thresholds: { multiple: 3, min_amount_cents: 5000, share_pct: 80, horizonDays: 7, minAmountCents: 250 },
      tone: { ok: false, findings: ["shaming word: wasteful"] },
      notes: [],
    };
    expect(inputRows(trace, "USD")).toEqual([
      { label: "Amount", value: "$1,234.56" },
      { label: "Merchant median", value: "$40.00" },
      { label: "First seen", value: "2026-10-01" },
      { label: "Card present", value: "No" },
      { label: "History", value: "Unknown" },
      { label: "Ratio", value: "30.864" },
      { label: "Change", value: "12.8%" },
    ]);
    expect(thresholdRows(trace, "USD")).toEqual([
      { label: "Multiple", value: "3" },
      { label: "Min amount", value: "$50.00" },
      { label: "Share", value: "80%" },
      { label: "Horizon days", value: "7" },
      { label: "Min amount", value: "$2.50" },
    ]);
    expect(toneText(trace.tone)).toBe("Failed the tone check: shaming word: wasteful");
  });
});
