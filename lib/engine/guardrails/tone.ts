// Tone guardrail (SPEC §3.4): flags shaming, judgmental or pressuring wording and measures
// readability. Runs on every rationale before it is emitted and on catalog content when saved.
// Deterministic: the same text always gives the same findings in the same order.

export interface ToneRule {
  /**
   * A phrase, matched case-insensitively on word boundaries. Spaces and hyphens match any run of
   * spaces or hyphens; straight and curly apostrophes are interchangeable; "you're", "you've",
   * "can't" and "don't" also match their spelled-out forms ("you are", "cannot"…). A trailing `*`
   * on a word matches any ending ("splurg*" → splurge, splurging, splurged).
   */
  pattern: string;
  /** A neutral way to say the same thing. */
  suggestion: string;
  /** Why the phrase is a problem, in a sentence an author can act on. */
  why: string;
}

const LABELS_PERSON = "It labels the person instead of describing the numbers.";
const BLAMES = "It assigns blame; describing the pattern is more useful and less discouraging.";
const ABSOLUTE = "Absolute words overstate the data; name the period and the pattern instead.";
const PRESSURE = "It pressures the reader; education gives time to decide.";
const ADVICE = "It reads as a personal instruction; we offer education, not advice.";
const INSULT = "It is insulting and adds no information.";

export const TONE_RULES: readonly ToneRule[] = [
  { pattern: "you're overspending", suggestion: "your spending is higher than your plan", why: BLAMES },
  { pattern: "you overspend*", suggestion: "your spending was higher than your plan", why: BLAMES },
  { pattern: "irresponsibl*", suggestion: "describe the pattern, e.g. \"payments were made after the due date\"", why: LABELS_PERSON },
  { pattern: "bad with money", suggestion: "still building money habits", why: LABELS_PERSON },
  { pattern: "terrible with", suggestion: "still learning about", why: LABELS_PERSON },
  { pattern: "wasting money", suggestion: "spending on things that may matter less to you", why: BLAMES },
  { pattern: "wasting your money", suggestion: "spending on things that may matter less to you", why: BLAMES },
  { pattern: "waste of money", suggestion: "something you may not be using much", why: BLAMES },
  { pattern: "throwing money away", suggestion: "paying for something you may not be using", why: BLAMES },
  { pattern: "reckless*", suggestion: "higher-risk", why: LABELS_PERSON },
  { pattern: "you failed", suggestion: "this didn't go as planned", why: BLAMES },
  { pattern: "you've failed", suggestion: "this didn't go as planned", why: BLAMES },
  { pattern: "you need to stop", suggestion: "one option is to cut back on", why: ADVICE },
  { pattern: "lazy", suggestion: "describe the situation, e.g. \"this bill isn't on autopay yet\"", why: INSULT },
  { pattern: "careless*", suggestion: "easy to miss", why: LABELS_PERSON },
  { pattern: "poor choice*", suggestion: "choices you can revisit", why: BLAMES },
  { pattern: "bad choice*", suggestion: "choices you can revisit", why: BLAMES },
  { pattern: "bad decision*", suggestion: "decisions you can revisit", why: BLAMES },
  { pattern: "you can't afford", suggestion: "this is more than your current budget allows", why: BLAMES },
  { pattern: "out of control", suggestion: "higher than you planned", why: BLAMES },
  { pattern: "foolish*", suggestion: "leave it out; describe what happened", why: INSULT },
  { pattern: "should be ashamed", suggestion: "leave it out; describe what happened", why: INSULT },
  { pattern: "shame on", suggestion: "leave it out; describe what happened", why: INSULT },
  { pattern: "shameful", suggestion: "leave it out; describe what happened", why: INSULT },
  { pattern: "embarrass*", suggestion: "leave it out; describe what happened", why: INSULT },
  { pattern: "guilty pleasure*", suggestion: "something you enjoy", why: BLAMES },
  { pattern: "frivolous*", suggestion: "optional", why: BLAMES },
  { pattern: "splurg*", suggestion: "extra spending", why: BLAMES },
  { pattern: "broke", suggestion: "money is tight", why: LABELS_PERSON },
  { pattern: "dumb", suggestion: "leave it out; describe what happened", why: INSULT },
  { pattern: "stupid*", suggestion: "leave it out; describe what happened", why: INSULT },
  { pattern: "pathetic", suggestion: "leave it out; describe what happened", why: INSULT },
  { pattern: "you always", suggestion: "in the last few months", why: ABSOLUTE },
  { pattern: "you never", suggestion: "we haven't seen this in the period we looked at", why: ABSOLUTE },
  { pattern: "get your act together", suggestion: "take a next step", why: INSULT },
  { pattern: "beyond your means", suggestion: "spending more than comes in", why: BLAMES },
  { pattern: "no excuse*", suggestion: "leave it out; describe what happened", why: BLAMES },
  { pattern: "should have known better", suggestion: "leave it out; describe what happened", why: BLAMES },
  { pattern: "drowning in debt", suggestion: "carrying a large balance", why: LABELS_PERSON },
  { pattern: "buried in debt", suggestion: "carrying a large balance", why: LABELS_PERSON },
  { pattern: "bad credit", suggestion: "a credit score that is still building", why: LABELS_PERSON },
  { pattern: "spending problem", suggestion: "spending pattern", why: LABELS_PERSON },
  { pattern: "addicted to", suggestion: "use often", why: LABELS_PERSON },
  { pattern: "impulsive*", suggestion: "unplanned", why: LABELS_PERSON },
  { pattern: "financial mess", suggestion: "a tight spot", why: LABELS_PERSON },
  { pattern: "mismanag*", suggestion: "managing differently", why: BLAMES },
  { pattern: "deadbeat*", suggestion: "leave it out; describe what happened", why: INSULT },
  { pattern: "you should", suggestion: "you could consider", why: ADVICE },
  { pattern: "you must", suggestion: "one option is to", why: ADVICE },
  { pattern: "act now", suggestion: "when you're ready", why: PRESSURE },
  { pattern: "don't miss out", suggestion: "if it fits your plans", why: PRESSURE },
  { pattern: "last chance", suggestion: "leave it out; let the reader decide when", why: PRESSURE },
  { pattern: "before it's too late", suggestion: "when you're ready", why: PRESSURE },
  { pattern: "guarantee*", suggestion: "may or could", why: "It promises an outcome nobody can promise; education describes what may happen." },
];

// ---------------------------------------------------------------------------------------------
// Phrase matching (shared with harmful.ts)

const APOSTROPHE = "['\u2018\u2019\u02bc\u0060\u00b4]";
/** Spaces, hyphens and dashes between words. */
const SEPARATOR = "[\\s\\u00a0\\-\\u2010\\u2011\\u2012\\u2013\\u2014]+";
const NOT_WORD_BEFORE = "(?<![\\p{L}\\p{N}])";
const NOT_WORD_AFTER = "(?![\\p{L}\\p{N}])";

/** Contractions written either way; the pattern may use either form. */
const CONTRACTIONS: ReadonlyArray<{ forms: RegExp; source: string }> = [
  { forms: /^you(?:'re| are)$/, source: `you(?:${APOSTROPHE}?re|${SEPARATOR}are)` },
  { forms: /^you(?:'ve| have)$/, source: `you(?:${APOSTROPHE}?ve|${SEPARATOR}have)` },
  { forms: /^(?:can't|cannot|can not)$/, source: `(?:can${APOSTROPHE}?t|can\\s*not)` },
  { forms: /^(?:don't|do not)$/, source: `(?:don${APOSTROPHE}?t|do${SEPARATOR}not)` },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

function wordSource(word: string): string {
  const wildcard = word.endsWith("*");
  const stem = wildcard ? word.slice(0, -1) : word;
  const literal = stem
    .split("'")
    .map(escapeRegExp)
    .join(APOSTROPHE);
  return wildcard ? `${literal}\\p{L}*` : literal;
}

/**
 * Compiles a phrase (see ToneRule.pattern for the syntax) into a global, case-insensitive,
 * Unicode regular expression that only matches whole words.
 */
export function phraseToRegExp(phrase: string): RegExp {
  const words = phrase
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .split(/[\s\-_]+/)
    .filter((w) => w.length > 0);
  if (words.length === 0) throw new Error("A phrase needs at least one word.");
  const parts: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const pair = i + 1 < words.length ? `${words[i]} ${words[i + 1]}` : null;
    const pairRule = pair === null ? undefined : CONTRACTIONS.find((c) => c.forms.test(pair));
    if (pairRule) {
      parts.push(pairRule.source);
      i++;
      continue;
    }
    const single = CONTRACTIONS.find((c) => c.forms.test(words[i]));
    parts.push(single ? single.source : wordSource(words[i]));
  }
  return new RegExp(`${NOT_WORD_BEFORE}${parts.join(SEPARATOR)}${NOT_WORD_AFTER}`, "giu");
}

export interface PhraseMatch<T> {
  rule: T;
  text: string;
  index: number;
}

/**
 * Every match of every rule in `text`, ordered by position (then longer first, then rule order).
 * A match lying wholly inside a longer match that was already kept is dropped, so one phrase is
 * reported once.
 */
export function findPhrases<T>(text: string, compiled: ReadonlyArray<{ rule: T; regex: RegExp }>): PhraseMatch<T>[] {
  const all: Array<PhraseMatch<T> & { order: number }> = [];
  compiled.forEach(({ rule, regex }, order) => {
    for (const m of text.matchAll(regex)) {
      all.push({ rule, text: m[0], index: m.index ?? 0, order });
    }
  });
  all.sort((a, b) => a.index - b.index || b.text.length - a.text.length || a.order - b.order);
  const kept: PhraseMatch<T>[] = [];
  for (const m of all) {
    const end = m.index + m.text.length;
    if (kept.some((k) => k.index <= m.index && end <= k.index + k.text.length)) continue;
    kept.push({ rule: m.rule, text: m.text, index: m.index });
  }
  return kept;
}

const COMPILED_TONE_RULES = TONE_RULES.map((rule) => ({ rule, regex: phraseToRegExp(rule.pattern) }));
// One pass over the text first: almost every text matches no rule at all.
const ANY_TONE_RULE = new RegExp(COMPILED_TONE_RULES.map((r) => r.regex.source).join("|"), "iu");

// ---------------------------------------------------------------------------------------------
// Readability

/**
 * Estimated syllables in one word: vowel groups, less a silent final "e" / "es" / "ed".
 * A heuristic (English has many exceptions) that is good enough for grade-level estimates.
 * Tokens without letters (numbers) count one syllable per digit.
 */
// Rationales repeat the same few hundred words for every customer: count each word once.
const syllableMemo = new Map<string, number>();

export function countSyllables(word: string): number {
  let n = syllableMemo.get(word);
  if (n === undefined) {
    if (syllableMemo.size >= 50_000) syllableMemo.clear(); // numbers and names vary: keep the memo bounded
    syllableMemo.set(word, (n = syllablesOf(word)));
  }
  return n;
}

function syllablesOf(word: string): number {
  const lower = word.toLowerCase();
  const letters = lower.replace(/[^a-z]/g, "");
  if (letters.length === 0) {
    const digits = lower.replace(/[^0-9]/g, "").length;
    return Math.max(digits, lower.length > 0 ? 1 : 0);
  }
  if (letters.length <= 3) return 1;
  const trimmed = letters
    // "-es" is silent except after s, x, z, ch, sh, ce, ge ("rates" vs "taxes")
    .replace(/([^laeiouysxzcgh])es$/, "$1")
    // "-ed" is silent except after t or d ("saved" vs "limited")
    .replace(/([^laeiouytd])ed$/, "$1")
    // a final "e" is silent except in "-le" ("make" vs "able")
    .replace(/([^laeiouy])e$/, "$1")
    .replace(/^y/, "");
  const groups = trimmed.match(/[aeiouy]+/g);
  return Math.max(1, groups ? groups.length : 0);
}

export interface Readability {
  /** Flesch reading ease: higher is easier; 60–70 is plain English. */
  fleschReadingEase: number;
  /** Flesch–Kincaid grade level (US school grade). */
  gradeLevel: number;
  words: number;
  sentences: number;
  syllables: number;
}

const WORD = /[\p{L}\p{N}]+(?:[.,'\u2019\-][\p{L}\p{N}]+)*/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Flesch reading ease and Flesch–Kincaid grade, rounded to one decimal. Empty text → zeros. */
export function measureReadability(text: string): Readability {
  const words = text.match(WORD) ?? [];
  if (words.length === 0) return readabilityOf(0, 0, 0);
  // A sentence ends at . ! or ? followed by a space or the end ("$3.40" does not end one).
  const sentences = Math.max(1, text.split(/[.!?]+(?=\s|$)/).filter((part) => HAS_WORD.test(part)).length);
  const syllables = words.reduce((sum, w) => sum + countSyllables(w), 0);
  return readabilityOf(words.length, sentences, syllables);
}

/** The readability of texts joined by spaces, from each part's counts (counts simply add up). */
export function combineReadability(parts: readonly Readability[]): Readability {
  return readabilityOf(
    parts.reduce((a, p) => a + p.words, 0),
    parts.reduce((a, p) => a + p.sentences, 0),
    parts.reduce((a, p) => a + p.syllables, 0),
  );
}

function readabilityOf(words: number, sentences: number, syllables: number): Readability {
  if (words === 0) return { fleschReadingEase: 0, gradeLevel: 0, words: 0, sentences: 0, syllables: 0 };
  const wordsPerSentence = words / sentences;
  const syllablesPerWord = syllables / words;
  return {
    fleschReadingEase: round1(206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord),
    gradeLevel: round1(0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59),
    words,
    sentences,
    syllables,
  };
}

// ---------------------------------------------------------------------------------------------
// The checker

export interface ToneFinding {
  /** The words as they appear in the text. */
  phrase: string;
  /** Where they start in the text (UTF-16 offset, as String#slice uses). */
  index: number;
  suggestion: string;
  why: string;
}

export interface ToneResult {
  /** False when any rule matched. Readability is reported, never a failure on its own. */
  ok: boolean;
  findings: ToneFinding[];
  readability: Readability;
}

/** The tone rules a text breaks (no readability): the fast path the engine runs on every rationale. */
export function toneFindings(text: string): ToneFinding[] {
  if (!ANY_TONE_RULE.test(text)) return [];
  return findPhrases(text, COMPILED_TONE_RULES).map((m) => ({
    phrase: m.text,
    index: m.index,
    suggestion: m.rule.suggestion,
    why: m.rule.why,
  }));
}

export function checkTone(text: string): ToneResult {
  const findings = toneFindings(text);
  return { ok: findings.length === 0, findings, readability: measureReadability(text) };
}
