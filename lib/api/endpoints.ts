// Every route of the developer API (SPEC §5) in one registry: each route handler is built from
// its entry by `handle`, and the OpenAPI document and the docs page list exactly these.
import { z } from "zod";
import * as alerts from "../validation/alerts";
import * as s from "../validation/api";
import * as b from "../validation/budgets";
import { defineEndpoint, type Endpoint } from "./endpoint";

const USER = "usr_00001";
const TX = "usr_00001_tx_000001";

export const createUser = defineEndpoint({
  method: "POST",
  path: "/api/users",
  tag: "Customers",
  summary: "Create a customer",
  description: "Creates a customer with no data yet. With `consent: true` the opt-in is recorded as their first consent event. Audited.",
  access: { scope: "customers:write", permission: "customers:create" },
  body: s.createCustomerBody,
  status: 201,
  response: s.customerResponse,
  errors: [409],
  example: { body: { user_id: "usr_api_0001", name: "Avery Quinn", consent: true, age_band: "25-34", region: "West", income_tier: "middle", credit_score: 705 } },
});

export const recordConsent = defineEndpoint({
  method: "POST",
  path: "/api/consent",
  tag: "Customers",
  summary: "Record a consent grant or revocation",
  description:
    "Appends to the customer's consent history and audits it. Revoking stops processing at once: undelivered recommendations are withdrawn and every value derived from the customer's data (signals, personas, traces, rationales, citations, review notes, evaluation trace files) is removed.",
  access: { scope: "customers:write", permission: "consent:record" },
  body: s.consentBody,
  response: s.consentResponse,
  errors: [404],
  example: { body: { user_id: USER, granted: true, note: "opted in through the mobile app" } },
});

export const getProfile = defineEndpoint({
  method: "GET",
  path: "/api/profile/{userId}",
  tag: "Customers",
  summary: "A consenting customer's signals and personas per window",
  description: "The same shape `spendsense show --json` prints, without the recommendations. A customer without consent is refused (403 consent_required).",
  access: { scope: "customers:read", permission: "customers:read" },
  params: s.userParams,
  query: s.windowQuery,
  response: s.profileResponse,
  errors: [404],
  example: { params: { userId: USER }, query: { window: "30d" } },
});

export const getRecommendations = defineEndpoint({
  method: "GET",
  path: "/api/recommendations/{userId}",
  tag: "Customers",
  summary: "A consenting customer's current recommendations per window",
  description: "Each item carries its rationale, citations, disclaimer, review status and decision trace. A customer without consent is refused (403 consent_required).",
  access: { scope: "recommendations:read", permission: "customers:read" },
  params: s.userParams,
  query: s.recommendationsQuery,
  response: s.recommendationsResponse,
  errors: [404],
  example: { params: { userId: USER }, query: { window: "30d", trace: "false" } },
});

export const getAlerts = defineEndpoint({
  method: "GET",
  path: "/api/alerts/{id}",
  tag: "Alerts",
  summary: "A consenting customer's current alerts, most urgent first",
  description:
    "`{id}` is the customer's user_id. The alerts the customer's current engine run found, less the dismissed ones and less those held for a staff review (possible fraud) until a staff member releases them. Each carries its kind, severity, plain-language message, the numbers it cites, the disclaimer where it suggests an action, its currency, delivery state and decision trace. A customer without consent is refused (403 consent_required).",
  access: { scope: "alerts:read", permission: "customers:read" },
  params: alerts.alertsCustomerParams,
  query: alerts.alertsQuery,
  response: alerts.alertsResponse,
  errors: [404],
  example: { params: { id: USER }, query: { trace: "false" } },
});

export const markAlertShown = defineEndpoint({
  method: "POST",
  path: "/api/alerts/{id}/shown",
  tag: "Alerts",
  summary: "Record that the customer was shown an alert (new → shown)",
  description:
    "Idempotent: an alert already shown or dismissed stays as it is (`changed: false`). The alert must belong to `user_id` (otherwise 404); one held for a staff review cannot be shown (409). Refused without consent (403 consent_required). Audited.",
  access: { scope: "alerts:write", permission: "alerts:act" },
  params: alerts.alertParams,
  body: alerts.alertActionBody,
  response: alerts.alertActionResponse,
  errors: [404, 409],
  example: { params: { id: "1" }, body: { user_id: USER } },
});

export const dismissAlert = defineEndpoint({
  method: "POST",
  path: "/api/alerts/{id}/dismiss",
  tag: "Alerts",
  summary: "Dismiss an alert for good",
  description:
    "The alert leaves the customer's list and stays dismissed when later runs see the same event again. Idempotent (`changed: false` when already dismissed). The alert must belong to `user_id` (otherwise 404). Refused without consent (403 consent_required). Audited.",
  access: { scope: "alerts:write", permission: "alerts:act" },
  params: alerts.alertParams,
  body: alerts.alertActionBody,
  response: alerts.alertActionResponse,
  errors: [404],
  example: { params: { id: "1" }, body: { user_id: USER } },
});

export const postFeedback = defineEndpoint({
  method: "POST",
  path: "/api/feedback",
  tag: "Customers",
  summary: "Record a customer's feedback on a recommendation or content item",
  access: { scope: "feedback:write", permission: "feedback:record" },
  body: s.feedbackBody,
  status: 201,
  response: s.feedbackResponse,
  errors: [404],
  example: { body: { user_id: USER, recommendation_id: 42, rating: "helpful", comment: "The subscription list was eye-opening." } },
});

export const reviewQueue = defineEndpoint({
  method: "GET",
  path: "/api/operator/review",
  tag: "Review",
  summary: "Recommendations awaiting review, flagged first, oldest first",
  access: { scope: "review", permission: "review:act" },
  query: s.reviewQuery,
  response: s.listOf(s.reviewItem),
  example: { query: { page: "1", pageSize: "20" } },
});

export const assignPersona = defineEndpoint({
  method: "POST",
  path: "/api/personas/assign/{userId}",
  tag: "Personas",
  summary: "Run the engine for one customer and return their personas",
  description: "Computes signals, personas and recommendations as of `as_of` (default 2026-10-31) for a consenting customer.",
  access: { scope: "personas:write", permission: "engine:run" },
  params: s.userParams,
  body: s.assignBody,
  response: s.assignResponse,
  errors: [404],
  example: { params: { userId: USER }, body: { as_of: "2026-10-31" } },
});

export const getPersonas = defineEndpoint({
  method: "GET",
  path: "/api/personas/{userId}",
  tag: "Personas",
  summary: "Current persona per window, with the latest reviewer override",
  access: { scope: "customers:read", permission: "customers:read" },
  params: s.userParams,
  response: s.personasResponse,
  errors: [404],
  example: { params: { userId: USER } },
});

export const detectTransition = defineEndpoint({
  method: "POST",
  path: "/api/personas/detect-transition/{userId}",
  tag: "Personas",
  summary: "Run the engine as of a date and return each window's persona transition",
  description: "`kind` is initial (first assignment), unchanged, positive (towards a healthier persona, with a celebration message) or negative.",
  access: { scope: "personas:write", permission: "engine:run" },
  params: s.userParams,
  body: s.detectTransitionBody,
  response: s.detectTransitionResponse,
  errors: [404],
  example: { params: { userId: USER }, body: { as_of: "2026-11-30" } },
});

export const listTransitions = defineEndpoint({
  method: "GET",
  path: "/api/personas/{userId}/transitions",
  tag: "Personas",
  summary: "Persona changes (and the first assignment), most recent first",
  access: { scope: "customers:read", permission: "customers:read" },
  params: s.userParams,
  query: s.transitionsQuery,
  response: s.listOf(s.transitionItem),
  errors: [404],
  example: { params: { userId: USER }, query: { limit: "10" } },
});

export const getTenure = defineEndpoint({
  method: "GET",
  path: "/api/personas/{userId}/tenure",
  tag: "Personas",
  summary: "How long the current persona has held, per window",
  access: { scope: "customers:read", permission: "customers:read" },
  params: s.userParams,
  response: s.tenureResponse,
  errors: [404],
  example: { params: { userId: USER } },
});

export const batchAssign = defineEndpoint({
  method: "POST",
  path: "/api/personas/batch-assign",
  tag: "Personas",
  summary: "Start one engine run over up to 1000 customers",
  description:
    "Starts one engine run and answers at once (202) with its id and a `Location` to poll (`GET /api/runs/{runId}`): on PostgreSQL the run is queued for the engine workers, on SQLite it computes in the server's background. Customers without consent are skipped and listed; an unknown id refuses the whole request (404) and starts nothing; another run in progress refuses it (409).",
  access: { scope: "personas:write", permission: "engine:run" },
  body: s.batchAssignBody,
  status: 202,
  response: s.batchAssignResponse,
  errors: [404, 409],
  example: { body: { user_ids: ["usr_00001", "usr_00002"], as_of: "2026-10-31" } },
});

export const getRun = defineEndpoint({
  method: "GET",
  path: "/api/runs/{runId}",
  tag: "Personas",
  summary: "An engine run's state and progress",
  description: "The same state from every server: running (with customers done of total), finished (with the persona mix) or failed (with the reason).",
  access: { scope: "personas:write", permission: "engine:run" },
  params: s.runParams,
  response: s.runResponse,
  errors: [404],
  example: { params: { runId: "1" } },
});

export const ingest = defineEndpoint({
  method: "POST",
  path: "/api/ingest",
  tag: "Data",
  summary: "Load one Plaid-shaped bundle or an array of them, all-or-nothing",
  description:
    "The same validation as `spendsense ingest`: any problem refuses the whole request (422 ingest_refused; the first 100 problems in `details` with record, field and reason, the message counts the rest) and nothing is written. A record id that belongs to another customer is such a problem. For a customer that already exists, a differing consent, name or demographics is ignored and listed in `notes`: consent changes only through `POST /api/consent` or staff. Re-sending the same data changes nothing.",
  access: { scope: "ingest", permission: "data:ingest" },
  serviceValidatedBody: s.ingestBody,
  response: s.ingestResponse,
  errors: [422],
  example: {
    body: {
      user: { user_id: "usr_api_0002", name: "Sam Rivera", consent: true },
      accounts: [{ account_id: "acc_api_0002_chk", type: "depository", subtype: "checking", name: "Checking", mask: "0000", balances: { available: 1200, current: 1250, iso_currency_code: "USD" } }],
      transactions: [
        {
          transaction_id: "tx_api_0002_1",
          account_id: "acc_api_0002_chk",
          date: "2026-10-01",
          amount: 15.49,
          iso_currency_code: "USD",
          name: "NETFLIX.COM",
          merchant_name: "Netflix",
          payment_channel: "online",
          personal_finance_category: { primary: "ENTERTAINMENT", detailed: "ENTERTAINMENT_TV_AND_MOVIES" },
          pending: false,
        },
      ],
    },
  },
});

export const listTransactions = defineEndpoint({
  method: "GET",
  path: "/api/transactions",
  tag: "Transactions",
  summary: "Transactions, filtered and paged, newest first (deleted ones left out)",
  access: { scope: "transactions:read", permission: "transactions:read" },
  query: s.transactionsQuery,
  response: s.listOf(s.transactionView),
  example: { query: { user_id: USER, from: "2026-10-01", to: "2026-10-31", category: "FOOD_AND_DRINK", min_amount: "10", page: "1", pageSize: "50" } },
});

export const exportTransactions = defineEndpoint({
  method: "GET",
  path: "/api/transactions/export.csv",
  tag: "Transactions",
  summary: "The same filtered transactions as CSV (all pages), streamed",
  description: "Columns are Plaid's names, as `spendsense ingest --format csv` reads them, plus user_id.",
  access: { scope: "transactions:read", permission: "transactions:read" },
  query: s.transactionFilters,
  response: { mediaType: "text/csv", description: "transaction_id,account_id,date,authorized_date,amount,… one row per transaction" },
  example: { query: { user_id: USER, from: "2026-10-01" } },
});

export const getTransaction = defineEndpoint({
  method: "GET",
  path: "/api/transactions/{id}",
  tag: "Transactions",
  summary: "One transaction with its category history",
  access: { scope: "transactions:read", permission: "transactions:read" },
  params: s.transactionParams,
  response: s.transactionDetail,
  errors: [404],
  example: { params: { id: TX } },
});

export const recategorize = defineEndpoint({
  method: "PATCH",
  path: "/api/transactions/{id}/category",
  tag: "Transactions",
  summary: "Correct a transaction's category (kept in its history, audited)",
  description: "The engine uses the corrected category from its next run on. Send the `version` you read: if the transaction was corrected since (two people at once), the answer is 409 and nothing is written; read it again.",
  access: { scope: "transactions:write", permission: "transactions:edit" },
  params: s.transactionParams,
  body: s.categoryBody,
  response: s.transactionDetail,
  errors: [404, 409],
  example: { params: { id: TX }, body: { pfc_primary: "FOOD_AND_DRINK", pfc_detailed: "FOOD_AND_DRINK_GROCERIES", reason: "the merchant is a grocery store", version: 1 } },
});

export const deleteTransaction = defineEndpoint({
  method: "DELETE",
  path: "/api/transactions/{id}",
  tag: "Transactions",
  summary: "Soft-delete a transaction (kept for audit; lists, exports and the engine skip it)",
  access: { scope: "transactions:write", permission: "transactions:edit" },
  params: s.transactionParams,
  response: s.deletedResponse,
  errors: [404],
  example: { params: { id: TX } },
});

const budgetsRead = { scope: "budgets:read", permission: "budgets:read" } as const;
const budgetsWrite = { scope: "budgets:write", permission: "budgets:edit" } as const;

export const listBudgets = defineEndpoint({
  method: "GET",
  path: "/api/budgets",
  tag: "Budgets",
  summary: "A customer's monthly budgets (live ones; deleted ones left out)",
  description: "The settings only: category (Plaid PFC primary), amount in cents, currency, who set it and how. Spend and status are at GET /api/budgets/status.",
  access: budgetsRead,
  query: b.budgetsQuery,
  response: b.budgetList,
  errors: [404],
  example: { query: { user_id: USER } },
});

export const createBudget = defineEndpoint({
  method: "POST",
  path: "/api/budgets",
  tag: "Budgets",
  summary: "Create a monthly budget for a customer and category",
  description:
    "One live budget per customer and category: a second is 409 (change the first with PATCH). The currency defaults to that of the customer's accounts. `from_suggestion: true` records that the amount came from GET /api/budgets/suggestions. Audited.",
  access: budgetsWrite,
  body: b.createBudgetBody,
  status: 201,
  response: b.budgetView,
  errors: [404, 409],
  example: { body: { user_id: USER, category: "FOOD_AND_DRINK", amount_cents: 45000, currency: "USD" } },
});

export const updateBudget = defineEndpoint({
  method: "PATCH",
  path: "/api/budgets/{id}",
  tag: "Budgets",
  summary: "Change a budget's amount or currency (audited)",
  access: budgetsWrite,
  params: b.budgetParams,
  body: b.updateBudgetBody,
  response: b.budgetView,
  errors: [404],
  example: { params: { id: "1" }, body: { amount_cents: 50000 } },
});

export const deleteBudget = defineEndpoint({
  method: "DELETE",
  path: "/api/budgets/{id}",
  tag: "Budgets",
  summary: "Delete a budget (kept for audit; no longer shown or used)",
  access: budgetsWrite,
  params: b.budgetParams,
  response: b.deletedBudget,
  errors: [404],
  example: { params: { id: "1" } },
});

export const budgetStatus = defineEndpoint({
  method: "GET",
  path: "/api/budgets/status",
  tag: "Budgets",
  summary: "A consenting customer's budget status for the month containing as_of",
  description:
    "Per budget: spent (settled spending in the category from the 1st to as_of, refunds netted off; transfers and card payments never count), remaining, percent used, projected month-end, status (on_track, at_risk, over) and month-on-month history. Totals per currency: budgeted, spent, categories over budget. as_of defaults to the newest transaction date; one in the future or past the newest data is refused (400, naming as_of). A customer without consent is refused (403 consent_required).",
  access: budgetsRead,
  query: b.budgetStatusQuery,
  response: b.budgetStatusResponse,
  errors: [404],
  example: { query: { user_id: USER, as_of: "2026-10-31" } },
});

export const budgetSuggestions = defineEndpoint({
  method: "GET",
  path: "/api/budgets/suggestions",
  tag: "Budgets",
  summary: "Suggested budgets from a consenting customer's own history",
  description:
    "Per category with spending in the last three full months: their median plus a 10% buffer, rounded up to a whole dollar, with a sentence citing the numbers. None when the history covers fewer than three full months (said in notes). A customer without consent is refused (403 consent_required).",
  access: budgetsRead,
  query: b.budgetStatusQuery,
  response: b.budgetSuggestionsResponse,
  errors: [404],
  example: { query: { user_id: USER } },
});

export const openApiDocument = defineEndpoint({
  method: "GET",
  path: "/api/openapi.json",
  tag: "Meta",
  summary: "This API's OpenAPI 3.1 document",
  access: "public",
  response: z.record(z.string(), z.unknown()),
});

/** Every endpoint by operation id, in the order the docs list them. */
export const ENDPOINTS: Record<string, Endpoint> = {
  createUser,
  recordConsent,
  getProfile,
  getRecommendations,
  getAlerts,
  markAlertShown,
  dismissAlert,
  postFeedback,
  reviewQueue,
  assignPersona,
  getPersonas,
  detectTransition,
  listTransitions,
  getTenure,
  batchAssign,
  getRun,
  ingest,
  listTransactions,
  exportTransactions,
  getTransaction,
  recategorize,
  deleteTransaction,
  listBudgets,
  createBudget,
  updateBudget,
  deleteBudget,
  budgetStatus,
  budgetSuggestions,
  openApiDocument,
};
