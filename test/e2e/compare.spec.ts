import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import type { ProgressStatus } from '@/domain/progress/types';
import { buildRanking, buildSideBySide } from '@/model/compare-model';
import { buildDashboard } from '@/model/dashboard-model';
import { ar } from '@/i18n/messages-ar';
import { en } from '@/i18n/messages-en';
import { ingestFile } from '@/ingest/ingest-file';
import { expect, FIXTURES, test } from './console-guard';
import { placeInput, placeList, placeOption } from './place-picker-helpers';

/**
 * The Compare view from its URLs, in English and Arabic at 390 and 1440 px: partner cities side by side
 * (`#/compare?cities=A,B`) and one indicator across cities (`#/compare?indicator=11.6.2&cities=…`). The
 * status words on the page must be the engine's: the expectation is computed here with buildDashboard
 * over the demo data the app opens with.
 */

const DEMO = new URL('../../public/demo/marsad-demo.csv', import.meta.url).pathname;
const { registry } = loadRegistryFromDirs();
const demo = ingestFile({ name: 'marsad-demo.csv', bytes: new Uint8Array(readFileSync(DEMO)) }, registry);
const dashboard = buildDashboard([demo.table], registry, 'opensdg');
const CITIES = ['XD-WNR', 'XD-BSH'] as const;
const NAMES = { en: { 'XD-WNR': 'Wadi Noor', 'XD-BSH': 'Bustan al-Sahab' }, ar: { 'XD-WNR': 'وادي النور', 'XD-BSH': 'بستان السحاب' } } as const;
const TITLE = { en: 'Compare cities', ar: 'مقارنة المدن' } as const;
const SIZES = [
  { name: '390', viewport: { width: 390, height: 844 } },
  { name: '1440', viewport: { width: 1440, height: 900 } },
] as const;

/** The badge's text: its icon (hidden from screen readers), then the status in words. */
function statusText(lang: 'en' | 'ar', status: ProgressStatus): RegExp {
  const words = (lang === 'ar' ? ar : en)[`status.${status}`];
  return new RegExp(`^\\S?${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** `/?lang=ar#/compare?…` for Arabic (what people type), `#/compare?lang=en&…` for English (what the app writes). */
function compareUrl(lang: 'en' | 'ar', query: string): string {
  return lang === 'ar' ? `./?lang=ar#/compare?${query}` : `./#/compare?lang=en&${query}`;
}

/**
 * Nothing in the Compare view sticks out of the viewport (wide tables scroll inside their own box).
 * Scoped to the view: the app's header is the shell's concern.
 */
async function expectNoOverflow(page: Page) {
  const outside = await page.locator('section.cmp').evaluate((root) => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    for (const el of root.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || (r.left >= -1 && r.right <= width + 1)) continue;
      let clipped = false;
      for (let p = el.parentElement; p !== null && p !== root.parentElement; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') {
          clipped = true;
          break;
        }
      }
      if (!clipped) found.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} ${Math.round(r.left)}–${Math.round(r.right)}`);
    }
    return found;
  });
  expect(outside).toEqual([]);
}

/** No serious or critical axe violation in the page below the app's header (the shell's header is tested with the shell). */
async function expectAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).exclude('.app-header').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

for (const lang of ['en', 'ar'] as const) {
  for (const size of SIZES) {
    test(`partner cities side by side from the URL: ${lang}, ${size.name} px`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: size.viewport });
      const page = await context.newPage();
      await page.goto(compareUrl(lang, `cities=${CITIES.join(',')}`));
      await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
      await expect(page.getByRole('heading', { level: 1, name: TITLE[lang] })).toBeVisible();
      const table = page.getByTestId('side-by-side');
      await expect(table).toBeVisible();
      for (const key of CITIES) await expect(table.locator(`thead th[data-city="${key}"]`)).toHaveText(NAMES[lang][key]);

      // Every indicator row, every city: the engine's status in the UI language.
      const groups = buildSideBySide(dashboard, registry, [...CITIES]);
      const rows = groups.flatMap((g) => g.rows);
      await expect(table.locator('tbody tr[data-indicator]')).toHaveCount(rows.length);
      for (const row of rows) {
        for (const cell of row.cells) {
          const badge = table.locator(`tr[data-indicator="${row.code}"] td[data-city="${cell.cityKey}"] .status-badge`);
          if (cell.status === null) await expect(badge).toHaveCount(0);
          else {
            await expect(badge).toHaveAttribute('data-status', cell.status);
            await expect(badge).toHaveText(statusText(lang, cell.status));
          }
        }
      }
      // Grouped by SDG target; the dumbbell chart is drawn.
      await expect(table.locator('tr.cmp-group')).toHaveCount(groups.length);
      await expect(page.locator('.cmp-chart svg').first()).toBeVisible();
      await expect(page.locator('.cmp-chart')).toHaveAttribute('dir', 'ltr');
      await expectNoOverflow(page);
      await expectAxeClean(page);
      await context.close();
    });

    test(`one indicator across cities from the URL: ${lang}, ${size.name} px`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: size.viewport });
      const page = await context.newPage();
      await page.goto(compareUrl(lang, `indicator=11.6.2&cities=${CITIES.join(',')}`));
      await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
      await expect(page.getByRole('heading', { level: 1, name: TITLE[lang] })).toBeVisible();
      await expect(page.getByTestId('indicator-select')).toHaveValue('11.6.2');
      const ranking = page.getByTestId('ranking');
      await expect(ranking).toHaveAttribute('data-indicator', '11.6.2');

      // The ranking: every city, best first (lower PM2.5 is better), with the engine's status words.
      const expected = buildRanking(dashboard, registry, '11.6.2');
      const rows = ranking.locator('table:not(.cmp-mine) tbody tr');
      await expect(rows).toHaveCount(expected.length);
      await expect(rows.first()).toHaveAttribute('data-city', expected[0]?.key ?? '');
      for (const [i, entry] of expected.entries()) {
        await expect(rows.nth(i)).toHaveAttribute('data-city', entry.key);
        await expect(rows.nth(i).locator('.status-badge')).toHaveAttribute('data-status', entry.status);
        await expect(rows.nth(i).locator('.status-badge')).toHaveText(statusText(lang, entry.status));
      }
      // The chosen cities are highlighted and listed above the ranking, and drawn as lines.
      await expect(ranking.locator('table.cmp-mine tbody tr')).toHaveCount(CITIES.length);
      for (const key of CITIES) await expect(ranking.locator(`table:not(.cmp-mine) tr.cmp-selected[data-city="${key}"]`)).toHaveCount(1);
      await expect(ranking.locator('table:not(.cmp-mine) tr.cmp-selected')).toHaveCount(CITIES.length);
      await expect(page.getByTestId('chart').locator('svg').first()).toBeVisible();
      await expectNoOverflow(page);
      await expectAxeClean(page);
      await context.close();
    });
  }
}

test('switching language flips direction without reloading, keeping the comparison', async ({ page }) => {
  await page.goto(compareUrl('en', `cities=${CITIES.join(',')}`));
  await expect(page.getByTestId('side-by-side')).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { marker: number }).marker = 42;
  });
  await page.getByLabel('Language').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: TITLE.ar })).toBeVisible();
  await expect(page.getByTestId('side-by-side').locator('thead th[data-city="XD-WNR"]')).toHaveText(NAMES.ar['XD-WNR']);
  await expect(page).toHaveURL(/cities=XD-WNR(%2C|,)XD-BSH/);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  await page.getByLabel('اللغة').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { level: 1, name: TITLE.en })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
});

test('unknown cities from the URL are named in a note and ignored', async ({ page }) => {
  await page.goto(compareUrl('en', 'cities=XD-WNR,Atlantis,XD-BSH'));
  await expect(page.getByRole('status').filter({ hasText: 'Not found in the data, so left out:' })).toContainText('Atlantis');
  await expect(page.getByTestId('side-by-side').locator('thead th[data-city]')).toHaveCount(2);
});

test('cities are added and removed with the keyboard; the URL follows', async ({ page }) => {
  await page.goto(compareUrl('en', `cities=${CITIES.join(',')}`));
  const picker = page.getByRole('group', { name: 'Cities compared' });
  // Keyboard only: type part of the name, the first match is highlighted, Enter adds it.
  await placeInput(picker, 'Add a city').focus();
  await page.keyboard.type('qamar');
  await expect(placeOption(await placeList(placeInput(picker, 'Add a city')), 'XD-QMR')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('side-by-side').locator('thead th[data-city]')).toHaveCount(3);
  await expect(page).toHaveURL(/cities=XD-WNR(%2C|,)XD-BSH(%2C|,)XD-QMR/);
  await picker.getByRole('button', { name: 'Remove Bustan al-Sahab' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('side-by-side').locator('thead th[data-city]')).toHaveCount(2);
  // Focus moves to the next city's Remove button, never to the page's top.
  await expect(picker.getByRole('button', { name: 'Remove Qamarayn' })).toBeFocused();
  // From a row of the table to the ranking of that indicator across every city.
  await page.getByRole('link', { name: 'Rank all cities on indicator 11.6.2' }).click();
  await expect(page.getByTestId('ranking')).toHaveAttribute('data-indicator', '11.6.2');
  await expect(page.getByRole('link', { name: 'One indicator across cities' })).toHaveAttribute('aria-current', 'page');
});

test('hostile city names are shown as text in tables, charts and tooltips, and never run', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await page.goto('./#/data?lang=en');
  await page.locator('.upload input.file-input').setInputFiles(`${FIXTURES}hostile.csv`);
  await page.getByRole('button', { name: /^Import \d+ observations$/ }).click();
  await expect(page.getByRole('row', { name: /hostile\.csv/ })).toBeVisible();
  const hostile = '<img src=x onerror=alert(1)>';
  const cities = encodeURIComponent([hostile, '=HYPERLINK("http://evil")'].join(','));
  await page.goto(`./#/compare?lang=en&cities=${cities}`);
  await expect(page.getByTestId('side-by-side').locator('thead th[data-city]').first()).toHaveText(hostile);
  await page.locator('.cmp-chart').hover();
  await page.goto(`./#/compare?lang=en&indicator=11.6.2&cities=${encodeURIComponent(hostile)}`);
  await expect(page.getByTestId('ranking').locator('table.cmp-mine tbody th')).toHaveText(hostile);
  await page.getByTestId('chart').hover();
  await page.mouse.move(200, 200);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toBe(0);
});
