import { t } from '@/i18n/translate';
import { expect, test } from './console-guard';

/**
 * A link naming places this browser has no data for (made on another computer, where the data is saved)
 * says so in plain words on every view — publish the data or send the workspace file — instead of only
 * falling back to other data.
 */

const views = [
  { view: 'overview', query: 'city=Nowhere%20Town' },
  { view: 'indicator', query: 'city=Nowhere%20Town&indicator=11.6.2' },
  { view: 'compare', query: 'cities=Nowhere%20Town,XD-WNR' },
  { view: 'nua', query: 'city=Nowhere%20Town' },
  { view: 'report', query: 'city=Nowhere%20Town' },
] as const;

for (const lang of ['en', 'ar'] as const) {
  test(`a link to places that are not in this browser's data says where the data may be (${lang})`, async ({ page }) => {
    for (const { view, query } of views) {
      await page.goto(`./#/${view}?lang=${lang}&${query}`);
      const note = page.getByRole('status').filter({ hasText: t(lang, 'link.dataElsewhere') });
      await expect(note, view).toBeVisible();
      await expect(note, view).toContainText('Nowhere Town');
    }
    // A link to data that is there says nothing of the kind.
    await page.goto(`./#/indicator?lang=${lang}&city=XD-WNR&indicator=11.6.2`);
    await expect(page.locator('h1')).toBeVisible();
    await expect(page.getByText(t(lang, 'link.dataElsewhere'))).toHaveCount(0);
  });
}
