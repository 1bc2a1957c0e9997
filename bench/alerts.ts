// Alerts and budgets for N generated customers (issue 15): ms per customer for budget status +
// alert detection (p50/p95), and the share they add on top of the pure engine run (run() times
// without them) and on top of computing the windows' signals alone. Prints one JSON line.
// Usage: tsx bench/alerts.ts [users=10000]
import { generateCustomer } from "../lib/data/generator";
import { detectAlerts } from "../lib/engine/alerts";
import { budgetStatuses, type BudgetInput } from "../lib/engine/budgets";
import { DEFAULT_CONFIG, run } from "../lib/engine/index";
import { CATALOG_SEED } from "../lib/engine/recommend/catalog-seed";
import { prepare } from "../lib/engine/signals/prepare";
import { computeWindowSignals } from "../lib/engine/signals/window-signals";
import { toEngineInput } from "../lib/engine/testing/plaid-input";
import { WINDOWS, type CustomerInput } from "../lib/engine/types";
import { quantile } from "./quantile";

const users = Number(process.argv[2] ?? 10000);
const asOf = "2026-10-31";
const config = DEFAULT_CONFIG;
const CHUNK = 500;

/** Two budgets per customer (the categories most customers spend in), so budget status has work to do. */
const budgetsFor = (c: CustomerInput): BudgetInput[] => [
  { budget_id: `${c.user_id}-food`, category: "FOOD_AND_DRINK", amount_cents: 40000, currency: "USD" },
  { budget_id: `${c.user_id}-shop`, category: "GENERAL_MERCHANDISE", amount_cents: 30000, currency: "USD" },
];

const alertTimes: number[] = [];
const runTimes: number[] = [];
const windowTimes: number[] = [];
let alerts = 0;
let transactions = 0;
const ms = () => performance.now();
const started = ms();
for (let from = 0; from < users; from += CHUNK) {
  const inputs: CustomerInput[] = [];
  for (let i = from; i < Math.min(users, from + CHUNK); i++) {
    const c = toEngineInput(generateCustomer({ users, seed: 20261031, asOf, months: 7 }, i));
    if (c.consent) inputs.push(c);
  }
  // One warm-up pass over the first chunk, so every figure is for optimised code.
  for (let pass = from === 0 ? 0 : 1; pass <= 1; pass++) {
    for (const c of inputs) {
      const budgets = budgetsFor(c);
      let t = ms();
      const r = run(c, config, asOf, { catalog: CATALOG_SEED, recentlyShown: [], budgets });
      const tRun = ms() - t;
      t = ms();
      const p = prepare(c, asOf, config);
      const signals = WINDOWS.map((w) => computeWindowSignals(p, w, config));
      const tWindows = ms() - t;
      t = ms();
      const statuses = budgetStatuses(p, budgets, config);
      // As run() does: the 180d window's streams are reused.
      const found = detectAlerts(p, statuses, config, signals[WINDOWS.indexOf("180d")].subscriptions.streams);
      const tAlerts = ms() - t;
      if (pass === 1) {
        runTimes.push(tRun);
        windowTimes.push(tWindows);
        alertTimes.push(tAlerts);
        alerts += found.length;
        transactions += c.transactions.length;
        if (r.consent && r.alerts.length !== found.length) throw new Error(`run() and detectAlerts disagree for ${c.user_id}`);
      }
    }
  }
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const sorted = [...alertTimes].sort((a, b) => a - b);
const runTotal = sum(runTimes);
const alertTotal = sum(alertTimes);
const result = {
  customers: alertTimes.length,
  transactions,
  alerts,
  p50: quantile(sorted, 0.5),
  p95: quantile(sorted, 0.95),
  mean: alertTotal / alertTimes.length,
  runMean: runTotal / runTimes.length,
  windowsMean: sum(windowTimes) / windowTimes.length,
  /** Alerts + budgets as a share of run() without them. */
  addedToRunPct: (100 * alertTotal) / (runTotal - alertTotal),
  /** …and of computing the two windows' signals alone. */
  addedToWindowsPct: (100 * alertTotal) / sum(windowTimes),
  seconds: (ms() - started) / 1000,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
};
console.log(JSON.stringify(result));
