import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './console-guard';

/**
 * An Open SDG repository chosen as a folder (issue "Real observatory data, read right (2 of 2)", point 5):
 * a summary table of every file comes before the per-file reports; metadata files are read as metadata
 * (a local indicator's title, in each language its translations give), never as data; the headline
 * series of `progress_calculation_options` becomes the dataset's headline choice. The folder is written
 * by the test.
 */

const FILES: Record<string, string> = {
  'config_data.yml': 'languages:\n  - en\n  - ar\n',
  '_prose.yml': 'prose: settings of the site editor\n',
  'data/indicator_11-1-1-c.csv': 'Year,Value\n2016,61\n2018,64\n2020,66\n',
  'data/indicator_11-6-2.csv': 'Year,Series,Value\n2016,PM2.5,12\n2018,PM2.5,11\n2020,PM2.5,10\n2016,PM10,20\n2018,PM10,19\n2020,PM10,17\n',
  'meta/11-1-1-c.md': '---\nindicator_name: local.11-1-1-c-title\nindicator_number: 11.1.1.c\ncomputation_units: "%"\n---\nThe survey asks every second year.\n',
  'meta/11-6-2.md': '---\nindicator_name: global_indicators.11-6-2-title\nauto_progress_calculation: true\nprogress_calculation_options:\n  - series: PM2.5\n    direction: negative\n---\n',
  'translations/en/local.yml': '11-1-1-c-title: Residents satisfied with their area\n',
  'translations/ar/local.yml': '11-1-1-c-title: السكان الراضون عن منطقتهم\n',
};

function writeRepository(): string {
  const root = join(mkdtempSync(join(tmpdir(), 'marsad-repo-')), 'port-lumen');
  for (const [path, text] of Object.entries(FILES)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}

async function chooseFolder(page: Page, lang: 'en' | 'ar', viewport: { width: number; height: number }) {
  await page.setViewportSize(viewport);
  await page.goto(`./#/data?lang=${lang}`);
  await expect(page.locator('.dataset-table')).toBeVisible();
  await page.locator('.upload input.folder-input').setInputFiles(writeRepository());
}

function summaryRow(page: Page, path: string) {
  return page.locator('.file-summary tr', { has: page.locator('th', { hasText: path }) });
}

test('a repository folder: the summary table, a local indicator titled from its metadata, the headline series from progress_calculation_options', async ({ page }) => {
  await chooseFolder(page, 'en', { width: 1440, height: 900 });
  const summary = page.locator('.file-summary');
  await expect(summary).toBeVisible();
  // The summary comes before the per-file reports.
  expect(await page.locator('.results > .file-summary ~ .file-result').count()).toBe(2);
  await expect(summaryRow(page, 'data/indicator_11-6-2.csv')).toContainText('Data');
  await expect(summaryRow(page, 'data/indicator_11-6-2.csv').locator('td').nth(1)).toHaveText('6');
  await expect(summaryRow(page, 'data/indicator_11-1-1-c.csv').locator('td').nth(1)).toHaveText('3');
  await expect(summaryRow(page, 'port-lumen/meta/11-1-1-c.md')).toContainText('Metadata');
  await expect(summaryRow(page, 'port-lumen/meta/11-1-1-c.md')).toContainText('Describes indicator 11.1.1.c.');
  await expect(summaryRow(page, 'port-lumen/translations/ar/local.yml')).toContainText('Metadata');
  await expect(summaryRow(page, 'port-lumen/_prose.yml')).toContainText('Skipped');
  await expect(summaryRow(page, 'port-lumen/_prose.yml')).toContainText('Neither data nor metadata');
  // 11.1.1.c is described (its title through the translations, its unit); 11.6.2's title is a key nobody translated.
  await expect(summary).toContainText('Indicators described (title, unit, definition): 1.');
  await expect(summary).toContainText('Headline series set from progress_calculation_options: 1.');
  // Metadata files are never read as data: only the two data files have a report.
  await expect(page.locator('.file-result h3')).toHaveText(['indicator_11-1-1-c.csv', 'indicator_11-6-2.csv']);

  await page.getByRole('button', { name: /^Import 9 observations$/ }).click();
  await expect(page.getByText(/^Imported 9 observations/)).toBeVisible();
  // The headline series is the dataset's choice, shown (and changeable) in the Data view.
  await expect(page.getByLabel(/^11\.6\.2 in /)).toHaveValue('PM2.5');

  await page.goto('./#/overview?lang=en&city=port-lumen');
  const local = page.locator('tr[data-indicator="11.1.1.c"]');
  await expect(local).toContainText('Residents satisfied with their area');
  await expect(local).toContainText('%');
  // With PM2.5 as the headline, 11.6.2 has a status (two series and no choice would be insufficient data).
  await expect(page.locator('tr[data-indicator="11.6.2"]')).not.toContainText('Insufficient data');

  await page.goto('./#/indicator?lang=en&city=port-lumen&indicator=11.1.1.c');
  await expect(page.locator('.indicator-heading')).toHaveText('11.1.1.c Residents satisfied with their area');
  await expect(page.locator('.meta')).toContainText('no target and no direction of progress');

  await page.goto('./#/indicator?lang=en&city=port-lumen&indicator=11.6.2');
  await expect(page.getByRole('group', { name: 'Headline series' })).toContainText('Headline series: PM2.5.');
});

test('Arabic, 390 px: the summary table fits the screen, and the local indicator has its Arabic title from the translations', async ({ page }) => {
  await chooseFolder(page, 'ar', { width: 390, height: 844 });
  await expect(page.locator('.file-summary')).toBeVisible();
  await expect(summaryRow(page, 'port-lumen/meta/11-1-1-c.md')).toContainText('بيانات وصفية');
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: /^استيراد/ }).click();
  await page.goto('./#/overview?lang=ar&city=port-lumen');
  await expect(page.locator('tr[data-indicator="11.1.1.c"]')).toContainText('السكان الراضون عن منطقتهم');
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});
