import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { t } from '@/i18n/translate';
import { expect, test } from './console-guard';
import { square } from '../fixtures/geo';

/**
 * District maps, as a new user meets them: fictional Port Ruri's ward data (codes PR01…PR05, 11.6.2,
 * lower is better) imported on the Data view, then a boundary file of its wards (GeoJSON squares, with
 * one ward the data lacks) added on the same view → the join report → the map in the indicator view,
 * in English at 1440 px and Arabic at 390 px; then the files that must never give a blank map: a
 * projected one, a broken one, one whose codes match nothing.
 */

type Lang = 'en' | 'ar';
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

const WARDS: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['PR01', 'North End', ['35', '31', '28']],
  ['PR02', 'Harbourside', ['24', '21', '']],
  ['PR03', 'Old Town', ['33', '32', '31']],
  ['PR04', 'Eastgate', ['27', '24', '22']],
  ['PR05', 'Westbank', ['28', '26', '24']],
];

function wardsCsv(): string {
  const rows = ['city,district,city_code,indicator,year,value'];
  ['30', '28', '25'].forEach((v, i) => rows.push(`Port Ruri,,,11.6.2,${2020 + i},${v}`));
  for (const [code, name, values] of WARDS) values.forEach((v, i) => (v === '' ? undefined : rows.push(`Port Ruri,${name},${code},11.6.2,${2020 + i},${v}`)));
  return rows.join('\n');
}

/** The wards as GeoJSON (a 3 × 2 grid): the five of the data and Lighthouse Point (PR06), which has no data. */
function wardsGeoJson(code: (i: number) => string = (i) => `PR0${i + 1}`): string {
  const names = [...WARDS.map((w) => w[1]), 'Lighthouse Point'];
  return JSON.stringify({
    type: 'FeatureCollection',
    name: 'Port Ruri wards 2021',
    features: names.map((name, i) => ({ type: 'Feature', properties: { WD21CD: code(i), WD21NM: name }, geometry: { type: 'Polygon', coordinates: square(10 + (i % 3) * 0.01, 40 + Math.floor(i / 3) * 0.01) } })),
  });
}

async function openData(page: Page, lang: Lang) {
  await page.setViewportSize(lang === 'ar' ? PHONE : DESKTOP);
  await page.goto(`./#/data?lang=${lang}`);
  await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
  await expect(page.getByTestId('boundaries-panel')).toBeVisible();
}

async function importWards(page: Page, lang: Lang) {
  await page.locator('.upload input.file-input').setInputFiles({ name: 'port-ruri-wards.csv', mimeType: 'text/csv', buffer: Buffer.from(wardsCsv()) });
  await page.locator('.results .actions .button.primary').click();
  await expect(page.locator('.dataset-table')).toContainText('port-ruri-wards');
  void lang;
}

async function addBoundaries(page: Page, name: string, body: string) {
  await page.getByTestId('boundary-input').setInputFiles({ name, mimeType: 'application/geo+json', buffer: Buffer.from(body) });
}

async function expectNoPageOverflow(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const lang of ['en', 'ar'] as const) {
  test(`boundaries joined on the Data view, then the ward map in the indicator view (${lang})`, async ({ page }) => {
    await openData(page, lang);
    await importWards(page, lang);
    await addBoundaries(page, 'port-ruri-wards.geojson', wardsGeoJson());

    // The join report, before anything is drawn: 5 of 5 wards with data matched, by code; one shape without data.
    const set = page.getByTestId('boundary-set');
    await expect(set).toHaveCount(1);
    const report = set.getByTestId('join-report');
    await expect(report).toContainText(t(lang, 'boundaries.matched', { matched: 5, total: 5, city: 'Port Ruri' }));
    await expect(report).toContainText(t(lang, 'boundaries.joinedOn', { property: 'WD21CD', by: t(lang, 'boundaries.by.code') }));
    await expect(report).toContainText(t(lang, 'boundaries.withoutData', { count: 1 }));
    await expect(report).toContainText('Lighthouse Point');
    // Joining on the names gives the same wards.
    await set.getByTestId('boundary-property').selectOption('WD21NM');
    await expect(report).toContainText(t(lang, 'boundaries.joinedOn', { property: 'WD21NM', by: t(lang, 'boundaries.by.name') }));
    await expectNoPageOverflow(page);
    expect((await new AxeBuilder({ page }).include('[data-testid="boundaries-panel"]').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    // The map: six shapes, five coloured, Lighthouse Point hatched and said to have no data.
    await page.goto(`./#/indicator?lang=${lang}&city=Port%20Ruri&indicator=11.6.2`);
    const map = page.getByTestId('map-panel');
    await expect(map.locator('[data-testid="map-chart"] svg')).toBeVisible();
    await expect(map).toContainText(t(lang, 'map.coverage', { count: 5, total: 6 }));
    await expect(map.locator('svg')).toContainText(t(lang, 'map.legend.noData'));
    await expect(map.locator('svg path[fill^="url("]')).toHaveCount(1);
    await map.getByText(t(lang, 'map.table.heading')).click();
    const rows = map.locator('.map-table tbody tr');
    await expect(rows).toHaveCount(6);
    await expect(rows.filter({ hasText: 'Lighthouse Point' })).toContainText(t(lang, 'map.legend.noData'));
    await expect(rows.filter({ hasText: 'Harbourside' })).toContainText('2021');

    // A year: Harbourside has no value in 2022 and is hatched too.
    await map.getByTestId('map-year').selectOption('2022');
    await expect(map).toContainText(t(lang, 'map.coverage', { count: 4, total: 6 }));
    await expect(map.locator('svg path[fill^="url("]')).toHaveCount(2);

    // Compared with the city (25 in 2022; lower is better): words in the legend.
    await map.getByTestId('map-mode').selectOption('compare');
    await expect(map.locator('svg')).toContainText(t(lang, 'indicator.districts.comparison.better'));
    await expect(map.locator('svg')).toContainText(t(lang, 'indicator.districts.comparison.worse'));

    // Keyboard: the map takes focus and the arrows walk the wards, each one's tooltip shown.
    await map.locator('.map-chart').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.chart-tip-head').first()).toHaveText('North End');
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.chart-tip-head').first()).toHaveText('Harbourside');

    await expectNoPageOverflow(page);
    expect((await new AxeBuilder({ page }).include('[data-testid="map-panel"]').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    // The figure exports as SVG with the boundaries named in its footer.
    await map.locator('.figure-export summary').click();
    const download = page.waitForEvent('download');
    await map.locator('.figure-export button').first().click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`port-ruri_11-6-2_map_${lang}.svg`);
  });
}

test('boundary files that cannot be drawn say why, and no map is blank without a reason', async ({ page }) => {
  await openData(page, 'en');
  await importWards(page, 'en');

  // Eastings and northings (British National Grid): refused, with what to do.
  const bng = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { WD21CD: 'PR01' }, geometry: { type: 'Polygon', coordinates: square(359752, 174590, 500) } }] });
  await addBoundaries(page, 'bng.geojson', bng);
  const alert = page.getByTestId('boundaries-panel').getByRole('alert');
  await expect(alert).toContainText('bng.geojson: the coordinates are not longitude/latitude (for example 359752, 174590) — it looks like British National Grid (EPSG:27700)');
  await expect(alert).toContainText('EPSG:4326');

  // A broken file.
  await addBoundaries(page, 'broken.geojson', '{"type": "FeatureCollection", "features": [');
  await expect(alert).toContainText('broken.geojson: this is not valid JSON');
  await expect(page.getByTestId('boundary-set')).toHaveCount(0);

  // Codes that match nothing: saved, the join report says so, and the map says why it is not drawn.
  await addBoundaries(page, 'other.geojson', wardsGeoJson((i) => `XX${i}`).replace(/"WD21NM":"[^"]*"/g, '"WD21NM":"Nowhere"'));
  await expect(page.getByTestId('boundary-set')).toHaveCount(1);
  await page.goto('./#/indicator?lang=en&city=Port%20Ruri&indicator=11.6.2');
  const map = page.getByTestId('map-panel');
  await expect(map.getByTestId('map-empty')).toContainText(t('en', 'map.empty.no_match', { shapes: 6, set: 'Port Ruri wards 2021', city: 'Port Ruri' }));
  await expect(map.locator('.map-box')).toBeHidden();
});

test('boundaries published with the site (data/manifest.json) draw the map for every visitor and cannot be changed', async ({ page }) => {
  await page.route('**/data/manifest.json', (route) =>
    route.fulfill({
      json: {
        datasets: [{ id: 'port-ruri-wards', name: 'Port Ruri wards', file: 'port-ruri.csv' }],
        boundaries: [{ id: 'wards-2021', name: 'Port Ruri wards (2021)', file: 'maps/wards.geojson', city: 'Port Ruri', date: '2021', source: 'Port Ruri survey office' }],
      },
    }),
  );
  await page.route('**/data/port-ruri.csv', (route) => route.fulfill({ body: wardsCsv(), contentType: 'text/csv' }));
  await page.route('**/data/maps/wards.geojson', (route) => route.fulfill({ body: wardsGeoJson(), contentType: 'application/geo+json' }));
  await page.setViewportSize(DESKTOP);
  await page.goto('./#/indicator?lang=en&city=Port%20Ruri&indicator=11.6.2');
  const map = page.getByTestId('map-panel');
  await expect(map.locator('[data-testid="map-chart"] svg')).toBeVisible();
  await expect(map).toContainText(t('en', 'map.coverage', { count: 5, total: 6 }));

  await page.goto('./#/data?lang=en');
  const set = page.getByTestId('boundary-set');
  await expect(set).toContainText(t('en', 'boundaries.published'));
  await expect(set.getByTestId('join-report')).toContainText(t('en', 'boundaries.matched', { matched: 5, total: 5, city: 'Port Ruri' }));
  await expect(set.getByRole('button', { name: t('en', 'boundaries.remove') })).toHaveCount(0);
  await expect(set.getByTestId('boundary-property')).toBeDisabled();

  // The city report carries the map after the indicator's trend (and the ZIP of its figures with it).
  await page.goto('./#/report?lang=en&city=Port%20Ruri');
  await expect(page.locator('.report-indicator[data-indicator="11.6.2"] .report-figure[data-file="port-ruri_11-6-2_map_en"] svg').first()).toBeVisible();
});

test('a boundary file of cities: joined to the cities, drawn in the compare view (value and status)', async ({ page }) => {
  await openData(page, 'en');
  const csv = ['city,city_code,indicator,year,value', 'Wadi Noor,XD-WNR,11.6.2,2018,24', 'Wadi Noor,XD-WNR,11.6.2,2022,18', 'Tal Sanawbar,XD-TSN,11.6.2,2018,29', 'Tal Sanawbar,XD-TSN,11.6.2,2022,31', 'Bahr Shams,XD-BSH,11.6.2,2022,12'].join('\n');
  await page.locator('.upload input.file-input').setInputFiles({ name: 'cities.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.locator('.results .actions .button.primary').click();
  await expect(page.locator('.dataset-table')).toContainText('cities');
  const geo = JSON.stringify({
    type: 'FeatureCollection',
    name: 'Partner cities',
    features: ['XD-WNR', 'XD-TSN', 'XD-BSH', 'XD-QMR'].map((code, i) => ({ type: 'Feature', properties: { ISO: code }, geometry: { type: 'Polygon', coordinates: square(30 + i, 30, 0.5) } })),
  });
  await addBoundaries(page, 'cities.geojson', geo);
  const report = page.getByTestId('join-report');
  await expect(report).toContainText(t('en', 'boundaries.matchedCities', { matched: 3, total: 3 }));
  await expect(page.getByTestId('boundary-set').getByLabel(t('en', 'boundaries.city'))).toHaveValue('*cities');

  await page.goto('./#/compare?lang=en&indicator=11.6.2');
  const map = page.getByTestId('cities-map');
  await expect(map.locator('[data-testid="map-chart"] svg')).toBeVisible();
  await expect(map).toContainText(t('en', 'map.coverage', { count: 3, total: 4 }));
  await expect(map.getByTestId('map-mode').locator('option')).toHaveCount(2);
  await map.getByTestId('map-mode').selectOption('status');
  await expect(map.locator('svg')).toContainText(t('en', 'map.legend.status'));
  await expectNoPageOverflow(page);
});
