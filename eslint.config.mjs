import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "lib/db/generated/**", "data/**", "next-env.d.ts", "test-results/**", "playwright-report/**"],
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
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Time enters the engine only as asOf." },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Time enters the engine only as asOf." },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: "The engine is deterministic." },
      ],
    },
  },
];

export default config;
