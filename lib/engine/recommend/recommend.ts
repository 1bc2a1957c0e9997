// Recommendations for one customer and window (SPEC §3.3): every approved catalog item is a
// candidate; each is scored, checked (relevance, repeat, harmful, eligibility, tone) and either
// chosen or left out with a reason. Ranking is score, then id — never input order.
import { DISCLAIMER, type EngineConfig } from "../config";
import { checkEligibility, eligibilityRules, type EligibilityContext } from "../guardrails/eligibility";
import { harmfulProductCheck } from "../guardrails/harmful";
import { combineReadability, measureReadability, toneFindings, type Readability, type ToneFinding } from "../guardrails/tone";
import type { PersonaAssignment } from "../personas/assign";
import type { WindowSignals } from "../signals/types";
import type { WindowId } from "../types";
import type { ContentItem, TriggerId } from "./content";
import { readSignal } from "../signal-path";
import { fireTrigger, verifyCitations, type Citation, type TriggerResult } from "./triggers";

/** An item the customer has been shown (approved for delivery or delivered). */
export interface RecentlyShown {
  content_id: string;
  /** asOf of the run that recommended it. */
  as_of: string;
  /** The window it was made for and its kind: approved items of this window count toward its caps (3–5 education, ≤3 offers). */
  window?: WindowId;
  kind?: ContentItem["kind"];
}

/** An item a reviewer rejected or swapped out for this customer, with the numbers it cited then. */
export interface Declined {
  content_id: string;
  /** asOf of the run that recommended it. */
  as_of: string;
  status: "rejected" | "overridden";
  /** The window it was made for: its cited numbers are compared with that window's signals only (in another window it stays declined). */
  window: WindowId;
  citations: ReadonlyArray<Pick<Citation, "signal" | "value">>;
}

/** The cited values that changed by more than the configured share since the item was declined ("" when none did). */
export function materialChanges(s: WindowSignals, cited: Declined["citations"], config: EngineConfig): string {
  const threshold = config.recommend.declinedResurfaceChange;
  const changed: string[] = [];
  for (const c of cited) {
    const now = readSignal(s, c.signal) ?? null;
    const then = c.value ?? null;
    const moved =
      typeof now === "number" && typeof then === "number" ? Math.abs(now - then) > threshold * Math.max(Math.abs(then), 1) : now !== then;
    if (moved) changed.push(`${c.signal} ${then ?? "unknown"} → ${now ?? "unknown"}`);
  }
  return changed.join(", ");
}

export interface Candidate {
  content_id: string;
  kind: ContentItem["kind"];
  score: number;
  persona_match: "primary" | "secondary" | null;
  triggers_fired: TriggerId[];
  eligible: boolean;
  eligibility_reasons: string[];
  harmful: string[];
  tone: { ok: boolean; findings: string[]; grade_level: number | null } | null;
  decision: "chosen" | "left_out";
  why: string;
}

export interface Recommendation {
  kind: ContentItem["kind"];
  content_id: string;
  title: string;
  format: ContentItem["format"];
  rationale: string;
  citations: Citation[];
  disclaimer: string;
  rank: number;
  score: number;
  window: WindowId;
}

export interface RecommendResult {
  recommendations: Recommendation[];
  /** Items that passed every check but ranked below the chosen ones, best first (rank 0): what a reviewer may swap in. */
  alternates: Recommendation[];
  candidates: Candidate[];
  notes: string[];
}

// Catalog items are the same objects for every customer of a run: judge each once.
const itemChecks = new WeakMap<ContentItem, { harmful: ReturnType<typeof harmfulProductCheck>; tone: ToneFinding[]; readability: Readability }>();
function checksOf(item: ContentItem) {
  let r = itemChecks.get(item);
  if (!r) itemChecks.set(item, (r = { harmful: harmfulProductCheck(item), tone: toneFindings(item.because), readability: measureReadability(item.because) }));
  return r;
}

/**
 * Tone and readability of a rationale, judged part by part (each trigger sentence once per
 * customer, each item's wording once per run). Names from the customer's data ("Lazy Dog
 * Restaurant") are not our wording, so they are masked before the tone check.
 */
function sentenceChecker() {
  const cache = new Map<string, { tone: ToneFinding[]; readability: Readability }>();
  return (r: TriggerResult) => {
    let hit = cache.get(r.sentence);
    if (!hit) {
      const masked = (r.names ?? []).reduce((text, name) => text.split(name).join("the account"), r.sentence);
      cache.set(r.sentence, (hit = { tone: toneFindings(masked), readability: measureReadability(r.sentence) }));
    }
    return hit;
  };
}

// The catalog is the same array for every customer of a run: sort it by id once.
const sortedCatalogs = new WeakMap<readonly ContentItem[], readonly ContentItem[]>();
function byId(catalog: readonly ContentItem[]): readonly ContentItem[] {
  let sorted = sortedCatalogs.get(catalog);
  if (!sorted) sortedCatalogs.set(catalog, (sorted = [...catalog].sort((a, b) => (a.id < b.id ? -1 : 1))));
  return sorted;
}

const byScoreThenId = (a: { score: number; content_id: string }, b: { score: number; content_id: string }) =>
  b.score - a.score || (a.content_id < b.content_id ? -1 : a.content_id > b.content_id ? 1 : 0);

export function recommend(
  s: WindowSignals,
  persona: Pick<PersonaAssignment, "primary" | "secondary" | "strength">,
  catalog: readonly ContentItem[],
  ctx: EligibilityContext & {
    recentlyShown: readonly RecentlyShown[];
    /** Items a reviewer rejected or swapped out: not recommended again within the no-repeat period unless a number they cited changed materially. */
    declined?: readonly Declined[];
    asOfDay: number;
    dayOf: (iso: string) => number;
  },
  config: EngineConfig,
): RecommendResult {
  const w = config.recommend.weights;
  const fired = new Map<TriggerId, TriggerResult>();
  const triggerResult = (id: TriggerId) => {
    if (!fired.has(id)) {
      const r = fireTrigger(id, s, config);
      if (r) fired.set(id, r);
      else return null;
    }
    return fired.get(id)!;
  };
  const sentence = sentenceChecker();
  const withinPeriod = (r: { as_of: string }) => ctx.asOfDay - ctx.dayOf(r.as_of) < config.recommend.noRepeatDays;
  const recent = ctx.recentlyShown.filter(withinPeriod);
  const shown = new Set(recent.map((r) => r.content_id));
  // The latest decline of each item within the period.
  const declined = new Map((ctx.declined ?? []).filter(withinPeriod).map((d) => [d.content_id, d]));
  // Items of this window already approved in the period fill part of its caps.
  const heldOf = (kind: ContentItem["kind"]) => new Set(recent.filter((r) => r.window === s.window && r.kind === kind).map((r) => r.content_id)).size;
  const held = { education: heldOf("education"), offer: heldOf("offer") };

  const candidates: Candidate[] = [];
  const passing: Passing[] = [];
  for (const item of byId(catalog)) {
    const personaMatch = persona.primary && item.personas.includes(persona.primary) ? "primary" : item.personas.some((p) => persona.secondary.includes(p)) ? "secondary" : null;
    const triggers = item.triggers.filter((t) => triggerResult(t) !== null);
    const score = (personaMatch === "primary" ? w.primaryPersona : personaMatch === "secondary" ? w.secondaryPersona : 0) + triggers.length * w.trigger;
    const c: Candidate = { content_id: item.id, kind: item.kind, score, persona_match: personaMatch, triggers_fired: triggers, eligible: true, eligibility_reasons: [], harmful: [], tone: null, decision: "left_out", why: "" };
    candidates.push(c);

    const checks = checksOf(item);
    const harmful = checks.harmful;
    if (harmful.blocked) {
      c.harmful = harmful.reasons;
      c.why = "blocked as a harmful product";
      continue;
    }
    if (!triggers.length) {
      c.why = personaMatch ? "fits the persona but none of its signal triggers fired, so there is no data to cite" : "no persona or signal match";
      continue;
    }
    if (shown.has(item.id)) {
      c.why = `already shown within the last ${config.recommend.noRepeatDays} days`;
      continue;
    }
    const decline = declined.get(item.id);
    let resurfaced = "";
    if (decline) {
      const verb = decline.status === "rejected" ? "rejected by a reviewer" : "swapped out by a reviewer";
      const changes = decline.window === s.window ? materialChanges(s, decline.citations, config) : "";
      if (!changes) {
        c.why = `${verb} for the run of ${decline.as_of}; not recommended again within ${config.recommend.noRepeatDays} days unless a number it cited changes by more than ${config.recommend.declinedResurfaceChange * 100}%`;
        continue;
      }
      resurfaced = `${verb} for the run of ${decline.as_of}, offered again because the numbers it cited changed materially (${changes})`;
    }
    if (item.kind === "offer" && (!personaMatch || persona.strength === "weak") && config.recommend.offersNeedPersonaMatch) {
      c.why = personaMatch ? "an offer needs a matched persona; the customer's is only the nearest (weak), not a match" : "an offer is only made when it is for the customer's primary or secondary persona";
      continue;
    }
    c.eligibility_reasons = checkEligibility(eligibilityRules(item), s, ctx);
    c.eligible = c.eligibility_reasons.length === 0;
    if (!c.eligible) {
      c.why = `not eligible: ${c.eligibility_reasons.join("; ")}`;
      continue;
    }
    // The item's distinct fired sentences, in the item's trigger order (most telling first):
    // any of them may lead its rationale, so every one is judged.
    const facts = [...new Map(triggers.map((t) => [fired.get(t)!.sentence, { trigger: t, result: fired.get(t)! }])).values()];
    const unfaithful = verifyCitations(s, facts.flatMap((f) => f.result.citations));
    const findings = [...facts.flatMap((f) => sentence(f.result).tone), ...checks.tone];
    const readability = combineReadability([...facts.slice(0, 2).map((f) => sentence(f.result).readability), checks.readability]);
    c.tone = { ok: findings.length === 0, findings: findings.map((f) => `"${f.phrase}" → try "${f.suggestion}"`), grade_level: readability.gradeLevel };
    if (findings.length) {
      c.why = "rationale failed the tone check";
      continue;
    }
    if (unfaithful.length) {
      c.why = `a cited number does not match the signals (${unfaithful.map((u) => u.signal).join(", ")})`;
      continue;
    }
    passing.push({ item, candidate: c, facts, rationale: "", citations: [], lead: null, opener: "", resurfaced });
  }

  passing.sort((a, b) => byScoreThenId(a.candidate, b.candidate));
  // Approved items of the window count toward the caps: only the remainder is chosen afresh.
  const r = {
    ...config.recommend,
    educationMin: Math.max(0, config.recommend.educationMin - held.education),
    educationMax: Math.max(0, config.recommend.educationMax - held.education),
    offersMax: Math.max(0, config.recommend.offersMax - held.offer),
  };
  const { education: chosenEducation, offers: chosenOffers } = chooseVaried(passing, r);

  const notes: string[] = [];
  if (held.education || held.offer) {
    notes.push(`${held.education} education item(s) and ${held.offer} offer(s) already approved for this window within ${r.noRepeatDays} days count toward the caps (${config.recommend.educationMin}–${config.recommend.educationMax} education, up to ${config.recommend.offersMax} offers)`);
  }
  if (chosenEducation.length < r.educationMin) notes.push(`only ${chosenEducation.length} education item(s) passed every check (target ${r.educationMin}–${r.educationMax})`);
  if (chosenOffers.length === 0) notes.push("no partner offer passed every check; reasons are recorded per candidate");

  const toRecommendation = (p: Passing, rank: number): Recommendation => ({
    kind: p.item.kind,
    content_id: p.item.id,
    title: p.item.title,
    format: p.item.format,
    rationale: p.rationale,
    citations: p.citations,
    disclaimer: DISCLAIMER,
    rank,
    score: p.candidate.score,
    window: s.window,
  });
  const recommendations: Recommendation[] = [];
  for (const group of [chosenEducation, chosenOffers]) {
    group.forEach((p) => {
      p.candidate.decision = "chosen";
      p.candidate.why = `ranked ${recommendations.length + 1} by score ${p.candidate.score} (${p.candidate.persona_match ? `${p.candidate.persona_match} persona, ` : ""}${p.candidate.triggers_fired.length} trigger${p.candidate.triggers_fired.length === 1 ? "" : "s"} fired)${p.resurfaced ? `; ${p.resurfaced}` : ""}`;
      recommendations.push(toRecommendation(p, recommendations.length + 1));
    });
  }
  const alternates: Recommendation[] = [];
  for (const p of passing) {
    if (p.candidate.decision === "chosen") continue;
    // An alternate swapped in by a reviewer leads with its own most telling fact.
    if (!p.lead) compose(p, p.facts[0]);
    if (!p.candidate.why) p.candidate.why = `passed every check but ranked below the ${p.item.kind === "offer" ? `top ${r.offersMax} offers` : "chosen education items"}${p.resurfaced ? `; ${p.resurfaced}` : ""}`;
    alternates.push(toRecommendation(p, 0));
  }
  return { recommendations, alternates, candidates, notes };
}

type Fact = { trigger: TriggerId; result: TriggerResult };
type Passing = {
  item: ContentItem;
  candidate: Candidate;
  facts: Fact[];
  rationale: string;
  citations: Citation[];
  lead: Fact | null;
  /** The rationale's first sentence. */
  opener: string;
  /** Why an item a reviewer declined is offered again ("" when it was not declined). */
  resurfaced: string;
};
type Limits = Record<"educationMin" | "educationMax" | "offersMax", number>;

/** Signal family of a trigger ("credit", "income", "fees", "subscriptions", "savings", "bills"). */
const familyOf = (t: TriggerId) => t.slice(0, t.indexOf("_"));

/**
 * The rationale: the leading fact, the item's next distinct fact, then what the item does. With
 * `becauseFirst` (every fact of the item already opens a higher-ranked item) it opens with what
 * the item does, then its most telling facts, so no two items open alike and none is dropped.
 */
function compose(p: Passing, lead: Fact, becauseFirst = false): void {
  const next = p.facts.find((f) => f !== lead);
  const parts = next ? [lead, next] : [lead];
  const facts = parts.map((f) => f.result.sentence).join(" ");
  p.lead = lead;
  p.opener = becauseFirst ? p.item.because : lead.result.sentence;
  p.rationale = becauseFirst ? `${p.item.because} ${facts}` : `${facts} ${p.item.because}`;
  p.citations = parts.flatMap((f) => f.result.citations);
}

/**
 * Picks the education items and offers (ranked best first) so the set is worth reading: each
 * item leads with the fact that makes it relevant, no two education items in the window open
 * with the same sentence (an item whose every fact already opens a higher-ranked one gives
 * way past the 3-item minimum, and below it opens with what it does), and a customer with facts in
 * several signal families sees more than one of them where approved content exists.
 */
function chooseVaried(ranked: Passing[], r: Limits): { education: Passing[]; offers: Passing[] } {
  const opened = new Set<string>();
  const leadFor = (p: Passing) => p.facts.find((f) => !opened.has(f.result.sentence)) ?? null;
  const take = (p: Passing, lead: Fact, into: Passing[], becauseFirst = false) => {
    compose(p, lead, becauseFirst);
    opened.add(p.opener);
    into.push(p);
  };
  const education: Passing[] = [];
  const skipped: Passing[] = [];
  // Items past the minimum must still be half as relevant as the best one.
  const candidates = ranked.filter((p) => p.item.kind === "education");
  const top = candidates[0]?.candidate.score ?? 0;
  for (const p of candidates) {
    if (education.length >= r.educationMax || (education.length >= r.educationMin && p.candidate.score < top / 2)) break;
    const lead = leadFor(p);
    if (lead) take(p, lead, education);
    else {
      p.candidate.why = "passed every check, but each of its facts already opens a higher-ranked item";
      skipped.push(p);
    }
  }
  // Still under the 3-item minimum (SPEC §3.3: 3–5 items): the best of those items count after all,
  // opening with what the item does instead of a fact, so openers stay distinct.
  for (const p of skipped) {
    if (education.length >= r.educationMin) break;
    if (opened.has(p.item.because)) continue;
    p.candidate.why = "";
    take(p, p.facts[0], education, true);
  }
  education.sort((a, b) => ranked.indexOf(a) - ranked.indexOf(b));
  // One family only, while another family has a fact and approved content: swap the lowest-ranked item for the best of another family.
  const families = new Set(education.map((p) => familyOf(p.lead!.trigger)));
  if (families.size === 1) {
    for (const p of candidates) {
      if (education.includes(p)) continue;
      const lead = p.facts.find((f) => !opened.has(f.result.sentence) && !families.has(familyOf(f.trigger)));
      if (!lead) continue;
      if (education.length >= r.educationMax) {
        const dropped = education.pop()!;
        opened.delete(dropped.opener);
        dropped.lead = null;
        dropped.candidate.why = `passed every check; gave way to ${p.item.id} so the set covers more than one kind of signal`;
      }
      take(p, lead, education);
      break;
    }
  }
  // Offers are listed apart from education and SPEC §3.3 makes 1–3 of them whenever guardrails
  // allow: no two offers open alike, and an offer opens with a fact no education item opens with
  // where it has one.
  const offers: Passing[] = [];
  const openedByOffers = new Set<string>();
  const skippedOffers: Passing[] = [];
  for (const p of ranked) {
    if (p.item.kind !== "offer" || offers.length >= r.offersMax) continue;
    const fresh = p.facts.filter((f) => !openedByOffers.has(f.result.sentence));
    const lead = fresh.find((f) => !opened.has(f.result.sentence)) ?? fresh[0];
    if (!lead) {
      p.candidate.why = "passed every check, but each of its facts already opens a higher-ranked offer";
      skippedOffers.push(p);
      continue;
    }
    compose(p, lead);
    openedByOffers.add(p.opener);
    offers.push(p);
  }
  // Up to 3 offers whenever guardrails allow: the rest open with what the offer does.
  for (const p of skippedOffers) {
    if (offers.length >= r.offersMax) break;
    if (openedByOffers.has(p.item.because)) continue;
    p.candidate.why = "";
    compose(p, p.facts[0], true);
    openedByOffers.add(p.opener);
    offers.push(p);
  }
  offers.sort((a, b) => ranked.indexOf(a) - ranked.indexOf(b));
  return { education, offers };
}
