// Checks on real engine output (a golden customer run through the engine), then tampered copies:
// a wrong cited number must count as unfaithful, a missing or partial trace as not auditable.
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, run, type WindowResult } from "../engine";
import { CATALOG_SEED } from "../engine/recommend/catalog-seed";
import { GOLDEN_AS_OF, highUtilization } from "../engine/testing/golden-customers";
import { assessCustomer } from "./assess";
import { buildMetrics } from "./metrics";
import type { EvalCustomer, StoredWindow } from "./types";

const USER = "golden-high-utilization";

function engineWindow(): WindowResult {
  const r = run(highUtilization(USER), DEFAULT_CONFIG, GOLDEN_AS_OF, { catalog: CATALOG_SEED, recentlyShown: [] });
  if (!r.consent) throw new Error("refused");
  return r.windows["180d"];
}

/** What `spendsense run` would store for the window: trace 7, recommendations pointing to it. */
function stored(w: WindowResult): StoredWindow {
  return {
    signals: w.signals,
    persona: { primary: w.persona.primary, secondary: w.persona.secondary, strength: w.persona.strength },
    recommendations: w.recommendations.map((r, i) => ({
      id: i + 1,
      content_id: r.content_id,
      kind: r.kind,
      rationale: r.rationale,
      citations: r.citations,
      item_personas: CATALOG_SEED.find((c) => c.id === r.content_id)!.personas,
      trace_id: 7,
    })),
    traces: [{ id: 7, user_id: USER, payload: JSON.parse(JSON.stringify(w.trace)) }],
  };
}

function customer(w180: StoredWindow): EvalCustomer {
  const empty: StoredWindow = { signals: null, persona: null, recommendations: [], traces: [] };
  return { user_id: USER, demographics: { age_band: "25-34", gender: "female", region: "West", income_tier: "middle" }, label: { intended_persona: "high_utilization", profile: "high_utilization" }, windows: { "30d": empty, "180d": w180 } };
}

const metricsOf = (w: StoredWindow) => buildMetrics([assessCustomer(customer(w), GOLDEN_AS_OF)], { as_of: GOLDEN_AS_OF, engine_version: "x", config_hash: "y", selected: 1, consenting: 1 }, { generated_at: "t", seconds: 0, latencies_ms: [] });
const entryOf = (m: ReturnType<typeof metricsOf>, id: string) => m.metrics.find((e) => e.id === id && e.window === "180d")!;
const value = (w: StoredWindow, id: string) => entryOf(metricsOf(w), id);

describe("recommendation checks on engine output", () => {
  it("the engine's own recommendations are explained, faithful and fully traced", () => {
    const w = stored(engineWindow());
    expect(w.recommendations.length).toBeGreaterThan(3);
    const a = assessCustomer(customer(w), GOLDEN_AS_OF).windows["180d"];
    expect(a.predicted).toBe("high_utilization");
    expect(a.covered).toBe(true);
    for (const v of a.recommendations) {
      expect(v).toMatchObject({ explained: true, unfaithful: [], trace_problems: [] });
    }
    expect(value(w, "faithfulness").value).toBe(1);
    expect(value(w, "auditability").value).toBe(1);
    expect(value(w, "explainability").value).toBe(1);
  });

  it("a rationale whose cited number does not match the signals counts as unfaithful", () => {
    const w = stored(engineWindow());
    const target = w.recommendations[0];
    const c = target.citations[0];
    target.citations = [{ ...c, value: typeof c.value === "number" ? c.value + 1 : "tampered" }, ...target.citations.slice(1)];
    const v = assessCustomer(customer(w), GOLDEN_AS_OF).windows["180d"].recommendations[0];
    expect(v.unfaithful).toEqual([c.signal]);
    const f = value(w, "faithfulness");
    expect(f.numerator).toBe(w.recommendations.length - 1);
    expect(f.denominator).toBe(w.recommendations.length);
    // The trace recorded the true value, so the tampered citation is not backed by the trace either.
    expect(v.trace_problems).toContain("cited_signal_not_recorded");
  });

  it("a rationale citing an unknown value is unfaithful, even when the stored signal is unknown too", () => {
    const w = stored(engineWindow());
    const target = w.recommendations[0];
    const c = target.citations[0];
    // The card's balance was never sent: the stored signal is null and the rationale cites it.
    const signals = JSON.parse(JSON.stringify(w.signals)) as NonNullable<StoredWindow["signals"]>;
    signals.credit.cards[0].utilization_pct = null;
    target.citations = [{ ...c, signal: `credit.cards[${signals.credit.cards[0].account_id}].utilization_pct`, value: null as never }, ...target.citations.slice(1)];
    const v = assessCustomer(customer({ ...w, signals }), GOLDEN_AS_OF).windows["180d"].recommendations[0];
    expect(v.unfaithful).toEqual([`credit.cards[${signals.credit.cards[0].account_id}].utilization_pct`]);
  });

  it("without stored signals no citation can be verified: all unfaithful", () => {
    const w = { ...stored(engineWindow()), signals: null };
    expect(value(w, "faithfulness").value).toBe(0);
  });

  it("a recommendation with no citation is not explained", () => {
    const w = stored(engineWindow());
    w.recommendations[1].citations = [];
    const e = value(w, "explainability");
    expect([e.numerator, e.denominator]).toEqual([w.recommendations.length - 1, w.recommendations.length]);
  });

  it("a missing or partial trace lowers auditability, with the reason counted", () => {
    const w = stored(engineWindow());
    const n = w.recommendations.length;
    w.recommendations[0].trace_id = null; // no trace at all
    w.recommendations[1].trace_id = 99; // points nowhere
    // The trace lost the chosen candidate of recommendation 2 and its config hash.
    const payload = w.traces[0].payload as { candidates: Array<{ content_id: string; decision: string }>; config_hash?: string };
    payload.candidates = payload.candidates.filter((c) => c.content_id !== w.recommendations[2].content_id);
    delete payload.config_hash;
    const m = metricsOf(w);
    const audit = entryOf(m, "auditability");
    expect([audit.numerator, audit.denominator]).toEqual([0, n]);
    expect(m.recommendations["180d"].trace_problems).toMatchObject({ no_trace_id: 1, trace_not_found: 1, no_chosen_candidate: 1, no_config_hash: n - 2 });
  });

  it("a trace belonging to another customer does not count", () => {
    const w = stored(engineWindow());
    w.traces[0] = { ...w.traces[0], user_id: "someone-else" };
    expect(value(w, "auditability").value).toBe(0);
    expect(metricsOf(w).recommendations["180d"].trace_problems.other_customer).toBe(w.recommendations.length);
  });

  it("an item not tagged with the customer's personas is not relevant", () => {
    const w = stored(engineWindow());
    w.recommendations[0].item_personas = ["savings_builder"];
    w.persona = { primary: "high_utilization", secondary: [], strength: "strong" };
    expect(assessCustomer(customer(w), GOLDEN_AS_OF).windows["180d"].recommendations[0].relevant).toBe(false);
  });
});
