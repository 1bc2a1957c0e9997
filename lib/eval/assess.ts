// One customer's evaluation: per window, the behaviours detected, whether they are covered, the
// persona in the classes accuracy compares, and a verdict per stored recommendation. Small and
// plain, so a 10 000-customer run keeps only these in memory.
import type { PersonaAssignment } from "../engine/personas/assign";
import { WINDOWS, type PersonaId, type WindowId } from "../engine/types";
import { detectBehaviours, type BehaviourId } from "./behaviours";
import { checkRecommendation, type RecommendationVerdict } from "./recommendation-checks";
import { MIN_BEHAVIOURS, type Dimension } from "./targets";
import type { EvalCustomer, LabelClass, StoredWindow } from "./types";

export type UncoveredReason = "no_results" | "insufficient_data" | "no_persona" | "few_behaviours";

export interface WindowAssessment {
  /** The engine's answer in the label classes; null when the run stored nothing for this window. */
  predicted: LabelClass | null;
  /** Primary and secondary personas when a persona matched (empty for weak or insufficient). */
  matched: PersonaId[];
  behaviours: BehaviourId[];
  covered: boolean;
  uncovered: UncoveredReason | null;
  recommendations: RecommendationVerdict[];
  /** Stored persona equals a fresh computation; null when no fresh computation was made. */
  reproduced: boolean | null;
}

export interface CustomerAssessment {
  user_id: string;
  demographics: Record<Dimension, string | null>;
  label: { intended_persona: string; profile: string } | null;
  windows: Record<WindowId, WindowAssessment>;
}

export type FreshPersona = Pick<PersonaAssignment, "primary" | "secondary" | "strength">;

/** none/insufficient_data when nothing matched, otherwise the primary persona. */
export function predictedClass(p: NonNullable<StoredWindow["persona"]>): LabelClass {
  if (p.primary === null || p.strength === "none") return "insufficient_data";
  return p.strength === "weak" ? "none" : p.primary;
}

function assessWindow(c: EvalCustomer, window: WindowId, asOf: string, fresh: FreshPersona | undefined): WindowAssessment {
  const w = c.windows[window];
  const predicted = w.persona ? predictedClass(w.persona) : null;
  const matched = w.persona && predicted !== "none" && predicted !== "insufficient_data" && predicted !== null ? [w.persona.primary!, ...w.persona.secondary] : [];
  const behaviours = w.signals ? detectBehaviours(w.signals) : [];
  const uncovered: UncoveredReason | null =
    predicted === null || !w.signals ? "no_results" : predicted === "insufficient_data" ? "insufficient_data" : predicted === "none" ? "no_persona" : behaviours.length < MIN_BEHAVIOURS ? "few_behaviours" : null;
  const same = (a: FreshPersona, b: NonNullable<StoredWindow["persona"]>) => a.primary === b.primary && a.strength === b.strength && a.secondary.join() === b.secondary.join();
  return {
    predicted,
    matched,
    behaviours,
    covered: uncovered === null,
    uncovered,
    recommendations: w.recommendations.map((r) => checkRecommendation(r, w, { user_id: c.user_id, as_of: asOf, window })),
    reproduced: fresh === undefined ? null : w.persona !== null && same(fresh, w.persona),
  };
}

export function assessCustomer(c: EvalCustomer, asOf: string, fresh?: Partial<Record<WindowId, FreshPersona>>): CustomerAssessment {
  const windows = {} as Record<WindowId, WindowAssessment>;
  for (const w of WINDOWS) windows[w] = assessWindow(c, w, asOf, fresh?.[w]);
  return { user_id: c.user_id, demographics: c.demographics, label: c.label, windows };
}
