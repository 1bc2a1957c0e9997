// Persona assignment per window (SPEC §3.2): every persona is evaluated, all matches are kept,
// the highest priority is primary. With no match, the nearest persona is chosen by closeness
// (documented below) and marked "weak".
import type { EngineConfig } from "../config";
import { readSignal } from "../signal-path";
import type { WindowSignals } from "../signals/types";
import type { PersonaId } from "../types";
import { isStrong, personaRules, type Leaf, type Rule } from "./criteria";

export interface CriterionCheck {
  persona: PersonaId;
  id: string;
  description: string;
  signal: string;
  op: Leaf["op"];
  threshold: number | boolean;
  value: number | boolean | null;
  met: boolean;
  /** false when the value is unknown (or unknown parts could change the outcome): never met by default. */
  evaluable: boolean;
  /** Why the check could not be evaluated. */
  note?: string;
}

export interface PersonaEvaluation {
  persona: PersonaId;
  matched: boolean;
  /** 0…1: how close the signals are to the persona's thresholds (1 when matched); null when a check it depends on is not evaluable. */
  closeness: number | null;
  /**
   * Whether the known values decide the outcome: matched, or not matched whatever the unknown
   * values are (an "all" with a known failing part, an "any" whose every part is known). A
   * persona not judged is reported as "could not be judged".
   */
  judged: boolean;
  checks: CriterionCheck[];
}

export const STRENGTHS = ["strong", "moderate", "weak", "none"] as const;
export type Strength = (typeof STRENGTHS)[number];

export interface PersonaAssignment {
  primary: PersonaId | null;
  secondary: PersonaId[];
  strength: Strength;
  /** The checks of the primary persona and of every matched persona. */
  criteria: CriterionCheck[];
  evaluations: PersonaEvaluation[];
  reason: string;
}

export const PERSONA_LABELS: Record<PersonaId, string> = {
  high_utilization: "High Utilization",
  variable_income: "Variable Income Budgeter",
  fee_fighter: "Fee Fighter",
  subscription_heavy: "Subscription-Heavy",
  savings_builder: "Savings Builder",
};

function isLeaf(r: Rule): r is Leaf {
  return "signal" in r;
}

/**
 * Closeness of one check: 1 when met; otherwise how far the value has come toward the
 * threshold — value ÷ threshold for ≥ and >, threshold ÷ value for <, 0 for an unmet flag —
 * and unknown (null) for a check that is not evaluable. `all` takes the mean of its parts
 * (unknown if any part is), `any` the best known part. A persona whose closeness is unknown is
 * never chosen as the nearest: an unknown value is not "close".
 */
function evaluate(rule: Rule, s: WindowSignals, persona: PersonaId, checks: CriterionCheck[]): { met: boolean; closeness: number | null; decided: boolean } {
  if (!isLeaf(rule)) {
    const parts = ("all" in rule ? rule.all : rule.any).map((r) => evaluate(r, s, persona, checks));
    const known = parts.map((p) => p.closeness).filter((c): c is number => c !== null);
    if ("all" in rule) {
      // A known failing part decides an "all" (not met) whatever the unknown parts are.
      const decided = parts.every((p) => p.decided) || parts.some((p) => p.decided && !p.met);
      return { met: parts.every((p) => p.met), closeness: known.length < parts.length ? null : known.reduce((a, c) => a + c, 0) / parts.length, decided };
    }
    const met = parts.some((p) => p.met);
    return { met, closeness: met ? 1 : known.length ? known.reduce((m, c) => Math.max(m, c), -Infinity) : null, decided: met || parts.every((p) => p.decided) };
  }
  const raw = readSignal(s, rule.signal);
  const value = typeof raw === "number" || typeof raw === "boolean" ? raw : null;
  let met: boolean;
  let closeness = 0;
  let note: string | undefined;
  if (value === null) {
    met = rule.whenNull === "pass";
    if (!rule.whenNull || rule.whenNull === "not_evaluable") note = `not evaluable: ${rule.signal} is unknown`;
  } else if (rule.op === "==") met = value === rule.threshold;
  else {
    const v = Number(value);
    const t = Number(rule.threshold);
    met = rule.op === ">=" ? v >= t : rule.op === ">" ? v > t : v < t;
    if (!met) closeness = rule.op === "<" ? (v > 0 ? Math.min(1, t / v) : 0) : t > 0 ? Math.max(0, Math.min(1, v / t)) : 0;
  }
  // The known parts decide only an "at least" that is met or an "under" that is not; otherwise
  // the unknown parts could change the outcome.
  const unknownParts = rule.unknownParts ? Number(readSignal(s, rule.unknownParts) ?? 0) : 0;
  if (unknownParts > 0 && (rule.op === "<" ? met : !met)) {
    met = false;
    closeness = 0;
    note = `not evaluable: ${unknownParts} of the values behind ${rule.signal} ${unknownParts === 1 ? "is" : "are"} unknown`;
  }
  if (met) closeness = 1;
  const check: CriterionCheck = { persona, id: rule.id, description: rule.description, signal: rule.signal, op: rule.op, threshold: rule.threshold, value, met, evaluable: note === undefined };
  if (note) check.note = note;
  checks.push(check);
  return { met, closeness: check.evaluable ? Math.round(closeness * 1000) / 1000 : null, decided: check.evaluable };
}

export function assignPersonas(s: WindowSignals, config: EngineConfig): PersonaAssignment {
  const rules = personaRules(config);
  const evaluations: PersonaEvaluation[] = config.personaPriority.map((persona) => {
    const checks: CriterionCheck[] = [];
    const r = evaluate(rules[persona], s, persona, checks);
    return { persona, matched: r.met, closeness: r.closeness, judged: r.decided, checks };
  });
  if (!s.sufficiency.sufficient) {
    return { primary: null, secondary: [], strength: "none", criteria: [], evaluations, reason: `Not enough data for the ${s.window} window: ${s.sufficiency.reasons.join("; ")}.` };
  }
  const matched = evaluations.filter((e) => e.matched);
  if (matched.length) {
    const [first, ...rest] = matched;
    const strong = isStrong(first.persona, s, config, first.checks.filter((c) => c.met).length);
    return {
      primary: first.persona,
      secondary: rest.map((e) => e.persona),
      strength: strong ? "strong" : "moderate",
      criteria: matched.flatMap((e) => e.checks),
      evaluations,
      reason:
        matched.length === 1
          ? `Matched ${PERSONA_LABELS[first.persona]}.`
          : `Matched ${matched.length} personas; ${PERSONA_LABELS[first.persona]} comes first by priority (most financial harm first).`,
    };
  }
  // Nearest persona: highest known closeness, priority order breaking ties; none when nothing is
  // near enough (config.nearestPersona.minCloseness), rather than a persona the data does not support.
  const best = evaluations.reduce<PersonaEvaluation | null>((b, e) => (e.closeness !== null && e.closeness > (b?.closeness ?? 0) ? e : b), null);
  const nearest = best && best.closeness! >= config.nearestPersona.minCloseness ? best : null;
  if (!nearest) {
    const far = best ? `; the nearest, ${PERSONA_LABELS[best.persona]}, is only ${Math.round(best.closeness! * 1000) / 1000} of the way (${config.nearestPersona.minCloseness} needed)` : "";
    const unknown = evaluations.filter((e) => !e.judged).map((e) => PERSONA_LABELS[e.persona]);
    return {
      primary: null,
      secondary: [],
      strength: "none",
      criteria: [],
      evaluations,
      reason: `No persona matched and none is near${far}${unknown.length ? `; ${unknown.join(", ")} could not be judged (a value it needs is unknown)` : ""}.`,
    };
  }
  return {
    primary: nearest.persona,
    secondary: [],
    strength: "weak",
    criteria: nearest.checks,
    evaluations,
    reason: `No persona matched; ${PERSONA_LABELS[nearest.persona]} is the nearest (closeness ${Math.round(nearest.closeness! * 1000) / 1000}).`,
  };
}
