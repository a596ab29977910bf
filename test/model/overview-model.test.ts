import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INDICATORS_DIR, loadRegistryFromDirs } from '@/cli/load-registry';
import { type ObservationInput, ObservationTableBuilder } from '@/domain/observation-table';
import { PROGRESS_STATUSES } from '@/domain/progress/types';
import { parseRegistry } from '@/domain/registry';
import { buildDashboard } from '@/model/dashboard-model';
import {
  buildCityOverview,
  cityDisplayName,
  findCity,
  groupRows,
  headlineTrends,
  sparklinePath,
  summarizeRows,
} from '@/model/overview-model';
import { ingestFile } from '@/ingest/ingest-file';

const { registry } = loadRegistryFromDirs();

const base: ObservationInput = {
  city: 'Tyre', cityCode: 'LB-TYR', indicator: '11.6.2', year: 2015, value: 40, period: '', unit: '', series: '', disaggregation: '', source: '', note: '', line: 2,
};
function table(rows: Array<Partial<ObservationInput>>) {
  const b = new ObservationTableBuilder(8);
  rows.forEach((r, i) => b.push({ ...base, line: i + 2, ...r }));
  return b.finish();
}
/** Yearly rows of one indicator for Tyre, from `from` on. */
function series(indicator: string, values: number[], extra: Partial<ObservationInput> = {}, from = 2015) {
  return values.map((value, i) => ({ indicator, year: from + i, value, ...extra }));
}

describe('buildCityOverview(dashboard, registry, city)', () => {
  const t = table([
    ...series('11.6.2', [40, 35, 30, 25]), // PM2.5 falls: progress
    ...series('11.1.1', [30, 32, 34, 36]), // slum population rises: deterioration
    ...series('1.5.1', [10, 8, 6, 4]), // an alias of 11.5.1
    ...series('LOCAL-TRANSIT-1', [1, 2, 3]), // not in the registry
    { city: 'Zurich', cityCode: 'CH-ZRH', indicator: '11.6.2', year: 2020, value: 10 },
  ]);
  const d = buildDashboard([t], registry, 'opensdg');
  const o = buildCityOverview(d, registry, 'LB-TYR');

  it('lists every indicator with data, registry order first and unknown codes last', () => {
    expect(o.rows.map((r) => r.code)).toEqual(['11.1.1', '11.5.1', '11.6.2', 'LOCAL-TRANSIT-1']);
    expect(o.rows[3]?.indicator).toBeUndefined();
    expect(o.unregistered).toBe(1);
  });
  it('takes statuses and scores from the engine, and the counts agree with the roll-ups', () => {
    for (const r of o.rows) expect(r.status).toBe(d.headlineOf('LB-TYR', r.code)?.result.status);
    expect(o.counts).toEqual(d.rollups.get('LB-TYR')?.overall.counts);
    expect(o.meanScore).toBeCloseTo(d.rollups.get('LB-TYR')?.overall.meanScore ?? Number.NaN, 10);
    expect(o.rows.find((r) => r.code === 'LOCAL-TRANSIT-1')?.status).toBe('insufficient_data');
  });
  it('gives the latest value and year, and the registry target (or none)', () => {
    const pm = o.rows.find((r) => r.code === '11.6.2');
    expect(pm?.latest).toEqual({ year: 2018, value: 25 });
    expect(pm?.target).toEqual({ year: 2030, value: 5 });
    expect(o.rows.find((r) => r.code === '11.5.1')?.target).toBeNull();
    // Unknown to the registry: no assessment, but the latest value still comes from the data.
    expect(o.rows.find((r) => r.code === 'LOCAL-TRANSIT-1')?.latest).toEqual({ year: 2017, value: 3 });
  });
  it('joins data filed under an alias to its indicator (trend included)', () => {
    expect(o.rows.find((r) => r.code === '11.5.1')?.points).toEqual({ years: [2015, 2016, 2017, 2018], values: [10, 8, 6, 4] });
  });
  it('counts coverage and lists the registry indicators without data', () => {
    expect(o.reported).toBe(3);
    expect(o.registered).toBe(registry.indicators.length);
    expect(o.gaps).toHaveLength(registry.indicators.length - 3);
    expect(o.gaps.map((g) => g.code)).not.toContain('11.5.1');
    expect(o.gaps.map((g) => g.code)).toContain('11.2.1');
  });
  it('a city with no data is an empty overview (everything a gap)', () => {
    const none = buildCityOverview(d, registry, 'NOWHERE');
    expect(none.rows).toEqual([]);
    expect(none.reported).toBe(0);
    expect(none.gaps).toHaveLength(registry.indicators.length);
    expect(Object.values(none.counts).every((n) => n === 0)).toBe(true);
    expect(none.meanScore).toBeNull();
  });
  it('an empty workspace gives an empty overview', () => {
    const empty = buildDashboard([], registry, 'opensdg');
    expect(buildCityOverview(empty, registry, 'LB-TYR').rows).toEqual([]);
  });
  it('insufficient data everywhere: every status insufficient, no mean score, latest values kept', () => {
    const one = table([
      { indicator: '11.6.2', year: 2020, value: 12 },
      { indicator: '11.1.1', year: 2021, value: 30 },
    ]);
    const od = buildCityOverview(buildDashboard([one], registry, 'opensdg'), registry, 'LB-TYR');
    expect(od.rows.map((r) => r.status)).toEqual(['insufficient_data', 'insufficient_data']);
    expect(od.counts.insufficient_data).toBe(2);
    expect(od.meanScore).toBeNull();
    expect(od.rows.map((r) => r.latest)).toEqual([
      { year: 2021, value: 30 },
      { year: 2020, value: 12 },
    ]);
  });
});

describe('groupRows(rows, grouping)', () => {
  const t = table([
    ...series('11.6.2', [40, 35, 30]), // target 11.6 · environment · planning
    ...series('11.2.1', [50, 55, 60]), // target 11.2 · inclusion + environment · planning
    ...series('16.7.2', [40, 45, 50]), // target 16.7 · inclusion · governance
    ...series('8.5.2', [10, 9, 8]), // target 8.5 · prosperity · finance
    ...series('XX-UNKNOWN-1', [1, 2]),
  ]);
  const d = buildDashboard([t], registry, 'opensdg');
  const rows = buildCityOverview(d, registry, 'LB-TYR').rows;
  const keys = (g: ReturnType<typeof groupRows>) => g.map((x) => `${x.kind}:${x.key}=${x.rows.map((r) => r.code).join(',')}`);

  it.each([
    ['target', ['target:8.5=8.5.2', 'target:11.2=11.2.1', 'target:11.6=11.6.2', 'target:16.7=16.7.2', 'unregistered:=XX-UNKNOWN-1']],
    [
      'commitment',
      [
        'commitment:inclusion_poverty=11.2.1,16.7.2',
        'commitment:prosperity=8.5.2',
        'commitment:environment_resilience=11.2.1,11.6.2',
        'unregistered:=XX-UNKNOWN-1',
      ],
    ],
    ['priority', ['priority:governance=16.7.2', 'priority:planning=11.2.1,11.6.2', 'priority:finance=8.5.2', 'unregistered:=XX-UNKNOWN-1']],
  ] as const)('groups by %s, in the framework order, unknown indicators last', (grouping, expected) => {
    expect(keys(groupRows(rows, grouping))).toEqual(expected);
  });
  it('puts a national sub-indicator (11.6.2.a) under its SDG target, not among the unknown ones', () => {
    const withSub = buildCityOverview(buildDashboard([table([...series('11.6.2', [40, 35, 30]), ...series('11.6.2.a', [5, 6])])], registry, 'opensdg'), registry, 'LB-TYR').rows;
    expect(keys(groupRows(withSub, 'target'))).toEqual(['target:11.6=11.6.2,11.6.2.a']);
    expect(keys(groupRows(withSub, 'priority'))).toEqual(['priority:planning=11.6.2', 'unregistered:=11.6.2.a']);
  });
  it('counts each group by status', () => {
    for (const g of groupRows(rows, 'commitment')) {
      expect(Object.values(g.counts).reduce((a, b) => a + b, 0)).toBe(g.rows.length);
      expect(g.counts).toEqual(summarizeRows(g.rows).counts);
    }
  });
  it('puts local indicators (no SDG target) in their own group, after the targets', () => {
    const json: unknown = {
      ...JSON.parse(readFileSync(`${INDICATORS_DIR}11-6-2.json`, 'utf8')),
      code: 'AMM-1',
      goal: null,
      target: null,
    };
    const local = parseRegistry([...registry.indicators.map((ind) => ({ file: `${ind.code.replace(/\./g, '-')}.json`, json: ind })), { file: 'AMM-1.json', json }]);
    expect(local.problems).toEqual([]);
    const lt = table([...series('AMM-1', [3, 4, 5]), ...series('11.6.2', [40, 35, 30])]);
    const lrows = buildCityOverview(buildDashboard([lt], local.registry, 'opensdg'), local.registry, 'LB-TYR').rows;
    expect(keys(groupRows(lrows, 'target'))).toEqual(['target:11.6=11.6.2', 'local:=AMM-1']);
  });
  it('no rows, no groups', () => {
    expect(groupRows([], 'target')).toEqual([]);
  });
});

describe('headlineTrends(table, registry, city)', () => {
  it('uses headline rows only, keeps the last-listed value of a repeated year, sorts years', () => {
    const t = table([
      { year: 2017, value: 30 },
      { year: 2015, value: 40 },
      { year: 2015, value: 41 },
      { year: 2016, value: 99, disaggregation: '[["Sex","Female"]]' },
      { year: 2016, value: Number.NaN },
    ]);
    expect(headlineTrends(t, registry, 'LB-TYR').get('11.6.2')).toEqual({ points: { years: [2015, 2016, 2017], values: [41, Number.NaN, 30] }, unit: '' });
  });
  it('draws no trend when the headline is ambiguous (two units)', () => {
    const t = table([...series('11.6.2', [40, 35], { unit: 'µg/m³' }), ...series('11.6.2', [4, 3.5], { unit: 'index' })]);
    expect(headlineTrends(t, registry, 'LB-TYR').has('11.6.2')).toBe(false);
    expect(buildCityOverview(buildDashboard([t], registry, 'opensdg'), registry, 'LB-TYR').rows[0]?.points).toBeNull();
  });
  it('matches cities by code, or by name when the data has no code', () => {
    const t = table([
      { cityCode: '', city: 'Sohar', value: 1 },
      { cityCode: 'OM-MCT', city: 'Sohar', value: 2 },
    ]);
    expect(headlineTrends(t, registry, 'Sohar').get('11.6.2')?.points.values).toEqual([1]);
    expect(headlineTrends(t, registry, 'OM-MCT').get('11.6.2')?.points.values).toEqual([2]);
    expect(headlineTrends(t, registry, 'nowhere').size).toBe(0);
  });
});

describe('sparklinePath(points, box, dir)', () => {
  const box = { width: 100, height: 20, pad: 0 };
  it.each([
    ['no points', [], [], 'ltr', '', null],
    ['one point, centred', [2020], [5], 'ltr', '', { x: 50, y: 10 }],
    ['a rise, left to right', [2010, 2020], [0, 10], 'ltr', 'M0 20L100 0', { x: 100, y: 0 }],
    ['a rise, right to left in Arabic', [2010, 2020], [0, 10], 'rtl', 'M100 20L0 0', { x: 0, y: 0 }],
    ['years spaced by year', [2010, 2011, 2020], [0, 10, 5], 'ltr', 'M0 20L10 0L100 10', { x: 100, y: 10 }],
    ['a flat series at mid-height', [2010, 2020], [7, 7], 'ltr', 'M0 10L100 10', { x: 100, y: 10 }],
    ['a missing value breaks the line', [2010, 2011, 2012, 2013], [0, 10, Number.NaN, 10], 'ltr', 'M0 20L33.3 0', { x: 100, y: 0 }],
    ['only missing values', [2010, 2011], [Number.NaN, Number.NaN], 'ltr', '', null],
  ] as const)('%s', (_name, years, values, dir, d, last) => {
    const s = sparklinePath({ years, values }, box, dir);
    expect(s.d).toBe(d);
    expect(s.last).toEqual(last);
  });
  it('reports the first and latest finite points for the text alternative', () => {
    const s = sparklinePath({ years: [2010, 2011, 2012], values: [Number.NaN, 3, 4] }, box, 'ltr');
    expect(s.first).toEqual({ year: 2011, value: 3 });
    expect(s.lastPoint).toEqual({ year: 2012, value: 4 });
    expect(s.count).toBe(2);
  });
  it('keeps inside the padded box', () => {
    const s = sparklinePath({ years: [2000, 2001, 2002], values: [-5, 100, 3] }, { width: 96, height: 28, pad: 3 }, 'rtl');
    const nums = s.d.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
    expect(Math.min(...nums)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...nums)).toBeLessThanOrEqual(93);
  });
});

describe('summarizeRows(rows)', () => {
  it('counts statuses and averages finite scores only', () => {
    const s = summarizeRows([
      { status: 'on_track', score: 4 },
      { status: 'on_track', score: 2 },
      { status: 'insufficient_data', score: null },
      { status: 'deterioration', score: Number.NaN },
    ]);
    expect(s.counts.on_track).toBe(2);
    expect(s.counts.deterioration).toBe(1);
    expect(s.meanScore).toBe(3);
    expect(s.scored).toBe(2);
  });
  it('no rows: zero counts and no mean', () => {
    const s = summarizeRows([]);
    expect(PROGRESS_STATUSES.map((k) => s.counts[k])).toEqual([0, 0, 0, 0, 0, 0]);
    expect(s.meanScore).toBeNull();
  });
});

describe('cities', () => {
  const t = table([{ cityCode: 'XD-WNR', city: 'Wadi Noor' }, { cityCode: '', city: 'Sohar' }]);
  const d = buildDashboard([t], registry, 'opensdg');
  const names = { 'XD-WNR': { en: 'Wadi Noor', ar: 'وادي النور' } };
  it('findCity finds by key, then by the name in the data', () => {
    expect(findCity(d, 'XD-WNR')?.key).toBe('XD-WNR');
    expect(findCity(d, 'Wadi Noor')?.key).toBe('XD-WNR');
    expect(findCity(d, 'Sohar')?.key).toBe('Sohar');
    expect(findCity(d, 'Atlantis')).toBeUndefined();
    expect(findCity(d, undefined)).toBeUndefined();
  });
  it('cityDisplayName uses the Arabic name in Arabic, English otherwise, else the data', () => {
    const wnr = d.cityByKey.get('XD-WNR');
    const sohar = d.cityByKey.get('Sohar');
    if (wnr === undefined || sohar === undefined) throw new Error('cities missing');
    expect(cityDisplayName(wnr, names, 'ar')).toBe('وادي النور');
    expect(cityDisplayName(wnr, names, 'fr')).toBe('Wadi Noor');
    expect(cityDisplayName(sohar, names, 'ar')).toBe('Sohar');
  });
});

describe('the demo data', () => {
  const bytes = new Uint8Array(readFileSync(new URL('../../public/demo/marsad-demo.csv', import.meta.url)));
  const demo = ingestFile({ name: 'marsad-demo.csv', bytes }, registry);
  it.each(['opensdg', 'unsd', 'sdsn'] as const)('%s: summary and priority groups agree with the roll-ups for every city', (method) => {
    const d = buildDashboard([demo.table], registry, method);
    expect(d.cities.length).toBeGreaterThan(0);
    for (const c of d.cities) {
      const o = buildCityOverview(d, registry, c.key);
      const rollup = d.rollups.get(c.key);
      expect(o.counts).toEqual(rollup?.overall.counts);
      expect(o.rows.every((r) => r.points !== null && r.latest !== null)).toBe(true);
      const byPriority = groupRows(o.rows, 'priority').map((g) => [g.key, g.counts]);
      expect(byPriority).toEqual(rollup?.byPriority.map((g) => [g.key, g.counts]));
      const byTarget = groupRows(o.rows, 'target').map((g) => [g.key, g.counts]);
      expect(byTarget).toEqual(rollup?.byTarget.map((g) => [g.key, g.counts]));
    }
  });
});
