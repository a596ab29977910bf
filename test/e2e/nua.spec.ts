import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { NuaCommitmentSchema, NuaPrioritySchema } from '@/domain/indicator';
import { PROGRESS_STATUSES, type ProgressStatus } from '@/domain/progress/types';
import { buildDashboard } from '@/model/dashboard-model';
import { t } from '@/i18n/translate';
import { ingestFile } from '@/ingest/ingest-file';
import { expect, test } from './console-guard';
import { expectPlace, pickPlace } from './place-picker-helpers';

/**
 * The NUA priorities view against the engine: the demo data is read here with the same ingest and
 * progress code the app runs, so the roll-ups and statuses the page shows must be the engine's.
 */
const { registry } = loadRegistryFromDirs();
const demoBytes = new Uint8Array(readFileSync(new URL('../../public/demo/marsad-demo.csv', import.meta.url)));
const demo = ingestFile({ name: 'marsad-demo.csv', bytes: demoBytes }, registry);
const names = JSON.parse(readFileSync(new URL('../../public/demo/cities.json', import.meta.url), 'utf8')) as Record<string, { en: string; ar: string }>;
const dashboard = buildDashboard([demo.table], registry, 'opensdg');

const A = 'XD-TSN';
const B = 'XD-BSH';
const GROUPS = [...NuaPrioritySchema.options.map((key) => ({ kind: 'priority' as const, key })), ...NuaCommitmentSchema.options.map((key) => ({ kind: 'commitment' as const, key }))];

function rollupOf(city: string, kind: 'priority' | 'commitment', key: string) {
  const r = dashboard.rollups.get(city);
  return (kind === 'priority' ? r?.byPriority : r?.byCommitment)?.find((g) => g.key === key);
}

/** Each city's status per indicator of a group, as the page's table shows them (code, city, status, words). */
async function shownStatuses(page: Page, group: string) {
  return page.locator(`.nua-group[data-group="${group}"] .nua-table td[data-city]`).evaluateAll((cells) =>
    cells.flatMap((td) => {
      const badge = td.querySelector('.status-badge');
      if (badge === null) return [];
      const words = [...badge.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      return [[td.closest('tr')?.getAttribute('data-indicator'), td.getAttribute('data-city'), badge.getAttribute('data-status'), words]];
    }),
  );
}

function expectedStatuses(lang: 'en' | 'ar', kind: 'priority' | 'commitment', key: string, cities: readonly string[]) {
  const out: Array<[string, string, ProgressStatus, string]> = [];
  for (const ind of registry.indicators) {
    const member = kind === 'priority' ? ind.nua.priority === key : ind.nua.commitments.some((c) => c === key);
    if (!member) continue;
    for (const city of cities) {
      const status = dashboard.headlineOf(city, ind.code)?.result.status;
      if (status !== undefined) out.push([ind.code, city, status, t(lang, `status.${status}`)]);
    }
  }
  return out;
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
  test.describe(`NUA priorities at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    for (const lang of ['ar', 'en'] as const) {
      test(`opens from its URL in ${lang} with two cities side by side: the engine's roll-ups and statuses, axe clean`, async ({ page }) => {
        await page.goto(`./?lang=${lang}#/nua?city=${A}&cities=${A},${B}`);
        await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
        await expect(page.getByRole('heading', { level: 1, name: t(lang, 'nuaView.title') })).toBeVisible();
        await expectPlace(page, t(lang, 'nuaView.city'), A);
        await expectPlace(page, t(lang, 'nuaView.compareWith'), B);
        await expect(page.locator('.nua-group')).toHaveCount(6);

        for (const g of GROUPS) {
          const block = page.locator(`.nua-group[data-group="${g.key}"]`);
          await expect(block.getByRole('heading', { level: 3 })).toHaveText(t(lang, `nua.${g.kind}.${g.key}` as Parameters<typeof t>[1]));
          for (const city of [A, B]) {
            const cell = block.locator(`.nua-city[data-city="${city}"]`);
            await expect(cell.locator('.nua-city-name')).toHaveText(names[city]?.[lang] ?? '');
            const r = rollupOf(city, g.kind, g.key);
            expect(r).toBeDefined();
            // Counts by status: a chip per status present, with the engine's number.
            for (const s of PROGRESS_STATUSES) {
              const chip = cell.locator(`.status-chip[data-status="${s}"]`);
              if ((r?.counts[s] ?? 0) === 0) await expect(chip).toHaveCount(0);
              else await expect(chip).toContainText(String(r?.counts[s]));
            }
            await expect(cell).toContainText(t(lang, 'nuaView.reported', { count: r?.indicators ?? 0 }));
            if (r?.meanScore !== null && r?.meanScore !== undefined) {
              await expect(cell).toContainText(t(lang, 'nuaView.meanScore', { score: r.meanScore.toFixed(1) }));
            }
            await expect(cell.locator('.status-bar')).toHaveAttribute('aria-label', new RegExp(names[city]?.[lang] ?? ''));
          }
        }

        // The indicator lists (opened) carry each city's status, as the engine computed it.
        for (const summary of await page.locator('.nua-indicators > summary').all()) await summary.click();
        for (const g of GROUPS) expect(await shownStatuses(page, g.key)).toEqual(expectedStatuses(lang, g.kind, g.key, [A, B]));
        const link = page.locator(`.nua-group[data-group="planning"] tr[data-indicator="11.6.2"] td[data-city="${B}"] a`);
        await expect(link).toHaveAttribute('href', new RegExp(`#/indicator\\?.*city=${B}.*indicator=11\\.6\\.2|#/indicator\\?.*indicator=11\\.6\\.2.*city=${B}`));

        expect(await overflowing(page, 'main .nua')).toEqual([]);
        await expectNoSeriousAxeViolations(page);
      });
    }
  });
}

test.describe('NUA priorities', () => {
  test('one city by default; "compare with" adds and removes the second city in the URL', async ({ page }) => {
    await page.goto(`./?lang=en#/nua?city=${A}`);
    await expect(page.locator('.nua-group').first().locator('.nua-city')).toHaveCount(1);
    await pickPlace(page, 'Compare with', B);
    await expect(page).toHaveURL(new RegExp(`cities=${A}(%2C|,)${B}`));
    await expect(page.locator('.nua-group').first().locator('.nua-city')).toHaveCount(2);
    await pickPlace(page, 'Compare with', '');
    await expect(page.locator('.nua-group').first().locator('.nua-city')).toHaveCount(1);
    await expect(page).not.toHaveURL(/cities=/);
  });

  test('switching language flips direction without reloading the data', async ({ page }) => {
    await page.goto(`./?lang=en#/nua?city=${A}&cities=${A},${B}`);
    await expect(page.locator('.nua-group')).toHaveCount(6);
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 42;
    });
    await page.getByLabel('Language').selectOption('ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1, name: t('ar', 'nuaView.title') })).toBeVisible();
    await expect(page.locator(`.nua-group[data-group="governance"] .nua-city[data-city="${B}"] .nua-city-name`)).toHaveText(names[B]?.ar ?? '');
    await page.locator('.nua-group[data-group="finance"] .nua-indicators > summary').click();
    expect(await shownStatuses(page, 'finance')).toEqual(expectedStatuses('ar', 'priority', 'finance', [A, B]));
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  });

  test('a city the data lacks is said so', async ({ page }) => {
    await page.goto(`./?lang=en#/nua?city=${A}&cities=${A},Atlantis`);
    await expect(page.getByRole('status').filter({ hasText: 'Atlantis' })).toBeVisible();
    await expect(page.locator('.nua-group').first().locator('.nua-city')).toHaveCount(1);
  });
});
