import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { expect, test } from './console-guard';

/**
 * Hostile input in the browser (issue 16): a file of 524,288 columns is reviewed with a capped preview
 * and a capped column mapping, without freezing the Data view; under the README's Content-Security-Policy
 * (sent as a real header) a city whose annex workbook part is over 160 KB gets its "Download all figures"
 * ZIP, and nothing violates the policy (the console guard fails the test on any violation report).
 */

/** The policy the README documents for deployments. */
const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:", "font-src 'self'",
  "connect-src 'self'", "worker-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'self'",
].join('; ');

/** Serves every page of the site with the CSP header, as a host configured per the README would. */
async function withCsp(page: Page) {
  await page.route('**/*', async (route) => {
    // The test's own proxy to the preview server: a connection reset under load (seen once in CI,
    // ECONNRESET on a static asset) is retried, as a browser would reload; the site is not at fault.
    let response;
    for (let attempt = 1; ; attempt++) {
      try {
        response = await route.fetch();
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    const headers = route.request().resourceType() === 'document' ? { ...response.headers(), 'content-security-policy': CSP } : response.headers();
    await route.fulfill({ response, headers });
  });
}

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

test('under the documented CSP: the report ZIP of a city whose annex part is over 160 KB downloads (it hung at "Preparing the figures")', async ({ page }) => {
  test.setTimeout(120_000);
  await withCsp(page);
  await openData(page);
  // 20 indicators, each with its own source of 9,500 characters: the annex sheet is about 200 KB.
  const codes = ['11.1.1', '11.2.1', '11.3.1', '11.3.2', '11.4.1', '11.5.1', '11.5.2', '11.6.1', '11.6.2', '11.7.1', '11.7.2', '1.4.1', '3.6.1', '3.9.1', '4.1.2', '5.5.1', '6.1.1', '6.2.1', '6.3.1', '7.1.1'];
  let csv = 'city,indicator,year,value,source\n';
  for (const [k, code] of codes.entries()) for (const year of [2015, 2020]) csv += `Bigtown,${code},${year},${20 + k / 4 + (year - 2015) / 5},Survey ${k} ${'s'.repeat(9500)}\n`;
  await page.locator('.upload input.file-input').setInputFiles({ name: 'bigtown.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Import 40 observations' }).click();
  await expect(page.getByText('Imported 40 observations as “bigtown.csv”.')).toBeVisible();
  await page.getByRole('link', { name: 'City report' }).click();
  await expect(page.locator('.report-section').first()).toBeVisible({ timeout: 30_000 });
  const download = page.waitForEvent('download', { timeout: 90_000 });
  await page.getByRole('button', { name: 'Download all figures (ZIP)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/_figures_en\.zip$/);
  // The workbook has a part over 160 KB (the size fflate moves to a blob: worker) and reads as a ZIP.
  const xlsx = unzipSync(new Uint8Array(readFileSync(await file.path())))['annex.xlsx'];
  const parts = unzipSync(xlsx ?? new Uint8Array());
  expect(Math.max(...Object.values(parts).map((p) => p.length))).toBeGreaterThan(160_000);
});

test('two open tabs stay in step: an import in one shows in the other, a deletion leaves no stale row', async ({ page, context }) => {
  await openData(page);
  const other = await context.newPage();
  await openData(other);
  const csv = 'city,indicator,year,value\nTabtown,11.6.2,2015,30\nTabtown,11.6.2,2020,25\n';
  await page.locator('.upload input.file-input').setInputFiles({ name: 'tabs.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Import 2 observations' }).click();
  await expect(page.getByText('Imported 2 observations as “tabs.csv”.')).toBeVisible();
  // The other tab, never reloaded, lists it.
  const row = other.locator('.dataset-table tbody tr:not(.versions-row)').filter({ has: other.getByRole('rowheader', { name: 'tabs.csv', exact: true }) });
  await expect(row).toBeVisible();

  await page.getByRole('button', { name: 'Delete “tabs.csv”' }).click();
  await expect(page.getByText('Deleted “tabs.csv”.')).toBeVisible();
  await expect(row).toHaveCount(0);
  await other.close();
});

test('a city name of 9,000 characters: the report opens at once, its figures cut the name with "…" (it blocked the page ~150 s)', async ({ page }) => {
  await openData(page);
  const city = `Amman${'x'.repeat(8995)}`;
  const csv = `city,indicator,year,value,source\n${city},11.6.2,2015,30,${'s'.repeat(9000)}\n${city},11.6.2,2020,25,Survey\n`;
  await page.locator('.upload input.file-input').setInputFiles({ name: 'long-name.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Import 2 observations' }).click();
  await expect(page.getByText('Imported 2 observations as “long-name.csv”.')).toBeVisible();
  await page.getByRole('link', { name: 'City report' }).click();
  await expect(page.locator('.report-section').first()).toBeVisible({ timeout: 30_000 });
  // Every figure of the report stays a figure's size.
  const heights = await page.locator('.report-section svg[viewBox]').evaluateAll((svgs) => svgs.map((s) => Number(s.getAttribute('viewBox')?.split(' ')[3] ?? 0)));
  expect(heights.length).toBeGreaterThan(0);
  expect(Math.max(...heights)).toBeLessThan(1000);
});
