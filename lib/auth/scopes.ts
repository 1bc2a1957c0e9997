// What an API key may do (SPEC §1, §5): one table, each scope with the one-line meaning shown by
// `spendsense apikey create --help`, the docs page and the OpenAPI document. A key carries a
// list of these; every route names exactly one.
export const SCOPES = {
  "customers:read": "read a consenting customer's profile (signals per window) and personas",
  "customers:write": "create customers and record their consent",
  "recommendations:read": "read a consenting customer's recommendations",
  "alerts:read": "read a consenting customer's current alerts (kind, severity, message, citations, trace)",
  "alerts:write": "record that an alert was shown to the customer, or dismiss it",
  "feedback:write": "record a customer's feedback on a recommendation or content item",
  review: "read the queue of recommendations awaiting review",
  "personas:write": "run the engine for customers (assign personas, detect transitions, batch assign)",
  ingest: "load Plaid-shaped bundles (all-or-nothing)",
  "transactions:read": "list, read and export transactions",
  "transactions:write": "correct a transaction's category and soft-delete transactions",
} as const;

export type Scope = keyof typeof SCOPES;
export const SCOPE_NAMES = Object.keys(SCOPES) as Scope[];
