// The SpendSense engine (SPEC §3): run(input, config, asOf, context) → signals, personas,
// recommendations and a decision trace per window. Pure: plain data in, plain data out; time
// enters only as `asOf`; the same input gives the same output, byte for byte.
import { dayFromIso } from "../data/dates";
import { configHash, ENGINE_VERSION, type EngineConfig } from "./config";
import { detectAlerts, type Alert } from "./alerts";
import { budgetStatuses, type BudgetInput, type BudgetStatus } from "./budgets";
import { assignPersonas, type PersonaAssignment } from "./personas/assign";
import { detectTransition, type Transition } from "./personas/transitions";
import type { ContentItem } from "./recommend/content";
import { recommend, type Candidate, type Declined, type RecentlyShown, type Recommendation } from "./recommend/recommend";
import { prepare } from "./signals/prepare";
import type { WindowSignals } from "./signals/types";
import { computeWindowSignals } from "./signals/window-signals";
import { WINDOWS, type CustomerInput, type EngineAccount, type PersonaId, type WindowId } from "./types";

export { DEFAULT_CONFIG, DISCLAIMER, ENGINE_VERSION, configHash, type EngineConfig } from "./config";
export type { CustomerInput, PersonaId, WindowId } from "./types";
export type { Alert, AlertKind, AlertSeverity } from "./alerts";
export type { BudgetInput, BudgetStatus, BudgetSuggestion } from "./budgets";

export interface RunContext {
  /** Approved catalog content only (services filter by status). */
  catalog: readonly ContentItem[];
  /** Items already shown to this customer, for the no-repeat rule. */
  recentlyShown: readonly RecentlyShown[];
  /** Items a reviewer rejected or swapped out for this customer (the no-repeat rule for decisions). */
  declined?: readonly Declined[];
  /** A reviewer's persona for a window at this asOf: that window's recommendations are made for it (the assignment stays the engine's). */
  personaOverride?: Partial<Record<WindowId, PersonaId>>;
  /** The primary persona of the previous assignment per window, for transitions (absent = first). */
  previousPrimary?: Partial<Record<WindowId, PersonaId | null>>;
  /** The customer's monthly budgets (issue 15); their status at asOf is computed, and alerts read it. */
  budgets?: readonly BudgetInput[];
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
  /** Present when a reviewer's persona replaced the engine's for the recommendations. */
  persona_override?: PersonaId;
}

export interface WindowResult {
  signals: WindowSignals;
  persona: PersonaAssignment;
  transition: Transition;
  recommendations: Recommendation[];
  trace: DecisionTrace;
}

export type EngineResult =
  | { user_id: string; consent: true; as_of: string; windows: Record<WindowId, WindowResult>; budgets: BudgetStatus[]; alerts: Alert[] }
  | { user_id: string; consent: false; as_of: string; refused: "consent_required"; message: string };

/** Subtypes of the customer's own (non-business) accounts, sorted and de-duplicated: what eligibility treats as "already held". */
export function heldSubtypes(accounts: readonly Pick<EngineAccount, "subtype" | "holder_category">[]): string[] {
  return [...new Set(accounts.filter((a) => a.holder_category !== "business").map((a) => a.subtype))].sort();
}

/**
 * The persona recommendations are made for when a reviewer chose `primary`: the engine's
 * secondaries stay, less that one. A reviewer's choice counts as a match (at least moderate), so
 * offers for it are not held back as they are for a weak "nearest" persona.
 */
export function overriddenPersona(persona: Pick<PersonaAssignment, "primary" | "secondary" | "strength">, primary: PersonaId): Pick<PersonaAssignment, "primary" | "secondary" | "strength"> {
  return { primary, secondary: persona.secondary.filter((p) => p !== primary), strength: persona.strength === "strong" ? "strong" : "moderate" };
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
    const override = context.personaOverride?.[window];
    const rec = signals.sufficiency.sufficient
      ? recommend(signals, override ? overriddenPersona(persona, override) : persona, context.catalog, { credit_score: input.credit_score, held_subtypes: held, recentlyShown: context.recentlyShown, declined: context.declined, asOfDay: prepared.asOf, dayOf: dayFromIso }, config)
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
        notes: override ? [...rec.notes, `recommendations made for ${override}, a reviewer's persona for this window (the engine assigned ${persona.primary ?? "none"})`] : rec.notes,
        ...(override ? { persona_override: override } : {}),
      },
    };
  }
  const budgets = budgetStatuses(prepared, context.budgets ?? [], config);
  // The 180d window found the recurring streams over the same days the alerts read: reuse them.
  const streams = config.alerts.historyDays === config.windows["180d"].lookbackDays ? windows["180d"].signals.subscriptions.streams : undefined;
  return { user_id: input.user_id, consent: true, as_of: asOf, windows, budgets, alerts: detectAlerts(prepared, budgets, config, streams) };
}
