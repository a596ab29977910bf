import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './console-guard';

for (const lang of ['en', 'ar'] as const) {
  for (const view of ['overview', 'data'] as const) {
    test(`no serious or critical axe violations: ${view} in ${lang}`, async ({ browser }) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`./#/${view}?lang=${lang}`);
      await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
      if (view === 'overview') await expect(page.getByTestId('chart').locator('svg').first()).toBeVisible();
      else await expect(page.locator('.dataset-table')).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await context.close();
    });
  }
}
