import { defineConfig } from '@playwright/test';

// Run through `npm run test:e2e` (scripts/e2e.ts), which creates a fresh database, seeds it
// and passes DATABASE_URL here. Debian's Chromium, never a downloaded browser.
const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    { name: 'chromium', testMatch: /.*\.spec\.ts/, dependencies: ['setup'] },
  ],
  webServer: {
    command: `npx next start -p ${PORT}`,
    url: `http://127.0.0.1:${PORT}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      DATABASE_URL: process.env.DATABASE_URL ?? '',
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? 'e2e-secret-e2e-secret-e2e-secret',
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      NEXT_TELEMETRY_DISABLED: '1',
      LOGIN_MAX_FAILURES: '3',
      // Builds pause 5 s after their natives pass so e2e/evidence-cancel.spec.ts can cancel one.
      EVIDENCE_TEST_BUILD_PAUSE_MS: '5000',
    },
  },
});
