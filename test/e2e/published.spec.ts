import { readFileSync } from 'node:fs';
import { expect, FIXTURES, test } from './console-guard';
import { placeInput, placeOptions } from './place-picker-helpers';

test('opens on the datasets data/manifest.json publishes, instead of the demo', async ({ page }) => {
  await page.route('**/data/manifest.json', (route) =>
    route.fulfill({ json: { datasets: [{ id: 'partners-2024', name: 'Partner cities 2024', file: 'partners/two-cities.csv', source: 'Observatory' }] } }),
  );
  await page.route('**/data/partners/two-cities.csv', (route) => route.fulfill({ body: readFileSync(`${FIXTURES}two-cities.csv`), contentType: 'text/csv' }));
  await page.goto('./#/data');
  await expect(page.getByText('Published data', { exact: true })).toBeVisible();
  const row = page.getByRole('row', { name: /Partner cities 2024/ });
  await expect(row).toContainText('Published with this site');
  await expect(row).toContainText('Observatory');
  // Read-only: details and downloads, no delete, no edit form.
  await expect(row.getByRole('button')).toHaveText(['Details — Partner cities 2024']);
  await row.getByRole('button', { name: /Details/ }).click();
  await expect(page.getByText(/Published with this site: every visitor sees it as it is/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveCount(0);
  await expect(page.getByText('Illustrative data — fictional cities')).toBeHidden();
  await page.getByRole('link', { name: 'Overview' }).click();
  await expect(placeInput(page, 'City')).toBeVisible();
  expect((await placeOptions(page, 'City')).map((o) => o.label)).toContain('صور');
});

test('ignores an invalid manifest with a notice and falls back to the demo', async ({ page }) => {
  await page.route('**/data/manifest.json', (route) => route.fulfill({ json: { datasets: [{ id: 'x', name: 'Escape', file: '../../secret.csv' }] } }));
  await page.goto('./');
  await expect(page.getByText(/data\/manifest\.json is not valid and was ignored/)).toBeVisible();
  await expect(page.getByText('Illustrative data — fictional cities')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'City overview' })).toBeVisible();
});
