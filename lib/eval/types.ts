// Plain data the evaluation reads: what `spendsense run` stored for one customer at one asOf,
// plus the generator's label and the customer's demographics. Services load it; lib/eval
// judges it without touching a database, the clock or the environment.
import type { Strength } from "../engine/personas/assign";
import type { Citation } from "../engine/recommend/triggers";
import type { WindowSignals } from "../engine/signals/types";
import { PERSONA_IDS, type PersonaId, type WindowId } from "../engine/types";
import type { Dimension } from "./targets";

/** The classes persona accuracy compares: a persona, no persona matched, or not enough data. */
export const LABEL_CLASSES = [...PERSONA_IDS, "none", "insufficient_data"] as const;
export type LabelClass = (typeof LABEL_CLASSES)[number];

export interface StoredRecommendation {
  id: number;
  content_id: string;
  kind: "education" | "offer";
  rationale: string;
  citations: Citation[];
  /** Personas the catalog item is tagged with. */
  item_personas: readonly string[];
  trace_id: number | null;
}

export interface StoredTrace {
  id: number;
  user_id: string;
  /** The parsed payload, or null when it is not valid JSON. */
  payload: unknown;
}

export interface StoredWindow {
  /** The stored signal snapshot, or null when none was stored. */
  signals: WindowSignals | null;
  /** The stored persona assignment, or null when none was stored. */
  persona: { primary: PersonaId | null; secondary: PersonaId[]; strength: Strength } | null;
  recommendations: StoredRecommendation[];
  /** Decision traces the recommendations point to, and the window's own trace, by id. */
  traces: StoredTrace[];
}

export interface EvalCustomer {
  user_id: string;
  demographics: Record<Dimension, string | null>;
  /** The generator's ground truth; null for customers that did not come from the generator. */
  label: { intended_persona: string; profile: string } | null;
  windows: Record<WindowId, StoredWindow>;
}
