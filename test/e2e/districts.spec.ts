import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { t } from '@/i18n/translate';
import { expect, test } from './console-guard';
import { placeInput, placeOptions } from './place-picker-helpers';

/**
 * The indicator view's "By district" card on published data (`data/manifest.json` and a CSV served
 * by the test): fictional Port Ruri and six districts, PM2.5 (11.6.2, lower is better) 2018–2022; a
 * blank district is the city itself. In English and Arabic at 390 and 1440 px: the card, its ranked
 * chart with the city's reference line, the table with better / worse words, no horizontal overflow,
 * no serious axe violation, the figure export, and districts kept out of the city selector.
 */

type Lang = 'en' | 'ar';

const CITY = 'Port Ruri';
/** District → values 2018–2022 ('' = no value that year). The city: 30 → 25. */
const DISTRICTS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['North End', ['35', '33', '31', '30', '28']],
  ['Harbourside', ['24', '23', '21', '20', '']],
  ['Old Town', ['33', '33', '32', '32', '31']],
  ['Eastgate', ['27', '26', '24', '23', '22']],
  ['Westbank', ['28', '27', '26', '25', '24']],
  ['Hill Park', ['31', '30', '29', '28', '27']],
];
const BETTER = ['Eastgate', 'Westbank', 'Harbourside'];
const WORSE = ['North End', 'Old Town', 'Hill Park'];

function portRuriCsv(districts: ReadonlyArray<readonly [string, readonly string[]]> = DISTRICTS): string {
  const rows = ['city,district,indicator,year,value'];
  ['30', '29', '28', '26', '25'].forEach((v, i) => rows.push(`${CITY},,11.6.2,${2018 + i},${v}`));
  for (const [name, values] of districts) values.forEach((v, i) => (v === '' ? undefined : rows.push(`${CITY},${name},11.6.2,${2018 + i},${v}`)));
  return rows.join('\n');
}

async function publish(page: Page, csv: string) {
  await page.route('**/data/manifest.json', (route) =>
    route.fulfill({ json: { datasets: [{ id: 'port-ruri-wards', name: 'Port Ruri wards', file: 'port-ruri.csv', source: 'Port Ruri observatory' }] } }),
  );
  await page.route('**/data/port-ruri.csv', (route) => route.fulfill({ body: csv, contentType: 'text/csv' }));
}

async function open(page: Page, lang: Lang) {
  await page.goto(`./#/indicator?lang=${lang}&city=${encodeURIComponent(CITY)}&indicator=11.6.2`);
  await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
  const panel = page.getByTestId('district-panel');
  await expect(panel.locator('[data-testid="chart"] svg')).toBeVisible();
  return panel;
}

for (const width of [390, 1440] as const) {
  for (const lang of ['en', 'ar'] as const) {
    test(`by district: card, ranked chart, table, export in ${lang} at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await publish(page, portRuriCsv());
      const panel = await open(page, lang);
      await expect(panel.getByRole('heading', { level: 3, name: t(lang, 'indicator.districts.heading') })).toBeVisible();

      // The card sits below the status card and above the data table.
      const order = await page.evaluate(() => {
        const all = [...document.querySelectorAll('.indicator-status, [data-testid="district-panel"], .indicator-table')];
        return all.map((el) => (el.matches('.indicator-status') ? 'status' : el.matches('.indicator-table') ? 'table' : 'districts'));
      });
      expect(order).toEqual(['status', 'districts', 'table']);

      // The table: six districts, best first (lowest PM2.5), with the comparison in words.
      const rows = panel.locator('tbody tr');
      await expect(rows).toHaveCount(6);
      await expect(rows.locator('th')).toHaveText(['Harbourside', 'Eastgate', 'Westbank', 'Hill Park', 'North End', 'Old Town']);
      for (const name of BETTER) await expect(panel.getByRole('row', { name: new RegExp(name) })).toContainText(t(lang, 'indicator.districts.comparison.better'));
      for (const name of WORSE) await expect(panel.getByRole('row', { name: new RegExp(name) })).toContainText(t(lang, 'indicator.districts.comparison.worse'));
      // Harbourside's latest value is from 2021, not the city's 2022: the chart says the year.
      const chartText = (await panel.locator('[data-testid="chart"] svg').textContent()) ?? '';
      expect(chartText).toMatch(/\((2021|٢٠٢١)\)/);
      // The reference line is labelled with the city's name.
      await expect(panel.locator('[data-testid="chart"] svg text', { hasText: `${CITY}:` })).toHaveCount(1);
      for (const name of [...BETTER, ...WORSE]) expect(chartText).toContain(name);

      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const results = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/districts-${lang}-${width}.png`, fullPage: true });
      await panel.screenshot({ path: `/tmp/districts-panel-${lang}-${width}.png` });

      // Export figure: an SVG with the district names as text, named after city, indicator and kind.
      const menu = panel.locator('details.figure-export');
      await menu.locator('summary').click();
      const svgButton = menu.getByRole('button', { name: /^SVG/ });
      await expect(svgButton).toBeVisible();
      const [download] = await Promise.all([page.waitForEvent('download'), svgButton.click()]);
      expect(download.suggestedFilename()).toBe(`port-ruri_11-6-2_districts_${lang}.svg`);
      const svg = readFileSync(await download.path(), 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      for (const name of [...BETTER, ...WORSE, CITY]) expect(svg).toContain(name);
      expect(svg).not.toContain('<script');
    });
  }
}

test('districts are not cities: the city selector lists Port Ruri only', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await publish(page, portRuriCsv());
  await open(page, 'en');
  const options = (await placeOptions(page, 'City')).map((o) => o.label);
  expect(options).toEqual([CITY]);
  // Nothing else to add: the picker that adds a comparison city is off, and offers no district when typed into.
  await expect(placeInput(page, 'Add a city')).toBeDisabled();
  for (const [name] of DISTRICTS) {
    const input = placeInput(page, 'City');
    await input.fill(name);
    await expect(page.locator('.place-note')).toHaveText(`No place matches “${name}”.`);
    await input.press('Escape');
  }
});

test('120 districts: all in the chart, the table folded, nothing wider than a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const many = Array.from({ length: 120 }, (_, i) => [`Ward ${i + 1}`, ['', '', '', '', String(10 + ((i * 7) % 40))]] as const);
  await publish(page, portRuriCsv(many));
  const panel = await open(page, 'en');
  const labels = await panel.locator('[data-testid="chart"] svg text').allTextContents();
  for (let i = 1; i <= 120; i++) expect(labels).toContain(`Ward ${i}`);
  await expect(panel.locator('details.district-table')).not.toHaveAttribute('open', '');
  await expect(panel.locator('tbody tr')).toHaveCount(120);
  const box = await panel.locator('.chart-box').boundingBox();
  expect(box?.height ?? 0).toBeGreaterThan(120 * 24);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await panel.screenshot({ path: '/tmp/districts-120-en-390.png' });
});

test('two districts of one city can be compared side by side in the compare view', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await publish(page, portRuriCsv());
  await page.goto(`./#/compare?lang=en&cities=${encodeURIComponent('North End')},${encodeURIComponent('Eastgate')}`);
  const main = page.locator('main');
  await expect(main).toContainText('North End');
  await expect(main).toContainText('Eastgate');
  await expect(main).not.toContainText('not in the data');
  // The picker offers the districts under their city.
  const options = (await placeOptions(page, 'Add a city')).map((o) => o.key);
  expect(options).toEqual(expect.arrayContaining([CITY, 'Harbourside', 'Old Town']));
  expect(options).not.toContain('North End');
});
