import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, run } from "@/lib/engine";
import { CATALOG_SEED } from "@/lib/engine/recommend/catalog-seed";
import { GOLDEN_AS_OF, highUtilization } from "@/lib/engine/testing/golden-customers";
import { decisionRows, decisionSummary } from "./decision-rows";

describe("a decision trace as a table", () => {
  const r = run(highUtilization(), DEFAULT_CONFIG, GOLDEN_AS_OF, { catalog: CATALOG_SEED, recentlyShown: [] });
  if (!r.consent) throw new Error("golden customer consents");
  const trace = r.windows["30d"].trace;
  const titles = Object.fromEntries(CATALOG_SEED.map((c) => [c.id, c.title]));
  const rows = decisionRows(trace, titles);

  it("has a row per candidate, chosen first, with titles, not ids", () => {
    expect(rows).toHaveLength(trace.candidates.length);
    const chosen = rows.filter((x) => x.chosen);
    expect(chosen.length).toBe(r.windows["30d"].recommendations.length);
    expect(rows.slice(0, chosen.length).every((x) => x.chosen)).toBe(true);
    for (const row of rows) expect(row.item).toBe(titles[row.contentId]);
  });

  it("explains each score by its parts, and each decision, eligibility and tone in words", () => {
    for (const row of rows) {
      const c = trace.candidates.find((x) => x.content_id === row.contentId)!;
      // The parts add up to the score the engine gave.
      const sum = row.scoreParts.map((p) => Number(/^\+([\d.]+)/.exec(p)?.[1] ?? 0)).reduce((a, b) => a + b, 0);
      expect(sum).toBe(c.score);
      expect(row.decision).toMatch(c.decision === "chosen" ? /^Chosen/ : /^Left out/);
      expect(row.eligibility).toMatch(/^(Eligible|Not eligible: .+)$/);
      expect(`${row.scoreParts.join(" ")} ${row.decision} ${row.tone}`).not.toMatch(/\(s\)|_[a-z]/);
    }
    expect(rows.find((x) => x.chosen)!.scoreParts.join(" ")).toMatch(/primary persona \(High Utilization\)|a card at/);
    expect(decisionSummary(trace)).toMatch(/^\d+ candidates considered, \d+ chosen · persona High Utilization · as of 2026-10-31, 30d window/);
  });
});
