import { describe, expect, it } from "vitest";
import { dayFromIso } from "../../data/dates";
import { DEFAULT_CONFIG } from "../config";
import { checkTone } from "../guardrails/tone";
import { detectTransition, tenureDays } from "./transitions";

describe("persona transitions", () => {
  it("the first assignment is initial; the same persona again is unchanged", () => {
    expect(detectTransition(undefined, "fee_fighter", DEFAULT_CONFIG).kind).toBe("initial");
    expect(detectTransition("fee_fighter", "fee_fighter", DEFAULT_CONFIG).kind).toBe("unchanged");
  });

  it("riskier → healthier is positive and celebrated in neutral words; the reverse is not", () => {
    const up = detectTransition("high_utilization", "savings_builder", DEFAULT_CONFIG);
    expect(up).toMatchObject({ from: "high_utilization", to: "savings_builder", kind: "positive" });
    expect(up.message).toMatch(/card balances and interest look lighter.*Savings Builder/);
    expect(checkTone(up.message!).ok).toBe(true);
    const down = detectTransition("savings_builder", "fee_fighter", DEFAULT_CONFIG);
    expect(down).toMatchObject({ kind: "negative", message: null });
  });

  it("tenure counts days since the current unbroken run began", () => {
    const history = [
      { as_of: "2026-09-01", primary: "fee_fighter" as const },
      { as_of: "2026-10-01", primary: "savings_builder" as const },
      { as_of: "2026-10-15", primary: "savings_builder" as const },
      { as_of: "2026-10-31", primary: "savings_builder" as const },
    ];
    expect(tenureDays(history, dayFromIso)).toBe(30);
    expect(tenureDays([...history].reverse(), dayFromIso)).toBe(30);
    expect(tenureDays([], dayFromIso)).toBeNull();
  });
});
