// How a decision trace reads as a table: one row per candidate with its score and what made it
// up, eligibility, tone and the decision. Pure, so it is tested without a browser.
import type { DecisionTrace } from "@/lib/engine";
import { DEFAULT_CONFIG } from "@/lib/engine/config";
import { kindLabel, personaLabel, plural, triggerLabel } from "@/lib/labels";

type Candidate = DecisionTrace["candidates"][number];

export interface DecisionRow {
  contentId: string;
  item: string;
  kind: string;
  score: string;
  /** What the score is made of: "+3 primary persona (Fee Fighter)", "+2 overdraft or insufficient-funds fees". */
  scoreParts: string[];
  eligibility: string;
  tone: string;
  chosen: boolean;
  decision: string;
}

const W = DEFAULT_CONFIG.recommend.weights;
const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, ""));

function scoreParts(c: Candidate, persona: DecisionTrace["persona"]): string[] {
  const matched = c.persona_match === "primary" ? persona.primary : c.persona_match === "secondary" ? persona.secondary.find(Boolean) ?? null : null;
  const personaPart = c.persona_match ? { w: c.persona_match === "primary" ? W.primaryPersona : W.secondaryPersona, text: `${c.persona_match} persona${matched ? ` (${personaLabel(matched)})` : ""}` } : null;
  const parts = [...(personaPart ? [personaPart] : []), ...c.triggers_fired.map((t) => ({ w: W.trigger, text: triggerLabel(t) }))];
  // A trace made under other weights still lists what counted, without numbers that would not add up.
  const adds = parts.reduce((s, p) => s + p.w, 0) === c.score;
  if (!parts.length) return ["no persona match and no trigger fired"];
  return parts.map((p) => (adds ? `+${num(p.w)} ${p.text}` : p.text));
}

function tone(c: Candidate): string {
  if (c.harmful.length) return `Blocked as harmful: ${c.harmful.join("; ")}`;
  if (!c.tone) return "Not checked";
  const grade = c.tone.grade_level === null ? "" : ` (reading grade ${num(c.tone.grade_level)})`;
  return c.tone.ok ? `Passed${grade}` : `Failed: ${c.tone.findings.join("; ")}${grade}`;
}

function decision(c: Candidate): string {
  const why = c.why ? c.why[0]!.toUpperCase() + c.why.slice(1) : "";
  return c.decision === "chosen" ? `Chosen${why ? `: ${why}` : ""}` : `Left out${why ? `: ${why}` : ""}`;
}

/** The rows, chosen first then by score (as the engine ranked them), then by id. */
export function decisionRows(trace: DecisionTrace, titles: Readonly<Record<string, string>> = {}): DecisionRow[] {
  return [...trace.candidates]
    .sort((a, b) => Number(b.decision === "chosen") - Number(a.decision === "chosen") || b.score - a.score || (a.content_id < b.content_id ? -1 : 1))
    .map((c) => ({
      contentId: c.content_id,
      item: titles[c.content_id] ?? c.content_id,
      kind: kindLabel(c.kind),
      score: num(c.score),
      scoreParts: scoreParts(c, trace.persona),
      eligibility: c.eligible ? "Eligible" : `Not eligible: ${c.eligibility_reasons.join("; ")}`,
      tone: tone(c),
      chosen: c.decision === "chosen",
      decision: decision(c),
    }));
}

/** One line above the table: how many candidates, how many chosen. */
export function decisionSummary(trace: DecisionTrace): string {
  const chosen = trace.candidates.filter((c) => c.decision === "chosen").length;
  return `${plural(trace.candidates.length, "candidate")} considered, ${chosen} chosen · persona ${personaLabel(trace.persona.primary)} · as of ${trace.as_of}, ${trace.window} window · engine ${trace.engine_version}, config ${trace.config_hash.slice(0, 10)}`;
}
