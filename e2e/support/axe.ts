import axe from "axe-core";
import type { Page } from "@playwright/test";

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Runs axe on the page as it stands; the violations, one readable line per element. */
export async function axeViolations(page: Page): Promise<string[]> {
  // page.evaluate is not subject to the app's nonce-based CSP (an inline script tag would be).
  await page.evaluate(axe.source);
  const violations = await page.evaluate((tags) => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: "tag", values: tags } }).then((r) => r.violations.map((v) => ({ id: v.id, help: v.help, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary ?? "" })) }))), WCAG_TAGS);
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} — at ${n.target}: ${n.summary.replace(/\s+/g, " ")}`));
}
