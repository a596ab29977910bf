import { describe, expect, it } from 'vitest';
import { renderFigureSvg } from '@/charts/figure';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import type { Lang } from '@/i18n/lang';
import { ingestFile } from '@/ingest/ingest-file';
import type { FigureContext } from '@/model/city-figures';
import { buildDashboard, type Dashboard } from '@/model/dashboard-model';
import { districtFigure } from '@/model/district-figure';
import {
  compareWithCity,
  districtChartInput,
  districtModel,
  type DistrictModelOptions,
  hasDistrictPanel,
  latestValue,
  rankDistricts,
  toneOf,
} from '@/model/district-model';
import { defaultChoice, layoutOf, seriesChoices } from '@/model/indicator-model';
import { toLoadedDataset } from '@/storage/dataset-record';

const { registry } = loadRegistryFromDirs();
const HOSTILE = '<img src=x onerror=alert(1)>';
const NOW = new Date(Date.UTC(2026, 2, 12, 12));

function dashboardOf(csv: string): { dashboard: Dashboard; ctx: (lang: Lang) => FigureContext } {
  const ingested = ingestFile({ name: 'port-ruri.csv', bytes: new TextEncoder().encode(csv) }, registry);
  expect(ingested.issues.filter((i) => i.severity === 'error')).toEqual([]);
  const dashboard = buildDashboard([ingested.table], registry, 'opensdg');
  const dataset = toLoadedDataset({ id: 'ds1', name: 'Port Ruri wards', source: 'upload', createdAt: NOW.getTime(), table: ingested.table, files: [ingested.file] });
  return { dashboard, ctx: (lang) => ({ dashboard, registry, datasets: [dataset], names: {}, lang, digits: 'latn', computedAt: NOW, width: 640 }) };
}

/**
 * Fictional Port Ruri (PM2.5, 11.6.2: a decrease is desired, 1 decimal): the city 25 in 2022; six
 * districts, one tied with another, one equal to the city at one decimal, one whose latest value is
 * from 2021, one whose 2022 value is missing (its 2020 value counts), and one with a breakdown only
 * (no total: no value of the city's series). Hostile names stay text.
 */
const PORT_RURI = [
  'city,district,indicator,year,value,sex,source',
  'Port Ruri,,11.6.2,2018,30,,Air network',
  'Port Ruri,,11.6.2,2022,25,,Air network',
  'Port Ruri,North End,11.6.2,2018,35,,Air network',
  'Port Ruri,North End,11.6.2,2022,28,,Air network',
  'Port Ruri,Harbourside,11.6.2,2018,22,,Air network',
  'Port Ruri,Harbourside,11.6.2,2021,20,,Air network',
  'Port Ruri,Old Town,11.6.2,2018,26,,Air network',
  'Port Ruri,Old Town,11.6.2,2022,25.04,,Air network',
  'Port Ruri,Eastgate,11.6.2,2018,24,,Air network',
  'Port Ruri,Eastgate,11.6.2,2022,22,,Air network',
  'Port Ruri,Westbank,11.6.2,2018,23,,Air network',
  'Port Ruri,Westbank,11.6.2,2022,22,,Air network',
  'Port Ruri,Hill Park,11.6.2,2020,27,,Air network',
  'Port Ruri,Hill Park,11.6.2,2022,..,,Air network',
  'Port Ruri,Marina,11.6.2,2022,18,Female,Air network',
  `Port Ruri,"${HOSTILE}",11.6.2,2022,30,,Air network`,
].join('\n');

const options = (o: Partial<DistrictModelOptions> = {}): DistrictModelOptions => ({ direction: 'decrease', decimals: 1, names: {}, lang: 'en', ...o });

function modelOf(dashboard: Dashboard, code = '11.6.2', o: Partial<DistrictModelOptions> = {}, cityName = 'Port Ruri') {
  const layout = layoutOf(dashboard);
  const city = dashboard.cityByKey.get(cityName);
  if (city === undefined) throw new Error('no city');
  const choice = defaultChoice(seriesChoices(dashboard, layout, city.key, code).choices);
  return districtModel(dashboard, layout, city, code, choice, options(o));
}

describe('latestValue(points)', () => {
  it.each([
    [[], null],
    [[{ year: 2020, value: Number.NaN }], null],
    [[{ year: 2019, value: 3 }, { year: 2020, value: Number.NaN }], { year: 2019, value: 3 }],
    [[{ year: 2019, value: 3 }, { year: 2021, value: 0 }], { year: 2021, value: 0 }],
  ])('latestValue(%j) → %j', (points, expected) => {
    expect(latestValue(points)).toEqual(expected);
  });
});

describe('compareWithCity(value, city, direction, decimals)', () => {
  it.each([
    [20, 25, 'decrease', 1, 'better'],
    [28, 25, 'decrease', 1, 'worse'],
    [28, 25, 'increase', 1, 'better'],
    [20, 25, 'increase', 1, 'worse'],
    [25, 25, 'increase', 1, 'same'],
    // Equal at the indicator's decimals: the same number on screen is "same".
    [25.04, 25, 'decrease', 1, 'same'],
    [25.04, 25, 'decrease', undefined, 'worse'],
    [30, 25, null, 1, 'higher'],
    [20, 25, null, 1, 'lower'],
    [25, 25, null, 1, 'same'],
    [20, null, 'decrease', 1, 'no_city_value'],
    [20, Number.NaN, 'decrease', 1, 'no_city_value'],
    [null, 25, 'decrease', 1, 'no_value'],
    [Number.NaN, 25, 'decrease', 1, 'no_value'],
  ] as const)('compareWithCity(%j, %j, %j, %j) → %j', (value, city, direction, decimals, expected) => {
    expect(compareWithCity(value, city, direction, decimals)).toBe(expected);
  });

  it('toneOf maps comparisons to the two marked tones, same, or neutral', () => {
    expect(['better', 'worse', 'same', 'higher', 'lower', 'no_city_value', 'no_value'].map((c) => toneOf(c as never))).toEqual(['better', 'worse', 'same', 'neutral', 'neutral', 'neutral', 'neutral']);
  });
});

describe('rankDistricts(entries, direction, lang, decimals)', () => {
  const entries = [
    { name: 'b', latest: { year: 2022, value: 10 } },
    { name: 'a', latest: { year: 2022, value: 10 } },
    { name: 'c', latest: { year: 2022, value: 5 } },
    { name: 'd', latest: null },
    { name: 'e', latest: { year: 2022, value: 12 } },
    { name: 'f', latest: { year: 2022, value: Number.NaN } },
  ];
  it('decrease: lowest first; ties share a rank and are ordered by name; no value last', () => {
    expect(rankDistricts(entries, 'decrease', 'en').map((e) => [e.name, e.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 2],
      ['e', 4],
      ['d', null],
      ['f', null],
    ]);
  });
  it('increase and unknown direction: highest first', () => {
    const increase = rankDistricts(entries, 'increase', 'en').map((e) => [e.name, e.rank]);
    expect(increase).toEqual([
      ['e', 1],
      ['a', 2],
      ['b', 2],
      ['c', 4],
      ['d', null],
      ['f', null],
    ]);
    expect(rankDistricts(entries, null, 'en').map((e) => [e.name, e.rank])).toEqual(increase);
  });
  it('ties at the indicator decimals', () => {
    const close = [
      { name: 'x', latest: { year: 2022, value: 1.04 } },
      { name: 'y', latest: { year: 2022, value: 1.01 } },
    ];
    expect(rankDistricts(close, 'increase', 'en', 1).map((e) => [e.name, e.rank])).toEqual([
      ['x', 1],
      ['y', 1],
    ]);
    expect(rankDistricts(close, 'increase', 'en').map((e) => e.rank)).toEqual([1, 2]);
  });
  it('empty input gives nothing', () => {
    expect(rankDistricts([], 'increase', 'en')).toEqual([]);
  });
});

describe('districtModel(dashboard, layout, city, indicator, like, options)', () => {
  const { dashboard, ctx } = dashboardOf(PORT_RURI);

  it('ranks the districts best first (decrease), compares with the city, flags other years, lists districts without a value last', () => {
    const model = modelOf(dashboard);
    expect(model.cityLatest).toEqual({ year: 2022, value: 25 });
    expect(model.direction).toBe('decrease');
    expect(model.rows.map((r) => [r.name, r.rank, r.latest?.value ?? null, r.latest?.year ?? null, r.comparison, r.otherYear])).toEqual([
      ['Harbourside', 1, 20, 2021, 'better', true],
      ['Eastgate', 2, 22, 2022, 'better', false],
      ['Westbank', 2, 22, 2022, 'better', false],
      ['Old Town', 4, 25.04, 2022, 'same', false],
      ['Hill Park', 5, 27, 2020, 'worse', true],
      ['North End', 6, 28, 2022, 'worse', false],
      [HOSTILE, 7, 30, 2022, 'worse', false],
      // Marina has data for 11.6.2, but only by sex: no value of the city's series (the total).
      ['Marina', null, null, null, 'no_value', false],
    ]);
    expect(model.ranked).toBe(7);
    expect(hasDistrictPanel(model)).toBe(true);
    // The city's series, then each ranked district's.
    expect(model.series).toHaveLength(8);
  });

  it('is not shown without districts, and for a city whose districts have no value of the series', () => {
    const { dashboard: none } = dashboardOf(['city,district,indicator,year,value', 'Port Ruri,,11.6.2,2018,30', 'Port Ruri,,11.6.2,2022,25'].join('\n'));
    const empty = modelOf(none);
    expect(empty.rows).toEqual([]);
    expect(hasDistrictPanel(empty)).toBe(false);
    const { dashboard: other } = dashboardOf(['city,district,indicator,year,value,unit', 'Port Ruri,,11.6.2,2022,25,µg/m³', 'Port Ruri,North End,11.6.2,2022,12,ppm'].join('\n'));
    const mismatch = modelOf(other);
    expect(mismatch.rows.map((r) => [r.name, r.comparison])).toEqual([['North End', 'no_value']]);
    expect(hasDistrictPanel(mismatch)).toBe(false);
  });

  it('one district is still shown', () => {
    const { dashboard: one } = dashboardOf(['city,district,indicator,year,value', 'Port Ruri,,11.6.2,2022,25', 'Port Ruri,North End,11.6.2,2022,28'].join('\n'));
    const model = modelOf(one);
    expect(model.rows.map((r) => [r.name, r.rank, r.comparison])).toEqual([['North End', 1, 'worse']]);
    expect(hasDistrictPanel(model)).toBe(true);
  });

  it('an increase is desired: highest first', () => {
    // 11.6.1 (municipal solid waste collected and managed): an increase is desired.
    const { dashboard: up } = dashboardOf(
      ['city,district,indicator,year,value', 'Port Ruri,,11.6.1,2022,60', 'Port Ruri,North End,11.6.1,2022,55', 'Port Ruri,Harbourside,11.6.1,2022,70'].join('\n'),
    );
    expect(registry.byCode.get('11.6.1')?.direction).toBe('increase');
    const model = modelOf(up, '11.6.1', { direction: 'increase' });
    expect(model.rows.map((r) => [r.name, r.comparison])).toEqual([
      ['Harbourside', 'better'],
      ['North End', 'worse'],
    ]);
  });

  it('the city without a value of the indicator: no reference, districts not compared (each district’s headline)', () => {
    const { dashboard: missing } = dashboardOf(['city,district,indicator,year,value', 'Port Ruri,,11.6.1,2022,60', 'Port Ruri,North End,11.6.2,2022,28'].join('\n'));
    const city = missing.cityByKey.get('Port Ruri');
    if (city === undefined) throw new Error('no city');
    const model = districtModel(missing, layoutOf(missing), city, '11.6.2', undefined, options());
    expect(model.cityLatest).toBeNull();
    expect(model.rows.map((r) => [r.name, r.comparison, r.otherYear])).toEqual([['North End', 'no_city_value', false]]);
    const input = districtChartInput(model, { lang: 'en', digits: 'latn', cityName: 'Port Ruri', indicatorTitle: '11.6.2', title: '', decimals: 1 });
    expect(input.reference).toBeNull();
    expect(input.bars.map((b) => b.tone)).toEqual(['neutral']);
    expect(input.legend).toEqual({ neutral: 'Districts' });
    expect(input.description).toContain('Port Ruri has no value for this series');
  });

  it('an indicator not in the registry: highest first, "not ranked by direction", higher / lower than the city', () => {
    const { dashboard: local } = dashboardOf(['city,district,indicator,year,value', 'Port Ruri,,PR-9,2022,5', 'Port Ruri,North End,PR-9,2022,3', 'Port Ruri,Harbourside,PR-9,2022,8'].join('\n'));
    const model = modelOf(local, 'PR-9', { direction: null, decimals: undefined });
    expect(model.rows.map((r) => [r.name, r.comparison])).toEqual([
      ['Harbourside', 'higher'],
      ['North End', 'lower'],
    ]);
    const input = districtChartInput(model, { lang: 'en', digits: 'latn', cityName: 'Port Ruri', indicatorTitle: 'PR-9', title: '' });
    expect(input.description).toContain('not ranked by direction');
    expect(input.legend).toEqual({ same: 'Same as Port Ruri', neutral: 'Districts (not ranked by direction)' });
  });

  it('districtChartInput: bars best first with tones, the year only when it is not the city’s, the reference labelled with the city', () => {
    const input = districtChartInput(modelOf(dashboard), { lang: 'en', digits: 'latn', cityName: 'Port Ruri', indicatorTitle: '11.6.2 PM2.5', title: 'Latest value by district', decimals: 1 });
    expect(input.bars.map((b) => [b.label, b.tone, b.showYear])).toEqual([
      ['Harbourside', 'better', true],
      ['Eastgate', 'better', false],
      ['Westbank', 'better', false],
      ['Old Town', 'same', false],
      ['Hill Park', 'worse', true],
      ['North End', 'worse', false],
      [HOSTILE, 'worse', false],
    ]);
    expect(input.reference).toEqual({ value: 25, label: 'Port Ruri: 25.0' });
    expect(input.legend).toEqual({ better: 'Better than Port Ruri', same: 'Same as Port Ruri', worse: 'Worse than Port Ruri' });
    expect(input.description).toMatch(/^Latest values of 11\.6\.2 PM2\.5 in the districts of Port Ruri, best first: Harbourside: 20\.0 \(2021\), Better than the city; Eastgate/);
    expect(input.description).toContain('The line marks Port Ruri: 25.0 (2022).');
    const ar = districtChartInput(modelOf(dashboard, '11.6.2', { lang: 'ar' }), { lang: 'ar', digits: 'arab', cityName: 'بورت روري', indicatorTitle: '11.6.2', title: '', decimals: 1 });
    expect(ar.dir).toBe('rtl');
    expect(ar.reference?.label).toBe('بورت روري: ٢٥٫٠');
    expect(ar.legend.better).toBe('أفضل من بورت روري');
  });

  it('120 districts: all ranked, all drawn', () => {
    const rows = ['city,district,indicator,year,value', 'Port Ruri,,11.6.2,2022,25'];
    for (let i = 1; i <= 120; i++) rows.push(`Port Ruri,District ${i},11.6.2,2022,${(i * 7) % 50}`);
    const { dashboard: many } = dashboardOf(rows.join('\n'));
    const model = modelOf(many);
    expect(model.ranked).toBe(120);
    const values = model.rows.map((r) => r.latest?.value ?? Number.NaN);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(districtChartInput(model, { lang: 'en', digits: 'latn', cityName: 'Port Ruri', indicatorTitle: '11.6.2', title: '' }).bars).toHaveLength(120);
  });

  describe('districtFigure(ctx, cityKey, indicator, like)', () => {
    it('frames the chart with title, subtitle and footer; file name says districts; CSV re-imports the series drawn', () => {
      const figure = districtFigure(ctx('en'), 'Port Ruri', '11.6.2', undefined);
      if (figure === undefined) throw new Error('no figure');
      expect(figure.fileBase).toBe('port-ruri_11-6-2_districts_en');
      expect(figure.kind).toBe('districts');
      expect(figure.input.text.title).toMatch(/^Latest value by district — 11\.6\.2 /);
      expect(figure.input.text.subtitle).toBe('Port Ruri · µg/m³');
      expect(figure.input.text.footer.join('\n')).toContain('The line marks Port Ruri: 25.0 (2022).');
      expect(figure.input.text.footer.join('\n')).toContain('Best first: a lower value is better');
      expect(figure.input.text.footer.join('\n')).toContain('Air network');
      const svg = renderFigureSvg(figure.input).svg;
      for (const name of ['Harbourside', 'Eastgate', 'North End', 'Port Ruri: 25.0']) expect(svg).toContain(name);
      expect(svg).not.toContain('<img');
      expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
      const back = ingestFile({ name: 'figure.csv', bytes: new TextEncoder().encode(figure.csv()) }, registry);
      expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
      // The city's 2 rows and the ranked districts' 12 (Marina's breakdown is not drawn).
      expect(back.table.length).toBe(14);
    });

    it('follows the series the page shows (a breakdown), and is undefined without districts or for an unknown city', () => {
      const { dashboard: bySex, ctx: sexCtx } = dashboardOf(
        [
          'city,district,indicator,year,value,sex',
          'Port Ruri,,11.6.2,2022,25,',
          'Port Ruri,,11.6.2,2022,27,Female',
          'Port Ruri,North End,11.6.2,2022,28,',
          'Port Ruri,North End,11.6.2,2022,26,Female',
          'Port Ruri,Harbourside,11.6.2,2022,20,',
        ].join('\n'),
      );
      const female = seriesChoices(bySex, layoutOf(bySex), 'Port Ruri', '11.6.2').choices.find((c) => c.key !== '');
      if (female === undefined) throw new Error('no breakdown');
      const city = bySex.cityByKey.get('Port Ruri');
      if (city === undefined) throw new Error('no city');
      const model = districtModel(bySex, layoutOf(bySex), city, '11.6.2', female, options());
      expect(model.cityLatest).toEqual({ year: 2022, value: 27 });
      expect(model.rows.map((r) => [r.name, r.latest?.value ?? null, r.comparison])).toEqual([
        ['North End', 26, 'better'],
        ['Harbourside', null, 'no_value'],
      ]);
      const figure = districtFigure(sexCtx('en'), 'Port Ruri', '11.6.2', female);
      expect(figure?.input.text.subtitle).toBe('Port Ruri · sex: Female · µg/m³');
      expect(districtFigure(ctx('en'), 'Nowhere', '11.6.2', undefined)).toBeUndefined();
      const { ctx: lonely } = dashboardOf(['city,district,indicator,year,value', 'Port Ruri,,11.6.2,2022,25'].join('\n'));
      expect(districtFigure(lonely('en'), 'Port Ruri', '11.6.2', undefined)).toBeUndefined();
    });

    it.each(['en', 'ar'] as const)('SVG snapshot (%s)', async (lang) => {
      const { ctx: small } = dashboardOf(
        [
          'city,district,indicator,year,value',
          'Port Ruri,,11.6.2,2018,30',
          'Port Ruri,,11.6.2,2022,25',
          'Port Ruri,North End,11.6.2,2022,28',
          'Port Ruri,Harbourside,11.6.2,2021,20',
          'Port Ruri,Old Town,11.6.2,2022,25',
        ].join('\n'),
      );
      const figure = districtFigure(small(lang), 'Port Ruri', '11.6.2', undefined);
      if (figure === undefined) throw new Error('no figure');
      expect(figure.fileBase).toBe(`port-ruri_11-6-2_districts_${lang}`);
      const svg = renderFigureSvg(figure.input)
        .svg.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 10) / 10))
        .replace(/(id="|url\(#|href="#)f[0-9a-z]+-/g, '$1f-');
      await expect(svg).toMatchFileSnapshot(`__snapshots__/district-figure/port-ruri_11-6-2_districts_${lang}.svg`);
    });
  });
});

describe('districtFigure in the data’s own unit', () => {
  it('names the data’s unit, not the registry’s, when the data is another measure (Bristol’s 11.1.1 counts people)', () => {
    const csv = [
      'city,district,indicator,year,value,unit',
      'Port Ruri,,11.1.1,2020,120,persons',
      'Port Ruri,,11.1.1,2022,98,persons',
      'Port Ruri,North End,11.1.1,2022,40,persons',
      'Port Ruri,Eastgate,11.1.1,2022,12,persons',
    ].join('\n');
    const { dashboard, ctx } = dashboardOf(csv);
    const city = [...dashboard.cityByKey.values()].find((c) => c.name === 'Port Ruri');
    const figure = districtFigure(ctx('en'), city?.key ?? '', '11.1.1', undefined);
    expect(figure?.input.text.subtitle).toContain('persons');
    expect(figure?.input.text.subtitle).not.toContain('urban population');
  });
});
