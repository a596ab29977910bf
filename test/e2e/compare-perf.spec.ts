import type { Page } from '@playwright/test';
import { generateBenchCsv } from '@/cli/bench-data';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { expect, test } from './console-guard';
import { placeInput, placeList, placeOption } from './place-picker-helpers';

/**
 * The issue's speed requirement in a real browser: with ~1,000 cities × 30 indicators × 15 years
 * loaded (generated here, imported through the Data view like any file: worker parse, IndexedDB), the
 * Compare view redraws after an indicator switch, a page of the ranking, a search, and a change of the
 * chosen cities. Each interaction is timed in the page, from the event to the DOM showing the new
 * state plus two animation frames (painted). The strict goal (300 ms) is reported; the assertion is a
 * generous bound for slow CI machines.
 */

const { registry: fullRegistry } = loadRegistryFromDirs();
const indicators = fullRegistry.indicators.slice(0, 30);
const kept = new Set(indicators);
const registry = { indicators, byCode: new Map([...fullRegistry.byCode].filter(([, ind]) => kept.has(ind))) };
/** 450,000 rows ≈ 1,017 cities × 30 indicators × 15 years (2010–2024, ~18 % of years missing). */
const ROWS = 450_000;
const GOAL_MS = 300;
const BOUND_MS = 1500;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
}

/**
 * Runs `act` (statements) in the page and returns the ms until `done` (an expression) holds, plus two
 * animation frames (the browser has painted). Both are strings written by this test, never user input.
 */
async function timeInPage(page: Page, act: string, done: string): Promise<number> {
  const ms = await page.evaluate(`(async () => {
    const t0 = performance.now();
    ${act}
    await new Promise((resolve, reject) => {
      const tick = () => ((${done}) ? resolve() : performance.now() - t0 > 20000 ? reject(new Error('timed out waiting for the redraw')) : requestAnimationFrame(tick));
      tick();
    });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - t0;
  })()`);
  return Number(ms);
}

function report(name: string, times: readonly number[]) {
  const med = median(times);
  const line = `${name}: median ${med.toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over ${times.length} (goal < ${GOAL_MS} ms: ${med < GOAL_MS ? 'met' : 'not met'})`;
  console.log(`compare-perf: ${line}`);
  test.info().annotations.push({ type: 'perf', description: line });
  return med;
}

test('1,000 cities: indicator switches, ranking pages, search and city changes redraw fast', async ({ page }) => {
  test.setTimeout(300_000);
  const csv = Buffer.from(generateBenchCsv(registry, ROWS));

  await page.goto('./#/data?lang=en');
  await expect(page.locator('.dataset-table')).toBeVisible();
  let t0 = Date.now();
  await page.locator('.upload input.file-input').setInputFiles({ name: 'bench-1000-cities.csv', mimeType: 'text/csv', buffer: csv });
  const importButton = page.getByRole('button', { name: /^Import [\d,]+ observations$/ });
  await expect(importButton).toBeEnabled({ timeout: 120_000 });
  const readMs = Date.now() - t0;
  t0 = Date.now();
  await importButton.click();
  await expect(page.getByRole('row', { name: /bench-1000-cities\.csv/ })).toBeVisible({ timeout: 120_000 });
  const saveMs = Date.now() - t0;
  console.log(`compare-perf: ${ROWS.toLocaleString('en-US')} rows (${(csv.length / 1048576).toFixed(1)} MB) read in ${readMs} ms, saved in ${saveMs} ms`);

  // Opening the view computes the dashboard (progress of every series) once.
  t0 = Date.now();
  await page.goto('./#/compare?lang=en&indicator=11.6.2');
  const ranking = page.getByTestId('ranking');
  await expect(ranking).toHaveAttribute('data-indicator', '11.6.2', { timeout: 60_000 });
  await expect(page.locator('.cmp-range')).toHaveText(/^Cities 1–50 of 1,0\d\d$/);
  console.log(`compare-perf: compare view opened (dashboard of every series built, ranking drawn) in ${Date.now() - t0} ms`);
  // No heavy DOM: one page of the ranking.
  expect(await ranking.locator('table:not(.cmp-mine) tbody tr').count()).toBe(50);

  // Indicator switches through the select, as a user does (change event on the select).
  const codes = (await page.getByTestId('indicator-select').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).filter(
    (c) => c !== '' && c !== '11.6.2',
  );
  expect(codes.length).toBeGreaterThanOrEqual(20);
  const switches: number[] = [];
  for (const code of codes.slice(0, 12)) {
    switches.push(
      await timeInPage(
        page,
        `const s = document.querySelector('[data-testid=indicator-select]'); s.value = ${JSON.stringify(code)}; s.dispatchEvent(new Event('change', { bubbles: true }));`,
        `document.querySelector('[data-testid=ranking]')?.getAttribute('data-indicator') === ${JSON.stringify(code)} && document.querySelector('[data-testid=ranking] tbody tr') !== null`,
      ),
    );
  }
  const switchMedian = report('indicator switch (ranking of 1,000 cities + lines redrawn)', switches);

  // Ranking pages: next page until the range text says so.
  const pages: number[] = [];
  for (let p = 2; p <= 8; p++) {
    const from = (p - 1) * 50 + 1;
    pages.push(
      await timeInPage(
        page,
        `[...document.querySelectorAll('.cmp-pager button')].find((b) => b.textContent === 'Next').click();`,
        `(document.querySelector('.cmp-range')?.textContent ?? '').startsWith('Cities ${from.toLocaleString('en-US')}–')`,
      ),
    );
  }
  const pageMedian = report('ranking page', pages);

  // Search: typing a name filters the 1,000 cities (done when every row shown matches the query).
  const searches: number[] = [];
  for (const q of ['noor', 'sahab 01', 'مدينة', 'xb-05', 'zzz', '']) {
    const matches =
      q === ''
        ? `/^Cities 1–50 of 1,0/.test(document.querySelector('.cmp-range')?.textContent ?? '')`
        : `(() => { const rows = [...document.querySelectorAll('[data-testid=ranking] table:not(.cmp-mine) tbody tr')];
             const q = ${JSON.stringify(q)};
             const ok = (r) => (r.querySelector('th')?.textContent ?? '').toLowerCase().includes(q) || (r.getAttribute('data-city') ?? '').toLowerCase().includes(q);
             return rows.length > 0 ? rows.every(ok) : /No city/.test(document.querySelector('.cmp-range')?.textContent ?? ''); })()`;
    searches.push(
      await timeInPage(
        page,
        `const i = document.querySelector('.cmp-search'); Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(i, ${JSON.stringify(q)}); i.dispatchEvent(new Event('input', { bubbles: true }));`,
        matches,
      ),
    );
  }
  const searchMedian = report('ranking search', searches);

  // City changes: tick a city in the ranking; its row joins the chosen cities and its line is drawn.
  const cityChanges: number[] = [];
  for (let i = 0; i < 6; i++) {
    cityChanges.push(
      await timeInPage(
        page,
        `window.__city = document.querySelectorAll('[data-testid=ranking] table:not(.cmp-mine) tbody tr')[${i * 3}].getAttribute('data-city'); document.querySelectorAll('[data-testid=ranking] table:not(.cmp-mine) tbody tr')[${i * 3}].querySelector('input[type=checkbox]').click();`,
        `[...document.querySelectorAll('[data-testid=ranking] table.cmp-mine tbody tr')].some((r) => r.getAttribute('data-city') === window.__city)`,
      ),
    );
  }
  const cityMedian = report('city added to the comparison', cityChanges);

  // Side by side with a thousand cities loaded: swapping a partner city.
  await page.goto('./#/compare?lang=en&cities=XB-0001,XB-0002');
  await expect(page.getByTestId('side-by-side').locator('thead th[data-city]')).toHaveCount(2);
  // The city is typed into the picker (untimed: the user reads the list), then choosing it is timed.
  const add = placeInput(page, 'Add a city');
  const addList = await placeList(add);
  const sideSwitches: number[] = [];
  for (const key of ['XB-0101', 'XB-0202', 'XB-0303', 'XB-0404', 'XB-0505']) {
    await add.click();
    await add.fill(key);
    await expect(placeOption(addList, key)).toBeVisible();
    sideSwitches.push(
      await timeInPage(
        page,
        `document.querySelector(${JSON.stringify(`.cmp-add [role=option][data-key="${key}"]`)}).click();`,
        `document.querySelector('[data-testid=side-by-side] thead th[data-city="${key}"]') !== null`,
      ),
    );
  }
  const sideMedian = report('partner city added side by side', sideSwitches);

  // Type-ahead among the thousand cities: from the typed query to its matches drawn in the picker.
  await add.click();
  const typeAheads: number[] = [];
  for (const query of ['XB-0777', 'xb-09', 'noor 01', 'xb-1', 'XB-0042']) {
    const q = JSON.stringify(query.toLowerCase());
    typeAheads.push(
      await timeInPage(
        page,
        `const i = document.querySelector('.cmp-add [role=combobox]'); Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(i, ${JSON.stringify(query)}); i.dispatchEvent(new Event('input', { bubbles: true }));`,
        `(() => { const os = [...document.querySelectorAll('.cmp-add [role=option]')];
             return os.length > 0 && os.every((o) => ((o.getAttribute('data-key') ?? '') + ' ' + o.textContent).toLowerCase().includes(${q})); })()`,
      ),
    );
  }
  const typeMedian = report('type-ahead in the city picker', typeAheads);

  for (const m of [switchMedian, pageMedian, searchMedian, cityMedian, sideMedian, typeMedian]) expect(m).toBeLessThan(BOUND_MS);
});
