// The integration suite again, on PostgreSQL: `npm run test:pg` (bin/postgres.mjs starts a
// private server unless SPENDSENSE_TEST_PG_URL names one). Every tempDb() is a fresh database
// cloned from a template built once per run.
import { configDefaults, defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.mts";

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
      ],
    },
  }),
);
