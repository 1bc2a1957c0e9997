// zod schemas of the alerts routes of the developer API (issue 15): path, query, body and the
// response shapes; the OpenAPI document is generated from them.
import { z } from "zod";
import { ALERT_KINDS, ALERT_SEVERITIES } from "../engine/alerts/types";
import { bundleUserSchema } from "./plaid";
import { queryNumber } from "./text";

const userId = bundleUserSchema.shape.user_id;

/** `GET /api/alerts/{id}`: the id is the customer's (one dynamic segment name per path level). */
export const alertsCustomerParams = z.object({ id: userId.describe("the customer's user_id") });
export const alertsQuery = z.object({
  trace: z
    .enum(["true", "false"])
    .transform((s) => s === "true")
    .default(true)
    .describe("false leaves out each alert's decision trace"),
});
export const alertParams = z.object({ id: queryNumber({ integer: true }).pipe(z.number().int().min(1)).describe("the alert's id") });
export const alertActionBody = z.object({ user_id: userId.describe("the customer the alert belongs to (an alert of another customer is answered 404)") }).strict();

const citation = z.object({ signal: z.string(), value: z.union([z.number(), z.string(), z.boolean()]), display: z.string() });

export const alertView = z.object({
  id: z.number().int(),
  alert_key: z.string().describe("one key per event: the same event seen by a later run keeps its id and state"),
  kind: z.enum(ALERT_KINDS),
  severity: z.enum(ALERT_SEVERITIES),
  event_date: z.string().describe("the day the event happened or is expected (ISO)"),
  title: z.string(),
  message: z.string().describe("plain language, citing the customer's numbers"),
  citations: z.array(citation).describe("every number the message states, with the trace input it comes from"),
  disclaimer: z.string().nullable().describe("present when the alert suggests an action"),
  currency: z.string(),
  transaction_ids: z.array(z.string()),
  state: z.enum(["new", "shown", "dismissed"]),
  as_of: z.string().describe("the as-of of the run that last saw the event"),
  trace: z.unknown().optional().describe("the rule, every input it read, the thresholds and the tone check; left out with trace=false"),
});

export const alertsResponse = z.object({
  user_id: z.string(),
  as_of: z.string().nullable().describe("the as-of of the customer's current results (null: no run yet)"),
  alerts: z.array(alertView).describe("most urgent first (urgent, warning, info), then by event date"),
});

export const alertActionResponse = z.object({
  id: z.number().int(),
  state: z.enum(["new", "shown", "dismissed"]),
  review_state: z.enum(["pending", "released", "cleared"]).nullable(),
  changed: z.boolean().describe("false when the alert was already in that state (nothing written)"),
});

/** The live stream's filter: one customer's counts, or everyone's. */
export const alertStreamQuery = z.object({ user_id: userId.optional() });
