// Budgets (issue 15): create / change / delete (soft) a customer's monthly budget per Plaid PFC
// primary, each audited in the same transaction; status and suggestions computed on request by the
// pure engine from the customer's own input at an explicit as-of, for consenting customers only.
import { z } from "zod";
import { recordAudit } from "../db/audit";
import { prisma, type Db } from "../db/client";
import { customerConsent } from "../db/customer-data";
import { budgetAdherenceRows, type BudgetAdherence } from "../db/queries/budget-adherence";
import { newestDataDate } from "../db/queries/current-results";
import { accountCurrency, insertBudget, liveBudget, liveBudgetFor, liveBudgets, softDeleteBudget, updateLiveBudget, type BudgetRow } from "../db/queries/budgets";
import { loadCustomerInputs } from "../db/queries/engine-input";
import type { Sql } from "../db/sql";
import { databaseUrl } from "../db/url";
import { budgetStatuses, budgetSuggestions, unavailableBudgets, type BudgetInput, type BudgetStatus } from "../engine/budgets";
import { DEFAULT_CONFIG, type EngineConfig } from "../engine/config";
import { prepare } from "../engine/signals/prepare";
import { categoryLabel } from "../labels";
import type { BudgetSource, CreateBudgetInput, UpdateBudgetInput } from "../validation/budgets";
import { withReadSql, onProcessDb } from "./database";
import { assertConsenting, ConflictError, NotFoundError } from "./errors";
import { assertRunnableAsOf, todayIso } from "./run-as-of";

export function budgetView(b: BudgetRow) {
  return {
    id: b.id,
    user_id: b.user_id,
    category: b.category,
    amount_cents: b.amount_cents,
    currency: b.currency,
    source: b.source as BudgetSource,
    created_by: b.created_by,
    created_at: b.created_at.toISOString(),
    updated_at: b.updated_at.toISOString(),
  };
}
export type BudgetView = ReturnType<typeof budgetView>;

async function requireCustomer(db: Db | Parameters<Parameters<Db["$transaction"]>[0]>[0], userId: string): Promise<boolean> {
  const consent = await customerConsent(db, userId);
  if (consent === undefined) throw new NotFoundError(`no customer with id "${userId}"`);
  return consent;
}

/** The customer's live budgets (settings only: no figures derived from their data). */
export async function listBudgets(db: Db, userId: string): Promise<BudgetView[]> {
  await requireCustomer(db, userId);
  return (await liveBudgets(db, userId)).map(budgetView);
}

/** One live budget of one customer or 404 (a budget id of another customer is not found for this one). */
export async function findBudget(db: Db, userId: string, category: string): Promise<BudgetView> {
  await requireCustomer(db, userId);
  const b = await liveBudgetFor(db, userId, category);
  if (!b) throw new NotFoundError(`customer "${userId}" has no ${categoryLabel(category)} budget (${category})`);
  return budgetView(b);
}

/** A new budget; a live one for the same category is a conflict (change it instead). */
export async function createBudget(db: Db, input: CreateBudgetInput, actor: string, via: "staff" | "api"): Promise<BudgetView> {
  const source: BudgetSource = input.from_suggestion ? "suggestion" : via;
  return db.$transaction(async (tx) => {
    await requireCustomer(tx, input.user_id);
    const existing = await liveBudgetFor(tx, input.user_id, input.category);
    if (existing) throw new ConflictError(`customer "${input.user_id}" already has a ${categoryLabel(input.category)} budget (id ${existing.id}); change or delete that one`);
    const currency = input.currency ?? (await accountCurrency(tx, input.user_id)) ?? "USD";
    const b = await insertBudget(tx, { user_id: input.user_id, category: input.category, amount_cents: input.amount_cents, currency, source, created_by: actor });
    await recordAudit(tx, "budget.create", { type: "budget", id: b.id, user_id: b.user_id }, { actor, details: { category: b.category, amount_cents: b.amount_cents, currency: b.currency, source } });
    return budgetView(b);
  });
}

export async function updateBudget(db: Db, id: number, input: UpdateBudgetInput, actor: string): Promise<BudgetView> {
  return db.$transaction(async (tx) => {
    const b = await liveBudget(tx, id);
    if (!b) throw new NotFoundError(`no budget with id ${id}`);
    const change = { amount_cents: input.amount_cents ?? b.amount_cents, currency: input.currency ?? b.currency };
    if (change.amount_cents === b.amount_cents && change.currency === b.currency) return budgetView(b);
    if (!(await updateLiveBudget(tx, id, change))) throw new NotFoundError(`no budget with id ${id}`);
    await recordAudit(tx, "budget.update", { type: "budget", id: b.id, user_id: b.user_id }, { actor, details: { category: b.category, from: { amount_cents: b.amount_cents, currency: b.currency }, to: change } });
    return budgetView((await liveBudget(tx, id))!);
  });
}

/** Creates the customer's budget for the category, or changes the amount of the live one (the CLI's and the staff form's "set"). */
export async function setBudget(db: Db, input: Omit<CreateBudgetInput, "currency">, actor: string): Promise<BudgetView> {
  const existing = await liveBudgetFor(db, input.user_id, input.category);
  if (existing) return updateBudget(db, existing.id, { amount_cents: input.amount_cents }, actor);
  return createBudget(db, input, actor, "staff");
}

/** Soft delete; with `owner`, a budget of another customer is not found (a form cannot reach past its customer). */
export async function deleteBudget(db: Db, id: number, actor: string, owner?: string) {
  return db.$transaction(async (tx) => {
    const b = await liveBudget(tx, id);
    const at = new Date();
    if (!b || (owner !== undefined && b.user_id !== owner) || !(await softDeleteBudget(tx, id, at))) throw new NotFoundError(`no budget with id ${id}${owner ? ` for customer "${owner}"` : ""}`);
    await recordAudit(tx, "budget.delete", { type: "budget", id: b.id, user_id: b.user_id }, { actor, details: { category: b.category, amount_cents: b.amount_cents, currency: b.currency } });
    return { id, category: b.category, deleted_at: at.toISOString(), deleted_by: actor };
  });
}

/** The as-of a status is computed at: the one asked for (refused when in the future or past the newest data), else the newest data date. */
async function resolveAsOf(sql: Sql, asOf: string | undefined, today: string): Promise<string> {
  if (asOf) {
    await assertRunnableAsOf(sql, asOf, { today });
    return asOf;
  }
  const newest = await newestDataDate(sql);
  if (newest === null) throw new z.ZodError([{ code: "custom", path: ["as_of"], message: "there are no transactions yet: give an as_of date", input: asOf }]);
  return newest;
}

interface ComputeOptions {
  asOf?: string;
  /** Today's date for the as-of check; the clock is read here, in the service, never in the engine. */
  today?: string;
  config?: EngineConfig;
}

/** Loads the customer's input and prepares it at the as-of: consenting customers only. */
async function preparedFor(db: Db, url: string, userId: string, o: ComputeOptions) {
  assertConsenting(userId, await customerConsent(db, userId));
  const config = o.config ?? DEFAULT_CONFIG;
  return withReadSql(async (sql) => {
    const asOf = await resolveAsOf(sql, o.asOf, o.today ?? todayIso());
    const [input] = await loadCustomerInputs(sql, [userId]);
    return { asOf, config, prepared: prepare(input, asOf, config) };
  }, url);
}

export interface BudgetTotals {
  currency: string;
  budgeted_cents: number;
  spent_cents: number;
  remaining_cents: number;
  /** Categories over budget. */
  over_budget: string[];
}

/** Per currency (never added across currencies): the budgets whose spend is known. */
export function budgetTotals(statuses: readonly BudgetStatus[]): BudgetTotals[] {
  const by = new Map<string, BudgetTotals>();
  for (const s of statuses) {
    const t = by.get(s.currency) ?? by.set(s.currency, { currency: s.currency, budgeted_cents: 0, spent_cents: 0, remaining_cents: 0, over_budget: [] }).get(s.currency)!;
    t.budgeted_cents += s.amount_cents;
    t.spent_cents += s.spent_cents;
    t.remaining_cents += s.remaining_cents;
    if (s.status === "over") t.over_budget.push(s.category);
  }
  return [...by.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
}

export async function budgetStatus(db: Db, url: string, userId: string, o: ComputeOptions = {}) {
  const { asOf, config, prepared } = await preparedFor(db, url, userId, o);
  const rows = await liveBudgets(db, userId);
  const inputs: BudgetInput[] = rows.map((b) => ({ budget_id: String(b.id), category: b.category, amount_cents: b.amount_cents, currency: b.currency }));
  const statuses = budgetStatuses(prepared, inputs, config);
  const category = new Map(inputs.map((b) => [b.budget_id, b.category]));
  const unavailable = unavailableBudgets(prepared, inputs).map((u) => ({ budget_id: u.budget_id, category: category.get(u.budget_id)!, reason: u.reason }));
  return { user_id: userId, as_of: asOf, budgets: statuses, unavailable, totals: budgetTotals(statuses) };
}

export async function suggestBudgetsFor(db: Db, url: string, userId: string, o: ComputeOptions = {}) {
  const { asOf, config, prepared } = await preparedFor(db, url, userId, o);
  const { suggestions, notes } = budgetSuggestions(prepared, config);
  return { user_id: userId, as_of: asOf, suggestions, notes };
}

/** The analyst page: budgets on track / at risk / over across every customer's current run, per currency and category (counts only). */
export function budgetAdherence(url: string): Promise<BudgetAdherence> {
  return withReadSql((sql) => budgetAdherenceRows(sql), url);
}

export { ADHERENCE_STATUSES, type BudgetAdherence, type StatusCounts } from "../db/queries/budget-adherence";

/**
 * The customer page's budgets section, on the process's database: the budgets set and, for a
 * consenting customer, this month's status and suggestions — null when there is no transaction
 * to compute at (the page says the figures are unknown).
 */
export async function budgetsSection(userId: string, consent: boolean) {
  const db = prisma();
  const url = databaseUrl();
  const settings = await listBudgets(db, userId);
  if (!consent) return { settings, status: null, suggested: null };
  const [status, suggested] = await Promise.all([budgetStatus(db, url, userId), suggestBudgetsFor(db, url, userId)]).catch((err) => {
    if (err instanceof z.ZodError) return [null, null] as const;
    throw err;
  });
  return { settings, status, suggested };
}

/** These use cases on the process's own database, for the staff pages' server actions. */
export const budgetsOnProcessDb = onProcessDb({ setBudget, deleteBudget });
