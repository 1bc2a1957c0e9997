// zod schemas of the developer API (SPEC §5): path and query parameters, request bodies and the
// response shapes. Route handlers validate with them and the OpenAPI document is generated from
// them, so the docs cannot drift from what the server accepts.
import { z } from "zod";
import { SCOPE_NAMES, type Scope } from "../auth/scopes";
import { PERSONA_IDS, type WindowId } from "../engine/types";
import { bundleSchema, bundleUserSchema, dollars, isoDate } from "./plaid";
import { queryNumber, safeId, safeReason, safeText, TEXT_LIMITS } from "./text";

// ── building blocks ─────────────────────────────────────────────────────────────────────────
const userId = bundleUserSchema.shape.user_id.describe("customer id");
const windowId = z.enum(["30d", "180d"] as const satisfies readonly WindowId[]);
const pfcCode = z.string().max(TEXT_LIMITS.id).regex(/^[A-Z][A-Z_]*$/, "expected a Plaid personal finance category code such as FOOD_AND_DRINK");
const note = safeReason(1);
const date = isoDate.meta({ format: "date", examples: ["2026-10-31"] });
/** Query strings carry text: "true"/"false" only, not JavaScript truthiness. */
const queryBool = z.enum(["true", "false"]).transform((s) => s === "true");
/** A persona assignment's transition from the previous one. */
const personaTransition = z.object({ from: z.string().nullable(), kind: z.string(), celebration: z.string().nullable() });
/** A Plaid personal finance category as stored. */
const pfcCategory = z.object({ primary: z.string(), detailed: z.string() });

const paging = {
  page: queryNumber({ integer: true }).pipe(z.number().int().min(1)).default(1).describe("1-based page number"),
  pageSize: queryNumber({ integer: true }).pipe(z.number().int().min(1).max(200)).default(50).describe("rows per page (1–200)"),
};

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().describe("machine-readable: invalid_request, malformed_json, validation_failed, unauthenticated, invalid_api_key, forbidden, insufficient_scope, consent_required, not_found, conflict, ingest_refused, internal_error"),
      message: z.string().describe("what went wrong, in a sentence"),
      details: z.unknown().optional().describe("per-field or per-record issues, when there are any"),
    }),
  });

const listMeta = z.object({ page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });
export const listOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), meta: listMeta });

// ── path parameters ─────────────────────────────────────────────────────────────────────────
export const userParams = z.object({ userId });
export const transactionParams = z.object({ id: safeId().describe("transaction_id") });

// ── customers, consent, feedback ────────────────────────────────────────────────────────────
export const createCustomerBody = bundleUserSchema
  .extend({ consent: z.boolean().default(false).describe("true records an opt-in now; default false (no processing until they opt in)") })
  .strict();
export type CreateCustomerInput = z.output<typeof createCustomerBody>;

export const customerResponse = z.object({
  user_id: z.string(),
  name: z.string(),
  consent: z.boolean(),
  age_band: z.string().nullable(),
  gender: z.string().nullable(),
  region: z.string().nullable(),
  income_tier: z.string().nullable(),
  credit_score: z.number().int().nullable(),
  source: z.string(),
  created_at: z.string(),
});

export const consentBody = z.object({ user_id: userId, granted: z.boolean(), note: note.optional() }).strict();

export const consentResponse = z.object({
  user_id: z.string(),
  granted: z.boolean(),
  changed: z.boolean().describe("false when consent already had this value (nothing recorded)"),
  withdrawn_recommendations: z.number().int().describe("undelivered recommendations withdrawn by a revocation"),
  computed: z
    .object({
      run_id: z.number().int().nullable().describe("the engine run that computed the customer; null when results arrive later"),
      as_of: z.string().nullable(),
      pending_reason: z.string().nullable().describe("why the customer was not computed at once (results arrive with the next run)"),
    })
    .nullable()
    .describe("an opt-in computes the customer at once as of the current run's as-of; null for a revocation or no change"),
});

const FEEDBACK_RATINGS = ["helpful", "not_helpful", "irrelevant"] as const;

export const feedbackBody = z
  .object({
    user_id: userId,
    recommendation_id: z.number().int().positive().optional(),
    content_id: safeId().optional(),
    rating: z.enum(FEEDBACK_RATINGS),
    comment: safeReason().optional(),
  })
  .strict()
  .refine((f) => f.recommendation_id !== undefined || f.content_id !== undefined, { message: "name the recommendation_id or content_id the feedback is about", path: ["recommendation_id"] });
export type FeedbackInput = z.output<typeof feedbackBody>;

export const feedbackResponse = z.object({
  id: z.number().int(),
  user_id: z.string(),
  recommendation_id: z.number().int().nullable(),
  content_id: z.string().nullable(),
  rating: z.string(),
  comment: z.string().nullable(),
  source: z.string(),
  created_at: z.string(),
});

// ── profile and recommendations (the shape of `spendsense show --json`, SPEC §6) ─────────────
export const windowQuery = z.object({ window: windowId.optional().describe("one window only; default both") });
export const recommendationsQuery = windowQuery.extend({
  trace: queryBool.default(true).describe("false leaves out each item's decision trace"),
});

const personaView = z.object({
  primary: z.enum(PERSONA_IDS).nullable(),
  secondary: z.array(z.string()),
  strength: z.string(),
  criteria: z.array(z.unknown()),
  reason: z.string(),
  transition: personaTransition,
  tenure_days: z.number().int().nullable(),
  history: z.array(z.object({ as_of: z.string(), primary: z.string().nullable(), strength: z.string(), transition_kind: z.string() })),
  override: z
    .object({ persona: z.enum(PERSONA_IDS), from: z.string().nullable(), justification: z.string(), actor: z.string(), at: z.string() })
    .nullable()
    .describe("a reviewer's override of this assignment, with its justification; the engine's primary stays above"),
});

export const recommendationView = z.object({
  id: z.number().int(),
  kind: z.enum(["education", "offer"]),
  content_id: z.string(),
  title: z.string(),
  rationale: z.string().describe("the plain-language “because”, citing the customer's numbers"),
  citations: z.array(z.unknown()),
  disclaimer: z.string(),
  status: z.string(),
  source: z.enum(["engine", "override"]).describe("override: a reviewer swapped this item in for the engine's choice"),
  as_of: z.string(),
  trace: z
    .unknown()
    .optional()
    .describe("this item's part of the decision trace: engine version, config hash, persona with criteria, the signal values read, and the item's candidate entry (score, triggers fired, eligibility, tone, decision and why); left out with trace=false"),
});

export const profileResponse = z.object({
  user_id: z.string(),
  consent: z.literal(true),
  windows: z.record(windowId, z.object({ as_of: z.string().nullable(), signals: z.record(z.string(), z.unknown()).nullable(), persona: personaView.nullable() })),
});

export const recommendationsResponse = z.object({
  user_id: z.string(),
  windows: z.record(windowId, z.object({ as_of: z.string().nullable(), recommendations: z.array(recommendationView) })),
});

// ── review queue ────────────────────────────────────────────────────────────────────────────
export const reviewQuery = z.object({ ...paging, flagged: queryBool.optional().describe("true: only items flagged for a second look") });

export const reviewItem = z.object({
  id: z.number().int(),
  version: z.number().int(),
  user_id: z.string(),
  window: z.string(),
  kind: z.string(),
  title: z.string(),
  rationale: z.string(),
  flagged: z.boolean(),
  as_of: z.string(),
});

// ── personas ────────────────────────────────────────────────────────────────────────────────
export const assignBody = z.object({ as_of: date.optional().describe("the date the engine runs as of; default 2026-10-31") }).strict();
export const detectTransitionBody = z.object({ as_of: date.describe("the date the engine runs as of") }).strict();
export const batchAssignBody = z
  .object({
    user_ids: z.array(userId).min(1).max(1000).refine((ids) => new Set(ids).size === ids.length, "user_ids must not repeat"),
    as_of: date.optional(),
  })
  .strict();

const override = z.object({ persona: z.string(), from_persona: z.string().nullable(), justification: z.string(), actor: z.string(), as_of: z.string(), created_at: z.string() });

export const personasResponse = z.object({
  user_id: z.string(),
  windows: z.record(
    windowId,
    z
      .object({
        as_of: z.string(),
        primary: z.string().nullable(),
        secondary: z.array(z.string()),
        strength: z.string(),
        reason: z.string(),
        transition: personaTransition,
        override: override.nullable().describe("the latest reviewer override for this window, if any"),
      })
      .nullable(),
  ),
});

export const transitionItem = z.object({
  window: z.string(),
  as_of: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  kind: z.enum(["initial", "unchanged", "positive", "negative"]),
  celebration: z.string().nullable(),
});

export const assignResponse = personasResponse.extend({ run_id: z.number().int(), as_of: z.string() });
export const detectTransitionResponse = z.object({ run_id: z.number().int(), as_of: z.string(), transitions: z.array(transitionItem).describe("one per window") });

export const transitionsQuery = z.object({
  limit: queryNumber({ integer: true }).pipe(z.number().int().min(1).max(200)).default(20).describe("most recent first (1–200)"),
  window: windowId.optional(),
});

export const tenureResponse = z.object({
  user_id: z.string(),
  windows: z.record(windowId, z.object({ persona: z.string().nullable(), since: z.string(), as_of: z.string(), tenure_days: z.number().int() }).nullable()),
});

export const batchAssignResponse = z.object({
  run_id: z.number().int(),
  as_of: z.string(),
  status: z.literal("running"),
  customers: z.number().int().describe("consenting customers the run computes"),
  skipped_no_consent: z.array(z.string()),
  location: z.string().describe("the run's status route (also in the Location header): poll it until status is finished or failed"),
});

export const runParams = z.object({ runId: z.coerce.number().int().positive().describe("engine run id") });

export const runResponse = z.object({
  run_id: z.number().int(),
  as_of: z.string(),
  status: z.enum(["running", "finished", "failed"]),
  done: z.number().int().describe("customers computed and written so far"),
  total: z.number().int().describe("consenting customers the run computes"),
  skipped_no_consent: z.number().int(),
  recommendations: z.number().int().describe("recommendations written so far"),
  error: z.string().nullable().describe("why the run failed"),
  started_at: z.string(),
  finished_at: z.string().nullable(),
  personas: z.record(z.string(), z.record(z.string(), z.number().int())).nullable().describe("primary persona counts per window, once finished"),
});

// ── ingest ──────────────────────────────────────────────────────────────────────────────────
/** For the docs: the ingest service validates the body itself, so it can name every bad record. */
export const ingestBody = z.union([bundleSchema, z.array(bundleSchema).min(1)]);

export const ingestResponse = z.object({ customers: z.number().int(), accounts: z.number().int(), transactions: z.number().int(), liabilities: z.number().int(), consent_events: z.number().int(), notes: z.array(z.string()) });

// ── transactions ────────────────────────────────────────────────────────────────────────────
export const transactionFilters = z
  .object({
    user_id: userId.optional(),
    account_id: safeId().optional(),
    from: date.optional().describe("first date, inclusive"),
    to: date.optional().describe("last date, inclusive"),
    category: pfcCode.optional().describe("a Plaid PFC primary or detailed code"),
    min_amount: queryNumber().pipe(dollars).optional().describe("dollars, Plaid sign (positive = money out)"),
    max_amount: queryNumber().pipe(dollars).optional().describe("dollars, Plaid sign (positive = money out)"),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "from must not be after to", path: ["from"] })
  .refine((f) => f.min_amount === undefined || f.max_amount === undefined || f.min_amount <= f.max_amount, { message: "min_amount must not exceed max_amount", path: ["min_amount"] });
export type TransactionFilters = z.output<typeof transactionFilters>;

export const transactionsQuery = transactionFilters.safeExtend(paging);

export const transactionView = z.object({
  transaction_id: z.string(),
  account_id: z.string(),
  user_id: z.string(),
  date: z.string(),
  authorized_date: z.string().nullable(),
  amount: z.number().describe("dollars, Plaid sign (positive = money out)"),
  iso_currency_code: z.string(),
  name: z.string(),
  merchant_name: z.string().nullable(),
  payment_channel: z.string(),
  personal_finance_category: pfcCategory,
  pending: z.boolean(),
  version: z.number().int().describe("send it back with a category correction; each correction adds 1"),
});

export const categoryChange = z.object({ from: pfcCategory, to: pfcCategory, reason: z.string().nullable(), actor: z.string(), created_at: z.string() });

export const transactionDetail = transactionView.extend({ category_history: z.array(categoryChange).describe("oldest first") });

export const categoryBody = z
  .object({
    pfc_primary: pfcCode,
    pfc_detailed: pfcCode,
    reason: note.optional(),
    version: z.number().int().positive().describe("the transaction's version as you read it; if someone corrected it since, the answer is 409 and nothing is written"),
  })
  .strict()
  .refine((b) => b.pfc_detailed.startsWith(`${b.pfc_primary}_`), { message: "pfc_detailed must belong to pfc_primary (e.g. FOOD_AND_DRINK → FOOD_AND_DRINK_GROCERIES)", path: ["pfc_detailed"] });
export type CategoryChangeInput = z.output<typeof categoryBody>;

export const deletedResponse = z.object({ transaction_id: z.string(), deleted_at: z.string(), deleted_by: z.string() });

// ── API keys (CLI) ──────────────────────────────────────────────────────────────────────────
export const apiKeyInput = z.object({
  name: safeText(TEXT_LIMITS.keyName, { trim: true, min: 1, minMessage: "give the key a name" }),
  scopes: z
    .array(z.enum(SCOPE_NAMES as [Scope, ...Scope[]], { error: (iss) => `unknown scope "${String(iss.input)}" (known: ${SCOPE_NAMES.join(", ")})` }))
    .min(1, "give the key at least one scope")
    .transform((s) => [...new Set(s)]),
  createdBy: z.string().min(1),
});
