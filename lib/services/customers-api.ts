// Customer use cases of the developer API: create a customer, and read a consenting customer's
// profile (signals and personas) or recommendations — both cut from the one customer view that
// `spendsense show` prints, so API and CLI agree.
import { recordAudit } from "../db/audit";
import type { Db } from "../db/client";
import { customerExists, insertCustomer, listCustomers } from "../db/queries/customers";
import { databaseUrl } from "../db/url";
import type { WindowId } from "../engine/types";
import type { CreateCustomerInput } from "../validation/api";
import type { CustomerListQuery } from "../validation/customers";
import { customerView, type ViewOptions, type WindowView } from "./customer-view";
import { withReadSql } from "./database";
import { ConflictError } from "./errors";

export type { CustomerRow } from "../db/queries/customers";

/** Creates a customer (and, when they opted in, their first consent event), audited, in one transaction. */
export async function createCustomer(db: Db, input: CreateCustomerInput, actor: string) {
  return db.$transaction(async (tx) => {
    if (await customerExists(tx, input.user_id)) throw new ConflictError(`customer "${input.user_id}" already exists`);
    const customer = await insertCustomer(
      tx,
      {
        user_id: input.user_id,
        name: input.name,
        age_band: input.age_band ?? null,
        gender: input.gender ?? null,
        region: input.region ?? null,
        income_tier: input.income_tier ?? null,
        credit_score: input.credit_score ?? null,
        consent: input.consent,
        source: "api",
      },
      input.consent ? { source: "api", note: "opted in when the customer was created" } : null,
    );
    await recordAudit(tx, "customer.create", { type: "customer", id: input.user_id, user_id: input.user_id }, { actor, details: { consent: input.consent } });
    return customer;
  });
}

function view(url: string, userId: string, window: WindowId | undefined, opts: ViewOptions = {}) {
  return withReadSql((sql) => customerView(sql, userId, window ? [window] : undefined, opts), url);
}

export async function customerProfile(url: string, userId: string, window?: WindowId) {
  const v = await view(url, userId, window, { withoutRecommendations: true });
  const windows = Object.fromEntries(Object.entries(v.windows).map(([w, x]) => [w, { as_of: x.as_of, signals: x.signals, persona: x.persona }]));
  return { user_id: v.user_id, consent: v.consent, windows };
}

export async function customerRecommendations(url: string, userId: string, opts: { window?: WindowId; trace?: boolean } = {}) {
  const v = await view(url, userId, opts.window, { recommendationsOnly: true, withoutItemTraces: opts.trace === false });
  const items = (recs: WindowView["recommendations"]) => (opts.trace === false ? recs.map((r) => ({ ...r, trace: undefined })) : recs);
  const windows = Object.fromEntries(Object.entries(v.windows).map(([w, x]) => [w, { as_of: x.as_of, recommendations: items(x.recommendations) }]));
  return { user_id: v.user_id, windows };
}

/** One page of the staff customer list (search, filter, sort), with the total that matched. */
export function customerList(q: CustomerListQuery, url: string = databaseUrl()) {
  return withReadSql((sql) => listCustomers(sql, q), url);
}
