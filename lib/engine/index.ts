// The SpendSense engine (SPEC §3): run(input, config, asOf, context) → signals, personas,
// recommendations and a decision trace per window. Pure: plain data in, plain data out; time
// enters only as `asOf`; the same input gives the same output, byte for byte.
import { dayFromIso } from "../data/dates";
import { configHash, ENGINE_VERSION, type EngineConfig } from "./config";
import { assignPersonas, type PersonaAssignment } from "./personas/assign";
import { detectTransition, type Transition } from "./personas/transitions";
import type { ContentItem } from "./recommend/content";
import { recommend, type Candidate, type RecentlyShown, type Recommendation } from "./recommend/recommend";
import { prepare } from "./signals/prepare";
import type { WindowSignals } from "./signals/types";
import { computeWindowSignals } from "./signals/window-signals";
import { WINDOWS, type CustomerInput, type EngineAccount, type PersonaId, type WindowId } from "./types";

export { DEFAULT_CONFIG, DISCLAIMER, ENGINE_VERSION, configHash, type EngineConfig } from "./config";
export type { CustomerInput, PersonaId, WindowId } from "./types";

export interface RunContext {
  /** Approved catalog content only (services filter by status). */
  catalog: readonly ContentItem[];
  /** Items already shown to this customer, for the no-repeat rule. */
  recentlyShown: readonly RecentlyShown[];
  /** The primary persona of the previous assignment per window, for transitions (absent = first). */
  previousPrimary?: Partial<Record<WindowId, PersonaId | null>>;
}

export interface DecisionTrace {
  engine_version: string;
  config_hash: string;
  as_of: string;
  window: WindowId;
  /** Every signal value the decision read: persona checks and cited numbers, by path. */
  signals_used: Record<string, unknown>;
  persona: Pick<PersonaAssignment, "primary" | "secondary" | "strength" | "reason" | "criteria">;
  candidates: Candidate[];
  notes: string[];
}

export interface WindowResult {
  signals: WindowSignals;
  persona: PersonaAssignment;
  transition: Transition;
  recommendations: Recommendation[];
  trace: DecisionTrace;
}

export type EngineResult =
  | { user_id: string; consent: true; as_of: string; windows: Record<WindowId, WindowResult> }
  | { user_id: string; consent: false; as_of: string; refused: "consent_required"; message: string };

/** Subtypes of the customer's own (non-business) accounts, sorted and de-duplicated: what eligibility treats as "already held". */
export function heldSubtypes(accounts: readonly Pick<EngineAccount, "subtype" | "holder_category">[]): string[] {
  return [...new Set(accounts.filter((a) => a.holder_category !== "business").map((a) => a.subtype))].sort();
}

export function run(input: CustomerInput, config: EngineConfig, asOf: string, context: RunContext): EngineResult {
  if (!input.consent) {
    return { user_id: input.user_id, consent: false, as_of: asOf, refused: "consent_required", message: "This customer has not opted in; nothing is computed or recommended." };
  }
  const hash = configHash(config);
  const prepared = prepare(input, asOf, config);
  const held = heldSubtypes(input.accounts);
  const windows = {} as Record<WindowId, WindowResult>;
  for (const window of WINDOWS) {
    const signals = computeWindowSignals(prepared, window, config);
    const persona = assignPersonas(signals, config);
    const transition = detectTransition(context.previousPrimary ? context.previousPrimary[window] : undefined, persona.primary, config);
    const rec = signals.sufficiency.sufficient
      ? recommend(signals, persona, context.catalog, { credit_score: input.credit_score, held_subtypes: held, recentlyShown: context.recentlyShown, asOfDay: prepared.asOf, dayOf: dayFromIso }, config)
      : { recommendations: [], alternates: [], candidates: [], notes: [`no recommendations: ${signals.sufficiency.reasons.join("; ")}`] };
    const used: Record<string, unknown> = {};
    for (const c of persona.criteria) used[c.signal] = c.value;
    for (const r of rec.recommendations) for (const c of r.citations) used[c.signal] = c.value;
    windows[window] = {
      signals,
      persona,
      transition,
      recommendations: rec.recommendations,
      trace: {
        engine_version: ENGINE_VERSION,
        config_hash: hash,
        as_of: asOf,
        window,
        signals_used: Object.fromEntries(Object.entries(used).sort(([a], [b]) => (a < b ? -1 : 1))),
        persona: { primary: persona.primary, secondary: persona.secondary, strength: persona.strength, reason: persona.reason, criteria: persona.criteria },
        candidates: rec.candidates,
        notes: rec.notes,
      },
    };
  }
  return { user_id: input.user_id, consent: true, as_of: asOf, windows };
}
