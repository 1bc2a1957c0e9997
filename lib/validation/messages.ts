// One mapper from zod issues to plain language a person can act on, next to the field it is
// about: "Title needs at least 5 characters", never "title: Too small: expected string…".
import type { z } from "zod";
import { FIELD_LABELS as ELIGIBILITY_LABELS } from "../labels";

/** How staff forms name their fields; a field not listed reads as its name in words ("min_credit_score" → "Min credit score"). */
export const FIELD_LABELS: Record<string, string> = {
  id: "Id",
  because: "Because",
  // Eligibility fields read as the one label table has them (lib/labels.ts).
  min_monthly_income: ELIGIBILITY_LABELS.min_monthly_income_cents,
  min_monthly_income_cents: ELIGIBILITY_LABELS.min_monthly_income_cents,
  min_credit_score: ELIGIBILITY_LABELS.min_credit_score,
  product_category: "Product category",
  content_id: "Item to swap in",
  as_of: "As of date",
  select: "Selection",
  ids: "Selection",
  confirm: "Confirmation",
};

export function fieldLabel(field: string): string {
  if (FIELD_LABELS[field]) return FIELD_LABELS[field];
  const words = field.replace(/[_.]+/g, " ").trim();
  return words ? words[0].toUpperCase() + words.slice(1) : "This form";
}

const count = (n: number | bigint) => Number(n).toLocaleString("en-US");
const sentence = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** One issue as a sentence starting with the field's label. */
export function plainIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length ? String(issue.path[0]) : "";
  const label = fieldLabel(field);
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? `${label} is required` : `${label} needs at least ${count(issue.minimum)} characters`;
      if (issue.origin === "array" || issue.origin === "set") return Number(issue.minimum) <= 1 ? `${label}: choose at least one` : `${label}: choose at least ${count(issue.minimum)}`;
      return `${label} must be at least ${count(issue.minimum)}`;
    case "too_big":
      if (issue.origin === "string") return `${label} can be at most ${count(issue.maximum)} characters`;
      return `${label} must be at most ${count(issue.maximum)}`;
    case "invalid_type":
      // zod 4 names what it got ("undefined", "NaN"…) rather than echoing the input.
      if (["undefined", "null"].includes(String((issue as { received?: unknown }).received ?? "undefined"))) return `${label} is required`;
      return `${label} must be ${issue.expected === "number" || issue.expected === "int" ? "a whole number written in digits" : `a ${issue.expected}`}`;
    case "invalid_value":
      return issue.values.length === 1 ? `${label} must be ${String(issue.values[0])}` : `${label} must be one of: ${issue.values.map(String).join(", ")}`;
    default:
      // Our own messages already say what is needed ("must not contain control characters").
      if (/^Invalid/.test(issue.message)) return `${label} is not in the expected format`;
      if (!field) return sentence(issue.message);
      return /^(must|is|needs|can)\b/.test(issue.message) ? `${label} ${issue.message}` : `${label}: ${issue.message}`;
  }
}

/** The first problem with each field (by its form name), and one sentence for the whole form. */
export function plainErrors(err: z.ZodError): { fieldErrors: Record<string, string>; message: string } {
  const fieldErrors: Record<string, string> = {};
  for (const issue of err.issues) {
    const field = issue.path.length ? String(issue.path[0]) : "";
    fieldErrors[field] ??= plainIssue(issue);
  }
  return { fieldErrors, message: `${Object.values(fieldErrors).join(". ")}.` };
}
