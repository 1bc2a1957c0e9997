// Two app instances on one PostgreSQL, as behind a load balancer: `npm run test:e2e:pg`
// (bin/postgres.mjs starts a private server unless SPENDSENSE_TEST_PG_URL names one). Instance A
// prepares the database (migrations, 20 demo customers, a run, staff); B starts on the same
// database and is ready once A's migrations are in (its health answers 503 until then).
import { defineConfig } from "@playwright/test";
import { ROLES } from "./lib/auth/permissions";
import { E2E_PASSWORD } from "./playwright.config";

export const PORT_A = Number(process.env.E2E_PG_PORT ?? 3150);
export const PORT_B = PORT_A + 1;
/** Requests per key per minute on both instances: low, so the shared limit is reached quickly. */
export const RATE_LIMIT = 40;
const url = process.env.SPENDSENSE_TEST_PG_URL;
if (!url) throw new Error("SPENDSENSE_TEST_PG_URL is not set: run these tests with `npm run test:e2e:pg`");
export const DATABASE_URL = url;

const cli = "node bin/spendsense.mjs";
const staff = ROLES.map((r) => `${cli} staff create --email ${r}@spendsense.local --role ${r} --password ${E2E_PASSWORD}`).join(" && ");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const env = (port: number) => ({
  DATABASE_URL,
  NEXTAUTH_SECRET: "e2e-only-secret-not-for-production",
  NEXTAUTH_URL: `http://localhost:${port}`,
  SPENDSENSE_API_RATE_LIMIT: String(RATE_LIMIT),
  NEXT_TELEMETRY_DISABLED: "1",
});

export default defineConfig({
  testDir: "e2e-pg",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? "list" : "line",
  timeout: 60_000,
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: [
    {
      command: `${cli} db reset --yes && ${cli} generate --users 20 --load --no-files && ${cli} run --local && ${staff} && ./node_modules/.bin/next start -p ${PORT_A}`,
      url: `http://localhost:${PORT_A}/api/health`,
      env: env(PORT_A),
      timeout: 180_000,
      reuseExistingServer: false,
    },
    {
      command: `./node_modules/.bin/next start -p ${PORT_B}`,
      url: `http://localhost:${PORT_B}/api/health`,
      env: env(PORT_B),
      timeout: 180_000,
      reuseExistingServer: false,
    },
  ],
});
