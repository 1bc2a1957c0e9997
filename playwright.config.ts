import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
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
  webServer: {
    // A throwaway database with a small deterministic demo set, then the production build.
    command: `node bin/spendsense.mjs db reset --yes && node bin/spendsense.mjs generate --users 20 --load --no-files && node bin/spendsense.mjs run && ./node_modules/.bin/next start -p ${PORT}`,
    url: `http://localhost:${PORT}/api/health`,
    env: { DATABASE_URL: "file:./data/e2e.db" },
    timeout: 120_000,
    reuseExistingServer: false,
  },
});
