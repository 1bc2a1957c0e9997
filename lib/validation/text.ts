// One home for the limits of every text field the app accepts (issue 11 §9), the zod "safe text"
// builder every schema uses (a documented maximum, no control characters), and strict numbers
// for query strings (no empty-as-zero, no hex, no exponent tricks).
import { z } from "zod";

/** The documented maximum length of each kind of text field, in characters. */
export const TEXT_LIMITS = {
  /** Customer, account, transaction, content and other ids. */
  id: 128,
  /** Names of customers, accounts, merchants, keys; titles; other one-line labels. */
  name: 200,
  /** Reasons, justifications, notes, comments. */
  reason: 2000,
  /** Search boxes and other free-text query parameters. */
  query: 200,
  /** The name of an API key (who uses it, for what). */
  keyName: 64,
} as const;

/** The content model's own limits: a title, a short summary, the "because" template, offer details. */
export const CONTENT_LIMITS = { title: 120, summary: 400, because: 300, product_category: 60, partner: 80 } as const;

/** C0 controls (NUL included) and DEL; `multiline` text may also hold tab, LF and CR. */
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_BUT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * A string of at most `max` characters without control characters. `min` (default 0) counts
 * after trimming when `trim` is set. Use `.optional()`, `.nullish()` etc. on the result.
 */
export function safeText(max: number, opts: { min?: number; trim?: boolean; multiline?: boolean; minMessage?: string; error?: z.core.$ZodErrorMap<z.core.$ZodIssueInvalidType> } = {}) {
  const control = opts.multiline ? CONTROL_BUT_WHITESPACE : CONTROL;
  let s = z.string({ error: opts.error ?? "expected text" });
  if (opts.trim) s = s.trim();
  if (opts.min) s = s.min(opts.min, opts.minMessage ?? (opts.min === 1 ? "must not be empty" : `must be at least ${opts.min} characters`));
  return s
    .max(max, `must be at most ${max.toLocaleString("en-US")} characters`)
    .refine((v) => !control.test(v), opts.multiline ? "must not contain control characters (other than tab and line breaks)" : "must not contain control characters or line breaks")
    .meta({ maxLength: max });
}

/** An id (customer, account, transaction, content…): 1–128 characters, no control characters. */
export const safeId = () => safeText(TEXT_LIMITS.id, { min: 1 });
/** A one-line name or label (1–200 characters). */
export const safeName = () => safeText(TEXT_LIMITS.name, { min: 1 });
/** A reason, justification, note or comment (up to 2 000 characters, line breaks allowed). */
export const safeReason = (min = 0, minMessage?: string) => safeText(TEXT_LIMITS.reason, { min, trim: true, multiline: true, minMessage });

const DECIMAL = /^-?\d+(\.\d+)?$/;
const INTEGER = /^-?\d+$/;

/**
 * A number in a query string, parsed strictly: decimal digits only. "" (a parameter left empty),
 * "0x10", "1e3", " 5" or "Infinity" are refused (400 naming the parameter), never read as 0 or 16.
 */
export function queryNumber(opts: { integer?: boolean } = {}) {
  const pattern = opts.integer ? INTEGER : DECIMAL;
  return z
    .string()
    .regex(pattern, opts.integer ? "expected a whole number written in decimal digits" : "expected a decimal number such as 12.50")
    .transform(Number);
}

/**
 * An amount a person types in dollars ("2,500", "$2500.50") as exact integer cents: digits only,
 * at most two decimals, no floating point. Empty means "no amount" (undefined).
 */
export const formDollarsAsCents = z.preprocess(
  (v) => (v === "" || v === undefined || v === null ? undefined : typeof v === "string" ? v.trim().replace(/^\$\s*/, "").replace(/,/g, "") : v),
  z
    .string({ error: "must be an amount in dollars" })
    .regex(/^\d{1,9}(\.\d{1,2})?$/, "must be an amount in dollars, to the cent (for example 2500.00)")
    .transform((s) => {
      const [whole, fraction = ""] = s.split(".");
      return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
    })
    .optional(),
);

/** Integer cents as the dollars a form shows for editing ("2500.50"), or undefined. */
export function centsAsDollarsInput(cents: number | null | undefined): string | undefined {
  if (cents === null || cents === undefined) return undefined;
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}
