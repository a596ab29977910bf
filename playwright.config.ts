import { existsSync } from 'node:fs';
import { chromium, defineConfig } from '@playwright/test';

/**
 * Browser tests drive a real Chromium against the built site (`vite preview` serving dist/; the npm
 * script `test:e2e` builds first). Chromium: $CHROME_PATH, else /usr/bin/chromium, else the one
 * Playwright installed; nothing is downloaded.
 */
function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', safePlaywrightChromium()];
  for (const c of candidates) if (c !== undefined && c !== '' && existsSync(c)) return c;
  throw new Error(
    'No Chromium found. Install one: `apt-get install -y chromium` (Debian/Ubuntu) or `npx playwright install chromium`, or set CHROME_PATH.',
  );
}

function safePlaywrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

const CI = process.env.CI === 'true' || process.env.CI === '1';

export default defineConfig({
  testDir: 'test/e2e',
  // Artifacts in their own folder: Playwright empties outputDir, and test-results/ also holds vitest.json.
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: CI,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: 'http://localhost:4173/',
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: findChromium(),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
  projects: [
    { name: 'chromium', use: { browserName: 'chromium' }, testIgnore: /long-tasks\.spec\.ts/ },
    // The long-task measurement runs alone, after every other test: a test beside it on the same cores
    // would lengthen the page's tasks by as much as its own.
    { name: 'long-tasks', use: { browserName: 'chromium' }, testMatch: /long-tasks\.spec\.ts/, dependencies: ['chromium'] },
  ],
  webServer: {
    command: 'npx vite preview --port 4173 --strictPort',
    url: 'http://localhost:4173/',
    reuseExistingServer: !CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
