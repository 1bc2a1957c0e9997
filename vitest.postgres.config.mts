// The integration suite again, on PostgreSQL: `npm run test:pg` (bin/postgres.mjs starts a
// private server unless SPENDSENSE_TEST_PG_URL names one). Every tempDb() is a fresh database
// cloned from a template built once per run.
import { configDefaults, defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.mts";

// Not yet passing on PostgreSQL (issue 14 is moving their SQL to portable queries). Run them
// anyway with SPENDSENSE_PG_NOT_YET=run.
const NOT_YET = process.env.SPENDSENSE_PG_NOT_YET === "run" ? [] : [
  "app/access-matrix.test.ts",
  "app/api/alerts/alerts.test.ts",
  "app/api/budgets/budgets.test.ts",
  "app/api/contention.test.ts",
  "app/api/customers.test.ts",
  "app/api/input-limits.test.ts",
  "app/api/staff-routes.test.ts",
  "app/api/transactions/transactions.test.ts",
  "lib/api/handler.test.ts",
  "lib/auth/sessions.test.ts",
  "lib/cli/pipe.test.ts",
  "lib/db/queries/customers.test.ts",
  "lib/db/queries/review-queue.test.ts",
  "lib/services/alerts.test.ts",
  "lib/services/budget-adherence.test.ts",
  "lib/services/budgets.test.ts",
  "lib/services/consent.test.ts",
  "lib/services/current-run.test.ts",
  "lib/services/demo-staff.test.ts",
  "lib/services/engine-metrics.test.ts", // runs the engine: passes with engine.test.ts once its SQL is portable
  "lib/services/engine-sandbox.test.ts",
  "lib/services/engine.test.ts",
  "lib/services/eval.test.ts",
  "lib/services/jobs.test.ts",
  "lib/services/overrides.test.ts",
  "lib/services/real-plaid-alerts.test.ts",
  "lib/services/real-plaid.test.ts",
  "lib/services/review-state.property.test.ts",
  "lib/services/review.test.ts",
  "lib/services/staff-pages.test.ts",
  "lib/services/staff.test.ts",
];

export default mergeConfig(
  base,
  defineConfig({
    test: {
      globalSetup: ["lib/testing/postgres-setup.ts"],
      env: { SPENDSENSE_TEST_DATABASE: "postgres" },
      exclude: [
        ...configDefaults.exclude,
        // Pure code (the engine, parsers, the generator) touches no database: the SQLite run covers it.
        "lib/engine/**",
        "lib/data/**",
        ...NOT_YET,
      ],
    },
  }),
);
