import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './console-guard';

/**
 * The whole page (header, navigation, settings and the view) in every view, in English and Arabic, on
 * a phone and a wide screen: no serious or critical axe violations, and nothing wider than the screen.
 */
const READY: Record<string, string> = {
  overview: 'h1',
  indicator: '[data-testid="chart"] svg',
  compare: '[data-testid="side-by-side"]',
  nua: 'h1',
  data: '.dataset-table',
};

for (const width of [390, 1440] as const) {
  for (const lang of ['en', 'ar'] as const) {
    for (const view of ['overview', 'indicator', 'compare', 'nua', 'report', 'data'] as const) {
      test(`no serious or critical axe violations: ${view} in ${lang} at ${width} px`, async ({ browser }) => {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        await page.goto(`./#/${view}?lang=${lang}`);
        await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
        // The report draws every figure of the city before it shows: on a loaded two-core machine that can take longer.
        await expect(page.locator(READY[view] ?? 'h1').first()).toBeVisible(view === 'report' ? { timeout: 45_000 } : {});
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await context.close();
      });
    }
  }
}
