import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Spreading an array into a call's arguments puts every element on the stack: 30 000 bad
// transactions overflowed it in `issues.push(...more)` (issue 11). Loop or reduce instead.
const noArraySpreadIntoCalls = [
  { selector: "CallExpression[callee.property.name=/^(push|unshift|splice)$/] > SpreadElement", message: "Spreading into push/unshift/splice overflows the stack for large arrays: append in a loop." },
  { selector: "CallExpression[callee.object.name='Math'] > SpreadElement", message: "Math.max/min(...array) overflows the stack for large arrays: use reduce." },
  { selector: "CallExpression[callee.property.name='fromCharCode'] > SpreadElement", message: "String.fromCharCode(...array) overflows the stack for large arrays." },
];

const TESTS = ["**/*.test.ts", "**/*.test.tsx", "lib/testing/**"];

// Process-wide state has one home, lib/db/process-singleton.ts (Next.js hot reloads and bundles share it).
const noGlobalThis = { name: "globalThis", message: "Keep process-wide state with processSingleton (lib/db/process-singleton.ts)." };

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".cache/**", "node_modules/**", "lib/db/generated/**", "lib/db/generated-pg/**", "data/**", "next-env.d.ts", "test-results/**", "playwright-report/**"],
  },
  {
    files: ["**/*.{ts,tsx,mts,js,mjs}"],
    rules: { "no-restricted-syntax": ["error", ...noArraySpreadIntoCalls] },
  },
  {
    files: ["lib/**/*.{ts,tsx}", "app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ignores: ["lib/db/process-singleton.ts"],
    rules: { "no-restricted-globals": ["error", noGlobalThis] },
  },
  {
    // Pages, routes, server actions and their components call services only (issue 14): the
    // database, its client and its queries are reached through lib/services, never imported.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "(^|/)lib/db(/|$)", message: "app/ and components/ call lib/services, never lib/db: put the read or write in the service that owns it." },
            { group: ["@prisma/*", "@libsql/*", "pg", "pg/*"], message: "app/ and components/ call lib/services, never the database client." },
          ],
        },
      ],
    },
  },
  {
    // The layers, in every direction (issue 14), resolved as files whatever the import's spelling
    // (relative or `@/`). Upward imports are refused:
    //   app, components → lib/api, lib/auth, lib/services → lib/db → plain libs (lib/data, lib/validation, lib/labels, lib/errors)
    //   lib/engine (and lib/eval) are pure: they import only each other and plain libs.
    // Tests are integration tests and may reach across layers to set up and observe.
    files: ["lib/**/*.{ts,tsx}"],
    ignores: TESTS,
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            {
              target: "./lib/engine",
              from: ["./lib/db", "./lib/services", "./lib/api", "./lib/auth", "./lib/cli", "./lib/eval", "./lib/testing", "./lib/security", "./lib/data/ingest", "./lib/data/generator", "./app", "./components"],
              message: "lib/engine is pure TypeScript: it imports only lib/engine and plain libs; services pass data in.",
            },
            {
              target: "./lib/eval",
              from: ["./lib/db", "./lib/services", "./lib/api", "./lib/auth", "./lib/cli", "./lib/testing", "./lib/security", "./lib/data/ingest", "./lib/data/generator", "./app", "./components"],
              message: "lib/eval's metrics are pure: the eval service (lib/services/eval*) reads and writes.",
            },
            {
              target: "./lib/db",
              from: ["./lib/services", "./lib/api", "./lib/auth", "./lib/cli", "./app", "./components"],
              message: "lib/db is the floor: services call it, never the other way round.",
            },
            {
              // Services are called by the API, the CLI, lib/auth's guards and actions, and pages;
              // importing any of them would be a cycle. The role and scope tables in lib/auth are
              // pure data that the staff and key services store and check, so they are the exception.
              target: "./lib/services",
              from: ["./lib/api", "./lib/cli", "./lib/auth", "./app", "./components"],
              except: ["./permissions.ts", "./scopes.ts"],
              message: "lib/services is called by the API, the CLI, lib/auth and pages; it imports none of them (lib/auth's role and scope tables excepted).",
            },
            {
              target: ["./lib/api", "./lib/cli", "./lib/auth"],
              from: ["./app", "./components"],
              message: "lib/ never imports app/ or components/.",
            },
            { target: "./lib/api", from: "./lib/cli", message: "The API and the CLI are two surfaces over the same services; neither imports the other." },
            { target: "./lib/cli", from: "./lib/api", message: "The API and the CLI are two surfaces over the same services; neither imports the other." },
            {
              target: ["./lib/data", "./lib/validation", "./lib/labels.ts", "./lib/errors.ts"],
              from: ["./lib/services", "./lib/api", "./lib/cli", "./lib/auth", "./app", "./components"],
              except: ["./permissions.ts", "./scopes.ts"],
              message: "Plain libs (data formats, validation, labels, errors) sit below every layer.",
            },
          ],
        },
      ],
    },
  },
  {
    // The engine and the evaluation's metrics are pure TypeScript: plain data in, results out (ARCHITECTURE.md).
    files: ["lib/engine/**/*.ts", "lib/eval/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "react", "react-dom", "react/*"], message: "lib/engine must not depend on the web framework." },
            { group: ["@prisma/*", "@libsql/*", "pg", "pg/*", "**/db", "**/db/*", "@/lib/db", "@/lib/db/*", "@/lib/services/*"], message: "lib/engine must not touch the database; services pass data in." },
            { group: ["node:fs", "fs", "node:process"], message: "lib/engine is pure: no I/O." },
          ],
        },
      ],
      "no-restricted-globals": ["error", { name: "process", message: "lib/engine takes config and asOf as arguments, not from the environment." }, noGlobalThis],
      "no-restricted-syntax": [
        "error",
        ...noArraySpreadIntoCalls,
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Time enters the engine only as asOf." },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Time enters the engine only as asOf." },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: "The engine is deterministic." },
      ],
    },
  },
];

export default config;
