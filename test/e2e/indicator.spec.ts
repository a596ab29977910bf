import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { disaggregationKey } from '@/domain/observation-table';
import type { ProgressMethod, ProgressStatus } from '@/domain/progress/types';
import { buildDashboard } from '@/model/dashboard-model';
import { formatNumber } from '@/i18n/format-number';
import { t } from '@/i18n/translate';
import { ingestFile } from '@/ingest/ingest-file';
import { expect, test } from './console-guard';
import { expectPlace, pickPlace, placeInput, placeList, placeOption, placeOptions } from './place-picker-helpers';

/**
 * The Indicator detail view from its URL (`/?lang=ar#/indicator?city=…&indicator=11.6.2&cities=…&method=unsd`),
 * in Arabic and English at 390 and 1440 px. The status words must be the engine's: the expectation is
 * computed here with buildDashboard over the demo data the app opens with.
 */

const { registry } = loadRegistryFromDirs();
const demo = ingestFile({ name: 'marsad-demo.csv', bytes: new Uint8Array(readFileSync(new URL('../../public/demo/marsad-demo.csv', import.meta.url))) }, registry);
const dashboards = new Map<ProgressMethod, ReturnType<typeof buildDashboard>>();
function dashboard(method: ProgressMethod) {
  let d = dashboards.get(method);
  if (d === undefined) dashboards.set(method, (d = buildDashboard([demo.table], registry, method)));
  return d;
}

const CITY = 'XD-BSH';
const OTHERS = ['XD-TSN', 'XD-QMR'] as const;
const NAMES = { en: { 'XD-BSH': 'Bustan al-Sahab', 'XD-TSN': 'Tal Sanawbar', 'XD-QMR': 'Qamarayn', 'XD-WNR': 'Wadi Noor' }, ar: { 'XD-BSH': 'بستان السحاب', 'XD-TSN': 'تل الصنوبر', 'XD-QMR': 'قمرين', 'XD-WNR': 'وادي النور' } } as const;
const SIZES = [
  { name: '390', viewport: { width: 390, height: 844 } },
  { name: '1440', viewport: { width: 1440, height: 900 } },
] as const;
type Lang = 'en' | 'ar';

/** `/?lang=ar#/indicator?…` for Arabic (what people type), `#/indicator?lang=en&…` for English (what the app writes). */
function indicatorUrl(lang: Lang, query: string): string {
  return lang === 'ar' ? `./?lang=ar#/indicator?${query}` : `./#/indicator?lang=en&${query}`;
}

/** The badge's text: its icon (hidden from screen readers), then the status in words. */
function statusWords(lang: Lang, status: ProgressStatus): RegExp {
  return new RegExp(`^\\S?${t(lang, `status.${status}`).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

async function open(page: Page, lang: Lang, query: string) {
  await page.goto(indicatorUrl(lang, query));
  await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
  await expect(page.getByRole('heading', { level: 1, name: t(lang, 'indicator.title') })).toBeVisible();
  await expect(page.locator('.indicator-status [data-testid="chart"] svg').first()).toBeVisible();
}

/** Axe on the view itself (`main`): the shell's header is the accessibility spec's to check. */
async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include('main').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

for (const lang of ['ar', 'en'] as const) {
  for (const size of SIZES) {
    test(`opens from its URL with the engine's status and explanation: ${lang} at ${size.name} px`, async ({ page }) => {
      await page.setViewportSize(size.viewport);
      await open(page, lang, `city=${CITY}&indicator=11.6.2&cities=${OTHERS.join(',')}&method=unsd`);
      const expected = dashboard('unsd').headlineOf(CITY, '11.6.2')?.result;
      if (expected === undefined) throw new Error('the demo has no 11.6.2 for XD-BSH');

      // The right city and indicator, and the URL keeps the view.
      await expectPlace(page, t(lang, 'indicator.city'), CITY);
      await expect(page.getByLabel(t(lang, 'indicator.indicator'), { exact: true })).toHaveValue('11.6.2');
      await expect(page).toHaveURL(/#\/indicator\?.*city=XD-BSH.*indicator=11\.6\.2.*method=unsd/);

      // Status words = the engine's result with the unsd method.
      const status = page.locator('.indicator-status');
      await expect(status.locator('.status-badge').first()).toHaveText(statusWords(lang, expected.status));

      // The chart box stays left-to-right (ECharts mirrors itself through its options) and is described.
      const chart = status.getByTestId('chart');
      await expect(chart).toHaveAttribute('dir', 'ltr');
      await expect(chart).toHaveAttribute('aria-label', new RegExp(t(lang, 'indicator.chart.descriptionStatus', { status: t(lang, `status.${expected.status}`) }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

      // Comparison cities from the URL, each removable.
      for (const other of OTHERS) await expect(page.getByRole('button', { name: t(lang, 'indicator.compare.remove', { city: NAMES[lang][other] }) })).toBeVisible();

      // "How was this computed": method, base and latest values, the rules and the result in words.
      const explain = page.locator('.explain');
      await expect(explain.getByRole('heading', { name: t(lang, 'indicator.explain.heading') })).toBeVisible();
      await expect(explain).toContainText(t(lang, 'indicator.explain.method', { method: t(lang, 'method.unsd') }));
      const base = expected.explanation.base;
      if (base === null) throw new Error('no base');
      const value = (v: number) => formatNumber(v, lang, { decimals: 1 });
      await expect(explain).toContainText(t(lang, 'indicator.explain.base', { value: value(base.value), year: String(base.year) }));
      await expect(explain).toContainText(t(lang, 'indicator.explain.result', { status: t(lang, `status.${expected.status}`) }));
      await explain.getByText(t(lang, 'indicator.expert.heading')).click();
      await expect(explain.locator('.formula')).toContainText('Q = (ŷ(T) − y₀) / (y* − y₀)');

      // The data table: every year of the series.
      await page.locator('.indicator-table summary').click();
      const rows = page.locator('.indicator-table tbody tr');
      await expect(rows.first()).toBeVisible();
      await expect(page.getByRole('columnheader', { name: t(lang, 'indicator.table.source') })).toBeVisible();

      // Nothing of the page sticks out of the viewport.
      const overflow = await page.locator('.indicator-page').evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBeLessThanOrEqual(1);

      await expectNoSeriousAxeViolations(page);
    });
  }
}

for (const [lang, size] of [
  ['en', SIZES[1]],
  ['ar', SIZES[0]],
] as const) {
  test(`the breakdown selector shows that series and its own progress: ${lang} at ${size.name} px`, async ({ page }) => {
    await page.setViewportSize(size.viewport);
    await open(page, lang, 'city=XD-WNR&indicator=1.2.1&method=opensdg');
    const d = dashboard('opensdg');
    const headline = d.headlineOf('XD-WNR', '1.2.1');
    if (headline === undefined) throw new Error('no 1.2.1 for XD-WNR');
    const female = d.report.series.slice(headline.first, headline.end).find((s) => s.disaggregation === disaggregationKey([['sex', 'Female']]));
    if (female === undefined || female.result.explanation.latest === null) throw new Error('no female series');
    const decimals = registry.byCode.get('1.2.1')?.decimals ?? 1;

    const status = page.locator('.indicator-status');
    await expect(status.locator('.status-badge').first()).toHaveText(statusWords(lang, headline.result.status));
    await expect(status.locator('.status-series')).toHaveText(t(lang, 'indicator.total'));

    const picker = page.getByRole('group', { name: t(lang, 'indicator.breakdown.heading') });
    await picker.getByLabel('sex').selectOption('Female');
    await expect(status.locator('.status-series')).toHaveText('sex: Female');
    await expect(status.locator('.status-badge').first()).toHaveText(statusWords(lang, female.result.status));
    const latest = female.result.explanation.latest;
    await expect(status.locator('.facts').getByText(formatNumber(latest.value, lang, { decimals }), { exact: true }).first()).toBeVisible();
    await expect(page.locator('.explain')).toContainText(t(lang, 'indicator.explain.latest', { value: formatNumber(latest.value, lang, { decimals }), year: String(latest.year) }));
    // The data table follows the series.
    await page.locator('.indicator-table summary').click();
    const lastRow = page.locator('.indicator-table tbody tr').last();
    await expect(lastRow.locator('td.num')).toHaveText(formatNumber(latest.value, lang, { decimals }));
    // The breakdown chart: every breakdown's latest value, in its status colour and pattern.
    await expect(page.locator('.breakdown-card [data-testid="chart"] svg').first()).toBeVisible();

    // Back to all.
    await picker.getByLabel('sex').selectOption('');
    await expect(status.locator('.status-series')).toHaveText(t(lang, 'indicator.total'));
    await expectNoSeriousAxeViolations(page);
  });
}

test('switching language flips direction without reloading; keyboard removes and adds a comparison city', async ({ page }) => {
  await page.setViewportSize(SIZES[1].viewport);
  await open(page, 'en', `city=${CITY}&indicator=11.6.2&cities=${OTHERS.join(',')}&method=unsd`);
  await page.evaluate(() => {
    (window as unknown as { marker: number }).marker = 42;
  });
  await page.getByLabel('Language').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: t('ar', 'indicator.title') })).toBeVisible();
  await expectPlace(page, t('ar', 'indicator.city'), CITY);
  await expect(page.locator('.indicator-status [data-testid="chart"] svg').first()).toBeVisible();
  await expect(page.locator('.explain')).toContainText(t('ar', 'indicator.explain.method', { method: t('ar', 'method.unsd') }));
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);

  // Keyboard: focus the chip of Tal Sanawbar, press Enter: it leaves the comparison and the URL.
  const chip = page.getByRole('button', { name: t('ar', 'indicator.compare.remove', { city: NAMES.ar['XD-TSN'] }) });
  await chip.focus();
  await expect(chip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(chip).toHaveCount(0);
  await expect(page).toHaveURL(/cities=XD-QMR(&|$)/);
  // And back with the "add a city" list.
  await pickPlace(page, t('ar', 'indicator.compare.add'), 'XD-TSN', NAMES.ar['XD-TSN']);
  await expect(page.getByRole('button', { name: t('ar', 'indicator.compare.remove', { city: NAMES.ar['XD-TSN'] }) })).toBeVisible();

  await page.getByLabel('اللغة').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { level: 1, name: 'Indicator detail' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
});

test('an indicator the city has no data for, and an unknown code, still open with words, not a blank page', async ({ page }) => {
  await page.setViewportSize(SIZES[0].viewport);
  await page.goto(indicatorUrl('en', 'city=XD-WNR&indicator=LOCAL-NOTHING'));
  await expect(page.getByRole('heading', { level: 1, name: 'Indicator detail' })).toBeVisible();
  await expect(page.getByText(t('en', 'indicator.unknownIndicator', { code: 'LOCAL-NOTHING' }))).toBeVisible();
  await expect(page.getByText(t('en', 'indicator.noDataForCity', { city: NAMES.en['XD-WNR'] }))).toBeVisible();
  await expect(page.getByText(t('en', 'indicator.meta.notInRegistry'))).toBeVisible();
});

/**
 * The speed requirement in a real browser: ~1,000 cities × 30 indicators × 15 years imported through
 * the Data view, then city and indicator switches timed in the page from the change event to the new
 * status and chart painted (two animation frames). Goal < 300 ms (reported); the assertion is a
 * generous bound for slow CI machines.
 */
test('1,000 cities × 30 indicators: switching city or indicator redraws fast', async ({ page }) => {
  test.setTimeout(300_000);
  const { generateBenchCsv } = await import('@/cli/bench-data');
  const indicators = registry.indicators.slice(0, 30);
  const kept = new Set(indicators);
  const small = { indicators, byCode: new Map([...registry.byCode].filter(([, ind]) => kept.has(ind))) };
  const csv = Buffer.from(generateBenchCsv(small, 450_000));
  await page.setViewportSize(SIZES[1].viewport);
  await page.goto('./#/data?lang=en');
  await expect(page.locator('.dataset-table')).toBeVisible();
  await page.locator('.upload input.file-input').setInputFiles({ name: 'bench-indicator.csv', mimeType: 'text/csv', buffer: csv });
  const importButton = page.getByRole('button', { name: /^Import [\d,]+ observations$/ });
  await expect(importButton).toBeEnabled({ timeout: 120_000 });
  await importButton.click();
  await expect(page.getByRole('row', { name: /bench-indicator\.csv/ })).toBeVisible({ timeout: 120_000 });

  await page.goto('./#/indicator?lang=en&indicator=11.6.2');
  const status = page.locator('.indicator-status');
  await expect(status).toHaveAttribute('data-indicator', '11.6.2', { timeout: 60_000 });
  // The city picker draws 100 options of the thousand and says so; cities are found by typing.
  const cityInput = placeInput(page, 'City');
  // The view may still show the model made before the import while the new one is built in steps (its
  // picker then lists the demo's few cities): open the list again until it lists the thousand.
  await expect(async () => {
    await cityInput.press('Escape');
    await cityInput.click();
    await expect(page.locator('.place-note')).toHaveText(/^Type to narrow: 100 of 1,0\d\d shown$/, { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await cityInput.press('Escape');
  const keys = (await placeOptions(page, 'City')).map((o) => o.key);
  expect(keys).toHaveLength(100);

  const time = (act: string, done: string) =>
    page.evaluate(`(async () => {
      const t0 = performance.now();
      ${act}
      await new Promise((resolve, reject) => {
        const tick = () => ((${done}) ? resolve() : performance.now() - t0 > 20000 ? reject(new Error('timed out')) : requestAnimationFrame(tick));
        tick();
      });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - t0;
    })()`);
  const change = (label: string, value: string) =>
    `const s = [...document.querySelectorAll('label')].find((l) => l.textContent === ${JSON.stringify(label)})?.control; s.value = ${JSON.stringify(value)}; s.dispatchEvent(new Event('change', { bubbles: true }));`;
  // A city is typed (untimed, as the user reads the list), then the click on its option is timed.
  const cityList = await placeList(cityInput);
  const times: number[] = [];
  for (let i = 1; i <= 8; i++) {
    const key = keys[(i * 37) % keys.length] ?? '';
    await cityInput.click();
    await cityInput.fill(key);
    await expect(placeOption(cityList, key)).toBeVisible();
    times.push(Number(await time(`document.querySelector(${JSON.stringify(`[role=option][data-key="${key}"]`)}).click();`, `document.querySelector('.indicator-status')?.dataset.city === ${JSON.stringify(key)}`)));
    const code = indicators[(i * 7) % indicators.length]?.code ?? '11.6.2';
    times.push(Number(await time(change('Indicator', code), `document.querySelector('.indicator-status')?.dataset.indicator === ${JSON.stringify(code)}`)));
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  const line = `indicator-perf: switches median ${median.toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over ${times.length} (goal < 300 ms: ${median < 300 ? 'met' : 'not met'})`;
  console.log(line);
  test.info().annotations.push({ type: 'perf', description: line });
  expect(median).toBeLessThan(1500);
});
