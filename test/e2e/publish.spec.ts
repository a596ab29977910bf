import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { t } from '@/i18n/translate';
import { expect, FIXTURES, test } from './console-guard';

/**
 * Publish, as staff and readers meet it: staff load a file and press "Publish"; the ZIP holds the site's
 * data/ folder; unpacked into the site (served here from the ZIP's bytes), a fresh browser — nothing
 * saved — sees the data on the indicator view, marked published.
 */

test('staff publish a dataset as a ZIP; a fresh browser of the site with that data/ folder sees it', async ({ page, browser }) => {
  await page.goto('./#/data?lang=en');
  await page.locator('.upload input.file-input').setInputFiles(`${FIXTURES}amman-air.csv`);
  await page.getByRole('button', { name: /^Import 4 observations$/ }).click();
  const panel = page.getByTestId('publish-panel');
  await expect(panel.getByRole('checkbox', { name: 'amman-air.csv' })).toBeChecked();
  await panel.getByLabel(t('en', 'publish.source')).fill('Greater Amman Municipality');
  await panel.getByLabel(t('en', 'publish.licence')).fill('CC BY 4.0');
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: t('en', 'publish.button') }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^marsad-publication-\d{4}-\d{2}-\d{2}\.zip$/);
  await expect(panel.getByRole('status')).toContainText('1 datasets, 4 observations');
  const zip = unzipSync(new Uint8Array(readFileSync((await file.path()) ?? '')));
  expect(Object.keys(zip).sort()).toEqual(['data/README.md', 'data/amman-air-csv.csv', 'data/manifest.json']);
  const manifest = JSON.parse(new TextDecoder().decode(zip['data/manifest.json'])) as { datasets: Array<Record<string, unknown>> };
  expect(manifest.datasets[0]).toMatchObject({ name: 'amman-air.csv', file: 'amman-air-csv.csv', source: 'Greater Amman Municipality', licence: 'CC BY 4.0', version: 1 });

  // A reader's fresh browser, on the site with that data/ folder.
  const reader = await browser.newContext();
  const readerPage = await reader.newPage();
  for (const [path, bytes] of Object.entries(zip)) {
    await readerPage.route(`**/${path}`, (route) => route.fulfill({ body: Buffer.from(bytes), contentType: path.endsWith('.json') ? 'application/json' : 'text/plain' }));
  }
  await readerPage.goto(page.url().replace(/#.*$/, '#/indicator?lang=en&city=JO-AMM&indicator=11.6.2'));
  await expect(readerPage.getByText(t('en', 'builtin.publishedLabel'))).toBeVisible();
  await expect(readerPage.locator('h1')).toBeVisible();
  await expect(readerPage.locator('main')).toContainText('Amman');
  await expect(readerPage.locator('main')).not.toContainText(t('en', 'link.dataElsewhere'));
  await reader.close();
});
