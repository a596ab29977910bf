import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { ingestFile } from '@/ingest/ingest-file';
import { expect, test } from './console-guard';

/**
 * "Export figure" under every chart: SVG with text as text, PNG at 2× and 3× of exactly the stated
 * pixel size (white background), and the data behind the chart as CSV that re-imports into Marsad
 * with the same observations — in English and in Arabic (right-to-left).
 */

const { registry } = loadRegistryFromDirs();

async function bytesOf(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function svgSize(svg: string): { width: number; height: number } {
  const m = /<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"/.exec(svg);
  expect(m).not.toBeNull();
  return { width: Number(m?.[1]), height: Number(m?.[2]) };
}

async function download(page: Page, name: RegExp): Promise<Download> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).first().click()]);
  return d;
}

/** Opens the first export menu of the page and checks SVG, PNG 2×/3× and CSV. Returns the file names. */
async function checkMenu(page: Page, expectText: string): Promise<string[]> {
  const menu = page.locator('details.figure-export').first();
  await menu.locator('summary').click();
  const svgButton = menu.getByRole('button', { name: /^SVG/ });
  await expect(svgButton).toBeVisible();

  const svgDownload = await download(page, /^SVG/);
  const svg = (await bytesOf(svgDownload)).toString('utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).toContain('<text');
  expect(svg).toContain(expectText);
  expect(svg).not.toContain('<script');
  const size = svgSize(svg);

  const names = [svgDownload.suggestedFilename()];
  for (const scale of [2, 3] as const) {
    const label = menu.getByRole('button', { name: new RegExp(`^PNG\\D*${scale}×`) });
    // The label states the exact pixel size of the file.
    await expect(label).toContainText(`${size.width * scale} × ${size.height * scale}`);
    const [png] = await Promise.all([page.waitForEvent('download'), label.click()]);
    const bytes = await bytesOf(png);
    expect(pngSize(bytes)).toEqual({ width: size.width * scale, height: size.height * scale });
    names.push(png.suggestedFilename());
  }

  const csvDownload = await download(page, /CSV/);
  const csv = await bytesOf(csvDownload);
  expect(csv.subarray(0, 3).toString('hex')).toBe('efbbbf');
  expect(csv.toString('utf8')).toMatch(/^\ufeffcity,city_code,indicator,year,value/);
  names.push(csvDownload.suggestedFilename());
  // The CSV re-imports into Marsad: no errors, observations of the chart.
  const back = ingestFile({ name: csvDownload.suggestedFilename(), bytes: new Uint8Array(csv) }, registry);
  expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
  expect(back.table.length).toBeGreaterThan(0);
  return names;
}

test.describe('figure export menu', () => {
  test('indicator chart in English: SVG, PNG 2×/3×, CSV with file names that say what they are', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('./#/indicator?lang=en&city=XD-WNR&indicator=11.6.2');
    await expect(page.getByTestId('chart').first()).toBeVisible();
    const names = await checkMenu(page, 'Wadi Noor');
    expect(names).toEqual(['wadi-noor_11-6-2_trend_en.svg', 'wadi-noor_11-6-2_trend_en@2x.png', 'wadi-noor_11-6-2_trend_en@3x.png', 'wadi-noor_11-6-2_trend_en.csv']);
  });

  test('indicator chart in Arabic: the figure is in Arabic, the file name in Latin letters', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('./?lang=ar#/indicator?city=XD-WNR&indicator=11.6.2');
    await expect(page.getByTestId('chart').first()).toBeVisible();
    const names = await checkMenu(page, 'وادي النور');
    expect(names[0]).toBe('wadi-noor_11-6-2_trend_ar.svg');
    // The menu fits the phone screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('compare view: the score chart of two partner cities exports with both names in the file name', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('./#/compare?lang=en&cities=XD-WNR,XD-TSN');
    await expect(page.getByTestId('chart').first()).toBeVisible();
    const names = await checkMenu(page, 'Tal Sanawbar');
    expect(names[0]).toBe('wadi-noor-tal-sanawbar_scores_en.svg');
  });

  test('compare view, one indicator across cities: the lines chart exports', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('./#/compare?lang=en&indicator=11.6.2');
    await expect(page.getByTestId('chart').first()).toBeVisible();
    const names = await checkMenu(page, '11.6.2');
    expect(names[0]).toMatch(/^top-\d+-cities_11-6-2_lines_en\.svg$/);
  });
});
