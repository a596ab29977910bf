import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { INDICATORS_DIR, loadRegistryFromDirs } from '@/cli/load-registry';
import { type ObservationInput, ObservationTableBuilder } from '@/domain/observation-table';
import { buildDashboard, type CityNames } from '@/model/dashboard-model';
import { annexCsv, annexHeader, annexSheet, annexTrend, buildAnnex, type AnnexContext, type AnnexRow } from '@/model/annex';
import { cityArgProblem, foldCityText, matchCityArg, resolveCityArg } from '@/model/find-city';
import type { Lang } from '@/i18n/lang';
import { t as translate } from '@/i18n/translate';
import { toLoadedDataset } from '@/storage/dataset-record';

const { registry } = loadRegistryFromDirs([INDICATORS_DIR]);

const base: ObservationInput = {
  city: 'Wadi Noor', cityCode: 'XD-WNR', indicator: '11.6.2', year: 2015, value: 40, period: '', unit: '', series: '', disaggregation: '', source: '', note: '', line: 2,
};
function table(rows: Array<Partial<ObservationInput>>) {
  const b = new ObservationTableBuilder(8);
  rows.forEach((r, i) => b.push({ ...base, line: i + 2, ...r }));
  return b.finish();
}
function series(indicator: string, values: number[], extra: Partial<ObservationInput> = {}, from = 2015) {
  return values.map((value, i) => ({ indicator, year: from + i, value, ...extra }));
}

const HOSTILE_CITY = '=HYPERLINK("http://x.example","click")';
const names: CityNames = { 'XD-WNR': { en: 'Wadi Noor', ar: 'وادي النور' } };

function context(lang: Lang = 'en') {
  const t = table([
    ...series('11.6.2', [40, 35, 30, 25], { source: 'Air quality network' }), // PM2.5 falls: improving
    ...series('11.1.1', [30, 32, 34, 36]), // slum population rises: worsening
    ...series('11.2.1', [80.04, 80.01], {}, 2018), // equal at 1 decimal: stable
    { indicator: '11.7.1', year: 2020, value: 12.5 }, // one point: insufficient data
    ...series('LOCAL-PARKS-1', [1, 2, 3], { source: '+1 Parks dept' }), // not in the registry
    ...series('11.6.2', [-2, -3], { city: HOSTILE_CITY, cityCode: '' }, 2016),
  ]);
  const other = table([{ city: 'Tal Sanawbar', cityCode: 'XD-TSN', indicator: '11.6.2', year: 2020, value: 10, source: '@SUM(A1)' }]);
  const datasets = [
    toLoadedDataset({ id: 'a', name: 'wadi-noor.csv', source: 'upload', createdAt: 0, table: t, files: [] }),
    toLoadedDataset({ id: 'b', name: '\t=1 tal.csv', source: 'upload', createdAt: 0, table: other, files: [] }),
  ];
  const dashboard = buildDashboard([t, other], registry, 'opensdg');
  const ctx: AnnexContext = { dashboard, registry, datasets, names, lang, digits: 'latn' };
  return ctx;
}

const byCode = (rows: readonly AnnexRow[], code: string) => rows.find((r) => r.indicator === code);

describe('buildAnnex(ctx, cityKey)', () => {
  const ctx = context();
  const rows = buildAnnex(ctx, 'XD-WNR');

  it('has one row per indicator with data, registry order then unregistered codes', () => {
    expect(rows.map((r) => r.indicator)).toEqual(['11.1.1', '11.2.1', '11.6.2', '11.7.1', 'LOCAL-PARKS-1']);
    expect(new Set(rows.map((r) => r.city))).toEqual(new Set(['Wadi Noor']));
    expect(new Set(rows.map((r) => r.cityCode))).toEqual(new Set(['XD-WNR']));
  });

  it('takes baseline, latest, status and score from the engine and the target from the registry', () => {
    const pm = byCode(rows, '11.6.2');
    expect(pm).toMatchObject({
      title: registry.byCode.get('11.6.2')?.title.en,
      unit: 'µg/m³',
      baselineYear: 2015,
      baselineValue: 40,
      latestYear: 2018,
      latestValue: 25,
      target: 5,
      targetYear: 2030,
      targetSource: registry.byCode.get('11.6.2')?.goalTarget?.source.en,
      status: ctx.dashboard.headlineOf('XD-WNR', '11.6.2')?.result.status,
      trend: 'improving',
      decimals: 1,
    });
    expect(pm?.score).toBe(ctx.dashboard.headlineOf('XD-WNR', '11.6.2')?.result.score);
    expect(pm?.source).toBe('Air quality network (wadi-noor.csv)');
  });

  it('states a target of 0 as 0 (opensdg computes with 0.001)', () => {
    expect(byCode(rows, '11.1.1')).toMatchObject({ target: 0, targetYear: 2030, targetSource: registry.byCode.get('11.1.1')?.goalTarget?.source.en, trend: 'worsening', status: 'deterioration' });
  });

  it('calls a change invisible at the indicator\'s decimals stable', () => {
    expect(byCode(rows, '11.2.1')?.trend).toBe('stable');
  });

  it('one observation: baseline and latest are that point, no trend, no score, no target when the registry has none', () => {
    expect(byCode(rows, '11.7.1')).toMatchObject({
      baselineYear: 2020,
      baselineValue: 12.5,
      latestYear: 2020,
      latestValue: 12.5,
      target: null,
      targetYear: null,
      targetSource: '',
      status: 'insufficient_data',
      trend: null,
      score: null,
    });
  });

  it('an indicator the registry does not know: no title, no trend (no direction), values from the data', () => {
    expect(byCode(rows, 'LOCAL-PARKS-1')).toMatchObject({
      title: '',
      baselineYear: 2015,
      baselineValue: 1,
      latestYear: 2017,
      latestValue: 3,
      target: null,
      targetSource: '',
      status: 'insufficient_data',
      trend: null,
      score: null,
      source: '+1 Parks dept (wadi-noor.csv)',
    });
    expect(byCode(rows, 'LOCAL-PARKS-1')?.decimals).toBeUndefined();
  });

  it('a city without code is found by its name; an unknown city gives no rows', () => {
    const hostile = buildAnnex(ctx, HOSTILE_CITY);
    expect(hostile.map((r) => [r.city, r.cityCode, r.baselineValue, r.latestValue])).toEqual([[HOSTILE_CITY, '', -2, -3]]);
    expect(buildAnnex(ctx, 'NOWHERE')).toEqual([]);
  });

  it('titles, units, target sources, statuses and the city name follow the language', () => {
    const ar = buildAnnex(context('ar'), 'XD-WNR');
    expect(ar[0]?.city).toBe('وادي النور');
    expect(byCode(ar, '11.6.2')?.title).toBe(registry.byCode.get('11.6.2')?.title.ar);
    expect(byCode(ar, '11.6.2')?.targetSource).toBe(registry.byCode.get('11.6.2')?.goalTarget?.source.ar);
    expect(byCode(buildAnnex(context('fr'), 'XD-WNR'), '11.6.2')?.targetSource).toMatch(/^Lignes directrices OMS/);
  });

  it.each([
    ['an empty language falls back to English', 5, 'WHO 2021'],
    ['a target other than the registry\'s has no registry source', 6, ''],
  ])('targetSource: %s', (_, registryTarget, expected) => {
    // The engine computed with a target of 5 (the bundled registry); the annex reads its sources from this one.
    const pm = registry.byCode.get('11.6.2');
    if (!pm?.goalTarget) throw new Error('11.6.2 has a target');
    const indicators = new Map(registry.byCode);
    indicators.set('11.6.2', { ...pm, goalTarget: { ...pm.goalTarget, value: registryTarget, source: { en: 'WHO 2021', ar: '', fr: '', es: '' } } });
    const rows = buildAnnex({ ...context('ar'), registry: { ...registry, byCode: indicators } }, 'XD-WNR');
    expect(byCode(rows, '11.6.2')?.targetSource).toBe(expected);
  });
});

describe('annexTrend(baseline, latest, direction, decimals)', () => {
  it.each([
    [{ year: 2015, value: 1 }, { year: 2020, value: 2 }, 'increase', 1, 'improving'],
    [{ year: 2015, value: 1 }, { year: 2020, value: 2 }, 'decrease', 1, 'worsening'],
    [{ year: 2015, value: 1.04 }, { year: 2020, value: 0.96 }, 'increase', 1, 'stable'],
    [{ year: 2015, value: 1.04 }, { year: 2020, value: 0.96 }, 'increase', undefined, 'worsening'],
    [{ year: 2015, value: -5 }, { year: 2020, value: -1 }, 'decrease', 0, 'worsening'],
    [{ year: 2020, value: 1 }, { year: 2020, value: 2 }, 'increase', 1, null],
    [null, { year: 2020, value: 2 }, 'increase', 1, null],
    [{ year: 2015, value: 1 }, { year: 2020, value: 2 }, null, 1, null],
  ] as const)('%j → %j (%s, %s decimals) is %s', (b, l, dir, dec, expected) => {
    expect(annexTrend(b, l, dir, dec)).toBe(expected);
  });
});

describe('annexHeader(lang)', () => {
  it('has 16 columns in the four languages', () => {
    expect(annexHeader('en')).toEqual([
      'City', 'City code', 'Indicator', 'Title', 'Unit', 'Baseline year', 'Baseline value', 'Latest year', 'Latest value',
      'Target', 'Target year', 'Target source', 'Status', 'Trend', 'Score', 'Source',
    ]);
    for (const lang of ['ar', 'fr', 'es'] as const) expect(annexHeader(lang)).toHaveLength(16);
    expect(annexHeader('ar')[0]).toBe('المدينة');
  });
});

function parse(csv: string): string[][] {
  return Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
}

describe('annexCsv(rows, lang)', () => {
  const ctx = context();
  const rows = [...buildAnnex(ctx, 'XD-WNR'), ...buildAnnex(ctx, HOSTILE_CITY), ...buildAnnex(ctx, 'XD-TSN')];
  const csv = annexCsv(rows, 'en');
  const table = parse(csv);

  it('starts with a UTF-8 BOM and ends lines with CRLF', () => {
    expect(csv.startsWith('\ufeffCity,City code,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('writes numbers as plain numbers, negative numbers unquoted, missing values empty', () => {
    const lines = csv.split('\r\n');
    const hostile = lines.find((l) => l.includes('HYPERLINK')) ?? '';
    expect(hostile).toMatch(/,2016,-2,2017,-3,5,2030,/);
    const pm = table.find((r) => r[2] === '11.6.2' && r[1] === 'XD-WNR');
    expect(pm?.slice(5, 11)).toEqual(['2015', '40', '2018', '25', '5', '2030']);
    const one = table.find((r) => r[2] === '11.7.1');
    expect(one?.slice(9, 15)).toEqual(['', '', '', 'Insufficient data', '', '']);
    expect(pm?.[11]).toBe(registry.byCode.get('11.6.2')?.goalTarget?.source.en);
  });

  it('neutralises formula payloads in city, source and file names', () => {
    const hostile = table.find((r) => r[0]?.includes('HYPERLINK'));
    expect(hostile?.[0]).toBe(`'${HOSTILE_CITY}`);
    expect(table.find((r) => r[2] === 'LOCAL-PARKS-1')?.[15]).toBe("'+1 Parks dept (wadi-noor.csv)");
    expect(table.find((r) => r[1] === 'XD-TSN')?.[15]).toBe("'@SUM(A1) (\t=1 tal.csv)");
    for (const row of table) for (const cell of row) expect(cell).not.toMatch(/^\s*[=+@]|^[\t\r]/);
  });

  it.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['+1', "'+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['  =1', "'  =1"],
    ['-1+2', "'-1+2"],
  ])('a title %j reads back as %j', (title, expected) => {
    const row: AnnexRow = { ...rows[0]!, title };
    expect(parse(annexCsv([row], 'en'))[1]?.[3]).toBe(expected);
  });

  it('reads back with PapaParse to the same values', () => {
    expect(table).toHaveLength(rows.length + 1);
    rows.forEach((r, i) => {
      const line = table[i + 1] ?? [];
      const num = (k: number) => (line[k] === '' ? null : Number(line[k]));
      expect([num(5), num(6), num(7), num(8), num(9), num(10), num(14)]).toEqual([
        r.baselineYear, r.baselineValue, r.latestYear, r.latestValue, r.target, r.targetYear, r.score,
      ]);
      expect(line[2]).toBe(r.indicator);
    });
  });

  it('writes header, statuses and trends in Arabic, numbers in Latin digits', () => {
    const ar = annexCsv(buildAnnex(context('ar'), 'XD-WNR'), 'ar');
    const t = parse(ar);
    expect(t[0]?.[0]).toBe('المدينة');
    const pm = t.find((r) => r[2] === '11.6.2');
    expect(pm?.[0]).toBe('وادي النور');
    expect(pm?.[13]).toBe('في تحسّن');
    expect(pm?.[11]).toBe(registry.byCode.get('11.6.2')?.goalTarget?.source.ar);
    expect(pm?.[6]).toBe('40');
    expect(t.find((r) => r[2] === '11.7.1')?.[12]).toBe(translate('ar', 'status.insufficient_data'));
    expect(ar).not.toMatch(/[\u0660-\u0669]/);
  });
});

describe('annexSheet(rows, lang)', () => {
  it('a bold frozen header, number cells with formats, text cells, right to left in Arabic', () => {
    const rows = buildAnnex(context('ar'), 'XD-WNR');
    const sheet = annexSheet(rows, 'ar');
    expect(sheet.options).toMatchObject({ rightToLeft: true, stickyRowsCount: 1, sheet: 'الملحق الإحصائي' });
    expect(sheet.options.columns).toHaveLength(16);
    expect(sheet.data[0]?.[0]).toMatchObject({ value: 'المدينة', fontWeight: 'bold' });
    const pm = sheet.data.find((r) => r[2]?.value === '11.6.2');
    expect(pm?.[5]).toEqual({ type: Number, value: 2015, format: '0' });
    expect(pm?.[6]).toEqual({ type: Number, value: 40, format: '0.0' });
    expect(pm?.[9]).toEqual({ type: Number, value: 5, format: '0.0' });
    expect(annexSheet(rows, 'en').options.rightToLeft).toBe(false);
  });
});

describe('resolveCityArg(dashboard, arg)', () => {
  const { dashboard } = context();
  it.each([
    ['XD-WNR', 'XD-WNR'],
    ['xd-wnr', 'XD-WNR'],
    ['wadi noor', 'XD-WNR'],
    ['  WADI   NOOR ', 'XD-WNR'],
    ['Tal Sanawbar', 'XD-TSN'],
    ['tal sanawbar', 'XD-TSN'],
  ])('%j → %s', (arg, key) => {
    expect(resolveCityArg(dashboard, arg)?.key).toBe(key);
  });
  it('matches display names (Arabic) with hamza and harakat folded', () => {
    expect(resolveCityArg(dashboard, 'وادي النّور', names)?.key).toBe('XD-WNR');
    expect(foldCityText('إربد')).toBe(foldCityText('اربد'));
    expect(foldCityText('Łomża')).toBe('lomza');
    expect(foldCityText('Ghadamès')).toBe('ghadames');
  });
  it('unknown: undefined, with close matches and the number of cities in the message', () => {
    expect(resolveCityArg(dashboard, 'Wadi Nor')).toBeUndefined();
    const m = matchCityArg(dashboard, 'Wadi Nor');
    expect(m.kind === 'unknown' ? m.suggestions.map((c) => c.key) : []).toEqual(['XD-WNR']);
    expect(cityArgProblem(dashboard, 'Wadi Nor')).toBe('no city "Wadi Nor" in the data (3 cities). Did you mean Wadi Noor (XD-WNR)?');
    expect(cityArgProblem(dashboard, 'XD-WNR')).toBe('');
  });
  it('two cities with the same name are ambiguous: the message lists their codes', () => {
    const t = table([{ city: 'Nahr', cityCode: 'XD-N1' }, { city: 'Nahr', cityCode: 'XD-N2' }]);
    const d = buildDashboard([t], registry, 'opensdg');
    expect(resolveCityArg(d, 'nahr')).toBeUndefined();
    expect(resolveCityArg(d, 'XD-N2')?.key).toBe('XD-N2');
    expect(cityArgProblem(d, 'nahr')).toContain('Nahr (XD-N1), Nahr (XD-N2)');
  });
});
