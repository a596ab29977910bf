import { describe, expect, it } from 'vitest';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { IndicatorSchema } from '@/domain/indicator';
import { type ObservationInput, ObservationTableBuilder } from '@/domain/observation-table';
import type { Registry } from '@/domain/registry';
import { buildDashboard } from '@/model/dashboard-model';
import { buildReport, cityPeriod, explainProgress, localized, resolveReportCities } from '@/model/report-model';

const { registry } = loadRegistryFromDirs();

const base: ObservationInput = {
  city: 'Tyre', cityCode: 'LB-TYR', indicator: '11.6.2', year: 2015, value: 40, period: '', unit: '', series: '', disaggregation: '', source: '', note: '', line: 2,
};
function table(rows: Array<Partial<ObservationInput>>) {
  const b = new ObservationTableBuilder(8);
  rows.forEach((r, i) => b.push({ ...base, line: i + 2, ...r }));
  return b.finish();
}
function series(indicator: string, values: number[], extra: Partial<ObservationInput> = {}, from = 2015) {
  return values.map((value, i) => ({ indicator, year: from + i, value, ...extra }));
}
const zurich = { city: 'Zurich', cityCode: 'CH-ZRH' };

describe('buildReport(dashboard, registry, cityKeys)', () => {
  const t = table([
    ...series('11.6.2', [40, 35, 30]), // 11.6 · planning
    ...series('11.2.1', [50, 55, 60]), // 11.2 · planning
    ...series('16.7.2', [40, 45, 50]), // 16.7 · governance
    ...series('LOCAL-X-1', [1, 2, 3], {}, 2012), // not in the registry
    ...series('11.6.2', [10, 12, 14], zurich, 2018),
    ...series('11.1.1', [30, 28], zurich, 2019),
  ]);
  const d = buildDashboard([t], registry, 'opensdg');

  it('has one section per SDG target the city reports, in code order, then the unregistered indicators', () => {
    const r = buildReport(d, registry, ['LB-TYR']);
    expect(r.sections.map((s) => [s.kind, s.key, s.goal])).toEqual([
      ['target', '11.2', 11],
      ['target', '11.6', 11],
      ['target', '16.7', 16],
      ['unregistered', '', undefined],
    ]);
    expect(r.sections.flatMap((s) => s.indicators.map((i) => i.code))).toEqual(['11.2.1', '11.6.2', '16.7.2', 'LOCAL-X-1']);
  });

  it('gives each indicator the engine result and its explanation sentences', () => {
    const r = buildReport(d, registry, ['LB-TYR']);
    const row = r.sections.find((s) => s.key === '11.6')?.indicators[0];
    const result = row?.results[0];
    expect(result?.cityKey).toBe('LB-TYR');
    expect(result?.progress).toBe(d.headlineOf('LB-TYR', '11.6.2'));
    expect(result?.sentences[0]?.key).toBe('indicator.explain.method');
    expect(result?.sentences.map((s) => s.key)).toContain('indicator.explain.result');
  });

  it('summarises by status and by all three NUA priorities, with the roll-ups of the dashboard', () => {
    const r = buildReport(d, registry, ['LB-TYR']);
    const c = r.cities[0];
    expect(c?.overall).toEqual(d.rollups.get('LB-TYR')?.overall);
    expect(c?.overall.indicators).toBe(4);
    expect(c?.byPriority.map((g) => [g.key, g.indicators])).toEqual([
      ['governance', 1],
      ['planning', 2],
      ['finance', 0],
    ]);
    expect(Object.values(c?.byPriority[2]?.counts ?? {}).every((n) => n === 0)).toBe(true);
  });

  it('covers the period of all the city’s observations', () => {
    expect(buildReport(d, registry, ['LB-TYR']).period).toEqual({ from: 2012, to: 2017 });
    expect(buildReport(d, registry, ['CH-ZRH']).period).toEqual({ from: 2018, to: 2020 });
  });

  it('puts partner cities side by side: the union of their indicators, a result per city (undefined where not reported)', () => {
    const r = buildReport(d, registry, ['LB-TYR', 'CH-ZRH']);
    expect(r.cities.map((c) => c.cityKey)).toEqual(['LB-TYR', 'CH-ZRH']);
    expect(r.sections.map((s) => s.key)).toEqual(['11.1', '11.2', '11.6', '16.7', '']);
    const air = r.sections.find((s) => s.key === '11.6')?.indicators[0];
    expect(air?.results.map((x) => [x.cityKey, x.progress?.result.status !== undefined])).toEqual([
      ['LB-TYR', true],
      ['CH-ZRH', true],
    ]);
    const housing = r.sections.find((s) => s.key === '11.1')?.indicators[0];
    expect(housing?.results.map((x) => [x.cityKey, x.progress === undefined, x.sentences.length])).toEqual([
      ['LB-TYR', true, 0],
      ['CH-ZRH', false, housing?.results[1]?.sentences.length],
    ]);
    expect(r.period).toEqual({ from: 2012, to: 2020 });
  });

  it.each([
    ['an unknown city', ['Atlantis']],
    ['no city', []],
  ])('buildReport with %s has no sections and a summary without data', (_name, keys) => {
    const r = buildReport(d, registry, keys);
    expect(r.sections).toEqual([]);
    expect(r.period).toBeNull();
    for (const c of r.cities) {
      expect(c.period).toBeNull();
      expect(c.overall.indicators).toBe(0);
      expect(c.byPriority).toHaveLength(3);
    }
  });

  it('an empty dashboard gives an empty report', () => {
    const r = buildReport(buildDashboard([], registry, 'opensdg'), registry, ['LB-TYR']);
    expect(r.sections).toEqual([]);
    expect(r.period).toBeNull();
  });

  it('files a local registry indicator (no SDG target) under the local section, after the targets', () => {
    const model = registry.byCode.get('11.6.2');
    if (model === undefined) throw new Error('11.6.2 missing from the registry');
    const local = IndicatorSchema.parse({ ...model, code: 'AMM-1', goal: null, target: null, aliases: [] });
    const withLocal: Registry = { indicators: [...registry.indicators, local], byCode: new Map([...registry.byCode, ['AMM-1', local]]) };
    const r = buildReport(buildDashboard([table([...series('AMM-1', [1, 2, 3]), ...series('11.6.2', [40, 35])])], withLocal, 'opensdg'), withLocal, ['LB-TYR']);
    expect(r.sections.map((s) => [s.kind, s.key])).toEqual([
      ['target', '11.6'],
      ['local', ''],
    ]);
  });
});

describe('cityPeriod(table, cityKey)', () => {
  it.each([
    ['by code', [{ year: 2011 }, { year: 2019, disaggregation: '[["Sex","F"]]' }], 'LB-TYR', { from: 2011, to: 2019 }],
    ['by name when the row has no code', [{ cityCode: '', year: 2013 }], 'Tyre', { from: 2013, to: 2013 }],
    ['not by name when the row has a code', [{ year: 2013 }], 'Tyre', null],
    ['null for an unknown city', [{ year: 2013 }], 'Atlantis', null],
    ['null for an empty table', [], 'LB-TYR', null],
  ] as const)('%s', (_name, rows, key, expected) => {
    expect(cityPeriod(table([...rows]), key)).toEqual(expected);
  });
});

describe('explainProgress(progress, indicator)', () => {
  it('uses the registry target when the indicator has one', () => {
    const d = buildDashboard([table(series('11.6.2', [40, 35, 30]))], registry, 'opensdg');
    const p = d.headlineOf('LB-TYR', '11.6.2');
    if (p === undefined) throw new Error('no result');
    const target = registry.byCode.get('11.6.2')?.goalTarget;
    const sentence = explainProgress(p, registry.byCode.get('11.6.2')).find((s) => s.key === 'indicator.explain.target');
    expect(sentence?.params.value).toEqual({ kind: 'value', value: target?.value });
  });
});

describe('localized(text, lang)', () => {
  it.each([
    ['fr', 'Bonjour'],
    ['es', 'Hello'],
    ['ar', 'مرحبا'],
  ] as const)('%s → %s (English when empty)', (lang, expected) => {
    expect(localized({ en: 'Hello', ar: 'مرحبا', fr: 'Bonjour', es: '' }, lang)).toBe(expected);
  });
});

describe('resolveReportCities(dashboard, city, cities)', () => {
  const d = buildDashboard([table([...series('11.6.2', [1, 2]), ...series('11.6.2', [1, 2], zurich), ...series('11.6.2', [3], { city: 'Sohar', cityCode: '' })])], registry, 'opensdg');
  const keys = (r: ReturnType<typeof resolveReportCities>) => [r.primary?.key, r.partner?.key, r.missing];
  it.each([
    ['no parameter: the first city', undefined, undefined, ['LB-TYR', undefined, []]],
    ['a city by key', 'CH-ZRH', undefined, ['CH-ZRH', undefined, []]],
    ['a city by name', 'Zurich', undefined, ['CH-ZRH', undefined, []]],
    ['a city without code by name', 'Sohar', undefined, ['Sohar', undefined, []]],
    ['two cities: the partner-city edition', 'LB-TYR', ['CH-ZRH', 'LB-TYR'], ['CH-ZRH', 'LB-TYR', []]],
    ['one city listed besides the city: it is the partner', 'LB-TYR', ['CH-ZRH'], ['LB-TYR', 'CH-ZRH', []]],
    ['the same city twice is one city', 'LB-TYR', ['LB-TYR', 'LB-TYR'], ['LB-TYR', undefined, []]],
    ['an unknown city is missing; the first city is shown', 'Atlantis', undefined, ['LB-TYR', undefined, ['Atlantis']]],
    ['an unknown partner is missing', 'LB-TYR', ['LB-TYR', 'Atlantis'], ['LB-TYR', undefined, ['Atlantis']]],
  ] as const)('%s', (_name, city, cities, expected) => {
    expect(keys(resolveReportCities(d, city, cities))).toEqual(expected);
  });
  it('an empty dashboard has no city', () => {
    expect(keys(resolveReportCities(buildDashboard([], registry, 'opensdg'), 'LB-TYR', undefined))).toEqual([undefined, undefined, ['LB-TYR']]);
  });
});
