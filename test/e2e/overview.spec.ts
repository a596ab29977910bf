import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { PROGRESS_STATUSES, type ProgressMethod } from '@/domain/progress/types';
import { buildDashboard, type Dashboard } from '@/model/dashboard-model';
import { t } from '@/i18n/translate';
import { ingestFile } from '@/ingest/ingest-file';
import { expect, test } from './console-guard';
import { expectPlace, pickPlace } from './place-picker-helpers';

/**
 * The city overview against the engine: the demo data is read here with the same ingest and progress
 * code the app runs, so the statuses the page shows must be the engine's for that city.
 */
const { registry } = loadRegistryFromDirs();
const demoBytes = new Uint8Array(readFileSync(new URL('../../public/demo/marsad-demo.csv', import.meta.url)));
const demo = ingestFile({ name: 'marsad-demo.csv', bytes: demoBytes }, registry);
const names = JSON.parse(readFileSync(new URL('../../public/demo/cities.json', import.meta.url), 'utf8')) as Record<string, { en: string; ar: string }>;
const dashboards = new Map<ProgressMethod, Dashboard>();
function dashboard(method: ProgressMethod): Dashboard {
  let d = dashboards.get(method);
  if (d === undefined) dashboards.set(method, (d = buildDashboard([demo.table], registry, method)));
  return d;
}

const CITY = 'XD-TSN';

/** Code, status and the words of its badge, for every indicator row on the page. */
async function shownStatuses(page: Page) {
  return page.locator('.overview-table tr[data-indicator]').evaluateAll((rows) =>
    rows.map((r) => {
      const badge = r.querySelector('.status-badge');
      const words = [...(badge?.childNodes ?? [])]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      return [r.getAttribute('data-indicator'), badge?.getAttribute('data-status'), words];
    }),
  );
}

function expectedStatuses(lang: 'en' | 'ar', method: ProgressMethod, city = CITY) {
  return (dashboard(method).byCity.get(city) ?? []).map((p) => [p.indicator, p.result.status, t(lang, `status.${p.result.status}`)]);
}

/** Elements of the view that stick out of the viewport sideways (the view must fit 390 px without scrolling). */
async function overflowing(page: Page, selector: string) {
  return page.locator(selector).evaluate((root) => {
    const width = document.documentElement.clientWidth;
    return [root, ...root.querySelectorAll('*')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && (box.left < -0.5 || box.right > width + 0.5);
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`);
  });
}

async function expectNoSeriousAxeViolations(page: Page) {
  // The view itself (main); the shell around it is covered by accessibility.spec.ts.
  const results = await new AxeBuilder({ page }).include('#main').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

for (const width of [390, 1440]) {
  test.describe(`city overview at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    for (const lang of ['ar', 'en'] as const) {
      test(`opens from its URL in ${lang}: the city, the engine's statuses and counts, no overflow, axe clean`, async ({ page }) => {
        await page.goto(`./?lang=${lang}#/overview?city=${CITY}`);
        await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
        await expect(page.getByRole('heading', { level: 1, name: t(lang, 'overview.title') })).toBeVisible();
        const cityName = names[CITY]?.[lang] ?? '';
        await expectPlace(page, t(lang, 'overview.city'), CITY);
        await expect(page.getByRole('heading', { level: 2, name: t(lang, 'overview.summaryTitle', { city: cityName }) })).toBeVisible();

        const expected = expectedStatuses(lang, 'opensdg');
        expect(expected.length).toBeGreaterThan(20);
        await expect(page.locator('.overview-table tr[data-indicator]')).toHaveCount(expected.length);
        expect(await shownStatuses(page)).toEqual(expected);

        // The summary counts are the engine's roll-up for the city, in Latin digits by default.
        const counts = dashboard('opensdg').rollups.get(CITY)?.overall.counts;
        for (const s of PROGRESS_STATUSES) {
          await expect(page.locator(`.overview-status-counts li[data-status="${s}"] .overview-count-number`)).toHaveText(String(counts?.[s] ?? 0));
        }
        // The stacked bar is an image whose label says the counts in words.
        const barLabel = (await page.locator('.overview-summary .status-bar').getAttribute('aria-label')) ?? '';
        for (const s of PROGRESS_STATUSES) {
          if ((counts?.[s] ?? 0) > 0) expect(barLabel).toContain(t(lang, 'overview.statusCount', { status: t(lang, `status.${s}`), count: counts?.[s] ?? 0 }));
          else expect(barLabel).not.toContain(t(lang, `status.${s}`));
        }

        // Every row links to the indicator view of this city; every sparkline has a text label.
        const link = page.locator('.overview-table tr[data-indicator="11.6.2"] a').first();
        await expect(link).toHaveAttribute('href', /#\/indicator\?.*city=XD-TSN/);
        await expect(link).toHaveAttribute('href', /indicator=11\.6\.2/);
        const sparks = page.locator('.overview-table svg.sparkline');
        await expect(sparks).toHaveCount(expected.length);
        await expect(sparks.first()).toHaveAttribute('aria-label', /\d{4}/);

        expect(await overflowing(page, 'main .overview')).toEqual([]);
        await expectNoSeriousAxeViolations(page);
      });
    }
  });
}

test.describe('city overview', () => {
  test('switching language flips direction without reloading the data', async ({ page }) => {
    await page.goto(`./?lang=en#/overview?city=${CITY}`);
    await expect(page.locator('.overview-table tr[data-indicator]').first()).toBeVisible();
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 42;
    });
    await page.getByLabel('Language').selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1, name: t('ar', 'overview.title') })).toBeVisible();
    await expectPlace(page, t('ar', 'overview.city'), CITY);
    expect(await shownStatuses(page)).toEqual(expectedStatuses('ar', 'opensdg'));
    // The sparklines mirror: the latest point (the dot) is on the left in Arabic.
    const dot = page.locator('.overview-table svg.sparkline circle').first();
    expect(Number(await dot.getAttribute('cx'))).toBeLessThan(48);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await page.getByLabel(t('ar', 'settings.language')).selectOption('en');
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    expect(Number(await dot.getAttribute('cx'))).toBeGreaterThan(48);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  });

  test('groups by SDG target, NUA commitment and NUA priority, with counts in the group headers', async ({ page }) => {
    await page.goto(`./?lang=en#/overview?city=${CITY}`);
    const rollup = dashboard('opensdg').rollups.get(CITY);
    const headers = page.locator('.overview-group-row th');
    await expect(headers).toHaveCount(rollup?.byTarget.length ?? 0);
    await page.getByRole('radio', { name: t('en', 'overview.groupBy.priority') }).check();
    await expect(headers).toHaveCount(3);
    for (const [i, g] of (rollup?.byPriority ?? []).entries()) {
      await expect(headers.nth(i)).toContainText(t('en', `nua.priority.${g.key === 'governance' ? 'governance' : g.key === 'planning' ? 'planning' : 'finance'}`));
      await expect(headers.nth(i)).toContainText(t('en', 'overview.groupCount', { count: g.indicators }));
    }
    // Keyboard: the switch is a radio group (arrow keys move the choice).
    await page.getByRole('radio', { name: t('en', 'overview.groupBy.priority') }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('radio', { name: t('en', 'overview.groupBy.commitment') })).toBeChecked();
    await expect(headers.first()).toContainText(t('en', 'nua.commitment.inclusion_poverty'));
    await expect(page.getByText(t('en', 'overview.commitmentNote'))).toBeVisible();
  });

  test('the method in the URL is the one used', async ({ page }) => {
    await page.goto(`./?lang=en#/overview?city=${CITY}&method=unsd`);
    await expect(page.getByText(t('en', 'overview.methodNote', { method: t('en', 'method.unsd') }))).toBeVisible();
    await expect(page.locator('.overview-table tr[data-indicator]')).toHaveCount(expectedStatuses('en', 'unsd').length);
    expect(await shownStatuses(page)).toEqual(expectedStatuses('en', 'unsd'));
  });

  test('a city the data lacks is said so, not silently replaced in the URL', async ({ page }) => {
    await page.goto('./?lang=en#/overview?city=Atlantis');
    await expect(page.getByRole('status').filter({ hasText: 'Atlantis' })).toBeVisible();
    await expect(page).toHaveURL(/city=Atlantis/);
    // Choosing a city replaces it.
    await pickPlace(page, 'City', 'XD-BSH');
    await expect(page).toHaveURL(/city=XD-BSH/);
    expect(await shownStatuses(page)).toEqual(expectedStatuses('en', 'opensdg', 'XD-BSH'));
  });

  test('reporting coverage counts the registry indicators reported', async ({ page }) => {
    await page.goto(`./?lang=en#/overview?city=${CITY}`);
    const reported = new Set((dashboard('opensdg').byCity.get(CITY) ?? []).map((p) => p.indicator)).size;
    await expect(page.getByText(t('en', 'overview.coverageLine', { reported, total: registry.indicators.length }))).toBeVisible();
  });
});
