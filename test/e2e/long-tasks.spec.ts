import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { generateBenchCsv } from '@/cli/bench-data';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { expect, test } from './console-guard';

/**
 * No frozen page with a million rows (issue 14 §3): the benchmark's 1,000,000-row file (81k series,
 * ~1,000 cities) is imported through the Data view, then every view is opened, the city and the
 * indicator are switched, and the page is reloaded with the data saved. The browser's long-task
 * observer records every main-thread task over 50 ms; the goal is none over 100 ms at 1× CPU.
 * Each phase's tasks are listed in the test output (what froze, where) and the goal is reported; the
 * assertion is a bound with room for a loaded CI machine (a reload once took 260 ms on a clean-clone run
 * whose tasks were otherwise all under 100 ms), under what a main-thread build of the dashboard (0.5 s)
 * or read of a million rows (0.4 s + the build) takes.
 */

const ROWS = 1_000_000;
const GOAL_MS = 100;
const BOUND_MS = 400;

// Playwright's trace (kept on failure by the config) copies the page's DOM into a snapshot on every
// action: on pages listing a thousand cities that was a task of 50–130 ms of the test tool's own.
test.use({ trace: 'off' });

type LongTask = { phase: string; start: number; duration: number };

/** Installed before any page script: every long task, labelled with the phase the test set. */
const OBSERVE = `
  window.__phase = 'load';
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ phase: window.__phase, start: Math.round(e.startTime), duration: Math.round(e.duration) });
  }).observe({ type: 'longtask', buffered: true });
`;

async function phase(page: Page, name: string): Promise<void> {
  await page.evaluate((n) => {
    (window as unknown as { __phase: string }).__phase = n;
  }, name);
}

async function longTasks(page: Page): Promise<LongTask[]> {
  return page.evaluate(() => (window as unknown as { __longTasks: LongTask[] }).__longTasks.slice());
}

/** Waits until the page has been idle (no task) for a while: the work a phase started has finished. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last = performance.now();
        const tick = () => {
          const now = performance.now();
          if (now - last > 60) last = now;
          if (now - last > 40 && now - (window as unknown as { __settleStart: number }).__settleStart > 800) resolve();
          else setTimeout(tick, 16);
        };
        (window as unknown as { __settleStart: number }).__settleStart = performance.now();
        tick();
      }),
  );
}

/**
 * Waits until `selector` matches an element (and, with `text`, one whose text matches it), checking the
 * page every 100 ms with a plain DOM query. Playwright's `expect(locator)` polls with its own injected
 * scripts: with a page listing a thousand cities, its accessibility snapshot after each failed attempt
 * was a task of 100–165 ms of the test tool's, which the observer counts as the page's.
 */
async function until(page: Page, selector: string, text?: RegExp): Promise<void> {
  await page.waitForFunction(
    ([sel, source]) => [...document.querySelectorAll<HTMLElement>(sel)].some((e) => !(e instanceof HTMLButtonElement && e.disabled) && (source === null || new RegExp(source).test(e.textContent?.trim() ?? ''))),
    [selector, text?.source ?? null] as const,
    { polling: 100, timeout: 240_000 },
  );
}

/** Goes to a view within the app (a hash change, as a link does; no reload). */
async function open(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
}

test('1,000,000 rows: import, every view, switches and reload, no main-thread task long enough to freeze the page', async ({ page }) => {
  test.setTimeout(600_000);
  const { registry } = loadRegistryFromDirs();
  // From a file on disk, as a user picks it: a buffer would be handed to the page by a script (a
  // 12-second task of the test tool's own, not the app's).
  const csvFile = join(test.info().outputPath(), 'bench-1m.csv');
  mkdirSync(dirname(csvFile), { recursive: true });
  writeFileSync(csvFile, generateBenchCsv(registry, ROWS));
  await page.addInitScript(OBSERVE);

  await page.goto('./#/data?lang=en');
  await until(page, '.dataset-table');
  await settle(page);

  await phase(page, 'import: read the file');
  await page.locator('.upload input.file-input').setInputFiles(csvFile);
  await until(page, '.results .actions button.primary', /^Import [\d,]+ observations$/);
  await settle(page);
  await phase(page, 'import: save');
  await page.locator('.results .actions button.primary', { hasText: /^Import [\d,]+ observations$/ }).click();
  await until(page, '.dataset-table tr', /bench-1m\.csv/);
  await settle(page);

  const views: Array<[string, string, string]> = [
    ['overview', '#/overview?lang=en', '#overview-title'],
    ['indicator', '#/indicator?lang=en&indicator=11.6.2', '#indicator-title'],
    ['compare', '#/compare?lang=en&indicator=11.6.2', '[data-testid="ranking"][data-indicator="11.6.2"]'],
    ['nua', '#/nua?lang=en', '#nua-title'],
    ['report', '#/report?lang=en', '#report-title'],
    ['data', '#/data?lang=en', '.dataset-table'],
  ];
  for (const [name, hash, shown] of views) {
    await phase(page, `open ${name}`);
    await open(page, hash);
    await until(page, shown);
    await settle(page);
  }

  await phase(page, 'switch indicator');
  await open(page, '#/compare?lang=en&indicator=11.6.2');
  await settle(page);
  for (const code of ['11.1.1', '11.2.1', '11.7.1']) {
    await open(page, `#/compare?lang=en&indicator=${code}`);
    await settle(page);
  }
  await phase(page, 'switch city');
  for (const city of ['XB-0101', 'XB-0202', 'XB-0303']) {
    await open(page, `#/overview?lang=en&city=${city}`);
    await settle(page);
    await open(page, `#/indicator?lang=en&indicator=11.6.2&city=${city}`);
    await settle(page);
  }

  const before = await longTasks(page);
  await page.reload();
  await phase(page, 'reload');
  await until(page, 'main h1');
  await settle(page);
  const tasks = [...before, ...(await longTasks(page)).map((t) => (t.phase === 'load' ? { ...t, phase: 'reload' } : t))];

  const phases = [...new Set(tasks.map((t) => t.phase))];
  for (const p of phases) {
    const mine = tasks.filter((t) => t.phase === p);
    const line = `${p}: ${mine.length} long task(s), longest ${Math.max(...mine.map((t) => t.duration))} ms (${mine.map((t) => t.duration).join(', ')})`;
    console.log(`long-tasks: ${line}`);
    test.info().annotations.push({ type: 'long tasks', description: line });
  }
  const longest = Math.max(0, ...tasks.map((t) => t.duration));
  const goal = `longest main-thread task ${longest} ms — goal ≤ ${GOAL_MS} ms: ${longest <= GOAL_MS ? 'met' : 'not met'}`;
  console.log(`long-tasks: ${goal}`);
  test.info().annotations.push({ type: 'long tasks', description: goal });
  const over = tasks.filter((t) => t.duration > BOUND_MS);
  expect(over, `main-thread tasks over ${BOUND_MS} ms`).toEqual([]);
});
