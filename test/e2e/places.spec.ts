import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, FIXTURES, test } from './console-guard';
import { expectPlace, placeOptions } from './place-picker-helpers';

/**
 * Places (issue "Real observatory data, read right (1 of 2)"): the load screen's city field (a folder
 * of one city's files, files that name no city), districts kept out of the city lists, merging two
 * names of one place (saved, surviving a reload and a workspace export/import, undoable), and the home
 * city every view opens on.
 */

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function openData(page: Page, lang: 'en' | 'ar', viewport: { width: number; height: number }) {
  await page.setViewportSize(viewport);
  await page.goto(`./#/data?lang=${lang}`);
  await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
  await expect(page.locator('.dataset-table')).toBeVisible();
}

async function expectNoOverflow(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

async function expectNoSeriousAxe(page: Page, include: string) {
  const results = await new AxeBuilder({ page }).include(include).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
}

function place(page: Page, key: string) {
  return page.locator(`.places .place[data-place="${key}"]`);
}

test('a folder of one city: the folder names the city, wards are its districts, the views open on it', async ({ page }) => {
  await openData(page, 'en', DESKTOP);
  await page.locator('.upload input.folder-input').setInputFiles(`${FIXTURES}port-ruri`);
  const city = page.getByLabel('City these files belong to');
  await expect(city).toHaveValue('port-ruri');
  // The folder's metadata files are read as metadata (in the summary of files), not as data.
  await expect(page.locator('.file-summary tr[data-kind="metadata"] th')).toHaveText(['port-ruri/meta_11-6-2.csv', 'port-ruri/meta_11-6-2.md']);
  await city.fill('Port Ruri');
  await city.press('Enter');
  await page.getByRole('button', { name: /^Import 6 observations$/ }).click();
  await expect(page.getByText(/^Imported 6 observations/)).toBeVisible();

  await expect(page.locator('.places-home')).toHaveText('Home city: Port Ruri');
  await expect(place(page, 'X05000001')).toContainText('District of Port Ruri');
  await expect(place(page, 'Port Ruri')).toContainText('City');
  await expectNoSeriousAxe(page, '.places');

  await page.goto('./#/overview?lang=en');
  await expectPlace(page, 'City', 'Port Ruri');
  expect((await placeOptions(page, 'City')).map((o) => o.label)).toEqual(['Port Ruri']);
});

test('files that name no city wait for the user to name it', async ({ page }) => {
  await openData(page, 'en', DESKTOP);
  await page.locator('.upload input.file-input').setInputFiles(`${FIXTURES}port-ruri/indicator_11-6-2.csv`);
  const importButton = page.getByRole('button', { name: /^Import 6 observations$/ });
  await expect(importButton).toBeDisabled();
  await expect(page.getByText('These files name no city.', { exact: false })).toBeVisible();
  const city = page.getByLabel('City these files belong to');
  await city.fill('Port Ruri');
  await city.press('Enter');
  await expect(importButton).toBeEnabled();
  await importButton.click();
  await expect(place(page, 'Port Ruri')).toBeVisible();
});

test('Arabic, 390 px: صور and Tyre merged are one city, after a reload and in a workspace file; the merge can be undone', async ({ page, browser }) => {
  await openData(page, 'ar', PHONE);
  await page.locator('.upload input.file-input').setInputFiles(`${FIXTURES}sour-ar.csv`);
  await page.getByRole('button', { name: /^استيراد/ }).click();
  await expect(place(page, 'صور')).toBeVisible();
  await page.locator('.upload input.file-input').setInputFiles(`${FIXTURES}tyre-en.csv`);
  await page.getByRole('button', { name: /^استيراد/ }).click();
  await expect(place(page, 'Tyre')).toBeVisible();
  await expectNoOverflow(page);

  // Search by any name finds the place; merge صور into Tyre.
  await page.getByLabel('ابحث عن مكان بأي اسم أو رمز').fill('صور');
  await expect(page.locator('.places .place')).toHaveCount(1);
  await place(page, 'صور').getByRole('button', { name: 'المكان نفسه مثل…' }).click();
  await place(page, 'صور').getByLabel('صور هو المكان نفسه مثل').selectOption('Tyre');
  await place(page, 'صور').getByRole('button', { name: 'دمج' }).click();
  await expect(page.locator('.places .status-line')).toContainText('تُقرأ بيانات صور الآن على أنها بيانات Tyre');
  await expect(place(page, 'صور')).toContainText('المكان نفسه: Tyre');
  await expectNoOverflow(page);
  await expectNoSeriousAxe(page, '.places');

  const cityOptions = async () => {
    await page.goto('./#/overview?lang=ar');
    await expectPlace(page, 'المدينة', /./);
    return (await placeOptions(page, 'المدينة')).map((o) => o.label);
  };
  expect(await cityOptions()).toEqual(['Tyre', 'Zurich'].sort((a, b) => a.localeCompare(b, 'ar')));
  await page.reload();
  await expectPlace(page, 'المدينة', /./);
  expect((await placeOptions(page, 'المدينة')).map((o) => o.label)).not.toContain('صور');

  // The merge travels in the workspace file.
  await page.goto('./#/data?lang=ar');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'صدّر مساحة العمل' }).click();
  const path = await (await download).path();
  const context = await browser.newContext({ viewport: PHONE });
  const fresh = await context.newPage();
  await openData(fresh, 'ar', PHONE);
  await fresh.getByLabel('استورد مساحة عمل').setInputFiles(path);
  await fresh.getByRole('group').getByRole('button', { name: /استبدل/ }).click();
  await expect(place(fresh, 'صور')).toContainText('المكان نفسه: Tyre');
  await context.close();

  // Undo: two places again.
  await place(page, 'صور').getByRole('button', { name: 'التراجع عن الدمج' }).click();
  await expect(place(page, 'صور').locator('.place-merged')).toHaveCount(0);
  expect(await cityOptions()).toContain('صور');
});

test('the home city can be changed; every view opens on it unless the URL names a city', async ({ page }) => {
  await openData(page, 'en', DESKTOP);
  await page.locator('.upload input.file-input').setInputFiles(`${FIXTURES}tyre-en.csv`);
  await page.getByRole('button', { name: /^Import 4 observations$/ }).click();
  await expect(page.locator('.places-home')).toHaveText('Home city: Tyre');
  await place(page, 'Zurich').getByRole('button', { name: 'Make home city' }).click();
  await expect(page.locator('.places-home')).toHaveText('Home city: Zurich');
  for (const view of ['overview', 'indicator', 'report']) {
    await page.goto(`./#/${view}?lang=en`);
    await expect(page.locator('main [role="combobox"]').first()).toHaveAttribute('data-key', 'Zurich');
  }
  await page.goto('./#/overview?lang=en&city=Tyre');
  await expectPlace(page, 'City', 'Tyre');
});
