import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { ROLES } from "./lib/auth/permissions";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_PASSWORD = "e2e-password-2026";
const cli = "node bin/spendsense.mjs";
const staff = ROLES.map((r) => `${cli} staff create --email ${r}@spendsense.local --role ${r} --password ${E2E_PASSWORD}`).join(" && ");
// Debian's Chromium (STACK.md): `npx playwright install` cannot download browsers here.
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? "list" : "line",
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  // "setup" signs each role in once through the login form and saves the session for the specs.
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", dependencies: ["setup"] },
  ],
  webServer: {
    // A throwaway database with a small deterministic demo set, then the production build.
    command: `${cli} db reset --yes && ${cli} generate --users 20 --load --no-files && ${cli} run && ${cli} eval --out ${path.join(os.tmpdir(), "spendsense-e2e-eval")} && ${staff} && ./node_modules/.bin/next start -p ${PORT}`,
    url: `http://localhost:${PORT}/api/health`,
    env: { DATABASE_URL: "file:./data/e2e.db", NEXTAUTH_SECRET: "e2e-only-secret-not-for-production", NEXTAUTH_URL: `http://localhost:${PORT}`, NEXT_TELEMETRY_DISABLED: "1" },
    timeout: 120_000,
    reuseExistingServer: false,
  },
});
