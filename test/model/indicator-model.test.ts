import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withinYear } from '@/model/time-axis';
import { buildIndicatorChartOption } from '@/charts/build-indicator-option';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { disaggregationKey, type ObservationInput, ObservationTableBuilder } from '@/domain/observation-table';
import { INSUFFICIENT_REASONS, type ProgressResult } from '@/domain/progress/types';
import { buildDashboard } from '@/model/dashboard-model';
import { expertFacts, explainResult, type ExplainContext, NOTE_KEYS, REASON_KEYS, type Sentence } from '@/model/explain-result';
import { formatFact, formatPercent, formatSentence } from '@/model/explanation-text';
import {
  chooseAlong,
  cityDisplayName,
  comparisonSeries,
  datasetsWith,
  defaultChoice,
  dimensionsOf,
  distinctTexts,
  indicatorsOfCity,
  layoutOf,
  MAX_COMPARISON_CITIES,
  pickIndicator,
  pointsOf,
  resolveCity,
  seriesChoices,
  seriesLabel,
  sortCities,
  valueOn,
} from '@/model/indicator-model';
import { en } from '@/i18n/messages-en';
import { enViews } from '@/i18n/messages-en-views';
import { ingestFile } from '@/ingest/ingest-file';

const { registry } = loadRegistryFromDirs();
const demo = ingestFile({ name: 'marsad-demo.csv', bytes: new Uint8Array(readFileSync(new URL('../../public/demo/marsad-demo.csv', import.meta.url))) }, registry).table;
const names = JSON.parse(readFileSync(new URL('../../public/demo/cities.json', import.meta.url), 'utf8')) as Record<string, { en: string; ar: string }>;

const base: ObservationInput = {
  city: 'Tyre', cityCode: 'LB-TYR', indicator: '11.6.2', year: 2015, value: 40, period: '', unit: 'µg/m³', series: '', disaggregation: '', source: 'Survey', note: '', line: 2,
};
function table(rows: Array<Partial<ObservationInput>>) {
  const b = new ObservationTableBuilder(8);
  rows.forEach((r, i) => b.push({ ...base, line: i + 2, ...r }));
  return b.finish();
}
const sex = (v: string) => disaggregationKey([['sex', v]]);

describe('cities', () => {
  const d = buildDashboard([demo], registry, 'opensdg');

  it('cityDisplayName(city, names, lang) uses the translated name by code, else the data name', () => {
    expect(cityDisplayName({ name: 'Wadi Noor', code: 'XD-WNR' }, names, 'ar')).toBe('وادي النور');
    expect(cityDisplayName({ name: 'Wadi Noor', code: 'XD-WNR' }, names, 'fr')).toBe('Wadi Noor');
    expect(cityDisplayName({ name: 'Tyre', code: '' }, names, 'ar')).toBe('Tyre');
    expect(cityDisplayName({ name: 'Tyre', code: 'LB-TYR' }, names, 'ar')).toBe('Tyre');
  });

  it('sortCities sorts by the label in the UI language', () => {
    expect(sortCities(d.cities, names, 'en').map((c) => c.label)).toEqual(['Bustan al-Sahab', 'Nahr Lulu', 'Qamarayn', 'Sahil Fayrouz', 'Tal Sanawbar', 'Wadi Noor']);
    expect(sortCities(d.cities, names, 'ar')[0]?.label).toBe('بستان السحاب');
    expect(sortCities([], names, 'en')).toEqual([]);
  });

  it.each([
    ['XD-WNR', 'XD-WNR'],
    ['Wadi Noor', 'XD-WNR'],
    ['wadi noor', 'XD-WNR'],
    ['Atlantis', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('resolveCity(dashboard, %j) → %j', (requested, key) => {
    expect(resolveCity(d, requested)?.key).toBe(key);
  });
});

describe('indicators', () => {
  const d = buildDashboard([demo], registry, 'opensdg');

  it('indicatorsOfCity lists the codes with data, in registry order', () => {
    const codes = indicatorsOfCity(d, 'XD-WNR');
    expect(codes).toContain('11.6.2');
    expect(codes.indexOf('1.2.1')).toBeLessThan(codes.indexOf('11.6.2'));
    expect(indicatorsOfCity(d, 'nowhere')).toEqual([]);
  });

  it.each([
    [['1.2.1', '11.1.1', '11.6.2'], undefined, '11.1.1'],
    [['1.2.1', '3.9.1'], undefined, '1.2.1'],
    [[], undefined, undefined],
    [['11.6.2'], '11.6.2', '11.6.2'],
    // Asked for but without data here: kept, the page says so.
    [['11.6.2'], '11.7.1', '11.7.1'],
    // An alias resolves to its indicator; an unknown code is kept as written.
    [['11.5.1'], '1.5.1', '11.5.1'],
    [['11.6.2'], 'LOCAL-X', 'LOCAL-X'],
  ])('pickIndicator(registry, %j, %j) → %j', (available, requested, expected) => {
    expect(pickIndicator(registry, available, requested)).toBe(expected);
  });
});

describe('series, breakdowns and points', () => {
  const d = buildDashboard([demo], registry, 'opensdg');
  const layout = layoutOf(d);

  it('layoutOf lines up with the report: series s is the same series in both', () => {
    expect(layout.city.length).toBe(d.report.series.length);
    d.report.series.forEach((sp, s) => {
      expect(layout.table.dict.disaggregation[layout.disaggregation[s] ?? 0]).toBe(sp.disaggregation);
      expect(layout.table.dict.unit[layout.unit[s] ?? 0]).toBe(sp.unit);
    });
    expect(layoutOf(d)).toBe(layout);
  });

  it('seriesChoices lists the headline first, then each breakdown with its own result', () => {
    const { headline, choices } = seriesChoices(d, layout, 'XD-WNR', '1.2.1');
    expect(headline?.indicator).toBe('1.2.1');
    expect(choices.map((c) => [c.key, c.isHeadline])).toEqual([
      ['', true],
      [sex('Female'), false],
      [sex('Male'), false],
    ]);
    for (const c of choices) expect(c.result).toBe(d.report.series[c.index]?.result);
    expect(defaultChoice(choices)?.key).toBe('');
  });

  it('dimensionsOf gives each disaggregation column with "all" first; chooseAlong picks that series', () => {
    const { choices } = seriesChoices(d, layout, 'XD-WNR', '1.2.1');
    const dims = dimensionsOf(choices);
    expect(dims).toEqual([{ id: 'column:sex', kind: 'column', column: 'sex', values: ['', 'Female', 'Male'] }]);
    const dim = dims[0];
    if (dim === undefined) throw new Error('no dimension');
    const female = chooseAlong(choices, dims, defaultChoice(choices), dim, 'Female');
    expect(female?.key).toBe(sex('Female'));
    expect(female && valueOn(female, dim)).toBe('Female');
    expect(chooseAlong(choices, dims, female, dim, '')?.isHeadline).toBe(true);
    expect(chooseAlong(choices, dims, female, dim, 'Other')).toBeUndefined();
    // The female series has its own points and result.
    const pts = female ? pointsOf(layout, female.index) : [];
    const headPts = pointsOf(layout, choices[0]?.index ?? -1);
    expect(pts.length).toBeGreaterThan(1);
    expect(pts.map((p) => p.value)).not.toEqual(headPts.map((p) => p.value));
  });

  it('no data: a city without the indicator has no choices and no dimensions', () => {
    const { headline, choices } = seriesChoices(d, layout, 'XD-WNR', '99.9.9');
    expect(headline).toBeUndefined();
    expect(choices).toEqual([]);
    expect(dimensionsOf(choices)).toEqual([]);
    expect(defaultChoice(choices)).toBeUndefined();
  });

  it('series and units become dimensions when a city has several; chooseAlong keeps the other dimensions', () => {
    const t = table([
      { series: 'PM2.5', year: 2015, value: 30 },
      { series: 'PM2.5', year: 2020, value: 25 },
      { series: 'PM2.5', disaggregation: disaggregationKey([['district', 'North']]), year: 2020, value: 28 },
      { series: 'PM2.5', disaggregation: disaggregationKey([['district', 'South']]), year: 2020, value: 21 },
      { series: 'PM10', year: 2015, value: 60 },
      { series: 'PM10', year: 2020, value: 50 },
      { series: 'PM10', disaggregation: disaggregationKey([['district', 'North']]), year: 2020, value: 55 },
    ]);
    const dd = buildDashboard([t], registry, 'opensdg');
    const { headline, choices } = seriesChoices(dd, layoutOf(dd), 'LB-TYR', '11.6.2');
    // Two headline candidates: the engine cannot tell which is meant.
    expect(headline?.result.explanation.insufficientReason).toBe('ambiguous_series');
    const dims = dimensionsOf(choices);
    expect(dims.map((x) => [x.id, x.values])).toEqual([
      ['series', ['PM2.5', 'PM10']],
      ['column:district', ['', 'North', 'South']],
    ]);
    const [seriesDim, districtDim] = dims;
    if (seriesDim === undefined || districtDim === undefined) throw new Error('dims');
    const north25 = choices.find((c) => c.series === 'PM2.5' && valueOn(c, districtDim) === 'North');
    expect(chooseAlong(choices, dims, north25, seriesDim, 'PM10')).toMatchObject({ series: 'PM10', key: disaggregationKey([['district', 'North']]) });
    // South has no PM10: the closest PM10 series is taken (the total).
    const south25 = choices.find((c) => c.series === 'PM2.5' && valueOn(c, districtDim) === 'South');
    expect(chooseAlong(choices, dims, south25, seriesDim, 'PM10')).toMatchObject({ series: 'PM10', key: '' });
    expect(seriesLabel(north25 ?? { series: '', pairs: [] }, 'Total')).toBe('PM2.5 · district: North');
    expect(seriesLabel({ series: '', pairs: [] }, 'Total')).toBe('Total');
  });

  it('pointsOf keeps period labels like 2017-18, sources, notes and missing values', () => {
    const t = table([
      { year: 2015, value: 20, period: '2015-16' },
      { year: 2017, value: 18, period: '2017-18', note: 'provisional' },
      { year: 2019, value: Number.NaN, period: '2019-20' },
      { year: 2021, value: 15, period: '2021-22', source: 'Ministry' },
    ]);
    const dd = buildDashboard([t], registry, 'opensdg');
    const { choices } = seriesChoices(dd, layoutOf(dd), 'LB-TYR', '11.6.2');
    const pts = pointsOf(layoutOf(dd), choices[0]?.index ?? -1);
    expect(pts.map((p) => [p.year, p.period, p.note, p.source])).toEqual([
      [2015, '2015-16', '', 'Survey'],
      [2017, '2017-18', 'provisional', 'Survey'],
      [2019, '2019-20', '', 'Survey'],
      [2021, '2021-22', '', 'Ministry'],
    ]);
    expect(Number.isNaN(pts[2]?.value)).toBe(true);
    expect(distinctTexts(pts.map((p) => p.source))).toEqual(['Survey', 'Ministry']);
    expect(pointsOf(layoutOf(dd), 99)).toEqual([]);
  });

  it('comparisonSeries matches the shown breakdown, skips the city itself and unknown cities, and caps the count', () => {
    const { choices } = seriesChoices(d, layout, 'XD-WNR', '1.2.1');
    const female = choices.find((c) => c.key === sex('Female'));
    const got = comparisonSeries(d, layout, ['XD-WNR', 'Atlantis', 'Tal Sanawbar', 'XD-TSN', 'XD-BSH'], 'XD-WNR', '1.2.1', female);
    expect(got.map((g) => g.city.key)).toEqual(['XD-TSN', 'XD-BSH']);
    for (const g of got) expect(g.choice?.key).toBe(sex('Female'));
    expect(comparisonSeries(d, layout, ['XD-TSN', 'XD-BSH', 'XD-QMR'], 'XD-WNR', '1.2.1', undefined, 2)).toHaveLength(2);
    // A breakdown the other city lacks: listed, with no series.
    const t = table([{ city: 'Sidon', cityCode: 'LB-SID', year: 2015, value: 3 }, { city: 'Sidon', cityCode: 'LB-SID', year: 2016, value: 4 }]);
    const dd = buildDashboard([demo, t], registry, 'opensdg');
    const l2 = layoutOf(dd);
    const other = comparisonSeries(dd, l2, ['LB-SID'], 'XD-WNR', '11.6.2', { ...female!, key: sex('Female') });
    expect(other[0]?.choice).toBeNull();
    expect(other[0]?.points).toEqual([]);
    expect(comparisonSeries(dd, l2, ['LB-SID'], 'XD-WNR', '11.6.2', undefined)[0]?.points).toHaveLength(2);
    expect(MAX_COMPARISON_CITIES).toBe(8);
  });

  it('datasetsWith names the datasets holding a city × indicator (aliases resolved)', () => {
    const t = table([{ indicator: '1.5.1', year: 2015, value: 3 }]);
    const datasets = [
      { name: 'demo.csv', table: demo },
      { name: 'tyre.csv', table: t },
    ];
    expect(datasetsWith(datasets, registry, 'XD-WNR', '11.6.2')).toEqual(['demo.csv']);
    expect(datasetsWith(datasets, registry, 'LB-TYR', '11.5.1')).toEqual(['tyre.csv']);
    expect(datasetsWith(datasets, registry, 'LB-TYR', '11.6.2')).toEqual([]);
  });

  it('datasetsWith finds a place named by code, or by name when it has none, whose rows are not together', () => {
    const t = table([
      { city: 'Sidon', cityCode: '', indicator: '11.6.2', year: 2015, value: 3 },
      { city: 'Tyre', cityCode: 'LB-TYR', indicator: '11.6.2', year: 2015, value: 3 },
      { city: 'Sidon', cityCode: '', indicator: '1.5.1', year: 2016, value: 4 },
    ]);
    const datasets = [{ name: 'south.csv', table: t }];
    expect(datasetsWith(datasets, registry, 'Sidon', '11.5.1')).toEqual(['south.csv']);
    expect(datasetsWith(datasets, registry, 'Sidon', '11.6.2')).toEqual(['south.csv']);
    expect(datasetsWith(datasets, registry, 'LB-TYR', '11.5.1')).toEqual([]);
    expect(datasetsWith(datasets, registry, 'Tyre', '11.6.2')).toEqual([]);
    expect(datasetsWith(datasets, registry, 'Nowhere', '11.6.2')).toEqual([]);
    expect(datasetsWith(datasets, registry, 'Sidon', '99.9.9')).toEqual([]);
  });
});

const ctx: ExplainContext = { baseYear: 2015, targetYear: 2030, target: { value: 5, year: 2030 }, limit: null };
const keys = (s: readonly Sentence[]) => s.map((x) => x.key);
const english = (s: readonly Sentence[], decimals = 1) => s.map((x) => formatSentence(x, { lang: 'en', digits: 'latn', decimals }));

describe('explainResult(result, context)', () => {
  const d = buildDashboard([demo], registry, 'opensdg');

  it('explains an opensdg result with a target in plain words, in order', () => {
    const r = d.headlineOf('XD-BSH', '11.6.2')?.result;
    if (r === undefined) throw new Error('no result');
    expect(r.status).toBe('acceleration_needed');
    const s = explainResult(r, ctx);
    expect(keys(s)).toEqual([
      'indicator.explain.method',
      'indicator.explain.directionDecrease',
      'indicator.explain.base',
      'indicator.explain.latest',
      'indicator.explain.target',
      'indicator.explain.observedFall',
      'indicator.explain.requiredFall',
      'indicator.explain.paceRatio',
      'indicator.explain.projection',
      'indicator.explain.thresholds.opensdgTarget',
      'indicator.explain.result',
    ]);
    expect(english(s)).toEqual([
      'Method: Open SDG (Statistics Canada).',
      'For this indicator, lower values are better.',
      'Baseline: 22.5 in 2015.',
      'Latest value: 11.1 in 2024.',
      'Target: 5.0 by 2030.',
      'From 2015 to 2024, the value fell by 7.6% a year on average.',
      'To reach the target by 2030, it had to fall by 9.5% a year from 2015.',
      'The observed pace is 79.1% of the pace required.',
      'At this pace, the value would be 6.9 in 2030.',
      'Status rules: on track from 95% of the required pace, acceleration needed from 60%, limited progress from 0%, deterioration below that.',
      'Result: Progress made but acceleration needed.',
    ]);
  });

  it('says when the target is achieved and when the value rose', () => {
    const r = d.headlineOf('XD-WNR', '11.6.2')?.result;
    if (r === undefined) throw new Error('no result');
    expect(keys(explainResult(r, ctx))).toContain('indicator.explain.achieved');
    const rising: ProgressResult = { ...r, explanation: { ...r.explanation, observedGrowth: -0.03 } };
    expect(english(explainResult(rising, ctx))).toContain('From 2015 to 2024, the value rose by 3% a year on average.');
    const flat: ProgressResult = { ...r, explanation: { ...r.explanation, observedGrowth: 0 } };
    expect(keys(explainResult(flat, ctx))).toContain('indicator.explain.observedFlat');
    // A rate that would print as 0 % is flat, not "fell by 0% a year".
    const almost: ProgressResult = { ...r, explanation: { ...r.explanation, observedGrowth: 0.0002 } };
    expect(keys(explainResult(almost, ctx))).toContain('indicator.explain.observedFlat');
  });

  it('says when an achieved target rests on one year of data (Open SDG keeps the status; no trend behind it)', () => {
    const r = d.headlineOf('XD-WNR', '11.6.2')?.result;
    if (r === undefined) throw new Error('no result');
    expect(keys(explainResult(r, ctx))).not.toContain('indicator.explain.achievedOneYear');
    const one: ProgressResult = {
      ...r,
      explanation: { ...r.explanation, base: { year: 2019, value: 4.97 }, latest: { year: 2019, value: 4.97 }, measure: null, observedGrowth: null },
    };
    expect(english(explainResult(one, ctx), 2)).toContain('This rests on one year of data (2019): the latest value meets the target, but no trend can be computed yet.');
  });

  it('explains a result without a target (opensdg rates, the natural-limit coefficient)', () => {
    const r = d.headlineOf('XD-WNR', '1.2.1')?.result;
    if (r === undefined) throw new Error('no result');
    const s = explainResult(r, { ...ctx, target: null });
    expect(keys(s)).toContain('indicator.explain.noTarget');
    expect(keys(s)).toContain('indicator.explain.thresholds.opensdgNoTarget');
    expect(keys(s)).not.toContain('indicator.explain.requiredFall');
    const limited: ProgressResult = { ...r, explanation: { ...r.explanation, limitCoefficient: 0.3736, thresholds: { high: 0.0056, med: 0.0019, low: 0 } } };
    expect(english(explainResult(limited, { ...ctx, target: null, limit: 100 }), 0)).toContain(
      'These cut points were multiplied by 0.37 because the baseline is close to the natural limit (100).',
    );
    // 8.5.2's case: baseline 8.7, limit 3.0 — twice the limit away, C = 1: nothing was multiplied.
    const far: ProgressResult = { ...r, explanation: { ...r.explanation, limitCoefficient: 1 } };
    const farText = english(explainResult(far, { ...ctx, target: null, limit: 3 }), 1).join(' ');
    expect(farText).toContain('The baseline is far from the natural limit (3.0), so the cut points are used as they are.');
    expect(farText).not.toContain('multiplied by');
    // Close to 1 but not 1: three decimals, never "multiplied by 1.00".
    const near: ProgressResult = { ...r, explanation: { ...r.explanation, limitCoefficient: 0.9981 } };
    expect(english(explainResult(near, { ...ctx, target: null, limit: 3 }), 1).join(' ')).toContain('multiplied by 0.998 because');
    // 11.7.1's case: baseline 12.3, limit 100, C = 0.99991 — it would read "multiplied by 1.000": far, as they are.
    const almost: ProgressResult = { ...r, explanation: { ...r.explanation, limitCoefficient: 0.99991 } };
    const almostText = english(explainResult(almost, { ...ctx, target: null, limit: 100 }), 1).join(' ');
    expect(almostText).toContain('The baseline is far from the natural limit (100.0), so the cut points are used as they are.');
    expect(almostText).not.toContain('multiplied by');
  });

  it('explains the unsd method: distance to the target covered by the projection', () => {
    const du = buildDashboard([demo], registry, 'unsd');
    const r = du.headlineOf('XD-NLL', '11.6.2')?.result;
    if (r === undefined) throw new Error('no result');
    const s = explainResult(r, ctx);
    expect(keys(s)).toContain('indicator.explain.distanceCovered');
    expect(keys(s)).toContain('indicator.explain.thresholds.unsdTarget');
    expect(english(s)).toContain('Method: UN progress chart.');
    expect(english(s).find((x) => x.startsWith('That covers'))).toBe('That covers 39.6% of the distance from the baseline to the target.');
  });

  it('explains the sdsn method: level on the 0–100 scale, points a year, levels and trend rules', () => {
    const ds = buildDashboard([demo], registry, 'sdsn');
    const r = ds.headlineOf('XD-NLL', '11.6.2')?.result;
    if (r === undefined) throw new Error('no result');
    const s = english(explainResult(r, ctx));
    expect(s).toContain('On the SDSN scale from 0 (worst) to 100 (best), the latest value scores 83.5: orange, significant challenges remain.');
    expect(s.some((x) => /^From 2015 to 2024, the score improved by 0\.69 points a year\.$/.test(x))).toBe(true);
    expect(s.some((x) => x.startsWith('Levels: green from a score of 95.4, red at 76.8 or below'))).toBe(true);
    // No bounds: the reason, no rules.
    const none = ds.headlineOf('XD-WNR', '1.2.1')?.result;
    if (none === undefined) throw new Error('no result');
    const n = explainResult(none, ctx);
    expect(keys(n)).toContain('indicator.explain.reason.no_bounds');
    expect(keys(n).some((k) => k.startsWith('indicator.explain.thresholds'))).toBe(false);
  });

  it.each(INSUFFICIENT_REASONS.map((r) => [r]))('gives one sentence for the reason %s', (reason) => {
    const r: ProgressResult = {
      status: 'insufficient_data',
      score: null,
      normalizedScore: null,
      projected: null,
      explanation: {
        method: 'opensdg', direction: 'decrease', base: null, latest: { year: 2020, value: 3 }, target: null, observedGrowth: null, requiredGrowth: null,
        measure: null, thresholds: {}, limitCoefficient: null, insufficientReason: reason, notes: [],
      },
    };
    const s = explainResult(r, ctx);
    expect(keys(s).filter((k) => k.startsWith('indicator.explain.reason.'))).toEqual([REASON_KEYS[reason]]);
    expect(keys(s)).toContain('indicator.explain.result');
    expect(keys(s).some((k) => k.startsWith('indicator.explain.thresholds'))).toBe(false);
    // Every reason has its own words in the catalogue.
    expect(({ ...en, ...enViews } as Readonly<Record<string, string>>)[REASON_KEYS[reason]]).toBeTruthy();
    expect(english(s).join(' ')).not.toMatch(/\{\w+\}/);
  });

  it.each([
    ['one point', [{ year: 2020, value: 12 }], 'A trend needs values for at least two years from the base year; there is only one.'],
    ['only years before the base year', [{ year: 2011, value: 12 }, { year: 2012, value: 11 }], 'There are no values from the base year (2015) onwards.'],
    ['no values (all missing)', [{ year: 2016, value: Number.NaN }, { year: 2017, value: Number.NaN }], 'There are no values to assess.'],
  ])('%s (engine result): the reason in words, no growth sentences', (_, rows, words) => {
    const dd = buildDashboard([table(rows)], registry, 'opensdg');
    const r = dd.headlineOf('LB-TYR', '11.6.2')?.result;
    if (r === undefined) throw new Error('no result');
    const s = explainResult(r, ctx);
    expect(r.status).toBe('insufficient_data');
    expect(keys(s)).not.toContain('indicator.explain.observedFall');
    expect(keys(s)).not.toContain('indicator.explain.observedRise');
    expect(english(s)).toContain(words);
  });

  it('unknown indicator: not configured, said in words', () => {
    const t = table([{ indicator: 'LOCAL-BUSES', year: 2015, value: 1 }, { indicator: 'LOCAL-BUSES', year: 2020, value: 2 }]);
    const dd = buildDashboard([t], registry, 'opensdg');
    const r = dd.headlineOf('LB-TYR', 'LOCAL-BUSES')?.result;
    if (r === undefined) throw new Error('no result');
    expect(english(explainResult(r, { ...ctx, target: null }))).toContain(
      'This indicator is not in the registry and has no desired direction, so its progress cannot be assessed.',
    );
  });

  it('words the notes, zero stand-ins with their numbers, and an aggregate of series', () => {
    const r = d.headlineOf('XD-BSH', '11.6.2')?.result;
    if (r === undefined) throw new Error('no result');
    const notes = [...Object.keys(NOTE_KEYS), 'aggregate_of_3_series', 'level_yellow', 'some_future_note'];
    const s = explainResult({ ...r, explanation: { ...r.explanation, notes } }, ctx);
    for (const k of Object.values(NOTE_KEYS)) expect(keys(s)).toContain(k);
    const words = english(s);
    expect(words).toContain('As in Open SDG, a target of 0 is counted as 0.001 so that growth rates can be computed.');
    expect(words).toContain('The headline status is the average score of 3 series.');
    expect(words.join(' ')).not.toContain('some_future_note');
  });

  it('mentions a moved base year', () => {
    const t = table([{ year: 2017, value: 20 }, { year: 2020, value: 18 }]);
    const dd = buildDashboard([t], registry, 'opensdg');
    const r = dd.headlineOf('LB-TYR', '11.6.2')?.result;
    if (r === undefined) throw new Error('no result');
    expect(english(explainResult(r, ctx))).toContain('There is no value for 2015, so the first later year with data, 2017, is the baseline.');
  });

  it('is worded in Arabic with Arabic-Indic digits when asked', () => {
    const r = d.headlineOf('XD-BSH', '11.6.2')?.result;
    if (r === undefined) throw new Error('no result');
    const ar = explainResult(r, ctx).map((x) => formatSentence(x, { lang: 'ar', digits: 'arab', decimals: 1 }));
    expect(ar[2]).toBe('خط الأساس: ٢٢٫٥ في عام ٢٠١٥.');
    expect(ar.at(-1)).toBe('النتيجة: إحراز تقدم ولكن هناك حاجة إلى تسريع.');
    expect(ar.join(' ')).not.toMatch(/[0-9]/);
    expect(ar.join(' ')).not.toMatch(/[\u200E\u200F\u061C]/);
  });
});

describe('formatPercent and the expert facts', () => {
  it.each([
    [0.0759, 'en', 'latn', '7.6%'],
    [0.95, 'fr', 'latn', '95 %'],
    [0.791, 'ar', 'arab', '٧٩٫١٪'],
    [0, 'es', 'latn', '0 %'],
    [Number.NaN, 'en', 'latn', ''],
  ] as const)('formatPercent(%d, %s, %s) → %j', (v, lang, digits, out) => {
    expect(formatPercent(v, lang, digits).replace(/\u00a0|\u202f/g, ' ')).toBe(out);
  });

  it('lists the formula and the numbers behind the result', () => {
    const d = buildDashboard([demo], registry, 'opensdg');
    const r = d.headlineOf('XD-BSH', '11.6.2')?.result;
    if (r === undefined) throw new Error('no result');
    const facts = expertFacts(r);
    expect(facts.map((f) => f.key)).toEqual([
      'indicator.expert.formula',
      'indicator.expert.direction',
      'indicator.expert.base',
      'indicator.expert.latest',
      'indicator.expert.target',
      'indicator.expert.observed',
      'indicator.expert.required',
      'indicator.expert.measure',
      'indicator.expert.score',
      'indicator.expert.thresholds',
    ]);
    const text = facts.map((f) => formatFact(f, { lang: 'en', digits: 'latn' }));
    expect(text[0]).toMatch(/^CAGR\(a, b, tₐ, t_b\)/);
    expect(text[2]).toBe('2015, 22.5');
    expect(text[7]).toBe('0.791');
    expect(formatFact(facts[2]!, { lang: 'ar', digits: 'arab' })).toBe('٢٠١٥, ٢٢٫٥');
  });
});

describe('switching city or indicator at scale (1,000 cities × 30 indicators × 15 years)', () => {
  it('reads a selection in well under 300 ms once the dashboard is built', () => {
    const b = new ObservationTableBuilder(450_000);
    const codes = registry.indicators.slice(0, 30).map((i) => i.code);
    for (let c = 0; c < 1000; c++)
      for (const code of codes)
        for (let y = 0; y < 15; y++) b.push({ ...base, city: `City ${c}`, cityCode: `XC-${c}`, indicator: code, year: 2010 + y, value: 10 + ((c * 7 + y * 3) % 40), unit: '' });
    const t = b.finish();
    const d = buildDashboard([t], registry, 'opensdg');
    // Once per dashboard (a linear pass, no progress computed): kept well under a switch's budget.
    const laidOut = performance.now();
    const layout = layoutOf(d);
    expect(performance.now() - laidOut).toBeLessThan(300);
    const started = performance.now();
    for (let i = 0; i < 20; i++) {
      const key = `XC-${(i * 37) % 1000}`;
      const code = codes[i % codes.length] ?? '11.6.2';
      const { choices } = seriesChoices(d, layout, key, code);
      const current = defaultChoice(choices);
      if (current === undefined) throw new Error(`no series for ${key} ${code}`);
      const points = pointsOf(layout, current.index);
      const others = comparisonSeries(d, layout, ['XC-1', 'XC-2', 'XC-3'], key, code, current);
      explainResult(current.result, ctx).map((s) => formatSentence(s, { lang: 'ar', digits: 'arab' }));
      buildIndicatorChartOption({
        lang: 'ar', dir: 'rtl', digits: 'arab', title: code, description: '', width: 390,
        series: [{ name: key, highlighted: true, points }, ...others.map((o) => ({ name: o.city.key, highlighted: false, points: o.points }))],
      });
    }
    const perSwitch = (performance.now() - started) / 20;
    expect(perSwitch).toBeLessThan(30);
  }, 60_000);
});

describe('withinYear(period): where a period starts within its year, for the time axis', () => {
  it.each([
    ['', 0],
    ['2019', 0],
    ['2020/21', 0],
    ['2015/16 to 2017/18', 0],
    ['1993 01', 0],
    ['1993 04', 3 / 12],
    ['2024 Q3', 6 / 12],
    ['H2 2024', 6 / 12],
    ['2024-W05', 4 / 52],
  ] as const)('%s → %d', (period, expected) => {
    expect(withinYear(period)).toBeCloseTo(expected, 6);
  });
  it('a day within its month; never a whole year', () => {
    expect(withinYear('2023-05-17')).toBeCloseTo((4 + 16 / 31) / 12, 6);
    expect(withinYear('2023-12-31')).toBeLessThan(1);
  });
});
