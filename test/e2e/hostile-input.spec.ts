import type { Page } from '@playwright/test';
import { expect, test } from './console-guard';

/**
 * Hostile input in the browser (issue 16): a file of 524,288 columns is reviewed with a capped preview
 * and a capped column mapping, without freezing the Data view.
 */

async function openData(page: Page) {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('./#/data?lang=en');
  await expect(page.locator('.dataset-table')).toBeVisible();
}

test('a 1 MB file of 524,288 columns: "Showing the first 50 of 524,288 columns", the mapping offers 200, the page stays responsive', async ({ page }) => {
  await openData(page);
  const buffer = Buffer.from(`${Array.from({ length: 524_288 }, () => 'a').join(',')}\nx\n`);
  await page.locator('.upload input.file-input').setInputFiles({ name: 'wide.csv', mimeType: 'text/csv', buffer });
  const result = page.locator('article.file-result');
  await expect(result.getByText('Showing the first 50 of 524,288 columns.')).toBeVisible({ timeout: 30_000 });
  await expect(result.locator('details.preview thead th')).toHaveCount(50);
  // The page answers at once (it used to be frozen for minutes).
  const t0 = Date.now();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  expect(Date.now() - t0).toBeLessThan(5_000);

  await page.getByRole('button', { name: 'Map the columns' }).click();
  const form = page.getByRole('region', { name: 'Map the columns of wide.csv' });
  await expect(form.getByText('Showing the first 200 of 524,288 columns; the others keep the role detected for them.')).toBeVisible();
  await expect(form.locator('li.mapping-row')).toHaveCount(200);
});
