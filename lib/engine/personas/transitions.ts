// Persona history (SPEC §3.2): a change between consecutive assignments is a transition; moving
// from a riskier persona (earlier in priority) to a healthier one is positive and celebrated.
import type { EngineConfig } from "../config";
import type { PersonaId } from "../types";
import { PERSONA_LABELS } from "./assign";

export type TransitionKind = "initial" | "unchanged" | "positive" | "negative";

export interface Transition {
  from: PersonaId | null;
  to: PersonaId | null;
  kind: TransitionKind;
  message: string | null;
}

export function detectTransition(previous: PersonaId | null | undefined, current: PersonaId | null, config: EngineConfig): Transition {
  if (previous === undefined) return { from: null, to: current, kind: "initial", message: null };
  if (previous === current || current === null || previous === null) return { from: previous, to: current, kind: "unchanged", message: null };
  const rank = (p: PersonaId) => config.personaPriority.indexOf(p);
  const positive = rank(current) > rank(previous);
  return {
    from: previous,
    to: current,
    kind: positive ? "positive" : "negative",
    message: positive ? celebration(previous, current) : null,
  };
}

function celebration(from: PersonaId, to: PersonaId): string {
  const wins: Partial<Record<PersonaId, string>> = {
    high_utilization: "your card balances and interest look lighter",
    variable_income: "your income looks steadier",
    fee_fighter: "you are paying fewer bank fees",
    subscription_heavy: "your subscriptions take a smaller share of your spending",
  };
  const win = wins[from] ?? `your finances have moved on from ${PERSONA_LABELS[from]}`;
  return `Nice progress: ${win}. Your profile now fits ${PERSONA_LABELS[to]}.`;
}

/** Days in the current persona: from the first of the latest unbroken run of the same primary. */
export function tenureDays(history: Array<{ as_of: string; primary: PersonaId | null }>, asOfDay: (iso: string) => number): number | null {
  if (!history.length) return null;
  const sorted = [...history].sort((a, b) => (a.as_of < b.as_of ? -1 : a.as_of > b.as_of ? 1 : 0));
  const current = sorted[sorted.length - 1];
  let start = current;
  for (let i = sorted.length - 2; i >= 0 && sorted[i].primary === current.primary; i--) start = sorted[i];
  return asOfDay(current.as_of) - asOfDay(start.as_of);
}
