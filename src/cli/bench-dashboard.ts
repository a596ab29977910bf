import '@/domain/zod-setup';
import '@/i18n/all-langs';
import type { Registry } from '@/domain/registry';
import {
  buildDumbbell,
  buildLines,
  buildRanking,
  buildSideBySide,
  filterRanking,
  indicatorsWithData,
  lineCities,
  rankingPage,
} from '@/model/compare-model';
import { buildDashboard } from '@/model/dashboard-model';
import { ingestFile } from '@/ingest/ingest-file';
import { generateBenchCsv } from './bench-data';
import { loadRegistryFromDirs } from './load-registry';

/**
 * `npx tsx src/cli/bench-dashboard.ts` — the speed requirement for big data, in Node: with
 * ~1,000 cities × 30 indicators × 15 years loaded, switching city or indicator must redraw in under
 * 300 ms. The data is `generateBenchCsv` over the first 30 registry indicators, 450,000 rows (~1,017
 * cities, 2010–2024 with ~18 % of the years missing, one indicator in ten with sex breakdowns),
 * ingested once (not timed). Measured, median (and slowest) of several runs:
 * - `buildDashboard` (merge + progress of every series + lookups): once per dataset change or method;
 * - an indicator switch in the Compare view: ranking of every city, lines of the five best, the first
 *   page of the ranking (what the page computes before React renders);
 * - a city switch side by side: the table rows of two cities and the dumbbell data;
 * - a search in the ranking of 1,000 cities.
 * The browser figure (DOM included) comes from test/e2e/compare-perf.spec.ts.
 * Options: --runs N (default 5), --rows N (default 450,000), --indicators N (default 30).
 */

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i === -1 ? undefined : Number(process.argv[i + 1]);
  return v !== undefined && Number.isInteger(v) && v > 0 ? v : fallback;
}

function collect(): void {
  if (typeof globalThis.gc === 'function') globalThis.gc();
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
}

/** The first `n` indicators of a registry (aliases included), for a benchmark of that many indicators. */
function firstIndicators(registry: Registry, n: number): Registry {
  const indicators = registry.indicators.slice(0, n);
  const kept = new Set(indicators);
  return { indicators, byCode: new Map([...registry.byCode].filter(([, ind]) => kept.has(ind))) };
}

type Measure = { name: string; times: number[]; note: string };

function time(times: number[], f: () => unknown): void {
  const t0 = performance.now();
  f();
  times.push(performance.now() - t0);
}

const GOAL_MS = 300;

function main(): void {
  const runs = arg('runs', 5);
  const rows = arg('rows', 450_000);
  const indicatorCount = arg('indicators', 30);
  const { registry } = loadRegistryFromDirs();
  const sub = firstIndicators(registry, indicatorCount);
  const bytes = generateBenchCsv(sub, rows);
  const { table } = ingestFile({ name: 'bench-compare.csv', bytes }, registry);

  const measures: Measure[] = [];
  const dashTimes: number[] = [];
  let dash = buildDashboard([table], registry, 'opensdg');
  for (let r = 0; r < runs; r++) {
    collect();
    time(dashTimes, () => (dash = buildDashboard([table], registry, 'opensdg')));
  }
  measures.push({ name: 'buildDashboard (opensdg)', times: dashTimes, note: 'once per dataset or method change' });

  const codes = indicatorsWithData(dash);
  const cities = dash.cities.map((c) => c.key);
  process.stdout.write(
    `bench-dashboard: ${table.length.toLocaleString('en-US')} rows, ${cities.length.toLocaleString('en-US')} cities × ${codes.length} indicators, ` +
      `${dash.report.indicators.length.toLocaleString('en-US')} city × indicator results; ${runs} runs\n`,
  );

  // An indicator switch, as the Compare view does it: ranking + lines (the five best, or two chosen) + first page.
  const switchTop: number[] = [];
  const switchChosen: number[] = [];
  const chosen = [cities[3] ?? '', cities[Math.floor(cities.length / 2)] ?? ''];
  for (let r = 0; r < runs; r++) {
    for (const code of codes) {
      time(switchTop, () => {
        const ranking = buildRanking(dash, registry, code);
        buildLines(dash.table, registry, code, lineCities(ranking, [], 5).keys);
        return rankingPage(filterRanking(ranking, '', (k) => k), 0);
      });
      time(switchChosen, () => {
        const ranking = buildRanking(dash, registry, code);
        buildLines(dash.table, registry, code, lineCities(ranking, chosen, 5).keys);
        return rankingPage(ranking, 0);
      });
    }
  }
  measures.push({ name: 'indicator switch (top 5 lines)', times: switchTop, note: `ranking of ${cities.length} cities + lines + page` });
  measures.push({ name: 'indicator switch (2 chosen)', times: switchChosen, note: 'same, lines of two chosen cities' });

  // A city switch side by side: two cities, every indicator, plus the dumbbell data.
  const citySwitch: number[] = [];
  for (let r = 0; r < runs * 10; r++) {
    const a = cities[(r * 37) % cities.length] ?? '';
    const b = cities[(r * 101 + 7) % cities.length] ?? '';
    time(citySwitch, () => buildDumbbell(buildSideBySide(dash, registry, [a, b])));
  }
  measures.push({ name: 'city switch (side by side)', times: citySwitch, note: 'rows + dumbbell of two cities' });

  // Searching the ranking of every city.
  const search: number[] = [];
  const ranking = buildRanking(dash, registry, codes[0] ?? '');
  for (let r = 0; r < runs * 10; r++) time(search, () => rankingPage(filterRanking(ranking, `noor ${r % 10}`, (k) => dash.cityByKey.get(k)?.name ?? k), 0));
  measures.push({ name: 'ranking search', times: search, note: `filter ${ranking.length} cities by name` });

  const width = Math.max(...measures.map((m) => m.name.length));
  for (const m of measures) {
    const med = median(m.times);
    const max = Math.max(...m.times);
    process.stdout.write(`  ${m.name.padEnd(width)}  median ${med.toFixed(2).padStart(8)} ms  max ${max.toFixed(2).padStart(8)} ms  (${m.times.length}×; ${m.note})\n`);
  }
  const switches = [...switchTop, ...switchChosen, ...citySwitch];
  const worst = Math.max(...switches);
  process.stdout.write(`bench-dashboard: slowest switch ${worst.toFixed(1)} ms — goal < ${GOAL_MS} ms: ${worst < GOAL_MS ? 'met' : 'NOT met'}\n`);
  if (worst >= GOAL_MS) process.exitCode = 1;
}

main();
