// The staff page's signal rows, read from real engine output: unknown prints "unknown", never $0.
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, run } from "@/lib/engine";
import { CATALOG_SEED } from "@/lib/engine/recommend/catalog-seed";
import { GOLDEN_AS_OF, highUtilization, insufficientData } from "@/lib/engine/testing/golden-customers";
import type { CustomerInput } from "@/lib/engine/types";
import { SIGNAL_ROWS } from "./signal-rows";

function rows(input: CustomerInput, window: "30d" | "180d") {
  const r = run(input, DEFAULT_CONFIG, GOLDEN_AS_OF, { catalog: CATALOG_SEED, recentlyShown: [] });
  if (!r.consent) throw new Error("refused");
  return Object.fromEntries(SIGNAL_ROWS.map(([label, read]) => [label, read(r.windows[window].signals)]));
}

describe("staff signal rows", () => {
  it("a balance the bank never sent reads 'unknown', and so does everything built on it", () => {
    const input = highUtilization();
    for (const a of input.accounts) a.current_cents = null; // checking and the Visa
    const shown = rows(input, "180d");
    expect(shown["Checking balance"]).toBe("unknown");
    expect(shown["Cash-flow buffer"]).toBe("unknown");
    expect(shown["Max card utilization"]).toBe("unknown (1 card unknown)");
    expect(shown["Not computed"]).toContain("income.buffer_months: the checking balance is unknown");
    for (const text of Object.values(shown)) expect(text).not.toMatch(/^\$0\.00$|balance \$0/);
  });

  it("known values are money to the cent", () => {
    const shown = rows(highUtilization(), "180d");
    expect(shown["Checking balance"]).toBe("$6,200.00");
    expect(shown["Monthly spend"]).toBe("$1,629.91");
    expect(shown["Max card utilization"]).toBe("68%");
  });

  it("without a month of history the monthly figure is unknown, with the total over the days covered", () => {
    const shown = rows(insufficientData(), "30d");
    expect(shown["Monthly spend"]).toMatch(/^unknown \(\$[\d,]+\.\d\d over 10 days\)$/);
  });
});
