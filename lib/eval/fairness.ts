// Fairness across demographic groups (SPEC §7): per group, the share of customers given each
// persona, the share with any matched persona and the share offered at least one partner offer,
// each compared with the best group (parity ratio = group rate ÷ best group's rate). Ratios under
// PARITY_THRESHOLD are flagged, small groups included — they are noted as small, never dropped.
//
// "Access" measures (a matched persona, which decides personalised content; a partner offer) are
// benefits, so a low ratio is a fairness concern. Per-persona rates ("mix") describe who gets
// which persona; a gap there can mirror real differences in the data and is flagged so a person
// can judge it.
import { PERSONA_IDS, type PersonaId, type WindowId } from "../engine/types";
import type { CustomerAssessment } from "./assess";
import { rate, round } from "./numbers";
import { FAIRNESS_DIMENSIONS, MIN_GROUP_SIZE, PARITY_THRESHOLD, type Dimension } from "./targets";

export type Measure = "offer_access" | "persona_assigned" | PersonaId;

export interface FairnessGroup {
  group: string;
  n: number;
  small: boolean;
  rates: Record<Measure, number | null>;
  parity: Record<Measure, number | null>;
  /**
   * Share of the group's labelled customers the generator meant to have a persona: what the
   * persona_assigned rate would be if the engine read every label right. A gap that shows here
   * too comes from who is in the data, not from the engine.
   */
  label_persona_rate: number | null;
}

export interface FairnessFlag {
  dimension: Dimension;
  group: string;
  measure: Measure;
  kind: "access" | "mix";
  n: number;
  small: boolean;
  rate: number;
  best_group: string;
  best_rate: number;
  ratio: number;
}

export interface FairnessWindow {
  dimensions: Array<{ dimension: Dimension; groups: FairnessGroup[] }>;
  flags: FairnessFlag[];
  /** The lowest access parity among groups of at least MIN_GROUP_SIZE (null when there is none). */
  worst: Record<"offer_access" | "persona_assigned", { ratio: number; dimension: Dimension; group: string } | null>;
}

export const MEASURES: readonly Measure[] = ["offer_access", "persona_assigned", ...PERSONA_IDS];
const ACCESS = new Set<Measure>(["offer_access", "persona_assigned"]);
const isPersona = (v: string | undefined) => (PERSONA_IDS as readonly (string | undefined)[]).includes(v);

function has(a: CustomerAssessment, window: WindowId, m: Measure): boolean {
  const w = a.windows[window];
  if (m === "offer_access") return w.recommendations.some((r) => r.kind === "offer");
  if (m === "persona_assigned") return w.matched.length > 0;
  return w.matched[0] === m;
}

export function fairness(assessments: readonly CustomerAssessment[], window: WindowId): FairnessWindow {
  const people = assessments.filter((a) => a.windows[window].predicted !== null);
  const flags: FairnessFlag[] = [];
  const worst: FairnessWindow["worst"] = { offer_access: null, persona_assigned: null };
  const dimensions = FAIRNESS_DIMENSIONS.map((dimension) => {
    const byGroup = new Map<string, CustomerAssessment[]>();
    for (const a of people) {
      const g = a.demographics[dimension] ?? "unknown";
      const list = byGroup.get(g);
      if (list) list.push(a);
      else byGroup.set(g, [a]);
    }
    const groups: FairnessGroup[] = [...byGroup.entries()]
      .sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))
      .map(([group, members]) => ({
        group,
        n: members.length,
        small: members.length < MIN_GROUP_SIZE,
        rates: Object.fromEntries(MEASURES.map((m) => [m, rate(members.filter((a) => has(a, window, m)).length, members.length)])) as Record<Measure, number | null>,
        parity: {} as Record<Measure, number | null>,
        label_persona_rate: rate(members.filter((a) => isPersona(a.label?.intended_persona)).length, members.filter((a) => a.label).length),
      }));
    // The best group is chosen among groups large enough to trust (among all when none is).
    const candidates = groups.some((g) => !g.small) ? groups.filter((g) => !g.small) : groups;
    for (const m of groups.length ? MEASURES : []) {
      const best = candidates.reduce((b, g) => ((g.rates[m] ?? 0) > (b.rates[m] ?? 0) ? g : b));
      const bestRate = best.rates[m] ?? 0;
      for (const g of groups) {
        const ratio = bestRate > 0 ? round((g.rates[m] ?? 0) / bestRate) : null;
        g.parity[m] = ratio;
        if (ratio === null || ratio >= PARITY_THRESHOLD) continue;
        flags.push({ dimension, group: g.group, measure: m, kind: ACCESS.has(m) ? "access" : "mix", n: g.n, small: g.small, rate: g.rates[m] ?? 0, best_group: best.group, best_rate: bestRate, ratio });
      }
    }
    return { dimension, groups };
  });
  for (const m of ["offer_access", "persona_assigned"] as const) {
    for (const { dimension, groups } of dimensions) {
      for (const g of groups) {
        const ratio = g.parity[m];
        if (!g.small && ratio !== null && (worst[m] === null || ratio < worst[m].ratio)) worst[m] = { ratio, dimension, group: g.group };
      }
    }
  }
  return { dimensions, flags, worst };
}
