// Whether a catalog item may be stored at all (SPEC §3.4): the harmful-product block and the tone
// check, run on every way content gets in (the seed catalog, the content editor). Pure: the
// content service and the seeding in lib/db refuse with the reasons.
import type { ContentItem } from "../recommend/content";
import { harmfulProductCheck } from "./harmful";
import { toneFindings } from "./tone";

/** Reasons an item may not be stored (empty when it may). */
export function contentProblems(item: ContentItem): string[] {
  const problems = [...harmfulProductCheck(item).reasons];
  for (const field of ["title", "summary", "because"] as const) {
    for (const f of toneFindings(item[field])) problems.push(`${field}: "${f.phrase}" reads as judgmental; try "${f.suggestion}"`);
  }
  return problems;
}
