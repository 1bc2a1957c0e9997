// The review queue's state in the URL (page and filters), validated with defaults, and the one way
// to write it back into a link or a redirect — so every action returns to the page and filters
// it was taken from. Also the "id:version" references a queue form carries for the copies it acts on.
import { z } from "zod";
import { PERSONA_IDS, WINDOWS } from "../engine/types";
import { queryNumber } from "./text";

export const REVIEW_KINDS = ["education", "offer"] as const;
/** "Waiting over N days": how long an item has been pending review. */
export const REVIEW_AGES = { "1d": 1, "7d": 7, "30d": 30 } as const;
/** Customers per page: each card lists all of that customer's pending items. */
export const REVIEW_CUSTOMERS_PER_PAGE = 5;

export const reviewQueueQuerySchema = z.object({
  page: queryNumber({ integer: true }).pipe(z.number().int().min(1)).default(1),
  persona: z.enum([...PERSONA_IDS, "none"]).optional(),
  kind: z.enum(REVIEW_KINDS).optional(),
  window: z.enum(WINDOWS).optional(),
  flagged: z.literal("1").optional(),
  age: z.enum(Object.keys(REVIEW_AGES) as [keyof typeof REVIEW_AGES]).optional(),
});
export type ReviewQueueQuery = z.output<typeof reviewQueueQuerySchema>;

const KEYS = ["page", "persona", "kind", "window", "flagged", "age"] as const;

/**
 * The queue's query from URL parameters (a page's searchParams, or a form's `back` field):
 * unknown keys are ignored, empty values mean "any", and anything not understood resets to the
 * defaults (`ok: false` says so).
 */
export function parseReviewQueueQuery(raw: Record<string, string | string[] | undefined> | URLSearchParams): { query: ReviewQueueQuery; ok: boolean } {
  const get = (k: string) => (raw instanceof URLSearchParams ? (raw.get(k) ?? undefined) : ([raw[k]].flat()[0] ?? undefined));
  const picked = Object.fromEntries(KEYS.map((k) => [k, get(k)]).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = reviewQueueQuerySchema.safeParse(picked);
  return parsed.success ? { query: parsed.data, ok: true } : { query: reviewQueueQuerySchema.parse({}), ok: false };
}

/** The query string of `q` with `change` applied (page 1 and no filters write nothing). */
export function reviewQueueSearch(q: ReviewQueueQuery, change: Partial<ReviewQueueQuery> = {}): string {
  const next: Partial<ReviewQueueQuery> = { ...q, ...change };
  const params = new URLSearchParams();
  for (const k of KEYS) {
    const v = next[k];
    if (v === undefined || (k === "page" && v === 1)) continue;
    params.set(k, String(v));
  }
  return params.toString();
}

/** `/review` with the queue's page and filters. */
export function reviewQueueHref(q: ReviewQueueQuery, change: Partial<ReviewQueueQuery> = {}): string {
  const search = reviewQueueSearch(q, change);
  return search ? `/review?${search}` : "/review";
}

const copyRef = z
  .string()
  .regex(/^\d{1,12}:\d{1,12}$/, "expected recommendation references such as 12:1 (id:version)")
  .transform((s) => {
    const [id, version] = s.split(":").map(Number);
    return { id, version };
  })
  .pipe(z.object({ id: z.number().int().positive(), version: z.number().int().positive() }));

/** "12:1,13:1" — the copies (id and the version the reviewer saw) one queue item acts on. */
export const copyRefsSchema = z
  .string()
  .max(4000)
  .transform((s) => s.split(",").filter((p) => p !== ""))
  .pipe(z.array(copyRef).min(1, "select at least one recommendation"));
export type CopyRef = z.output<typeof copyRef>;

/** "12:1,13:1" for a list of copies. */
export const formatCopyRefs = (copies: ReadonlyArray<{ id: number; version: number }>) => copies.map((c) => `${c.id}:${c.version}`).join(",");
