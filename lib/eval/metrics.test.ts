// A small fixed population with every number worked out by hand (see the table below), so the
// coverage, confusion matrix, precision/recall and parity arithmetic is pinned.
import { describe, expect, it } from "vitest";
import type { CustomerAssessment, WindowAssessment } from "./assess";
import { percentile, summariseLatency } from "./latency";
import { buildMetrics, type EvalMetrics } from "./metrics";
import type { RecommendationVerdict } from "./recommendation-checks";
import { renderEvalFile, renderMetricsCsv, renderMetricsJson } from "./render";
import { renderReport } from "./report";

const verdict = (kind: "education" | "offer"): RecommendationVerdict => ({ id: 1, content_id: `${kind}-x`, kind, explained: true, citations: 1, unfaithful: [], relevant: true, trace_problems: [] });

function person(user_id: string, gender: string, label: string | null, w: Partial<WindowAssessment>, offer: boolean): CustomerAssessment {
  const win: WindowAssessment = { predicted: null, matched: [], behaviours: [], covered: false, uncovered: null, reproduced: true, recommendations: [verdict("education"), ...(offer ? [verdict("offer")] : [])], ...w };
  return { user_id, demographics: { age_band: "25-34", gender, region: "West", income_tier: "middle" }, label: label ? { intended_persona: label, profile: label } : null, windows: { "30d": win, "180d": win } };
}

//  user | gender | label              | engine (matched)                   | behaviours | covered          | offer
//  u1   | f      | high_utilization   | high_utilization                   | 4          | yes              | yes
//  u2   | f      | fee_fighter        | high_utilization (+ fee_fighter)   | 3          | yes              | no
//  u3   | m      | none               | none (weak)                        | 3          | no: no persona   | yes
//  u4   | m      | savings_builder    | savings_builder                    | 2          | no: 2 behaviours | yes
//  u5   | m      | insufficient_data  | insufficient_data                  | 0          | no: insufficient | no
//  u6   | m      | (no label)         | subscription_heavy                 | 3          | yes              | yes
const b = (n: number) => (["recurring_payments", "savings", "credit", "income", "fees"] as const).slice(0, n);
const POPULATION = [
  person("u1", "f", "high_utilization", { predicted: "high_utilization", matched: ["high_utilization"], behaviours: [...b(4)], covered: true }, true),
  person("u2", "f", "fee_fighter", { predicted: "high_utilization", matched: ["high_utilization", "fee_fighter"], behaviours: [...b(3)], covered: true }, false),
  person("u3", "m", "none", { predicted: "none", behaviours: [...b(3)], uncovered: "no_persona" }, true),
  person("u4", "m", "savings_builder", { predicted: "savings_builder", matched: ["savings_builder"], behaviours: [...b(2)], uncovered: "few_behaviours" }, true),
  person("u5", "m", "insufficient_data", { predicted: "insufficient_data", uncovered: "insufficient_data", recommendations: [] }, false),
  person("u6", "m", null, { predicted: "subscription_heavy", matched: ["subscription_heavy"], behaviours: [...b(3)], covered: true }, true),
];
const META = { as_of: "2026-10-31", engine_version: "1.0.0", config_hash: "abc", selected: 7, consenting: 6 };
const MEASURED = { generated_at: "2026-11-22T10:00:00.000Z", seconds: 1.5, latencies_ms: [1, 2, 3, 4, 5, 6, 7, 8, 9, 100] };
const metric = (m: EvalMetrics, id: string) => m.metrics.find((e) => e.id === id && e.window === "180d")!;

describe("evaluation metrics on a hand-computed population", () => {
  const m = buildMetrics(POPULATION, META, MEASURED);

  it("coverage: 3 of 6 consenting customers, with the reasons for the other three", () => {
    expect(metric(m, "coverage")).toMatchObject({ value: 0.5, numerator: 3, denominator: 6, target: 0.8, meets: false });
    expect(m.coverage["180d"]).toMatchObject({ covered: 3, uncovered: { no_results: 0, insufficient_data: 1, no_persona: 1, few_behaviours: 1 }, no_persona_labelled_none: 1, customers_by_behaviour_count: [1, 0, 1, 3, 1, 0] });
    expect(m.customers).toEqual({ selected: 7, consenting: 6, evaluated: 6, without_results: 0, labelled: 5 });
  });

  it("confusion matrix, accuracy, lenient accuracy, precision and recall over the 5 labelled customers", () => {
    const cm = m.persona_accuracy["180d"];
    const cell = (label: string, pred: string) => cm.counts[cm.classes.indexOf(label as never)][cm.classes.indexOf(pred as never)];
    expect(cell("high_utilization", "high_utilization")).toBe(1);
    expect(cell("fee_fighter", "high_utilization")).toBe(1);
    expect(cell("none", "none")).toBe(1);
    expect(cell("savings_builder", "savings_builder")).toBe(1);
    expect(cell("insufficient_data", "insufficient_data")).toBe(1);
    expect(cm.counts.flat().reduce((a, x) => a + x, 0)).toBe(5);
    expect(cm).toMatchObject({ total: 5, correct: 4, accuracy: 0.8, lenient_correct: 5, lenient_accuracy: 1, unlabelled: 1 });
    const scores = Object.fromEntries(cm.per_class.map((c) => [c.class, [c.precision, c.recall]]));
    expect(scores.high_utilization).toEqual([0.5, 1]);
    expect(scores.fee_fighter).toEqual([null, 0]);
    expect(scores.subscription_heavy).toEqual([null, null]);
    expect(metric(m, "persona_accuracy")).toMatchObject({ value: 0.8, meets: true });
  });

  it("fairness: rates per group, parity against the best group, flags under 0.8 (small groups noted)", () => {
    const gender = m.fairness["180d"].dimensions.find((d) => d.dimension === "gender")!;
    const [f, male] = gender.groups;
    expect(f).toMatchObject({ group: "f", n: 2, small: true, label_persona_rate: 1 });
    expect(male).toMatchObject({ group: "m", n: 4, small: true, label_persona_rate: 0.3333 });
    expect([f.rates.offer_access, male.rates.offer_access]).toEqual([0.5, 0.75]);
    expect([f.parity.offer_access, male.parity.offer_access]).toEqual([0.6667, 1]);
    expect([f.rates.persona_assigned, male.rates.persona_assigned]).toEqual([1, 0.5]);
    expect([f.parity.persona_assigned, male.parity.persona_assigned]).toEqual([1, 0.5]);
    expect([f.rates.high_utilization, male.rates.high_utilization, male.parity.high_utilization]).toEqual([1, 0, 0]);
    const flags = m.fairness["180d"].flags.filter((x) => x.dimension === "gender");
    expect(flags).toContainEqual({ dimension: "gender", group: "f", measure: "offer_access", kind: "access", n: 2, small: true, rate: 0.5, best_group: "m", best_rate: 0.75, ratio: 0.6667 });
    expect(flags).toContainEqual(expect.objectContaining({ group: "m", measure: "persona_assigned", kind: "access", ratio: 0.5 }));
    expect(flags).toContainEqual(expect.objectContaining({ group: "m", measure: "high_utilization", kind: "mix", ratio: 0 }));
    // Every group is under MIN_GROUP_SIZE: nothing large enough for the headline parity.
    expect(metric(m, "offer_access_parity")).toMatchObject({ value: null, meets: null });
  });

  it("latency: nearest-rank percentiles and a histogram, kept in the measured section", () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(m.measured.latency_ms).toMatchObject({ customers: 10, p50: 5, p95: 100, p99: 100, max: 100, mean: 14.5 });
    expect(m.measured.metrics.map((e) => [e.id, e.meets])).toEqual([["latency_p50_ms", true], ["latency_p95_ms", true], ["latency_p99_ms", true]]);
    expect(summariseLatency([])).toBeNull();
    expect(m.measured.latency_ms!.histogram.reduce((a, h) => a + h.customers, 0)).toBe(10);
  });

  it("metrics.json is byte-for-byte the same for the same data in any order; only `measured` varies", () => {
    const again = buildMetrics([...POPULATION].reverse(), META, { ...MEASURED, generated_at: "later", seconds: 9, latencies_ms: [50] });
    const strip = (x: EvalMetrics) => renderMetricsJson({ ...x, measured: null as never });
    expect(strip(again)).toBe(strip(m));
    expect(renderMetricsJson(buildMetrics(POPULATION, META, MEASURED))).toBe(renderMetricsJson(m));
  });

  it("csv, report and the served files come from the same document", () => {
    const csv = renderMetricsCsv(m);
    expect(csv.split("\n")[0]).toBe("section,window,name,value,numerator,denominator,target,meets");
    expect(csv).toContain("metric,180d,coverage,0.5,3,6,0.8,false");
    expect(csv).toContain("confusion,180d,fee_fighter -> high_utilization,1,,,,");
    const report = renderReport(m);
    expect(report).toMatch(/## Below target, and why[\s\S]*\*\*Coverage \(180d\)\*\*: 3 of 6 consenting customers are not covered: 1 had too little history/);
    expect(renderEvalFile(m, "report.md")).toEqual({ body: report, contentType: "text/markdown; charset=utf-8" });
    expect(renderEvalFile(m, "metrics.json").body).toBe(renderMetricsJson(m));
  });
});
