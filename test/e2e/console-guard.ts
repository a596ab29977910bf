import { expect, test as base } from '@playwright/test';
// Specs compute expected text in every language (t('ar', …)) in Node, as the CLI does.
import '@/i18n/all-langs';

/**
 * `test` with a guard: every console error or warning and every uncaught page error during the test
 * fails it (normal use must be silent).
 */
export const test = base.extend<{ consoleGuard: void }>({
  consoleGuard: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      await use();
      expect(problems, 'console errors, warnings or page errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export const FIXTURES = new URL('../fixtures/e2e/', import.meta.url).pathname;
