import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_FLAGS, INSTALL_HINT, findChromium } from "./scripts/lib/chromium.mjs";

// `npm run test:e2e` (scripts/e2e.mjs) builds the site, serves out/ on a free port and passes
// its origin in E2E_BASE_URL. Run `npx playwright test` directly and this config serves the
// existing out/ itself on port 3501 instead.
const baseURL = process.env.E2E_BASE_URL;
const previewPort = 3501;

const executablePath = findChromium();
if (executablePath === null) {
  throw new Error(`No Chromium found for the e2e tests. ${INSTALL_HINT}`);
}

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [["list"]],
  use: {
    baseURL: baseURL ?? `http://127.0.0.1:${previewPort}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath, args: CHROMIUM_FLAGS },
    // Every page registers the offline service worker, which precaches the whole site; only
    // tests/e2e/offline.spec.ts needs it, so the rest of the suite does not pay for it.
    serviceWorkers: "block",
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: baseURL
    ? undefined
    : {
        command: "node scripts/serve.mjs",
        env: { PORT: String(previewPort), HOST: "127.0.0.1", SERVE_QUIET: "1" },
        url: `http://127.0.0.1:${previewPort}/`,
        reuseExistingServer: !process.env.CI,
      },
});
