// Catalog content rules shared by every way content gets in (seed now, the content editor
// later): the harmful-product block and the tone check run before anything is stored, so the
// catalog cannot even hold a payday loan (SPEC §3.4).
import { harmfulProductCheck } from "../engine/guardrails/harmful";
import { toneFindings } from "../engine/guardrails/tone";
import type { ContentItem } from "../engine/recommend/content";

export class ContentRejectedError extends Error {
  readonly code = "content_rejected";
  constructor(
    public readonly contentId: string,
    public readonly reasons: string[],
  ) {
    super(`content "${contentId}" cannot be stored: ${reasons.join("; ")}`);
  }
}

/** Reasons an item may not be stored (empty when it may). */
export function contentProblems(item: ContentItem): string[] {
  const problems = [...harmfulProductCheck(item).reasons];
  for (const field of ["title", "summary", "because"] as const) {
    for (const f of toneFindings(item[field])) problems.push(`${field}: "${f.phrase}" reads as judgmental; try "${f.suggestion}"`);
  }
  return problems;
}

export function assertStorable(item: ContentItem): void {
  const problems = contentProblems(item);
  if (problems.length) throw new ContentRejectedError(item.id, problems);
}
