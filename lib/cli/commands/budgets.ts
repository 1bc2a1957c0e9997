// `spendsense budgets USER [--as-of DATE] [--json]` (status), `budgets set USER CATEGORY AMOUNT`,
// `budgets suggest USER`, `budgets delete USER CATEGORY`: a customer's monthly budgets per Plaid
// PFC primary (issue 15). Amounts are dollars to the cent on the command line, cents in --json.
import type { Command } from "commander";
import { ZodError } from "zod";
import type { Db } from "../../db/client";
import type { BudgetStatus } from "../../engine/budgets";
import { exactMoney } from "../../engine/recommend/format";
import { categoryLabel } from "../../labels";
import { isRealDate } from "../../validation/plaid";
import { fail } from "../errors";

const STATUS_WORDS: Record<BudgetStatus["status"], string> = { on_track: "on track", at_risk: "at risk of going over", over: "over budget" };

/** Migrates, opens the database, runs the budgets service and closes it; the option or argument zod refused is named. */
async function withBudgets<T>(act: (db: Db, url: string, budgets: typeof import("../../services/budgets")) => Promise<T>): Promise<T> {
  // Loaded when run, not for `--help` (see ../index.ts).
  const [{ migrateDatabase }, { createPrisma }, { databaseUrl }, budgets] = await Promise.all([
    import("../../services/database"),
    import("../../db/client"),
    import("../../db/url"),
    import("../../services/budgets"),
  ]);
  const url = databaseUrl();
  await migrateDatabase(url);
  const db = createPrisma(url);
  try {
    return await act(db, url, budgets);
  } finally {
    await db.$disconnect();
  }
}

/** Validates one positional argument with a zod schema; a refusal names the argument (exit 2). */
function arg<T>(name: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } }, value: string): T {
  const r = schema.safeParse(value);
  if (!r.success) fail(`${name}: ${r.error.issues[0]?.message ?? "invalid"} (got "${value}")`);
  return r.data;
}

function checkAsOf(asOf: string | undefined) {
  if (asOf !== undefined && !isRealDate(asOf)) fail(`--as-of must be a real date YYYY-MM-DD (got "${asOf}")`);
}

function printStatus(r: Awaited<ReturnType<typeof import("../../services/budgets").budgetStatus>>) {
  console.log(`${r.user_id}: budgets as of ${r.as_of}`);
  if (!r.budgets.length && !r.unavailable.length) console.log("  No budgets set (set one: spendsense budgets set USER CATEGORY AMOUNT).");
  for (const b of r.budgets) {
    const m = (c: number) => exactMoney(c, b.currency);
    const pct = b.percent_used === null ? "" : ` (${b.percent_used.toFixed(1)}%)`;
    const left = b.remaining_cents >= 0 ? `${m(b.remaining_cents)} left` : `${m(-b.remaining_cents)} over`;
    const projected = b.projected_cents === null ? "no projection yet" : `projected ${m(b.projected_cents)} by ${b.period_end}`;
    console.log(`  ${categoryLabel(b.category)} (${b.category}): ${m(b.spent_cents)} of ${m(b.amount_cents)}${pct}, ${left}; ${projected} — ${STATUS_WORDS[b.status]}`);
    if (b.history.length) console.log(`    earlier months: ${b.history.map((h) => `${h.period} ${m(h.spent_cents)}`).join(", ")}`);
    for (const n of b.notes) console.log(`    note: ${n}`);
  }
  for (const u of r.unavailable) console.log(`  ${categoryLabel(u.category)} (${u.category}): spending unknown — ${u.reason}`);
  for (const t of r.totals) {
    const over = t.over_budget.length ? `; over budget: ${t.over_budget.map(categoryLabel).join(", ")}` : "; none over budget";
    console.log(`  Total (${t.currency}): ${exactMoney(t.spent_cents, t.currency)} spent of ${exactMoney(t.budgeted_cents, t.currency)} budgeted${over}`);
  }
}

export function registerBudgets(program: Command) {
  const budgets = program.command("budgets").description("A customer's monthly budgets per category: status, set, suggest, delete");

  budgets
    .command("status", { isDefault: true })
    .description("Budget status for the month containing the as-of (the default: `spendsense budgets USER`)")
    .argument("<userId>", "customer id")
    .option("--as-of <date>", "YYYY-MM-DD (default: the newest transaction date)")
    .option("--json", "print JSON (the API's shape)")
    .action(async (userId: string, o: { asOf?: string; json?: boolean }) => {
      checkAsOf(o.asOf);
      const r = await withBudgets((db, url, s) => s.budgetStatus(db, url, userId, { asOf: o.asOf }));
      if (o.json) console.log(JSON.stringify(r, null, 2));
      else printStatus(r);
    });

  budgets
    .command("set")
    .description("Set a customer's monthly budget for a category (creates it, or changes the amount)")
    .argument("<userId>", "customer id")
    .argument("<category>", "Plaid PFC primary, e.g. FOOD_AND_DRINK")
    .argument("<amount>", "monthly amount in dollars, to the cent, e.g. 450.00")
    .action(async (userId: string, categoryArg: string, amountArg: string) => {
      const { budgetCategory, amountText } = await import("../../validation/budgets");
      const category = arg("CATEGORY", budgetCategory, categoryArg);
      const amount_cents = arg("AMOUNT", amountText, amountArg);
      const b = await withBudgets((db, _url, s) => s.setBudget(db, { user_id: userId, category, amount_cents }, "cli"));
      console.log(`Budget ${b.id}: ${categoryLabel(b.category)} for ${b.user_id}, ${exactMoney(b.amount_cents, b.currency)} a month.`);
    });

  budgets
    .command("suggest")
    .description("Suggested budgets from the customer's last three full months")
    .argument("<userId>", "customer id")
    .option("--as-of <date>", "YYYY-MM-DD (default: the newest transaction date)")
    .option("--json", "print JSON (the API's shape)")
    .action(async (userId: string, o: { asOf?: string; json?: boolean }) => {
      checkAsOf(o.asOf);
      const r = await withBudgets((db, url, s) => s.suggestBudgetsFor(db, url, userId, { asOf: o.asOf }));
      if (o.json) return console.log(JSON.stringify(r, null, 2));
      console.log(`${r.user_id}: suggested budgets as of ${r.as_of}`);
      if (!r.suggestions.length) console.log("  No suggestions.");
      for (const x of r.suggestions) console.log(`  ${categoryLabel(x.category)} (${x.category}): ${exactMoney(x.amount_cents, x.currency)} — ${x.explanation}`);
      for (const n of r.notes) console.log(`  note: ${n}`);
    });

  budgets
    .command("delete")
    .description("Delete a customer's budget for a category (kept for audit)")
    .argument("<userId>", "customer id")
    .argument("<category>", "Plaid PFC primary, e.g. FOOD_AND_DRINK")
    .action(async (userId: string, categoryArg: string) => {
      const { budgetCategory } = await import("../../validation/budgets");
      const category = arg("CATEGORY", budgetCategory, categoryArg);
      const d = await withBudgets(async (db, _url, s) => s.deleteBudget(db, (await s.findBudget(db, userId, category)).id, "cli"));
      console.log(`Deleted budget ${d.id}: ${categoryLabel(category)} for ${userId}.`);
    });
}
