import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { createI18n } from '@/i18n/i18n-context';
import { t } from '@/i18n/translate';
import { expect, FIXTURES, test } from './console-guard';

/**
 * Publish, as staff and readers meet it, with two browsers: staff load a file, describe it and press
 * "Publish"; the ZIP's data/ folder is copied into the site (the site's data/ is served here from what
 * the ZIPs held, as a web server would); a reader's fresh browser opens a shared link and sees the data
 * on every view, in English and Arabic, marked published and read-only. Staff then publish again: the
 * first publication goes to data/archive/<date>/, and the reader can still open it "as published on".
 */

type Site = Map<string, Uint8Array>;

/** Serves the site's data/ folder from `site` (404 for anything it does not hold, as a static server would). */
async function serve(page: Page, site: Site): Promise<void> {
  await page.route('**/data/**', (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname.replace(/^.*?\/data\//, 'data/'));
    const bytes = site.get(path);
    if (bytes === undefined) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ body: Buffer.from(bytes), contentType: path.endsWith('.csv') ? 'text/csv' : 'application/json' });
  });
}

/** Presses Publish and copies the ZIP's files into the site (over what is there, as an unzip would). */
async function publishInto(page: Page, site: Site): Promise<Record<string, Uint8Array>> {
  const panel = page.getByTestId('publish-panel');
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: t('en', 'publish.button') }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^marsad-publication-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = unzipSync(new Uint8Array(readFileSync((await file.path()) ?? '')));
  for (const [path, bytes] of Object.entries(zip)) site.set(path, bytes);
  return zip;
}

const json = (bytes: Uint8Array | undefined) => JSON.parse(new TextDecoder().decode(bytes)) as { datasets: Array<Record<string, unknown>>; archives?: string[] };

test('staff publish; a reader sees it on every view in English and Arabic; publishing again archives the first', async ({ page, browser }) => {
  test.setTimeout(120_000);
  // The site as built: its data/ folder publishes nothing yet (the app then shows the demo).
  const site: Site = new Map([['data/manifest.json', new TextEncoder().encode('{ "datasets": [] }')]]);
  await serve(page, site);

  // Staff: import, name the dataset and its source, publish.
  await page.goto('./#/data?lang=en');
  await page.locator('.upload input.file-input').setInputFiles(`${FIXTURES}amman-air.csv`);
  await page.getByRole('button', { name: /^Import 4 observations$/ }).click();
  const row = page.getByRole('row', { name: /amman-air\.csv/ });
  await expect(row).toContainText(t('en', 'datasets.kind.upload'));
  await row.getByRole('button', { name: /Details/ }).click();
  const form = page.locator('.dataset-details');
  await form.getByRole('textbox', { name: t('en', 'datasets.name') }).fill('Amman air quality');
  await form.getByRole('textbox', { name: t('en', 'datasets.sourceOrg') }).fill('Greater Amman Municipality');
  await form.getByRole('textbox', { name: t('en', 'datasets.licence') }).fill('CC BY 4.0');
  await form.getByRole('button', { name: t('en', 'datasets.saveDetails') }).click();
  await expect(page.getByRole('row', { name: /Amman air quality/ })).toContainText('Greater Amman Municipality · CC BY 4.0');
  // The city's Arabic name, given here, is published with the data.
  const amman = page.locator('.places .place', { hasText: 'Amman' }).first();
  await amman.getByRole('button', { name: t('en', 'places.editNames') }).click();
  await amman.getByLabel(t('en', 'places.name.ar')).fill('عمّان');
  await amman.getByRole('button', { name: t('en', 'places.save') }).click();
  await expect(page.getByText(t('en', 'places.renamed', { name: 'Amman' }))).toBeVisible();
  const first = await publishInto(page, site);
  const today = new Date().toISOString().slice(0, 10);
  expect(Object.keys(first).sort()).toEqual(['data/README.md', 'data/amman-air-quality.csv', 'data/manifest.json']);
  expect(json(first['data/manifest.json'])).toMatchObject({ places: { 'JO-AMM': { ar: 'عمّان' } }, home: 'JO-AMM' });
  expect(json(first['data/manifest.json']).datasets[0]).toMatchObject({ id: 'amman-air-quality', name: 'Amman air quality', source: 'Greater Amman Municipality', licence: 'CC BY 4.0', version: 1, published: today });

  // A reader's fresh browser, from a shared link, on every view, in English then Arabic.
  const reader = await browser.newContext();
  const readerPage = await reader.newPage();
  await serve(readerPage, site);
  const base = page.url().replace(/#.*$/, '');
  await readerPage.goto(`${base}#/indicator?lang=en&city=JO-AMM&indicator=11.6.2`);
  await expect(readerPage.getByTestId('published-banner')).toContainText(t('en', 'builtin.publishedLabel'));
  await expect(readerPage.getByTestId('published-banner')).not.toContainText(t('en', 'builtin.withLocal'));
  await expect(readerPage.locator('main')).toContainText('Amman');
  for (const lang of ['en', 'ar'] as const) {
    for (const view of ['overview', 'indicator', 'compare', 'nua', 'report']) {
      await readerPage.goto(`${base}#/${view}?lang=${lang}&city=JO-AMM&cities=JO-AMM&indicator=11.6.2`);
      await expect(readerPage.locator('main h1')).toBeVisible();
      await expect(readerPage.getByTestId('published-banner')).toBeVisible();
      await expect(readerPage.getByText(t(lang, 'builtin.demoLabel'))).toBeHidden();
      await expect(readerPage.getByText(t(lang, 'link.dataElsewhere'))).toBeHidden();
      await expect(readerPage.locator('main')).toContainText(lang === 'ar' ? 'عمّان' : 'Amman');
    }
  }
  // Read-only for the reader: no delete, no edit form; a choice to leave it out stays in the reader's browser.
  await readerPage.goto(`${base}#/data?lang=en`);
  const published = readerPage.getByRole('row', { name: /Amman air quality/ });
  await expect(published).toContainText(t('en', 'datasets.kind.publishedOn', { date: '' }).trim());
  await expect(published.getByRole('button', { name: /Delete/ })).toHaveCount(0);
  await published.getByRole('button', { name: /Details/ }).click();
  await expect(readerPage.getByText(t('en', 'datasets.publishedReadOnly'))).toBeVisible();
  await expect(readerPage.getByRole('textbox', { name: t('en', 'datasets.name') })).toHaveCount(0);
  const csv = readerPage.waitForEvent('download');
  await readerPage.getByRole('button', { name: /Download CSV/ }).click();
  expect((await csv).suggestedFilename()).toBe('amman-air-quality.csv');

  // Staff: the site now publishes the data; their own copy is beside it, marked "only on this computer".
  await page.reload();
  await expect(page.getByRole('row', { name: /Amman air quality/ })).toHaveCount(2);
  await expect(page.getByTestId('published-banner')).toContainText(t('en', 'builtin.withLocal'));
  await page.locator('.upload input.file-input').setInputFiles(`${FIXTURES}tyre-en.csv`);
  await page.getByRole('button', { name: /^Import \d+ observations$/ }).click();
  await expect(page.getByRole('row', { name: /tyre-en\.csv/ })).toBeVisible();
  const panel = page.getByTestId('publish-panel');
  // The published copy is left out by default: the one saved here (same name) is its new version.
  await expect(panel.getByRole('checkbox', { name: /Amman air quality.*published/ })).not.toBeChecked();
  const second = await publishInto(page, site);
  expect(Object.keys(second).filter((p) => p.startsWith('data/archive/')).sort()).toEqual([`data/archive/${today}/amman-air-quality.csv`, `data/archive/${today}/manifest.json`]);
  const manifest = json(second['data/manifest.json']);
  expect(manifest.archives).toEqual([`archive/${today}/manifest.json`]);
  expect(manifest.datasets.map((d) => [d.id, d.version])).toEqual([
    ['amman-air-quality', 1],
    ['tyre-en', 1],
  ]);
  await expect(panel.getByRole('status')).toContainText(`data/archive/${today}/`);

  // The reader sees the new publication, and the earlier one "as published on" its date, from a link.
  await readerPage.goto(`${base}#/compare?lang=en&cities=JO-AMM,Tyre&indicator=11.6.2`);
  await readerPage.reload();
  await expect(readerPage.locator('main')).toContainText('Tyre');
  await expect(readerPage.getByText(t('en', 'link.dataElsewhere'))).toBeHidden();
  await readerPage.goto(`${base}#/data?lang=en`);
  await readerPage.getByTestId('publications').getByRole('link', { name: t('en', 'publication.asPublished', { date: createI18n('en', 'latn').formatDay(today) }) }).click();
  await expect(readerPage.getByTestId('as-published')).toContainText(t('en', 'publication.asPublished', { date: createI18n('en', 'latn').formatDay(today) }));
  await expect(readerPage.locator('main')).toContainText('Amman');
  await readerPage.goto(`${base}#/data?lang=en&published=${today}`);
  await expect(readerPage.getByRole('row', { name: /tyre-en/ })).toHaveCount(0);
  await expect(readerPage.getByRole('row', { name: /Amman air quality/ })).toHaveCount(1);
  await readerPage.getByRole('link', { name: t('en', 'publication.showCurrent') }).click();
  await expect(readerPage.getByTestId('as-published')).toHaveCount(0);
  await expect(readerPage.getByRole('row', { name: /tyre-en/ })).toHaveCount(1);
  // The earlier publication as "the last review": Tyre is newly reported since.
  await readerPage.goto(`${base}#/overview?lang=en&city=Tyre`);
  await readerPage.getByLabel(t('en', 'review.choose')).selectOption({ label: t('en', 'review.optionPublished', { date: createI18n('en', 'latn').formatDay(today) }) });
  await expect(readerPage.locator('main')).toContainText(t('en', 'review.change.newly'));
  await reader.close();
});
