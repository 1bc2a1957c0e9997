import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Spreading an array into a call's arguments puts every element on the stack: 30 000 bad
// transactions overflowed it in `issues.push(...more)` (issue 11). Loop or reduce instead.
const noArraySpreadIntoCalls = [
  { selector: "CallExpression[callee.property.name=/^(push|unshift|splice)$/] > SpreadElement", message: "Spreading into push/unshift/splice overflows the stack for large arrays: append in a loop." },
  { selector: "CallExpression[callee.object.name='Math'] > SpreadElement", message: "Math.max/min(...array) overflows the stack for large arrays: use reduce." },
  { selector: "CallExpression[callee.property.name='fromCharCode'] > SpreadElement", message: "String.fromCharCode(...array) overflows the stack for large arrays." },
];

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
    // Pages, routes and server actions call services only (issue 14): the database, its client
    // and its queries are reached through lib/services, never imported from app/.
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "(^|/)lib/db(/|$)", message: "app/ calls lib/services, never lib/db: put the read or write in the service that owns it." },
            { group: ["@prisma/*", "@libsql/*"], message: "app/ calls lib/services, never the database client." },
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
            { group: ["@prisma/*", "@libsql/*", "**/db", "**/db/*", "@/lib/db", "@/lib/db/*", "@/lib/services/*"], message: "lib/engine must not touch the database; services pass data in." },
            { group: ["node:fs", "fs", "node:process"], message: "lib/engine is pure: no I/O." },
          ],
        },
      ],
      "no-restricted-globals": ["error", { name: "process", message: "lib/engine takes config and asOf as arguments, not from the environment." }],
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
