import { describe, expect, it } from 'vitest';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { type ObservationInput, ObservationTableBuilder } from '@/domain/observation-table';
import { normalizeToBounds } from '@/domain/progress/sdsn';
import type { ProgressResult } from '@/domain/progress/types';
import { echarts } from '@/features/compare/compare-echarts';
import { buildDumbbellOption, buildLinesOption, type CompareChartOption, dumbbellHeight } from '@/features/compare/compare-charts';
import {
  buildDumbbell,
  buildLines,
  buildRanking,
  buildSideBySide,
  cityLabel,
  filterRanking,
  gapOfRank,
  gapToTarget,
  indicatorsWithData,
  lineCities,
  normalizedScoreOf,
  pageOfCity,
  rankingPage,
  resolveCities,
  resolveIndicator,
  searchFold,
} from '@/model/compare-model';
import { buildDashboard } from '@/model/dashboard-model';

const { registry } = loadRegistryFromDirs();
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';

const base: ObservationInput = {
  city: 'Tyre', cityCode: 'LB-TYR', indicator: '11.6.2', year: 2015, value: 40, period: '', unit: '', series: '', disaggregation: '', source: '', note: '', line: 2,
};
function table(rows: Array<Partial<ObservationInput>>) {
  const b = new ObservationTableBuilder(16);
  rows.forEach((r, i) => b.push({ ...base, line: i + 2, ...r }));
  return b.finish();
}
const tyre = { city: 'Tyre', cityCode: 'LB-TYR' };
const zurich = { city: 'Zurich', cityCode: 'CH-ZRH' };
const hostile = { city: SCRIPT, cityCode: '' };

// PM2.5 (11.6.2): lower is better, target 5 by 2030, SDSN bounds (optimum 6.3, lower 87).
const partners = table([
  { ...tyre, year: 2015, value: 40 },
  { ...tyre, year: 2020, value: 30 },
  { ...tyre, year: 2020, value: 33, disaggregation: '[["Sex","Female"]]' },
  { ...tyre, indicator: '11.3.2', year: 2015, value: 1 },
  { ...tyre, indicator: '11.3.2', year: 2020, value: 3 },
  { ...tyre, indicator: 'LOCAL-TRANSIT-2', year: 2020, value: 7 },
  { ...zurich, year: 2015, value: 12 },
  { ...zurich, year: 2022, value: 4 },
  { ...zurich, indicator: '1.5.1', year: 2016, value: 3 },
  { ...zurich, indicator: '1.5.1', year: 2021, value: 1 },
  { ...zurich, indicator: '11.7.1', year: 2021, value: 55 },
  { ...hostile, year: 2015, value: 20 },
  { ...hostile, year: 2020, value: 20 },
]);
const dash = buildDashboard([partners], registry, 'opensdg');

function result(over: Partial<ProgressResult> & { latest?: { year: number; value: number } | null; method?: ProgressResult['explanation']['method'] }): ProgressResult {
  const { latest = null, method = 'opensdg', ...rest } = over;
  return {
    status: 'on_track',
    score: null,
    normalizedScore: null,
    projected: null,
    explanation: {
      method,
      direction: 'decrease',
      base: null,
      latest,
      target: null,
      observedGrowth: null,
      requiredGrowth: null,
      measure: null,
      thresholds: {},
      limitCoefficient: null,
      insufficientReason: null,
      notes: [],
    },
    ...rest,
  };
}

describe('cityLabel(city, names, lang)', () => {
  const city = { key: 'XD-WNR', name: 'Wadi Noor', code: 'XD-WNR', kind: 'city' as const, parent: '' };
  it.each([
    ['ar', 'وادي النور'],
    ['en', 'Wadi Noor (names file)'],
    ['fr', 'Wadi Noor (names file)'],
  ])('uses the names file in %s', (lang, expected) => {
    expect(cityLabel(city, { 'XD-WNR': { en: 'Wadi Noor (names file)', ar: 'وادي النور' } }, lang)).toBe(expected);
  });
  it('falls back to the data name, then the key', () => {
    expect(cityLabel(city, {}, 'ar')).toBe('Wadi Noor');
    expect(cityLabel({ key: 'K', name: '', code: '', kind: '', parent: '' }, {}, 'en')).toBe('K');
  });
  it('keeps hostile names as plain text (escaping is the renderer’s job)', () => {
    expect(cityLabel({ key: SCRIPT, name: SCRIPT, code: '', kind: '', parent: '' }, {}, 'en')).toBe(SCRIPT);
  });
});

describe('resolveCities(requested, cities)', () => {
  it('matches keys, then names, then either ignoring case; keeps the requested order, each city once', () => {
    expect(resolveCities(['CH-ZRH', 'Tyre', 'lb-tyr', 'zurich'], dash.cities)).toEqual({ keys: ['CH-ZRH', 'LB-TYR'], unknown: [] });
  });
  it('ignores unknown keys from the URL and names them for a note', () => {
    expect(resolveCities(['Atlantis', 'LB-TYR', '', '  ', 'Atlantis', 'XX-000'], dash.cities)).toEqual({ keys: ['LB-TYR'], unknown: ['Atlantis', 'XX-000'] });
  });
  it('finds a city whose name is markup by its exact name (it is data, not code)', () => {
    expect(resolveCities([SCRIPT], dash.cities).keys).toEqual([SCRIPT]);
  });
  it('returns nothing for no request', () => {
    expect(resolveCities(undefined, dash.cities)).toEqual({ keys: [], unknown: [] });
    expect(resolveCities([], [])).toEqual({ keys: [], unknown: [] });
  });
});

describe('gapToTarget(result, indicator)', () => {
  const pm = registry.byCode.get('11.6.2');
  const water = registry.byCode.get('6.1.1');
  it.each([
    ['a decrease indicator above its target', pm, 30, { kind: 'gap', target: { year: 2030, value: 5 }, absolute: 25, relative: 5 }],
    ['a decrease indicator at its target', pm, 5, { kind: 'achieved', target: { year: 2030, value: 5 } }],
    ['a decrease indicator below its target', pm, 4, { kind: 'achieved', target: { year: 2030, value: 5 } }],
    ['an increase indicator below its target', water, 80, { kind: 'gap', target: { year: 2030, value: 100 }, absolute: 20, relative: 0.2 }],
  ])('%s', (_, ind, latest, expected) => {
    expect(gapToTarget(result({ latest: { year: 2022, value: latest } }), ind)).toEqual(expected);
  });
  it('says there is no numeric target', () => {
    expect(gapToTarget(result({ latest: { year: 2022, value: 3 } }), registry.byCode.get('11.3.2'))).toEqual({ kind: 'no_target' });
    expect(gapToTarget(result({ latest: { year: 2022, value: 3 } }), undefined)).toEqual({ kind: 'no_target' });
  });
  it('says there is no value to compare (no latest, or NaN)', () => {
    expect(gapToTarget(result({ latest: null }), pm)).toEqual({ kind: 'no_value', target: { year: 2030, value: 5 } });
    expect(gapToTarget(result({ latest: { year: 2022, value: NaN } }), pm).kind).toBe('no_value');
  });
  it('prefers the target recorded in the result (a dataset override) to the registry’s', () => {
    const r = result({ latest: { year: 2022, value: 12 } });
    const withTarget = { ...r, explanation: { ...r.explanation, target: { year: 2025, value: 10 } } };
    expect(gapToTarget(withTarget, pm)).toMatchObject({ kind: 'gap', target: { year: 2025, value: 10 }, absolute: 2 });
  });
});

describe('gapOfRank(rank)', () => {
  it.each([
    [{ target: null, distance: null }, 'no_target'],
    [{ target: { year: 2030, value: 5 }, distance: null }, 'no_value'],
    [{ target: { year: 2030, value: 5 }, distance: { absolute: 0, relative: 0 } }, 'achieved'],
    [{ target: { year: 2030, value: 5 }, distance: { absolute: 2, relative: 0.4 } }, 'gap'],
  ])('%j is %s', (rank, kind) => {
    expect(gapOfRank(rank).kind).toBe(kind);
  });
});

describe('normalizedScoreOf(result, indicator)', () => {
  const pm = registry.byCode.get('11.6.2');
  const noBounds = registry.byCode.get('11.3.2');
  it('uses the engine’s normalised score when there is one (sdsn)', () => {
    expect(normalizedScoreOf(result({ method: 'sdsn', normalizedScore: 61.5, score: 61.5 }), pm)).toEqual({ value: 61.5, basis: 'bounds' });
  });
  it('places the latest value on the bounds for other methods', () => {
    const bounds = pm?.bounds;
    if (!bounds) throw new Error('11.6.2 has bounds in the registry');
    expect(normalizedScoreOf(result({ score: 2, latest: { year: 2020, value: 30 } }), pm)).toEqual({ value: normalizeToBounds(30, bounds), basis: 'bounds' });
  });
  it('never falls back to a progress score when the indicator has bounds', () => {
    expect(normalizedScoreOf(result({ score: 2, latest: null }), pm)).toBeNull();
  });
  it.each([
    [-5, 0],
    [0, 50],
    [2.5, 75],
    [5, 100],
    [7, 100],
  ])('without bounds, rescales the opensdg score %d to %d', (score, expected) => {
    expect(normalizedScoreOf(result({ score, latest: { year: 2020, value: 3 } }), noBounds)).toEqual({ value: expected, basis: 'progress' });
  });
  it('gives no score for insufficient data, or for unsd/sdsn without bounds', () => {
    expect(normalizedScoreOf(result({ status: 'insufficient_data', score: null }), noBounds)).toBeNull();
    expect(normalizedScoreOf(result({ method: 'unsd', score: 0.8 }), noBounds)).toBeNull();
    expect(normalizedScoreOf(result({ method: 'sdsn', score: null }), noBounds)).toBeNull();
  });
});

describe('buildSideBySide(dashboard, registry, cityKeys)', () => {
  const groups = buildSideBySide(dash, registry, ['LB-TYR', 'CH-ZRH']);
  it('lists every indicator with data in any of the cities, grouped by SDG target, local indicators last', () => {
    expect(groups.map((g) => [g.target, g.rows.map((r) => r.code)])).toEqual([
      ['11.3', ['11.3.2']],
      ['11.5', ['11.5.1']],
      ['11.6', ['11.6.2']],
      ['11.7', ['11.7.1']],
      [null, ['LOCAL-TRANSIT-2']],
    ]);
  });
  it('has one cell per city, in the cities’ order, with the engine’s status and the headline’s latest value', () => {
    const pm = groups.find((g) => g.target === '11.6')?.rows[0];
    expect(pm?.cells.map((c) => c.cityKey)).toEqual(['LB-TYR', 'CH-ZRH']);
    expect(pm?.cells.map((c) => c.status)).toEqual([dash.headlineOf('LB-TYR', '11.6.2')?.result.status, dash.headlineOf('CH-ZRH', '11.6.2')?.result.status]);
    // The headline (no disaggregation) value, not the Female one.
    expect(pm?.cells[0]?.latest).toEqual({ year: 2020, value: 30 });
    expect(pm?.cells[0]?.gap).toEqual({ kind: 'gap', target: { year: 2030, value: 5 }, absolute: 25, relative: 5 });
    expect(pm?.cells[1]?.gap).toEqual({ kind: 'achieved', target: { year: 2030, value: 5 } });
    expect(pm?.cells[0]?.score?.basis).toBe('bounds');
  });
  it('marks a city without the indicator as having no data (no status, no gap)', () => {
    const local = groups.find((g) => g.target === null)?.rows[0];
    expect(local?.cells[1]).toEqual({ cityKey: 'CH-ZRH', progress: undefined, status: null, latest: null, gap: null, score: null });
    expect(local?.indicator).toBeUndefined();
  });
  it('joins data filed under an alias (1.5.1) to its indicator (11.5.1)', () => {
    expect(groups.find((g) => g.target === '11.5')?.rows[0]?.cells[1]?.latest).toEqual({ year: 2021, value: 1 });
  });
  it('keeps insufficient data as a status with its latest value', () => {
    const one = groups.find((g) => g.target === '11.7')?.rows[0]?.cells[1];
    expect(one?.status).toBe('insufficient_data');
    expect(one?.latest).toEqual({ year: 2021, value: 55 });
    expect(one?.gap).toEqual({ kind: 'no_target' });
  });
  it('works for one city, and for none', () => {
    const single = buildSideBySide(dash, registry, ['CH-ZRH']);
    expect(single.flatMap((g) => g.rows.map((r) => r.code))).toEqual(['11.5.1', '11.6.2', '11.7.1']);
    expect(single.every((g) => g.rows.every((r) => r.cells.length === 1))).toBe(true);
    expect(buildSideBySide(dash, registry, [])).toEqual([]);
  });
  it('gives unknown keys empty cells rather than failing', () => {
    const rows = buildSideBySide(dash, registry, ['LB-TYR', 'NOPE']).flatMap((g) => g.rows);
    expect(rows.every((r) => r.cells[1]?.progress === undefined)).toBe(true);
  });
});

describe('buildDumbbell(groups)', () => {
  it('keeps indicators where a city has a score, with the spread of the scores', () => {
    const rows = buildDumbbell(buildSideBySide(dash, registry, ['LB-TYR', 'CH-ZRH']));
    const pm = rows.find((r) => r.code === '11.6.2');
    expect(pm?.basis).toBe('bounds');
    expect(pm?.scores).toHaveLength(2);
    const [a, b] = pm?.scores ?? [];
    expect(a).toBeLessThan(b ?? 0);
    expect(pm?.min).toBe(a);
    expect(pm?.max).toBe(b);
    // No bounds, one point: no opensdg score → no row.
    expect(rows.find((r) => r.code === '11.7.1')).toBeUndefined();
    // Not in the registry: no settings, no score.
    expect(rows.find((r) => r.code === 'LOCAL-TRANSIT-2')).toBeUndefined();
  });
  it('puts null where a city has no score', () => {
    const rows = buildDumbbell(buildSideBySide(dash, registry, ['LB-TYR', 'CH-ZRH']));
    const progress = rows.find((r) => r.code === '11.3.2');
    expect(progress?.basis).toBe('progress');
    expect(progress?.scores[1]).toBeNull();
    expect(progress?.min).toBe(progress?.max);
  });
  it('is empty without scores', () => {
    expect(buildDumbbell([])).toEqual([]);
  });
});

// Ranking: lower is better for 11.6.2; equal values tie; a city with only disaggregated rows has no value.
const many = table([
  { city: 'A', cityCode: '', year: 2020, value: 20 },
  { city: 'B', cityCode: '', year: 2020, value: 10 },
  { city: 'C', cityCode: '', year: 2020, value: 20 },
  { city: 'D', cityCode: '', year: 2020, value: 15, disaggregation: '[["Sex","Male"]]' },
  { city: 'عمّان', cityCode: 'JO-AMM', year: 2019, value: 10 },
  { city: 'E', cityCode: '', year: 2021, value: 30 },
  { city: 'B', cityCode: '', indicator: '11.6.1', year: 2020, value: 60 },
]);
const manyDash = buildDashboard([many], registry, 'opensdg');

describe('buildRanking(dashboard, registry, code)', () => {
  const ranking = buildRanking(manyDash, registry, '11.6.2');
  it('ranks every city with a result, best first for the direction, ties share a rank in data order, missing last', () => {
    expect(ranking.map((r) => [r.key, r.rank, r.latest?.value ?? null])).toEqual([
      ['B', 1, 10],
      ['JO-AMM', 1, 10],
      ['A', 3, 20],
      ['C', 3, 20],
      ['E', 5, 30],
      ['D', null, null],
    ]);
  });
  it('carries the engine’s status and the distance to the target', () => {
    expect(ranking[0]?.status).toBe(manyDash.headlineOf('B', '11.6.2')?.result.status);
    expect(ranking[4]?.distance).toEqual({ absolute: 25, relative: 5 });
    expect(ranking[5]?.status).toBe('insufficient_data');
  });
  it('is empty for an indicator without data', () => {
    expect(buildRanking(manyDash, registry, '11.2.1')).toEqual([]);
  });
  it('is the same for an increase indicator in reverse', () => {
    const inc = buildRanking(buildDashboard([table([
      { city: 'A', cityCode: '', indicator: '6.1.1', year: 2020, value: 50 },
      { city: 'B', cityCode: '', indicator: '6.1.1', year: 2020, value: 90 },
    ])], registry, 'opensdg'), registry, '6.1.1');
    expect(inc.map((r) => r.key)).toEqual(['B', 'A']);
  });
});

describe('resolveIndicator / indicatorsWithData', () => {
  it('resolves aliases and refuses indicators without data', () => {
    expect(resolveIndicator('1.5.1', dash, registry)).toBe('11.5.1');
    expect(resolveIndicator('11.6.2', dash, registry)).toBe('11.6.2');
    expect(resolveIndicator('11.2.1', dash, registry)).toBeNull();
    expect(resolveIndicator('<script>', dash, registry)).toBeNull();
    expect(resolveIndicator(undefined, dash, registry)).toBeNull();
  });
  it('lists indicators in code order', () => {
    expect(indicatorsWithData(dash)).toEqual(['11.3.2', '11.5.1', '11.6.2', '11.7.1', 'LOCAL-TRANSIT-2']);
  });
});

describe('filterRanking(rows, query, labelOf) and searchFold', () => {
  const rows = buildRanking(manyDash, registry, '11.6.2');
  const labelOf = (k: string) => (k === 'JO-AMM' ? 'عمّان' : k);
  it('matches names without Arabic short vowels or case, and codes', () => {
    expect(filterRanking(rows, 'عمان', labelOf).map((r) => r.key)).toEqual(['JO-AMM']);
    expect(filterRanking(rows, 'jo-a', labelOf).map((r) => r.key)).toEqual(['JO-AMM']);
    expect(filterRanking(rows, ' ', labelOf)).toBe(rows);
    expect(filterRanking(rows, 'zzz', labelOf)).toEqual([]);
  });
  it('keeps the ranks of what it keeps', () => {
    expect(filterRanking(rows, 'c', labelOf).map((r) => r.rank)).toEqual([3]);
  });
  it.each([
    ['Zürich', 'zurich'],
    ['عَمّان', 'عمان'],
    ['  MIXED ', 'mixed'],
  ])('searchFold(%s) = %s', (s, expected) => {
    expect(searchFold(s)).toBe(expected);
  });
});

describe('rankingPage(rows, page, size) and pageOfCity', () => {
  const rows = Array.from({ length: 1017 }, (_, i) => ({ key: `C${i}` }));
  it.each([
    [0, { page: 0, pages: 21, from: 1, to: 50 }],
    [20, { page: 20, pages: 21, from: 1001, to: 1017 }],
    [99, { page: 20, pages: 21, from: 1001, to: 1017 }],
    [-3, { page: 0, pages: 21, from: 1, to: 50 }],
    [NaN, { page: 0, pages: 21, from: 1, to: 50 }],
  ])('page %d', (page, expected) => {
    const p = rankingPage(rows, page);
    expect({ page: p.page, pages: p.pages, from: p.from, to: p.to }).toEqual(expected);
    expect(p.rows).toHaveLength(p.to - p.from + 1);
    expect(p.total).toBe(1017);
  });
  it('an empty ranking is one empty page', () => {
    expect(rankingPage([], 3)).toEqual({ rows: [], page: 0, pages: 1, from: 0, to: 0, total: 0 });
  });
  it('finds the page of a city', () => {
    expect(pageOfCity(rows, 'C0')).toBe(0);
    expect(pageOfCity(rows, 'C50')).toBe(1);
    expect(pageOfCity(rows, 'C1016')).toBe(20);
    expect(pageOfCity(rows, 'nope')).toBe(-1);
  });
});

describe('lineCities(ranking, selected, n, max)', () => {
  const ranking = buildRanking(manyDash, registry, '11.6.2');
  it('draws the chosen cities that have data, in their order', () => {
    expect(lineCities(ranking, ['E', 'unknown', 'A'], 5)).toEqual({ keys: ['E', 'A'], from: 'selected' });
  });
  it('draws the best-ranked cities when none is chosen (or none has data)', () => {
    expect(lineCities(ranking, [], 3)).toEqual({ keys: ['B', 'JO-AMM', 'A'], from: 'top' });
    expect(lineCities(ranking, ['unknown'], 10)).toEqual({ keys: ['B', 'JO-AMM', 'A', 'C', 'E'], from: 'top' });
  });
  it('never draws more than max lines', () => {
    expect(lineCities(ranking, ['A', 'B', 'C', 'E'], 5, 2).keys).toEqual(['A', 'B']);
  });
});

describe('buildLines(table, registry, code, cityKeys)', () => {
  it('reads the headline values per year, in the cities’ order, keyed like the dashboard', () => {
    const lines = buildLines(partners, registry, '11.6.2', ['CH-ZRH', 'LB-TYR', SCRIPT, 'nope']);
    expect(lines).toEqual([
      { key: 'CH-ZRH', points: [{ year: 2015, value: 12 }, { year: 2022, value: 4 }] },
      { key: 'LB-TYR', points: [{ year: 2015, value: 40 }, { year: 2020, value: 30 }] },
      { key: SCRIPT, points: [{ year: 2015, value: 20 }, { year: 2020, value: 20 }] },
      { key: 'nope', points: [] },
    ]);
  });
  it('reads data filed under an alias', () => {
    expect(buildLines(partners, registry, '11.5.1', ['CH-ZRH'])[0]?.points).toEqual([{ year: 2016, value: 3 }, { year: 2021, value: 1 }]);
  });
  it('keeps the first series/unit met, the last value listed for a year, and leaves NaN out', () => {
    const t = table([
      { year: 2015, value: 1, unit: 'µg/m³' },
      { year: 2015, value: 2, unit: 'µg/m³' },
      { year: 2016, value: 99, unit: 'ppm' },
      { year: 2017, value: NaN, unit: 'µg/m³' },
      { year: 2016, value: 3, unit: 'µg/m³' },
    ]);
    expect(buildLines(t, registry, '11.6.2', ['LB-TYR'])[0]?.points).toEqual([{ year: 2015, value: 2 }, { year: 2016, value: 3 }]);
  });
  it('is empty for no cities or an empty table', () => {
    expect(buildLines(partners, registry, '11.6.2', [])).toEqual([]);
    expect(buildLines(table([]), registry, '11.6.2', ['LB-TYR'])).toEqual([{ key: 'LB-TYR', points: [] }]);
  });
});

describe('chart options', () => {
  const rows = buildDumbbell(buildSideBySide(dash, registry, ['LB-TYR', SCRIPT]));
  const input = {
    rows,
    cities: ['Tyre', IMG],
    rowLabel: (r: (typeof rows)[number]) => r.code,
    rowTitle: (r: (typeof rows)[number]) => `${r.code} ${IMG}`,
    basisText: () => 'basis',
    noScore: 'no score',
    axisName: 'Score',
    description: 'A description',
    formatValue: (v: number) => v.toFixed(0),
    animate: false,
  };

  function render(option: CompareChartOption): string {
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: dumbbellHeight(rows.length, 2, 600) });
    chart.setOption(option);
    const svg = chart.renderToSVGString();
    chart.dispose();
    return svg;
  }

  it('draws city names as text, never as markup', () => {
    const svg = render(buildDumbbellOption(input, 'ltr'));
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
  it('escapes every data-derived piece of the dumbbell tooltip', () => {
    const option = buildDumbbellOption(input, 'ltr');
    const tooltip = option.tooltip;
    const formatter = tooltip !== undefined && !Array.isArray(tooltip) ? tooltip.formatter : undefined;
    if (typeof formatter !== 'function') throw new Error('the dumbbell tooltip has a formatter');
    const html = String(formatter([{ value: [50, 0] }] as never, '', () => undefined));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
  it('mirrors in Arabic: value axis right to left, labels on the right, right-aligned legend', () => {
    const rtl = buildDumbbellOption(input, 'rtl');
    expect(rtl.xAxis).toMatchObject({ inverse: true });
    expect(rtl.yAxis).toMatchObject({ position: 'right' });
    expect(rtl.legend).toMatchObject({ align: 'right', right: 8 });
    const ltr = buildDumbbellOption(input, 'ltr');
    expect(ltr.xAxis).toMatchObject({ inverse: false });
    expect(ltr.yAxis).toMatchObject({ position: 'left' });
  });
  it('turns decals on and carries our description', () => {
    expect(buildDumbbellOption(input, 'ltr').aria).toMatchObject({ enabled: true, label: { description: 'A description' }, decal: { show: true } });
  });
  it('draws lines with the target, mirrored in Arabic, names as text', () => {
    const lines = {
      lines: [{ name: IMG, points: [{ year: 2015, value: 20 }, { year: 2020, value: 10 }] }],
      target: { value: 5, label: 'Target 2030: 5' },
      unit: 'µg/m³',
      description: 'Lines',
      formatValue: (v: number) => String(v),
      formatYear: (y: number) => String(y),
      animate: false,
    };
    const svg = render(buildLinesOption(lines, 'ltr'));
    expect(svg).not.toContain('<img');
    expect(svg).toContain('Target 2030: 5');
    const rtl = buildLinesOption(lines, 'rtl');
    expect(rtl.xAxis).toMatchObject({ inverse: true });
    // The value axis holds the values and the target.
    expect(rtl.yAxis).toMatchObject({ position: 'right', min: 5, max: 20 });
    expect(rtl.tooltip).toMatchObject({ extraCssText: 'direction:rtl;text-align:right;' });
  });
});
