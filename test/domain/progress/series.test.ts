import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { disaggregationKey, type ObservationInput, type ObservationTable, ObservationTableBuilder } from '@/domain/observation-table';
import { collectSeries, layoutSeries, resolveSettings, settingsFromIndicator } from '@/domain/progress/series';
import { compareIndicatorCodes, registryOf } from '@/domain/registry';

const { registry } = loadRegistryFromDirs();

type Row = Partial<ObservationInput> & { city: string; indicator: string; year: number; value: number };

function table(rows: readonly Row[]): ObservationTable {
  const b = new ObservationTableBuilder();
  rows.forEach((r, i) =>
    b.push({ cityCode: '', period: '', unit: '', series: '', disaggregation: '', source: '', note: '', line: i + 2, ...r }),
  );
  return b.finish();
}

const FEMALE = disaggregationKey([['Sex', 'Female']]);
const MALE = disaggregationKey([['Sex', 'Male']]);

/** The series of a collection as readable tuples. */
function describeSeries(t: ObservationTable, c: ReturnType<typeof collectSeries>) {
  return c.series.map((s) => ({
    city: t.dict.city[s.city],
    indicator: s.indicator,
    series: t.dict.series[s.series],
    unit: t.dict.unit[s.unit],
    disaggregation: t.dict.disaggregation[s.disaggregation],
    years: Array.from(s.years),
    values: Array.from(s.values),
  }));
}

describe('collectSeries(table, registry): grouping', () => {
  it('an empty table has no series', () => {
    const c = collectSeries(table([]), registry);
    expect(c.series).toEqual([]);
    expect(c.blocks).toEqual([]);
    expect(c.duplicates).toEqual([]);
  });

  it('one series per city × indicator × series × unit × disaggregation, years ascending, headline first', () => {
    const t = table([
      { city: 'Amman', indicator: '11.2.1', year: 2020, value: 60, disaggregation: FEMALE },
      { city: 'Amman', indicator: '11.2.1', year: 2016, value: 50 },
      { city: 'Amman', indicator: '11.2.1', year: 2020, value: 62 },
      { city: 'Amman', indicator: '11.2.1', year: 2016, value: 48, disaggregation: FEMALE },
      { city: 'Amman', indicator: '11.2.1', year: 2016, value: 52, disaggregation: MALE },
    ]);
    const c = collectSeries(t, registry);
    expect(describeSeries(t, c)).toEqual([
      { city: 'Amman', indicator: '11.2.1', series: '', unit: '', disaggregation: '', years: [2016, 2020], values: [50, 62] },
      { city: 'Amman', indicator: '11.2.1', series: '', unit: '', disaggregation: FEMALE, years: [2016, 2020], values: [48, 60] },
      { city: 'Amman', indicator: '11.2.1', series: '', unit: '', disaggregation: MALE, years: [2016], values: [52] },
    ]);
    expect(c.blocks).toHaveLength(1);
    expect(c.blocks[0]).toMatchObject({ indicator: '11.2.1', first: 0, end: 3, headline: 0, headlineCandidates: 1 });
  });

  it('orders cities by first appearance and indicators by code (11.2.1 < 11.6.2 < AMM-1 order of compareIndicatorCodes)', () => {
    const t = table([
      { city: 'Zarqa', indicator: '11.6.2', year: 2020, value: 30 },
      { city: 'Amman', indicator: '11.6.2', year: 2020, value: 20 },
      { city: 'Zarqa', indicator: '11.2.1', year: 2020, value: 40 },
      { city: 'Zarqa', indicator: '3.6.1', year: 2020, value: 9 },
    ]);
    const c = collectSeries(t, registry);
    expect(c.blocks.map((b) => `${t.dict.city[b.city]} ${b.indicator}`)).toEqual(['Zarqa 3.6.1', 'Zarqa 11.2.1', 'Zarqa 11.6.2', 'Amman 11.6.2']);
  });

  it('several series/unit combinations with headline rows make the headline ambiguous', () => {
    const t = table([
      { city: 'Leeds', indicator: '11.6.2', series: 'PM2.5', year: 2015, value: 10 },
      { city: 'Leeds', indicator: '11.6.2', series: 'PM10', year: 2015, value: 16 },
      { city: 'Leeds', indicator: '11.6.2', series: 'PM2.5', year: 2020, value: 8 },
    ]);
    const c = collectSeries(t, registry);
    expect(describeSeries(t, c).map((s) => [s.series, s.years])).toEqual([
      ['PM2.5', [2015, 2020]],
      ['PM10', [2015]],
    ]);
    expect(c.blocks[0]).toMatchObject({ headline: -1, headlineCandidates: 2 });
  });

  it('a city with only disaggregated rows has no headline', () => {
    const c = collectSeries(table([{ city: 'A', indicator: '11.2.1', year: 2020, value: 1, disaggregation: FEMALE }]), registry);
    expect(c.blocks[0]).toMatchObject({ headline: -1, headlineCandidates: 0 });
  });

  it('a year listed twice keeps the last-listed row and records the others (two periods starting in 2024)', () => {
    const t = table([
      { city: 'A', indicator: '11.6.2', year: 2024, value: 10, period: '2024 Q1' },
      { city: 'A', indicator: '11.6.2', year: 2020, value: 12 },
      { city: 'A', indicator: '11.6.2', year: 2024, value: 11, period: '2024 Q2' },
      { city: 'A', indicator: '11.6.2', year: 2024, value: 9, period: '2024 Q3' },
    ]);
    const c = collectSeries(t, registry);
    expect(describeSeries(t, c)[0]).toMatchObject({ years: [2020, 2024], values: [12, 9] });
    expect(c.duplicates).toEqual([{ series: 0, year: 2024, keptRow: 3, droppedRows: [0, 2] }]);
    expect(Array.from(c.rows.subarray(c.series[0]?.start, c.series[0]?.end))).toEqual([1, 3]);
  });

  it('periods are stored under their start year: 2017-18 is the point of 2017', () => {
    const t = table([
      { city: 'A', indicator: '11.6.2', year: 2017, value: 10, period: '2017-18' },
      { city: 'A', indicator: '11.6.2', year: 2019, value: 9, period: '2019-20' },
    ]);
    expect(describeSeries(t, collectSeries(t, registry))[0]?.years).toEqual([2017, 2019]);
  });

  it('data under an alias joins its indicator (1.5.1 → 11.5.1); the same year from both is a duplicate', () => {
    const t = table([
      { city: 'A', indicator: '11.5.1', year: 2015, value: 5 },
      { city: 'A', indicator: '1.5.1', year: 2020, value: 3 },
      { city: 'A', indicator: '13.1.1', year: 2020, value: 4 },
    ]);
    const c = collectSeries(t, registry);
    expect(describeSeries(t, c)).toEqual([{ city: 'A', indicator: '11.5.1', series: '', unit: '', disaggregation: '', years: [2015, 2020], values: [5, 4] }]);
    expect(c.duplicates).toHaveLength(1);
  });

  it('points are views into shared typed arrays, not copies', () => {
    const t = table([
      { city: 'A', indicator: '11.6.2', year: 2015, value: 1 },
      { city: 'B', indicator: '11.6.2', year: 2015, value: 2 },
    ]);
    const c = collectSeries(t, registry);
    const [a, b] = c.series;
    expect(a?.values).toBeInstanceOf(Float64Array);
    expect(a?.values.buffer).toBe(b?.values.buffer);
  });

  it('keeps NaN values (the methods skip them) and many series in order', () => {
    const rows: Row[] = [];
    for (let c = 0; c < 50; c++) for (let y = 2020; y >= 2010; y--) rows.push({ city: `C${c}`, indicator: '11.6.2', year: y, value: y === 2015 ? NaN : c });
    const t = table(rows);
    const c = collectSeries(t, registry);
    expect(c.series).toHaveLength(50);
    for (const [k, s] of c.series.entries()) {
      expect(t.dict.city[s.city]).toBe(`C${k}`);
      expect(Array.from(s.years)).toEqual([2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020]);
      expect(Number.isNaN(s.values[5])).toBe(true);
    }
  });
});

describe('collectSeries: settings', () => {
  const pm = registry.byCode.get('11.6.2');
  const slums = registry.byCode.get('11.1.1');

  it('come from the registry: direction, goal target, base year, target year 2030, limit, bounds, percent flag', () => {
    if (pm === undefined || slums === undefined) throw new Error('registry fixture missing');
    expect(settingsFromIndicator(pm)).toEqual({
      direction: 'decrease',
      target: { value: 5, year: 2030 },
      baseYear: 2015,
      targetYear: 2030,
      limit: null,
      bounds: { optimum: 6.3, green: 10, red: 25, lower: 87 },
      unitIsPercent: false,
      validRange: { min: pm.validRange.min, max: pm.validRange.max },
    });
    expect(settingsFromIndicator(slums).unitIsPercent).toBe(true);
  });

  it('are overridden per indicator, by code or alias, and shared by the series of an indicator', () => {
    const t = table([
      { city: 'A', indicator: '11.6.2', year: 2015, value: 1 },
      { city: 'B', indicator: '11.6.2', year: 2015, value: 2 },
      { city: 'A', indicator: '11.5.1', year: 2015, value: 2 },
    ]);
    const c = collectSeries(t, registry, { '11.6.2': { baseYear: 2018, target: { value: 10, year: 2025 } }, '1.5.1': { targetYear: 2035 } });
    const [pa, pb] = c.series.filter((s) => s.indicator === '11.6.2');
    expect(pa?.settings).toMatchObject({ baseYear: 2018, target: { value: 10, year: 2025 }, direction: 'decrease' });
    expect(pa?.settings).toBe(pb?.settings);
    expect(c.series.find((s) => s.indicator === '11.5.1')?.settings?.targetYear).toBe(2035);
  });

  it('an indicator unknown to the registry has none, unless an override gives a direction', () => {
    expect(resolveSettings(undefined, undefined)).toBeNull();
    expect(resolveSettings(undefined, { target: null })).toBeNull();
    expect(resolveSettings(undefined, { direction: 'increase' })).toEqual({
      direction: 'increase',
      target: null,
      baseYear: 2015,
      targetYear: 2030,
      limit: null,
      bounds: null,
    });
    const t = table([{ city: 'A', indicator: 'AMM-1', year: 2015, value: 1 }]);
    expect(collectSeries(t, registry).series[0]?.settings).toBeNull();
    expect(collectSeries(t, registry, { 'AMM-1': { direction: 'decrease' } }).series[0]?.settings?.direction).toBe('decrease');
  });
});

describe('layoutSeries: the structure is made once per table and registry', () => {
  const t = table([
    { city: 'A', indicator: '11.5.1', year: 2015, value: 2 },
    { city: 'A', indicator: '1.5.1', year: 2016, value: 3 },
  ]);

  it('is reused for the same table and registry, with the settings of each call', () => {
    const first = layoutSeries(t, registry);
    const again = layoutSeries(t, registry, { '11.5.1': { targetYear: 2035 } });
    expect(again.rows).toBe(first.rows);
    expect(again.starts).toBe(first.starts);
    expect(first.settings[0]?.targetYear).toBe(2030);
    expect(again.settings[0]?.targetYear).toBe(2035);
    // The same table laid out again from scratch (a copy) gives the same structure, every part of it.
    const copy = layoutSeries({ ...t }, registry);
    expect(copy.rows).not.toBe(first.rows);
    const { table: _a, ...fresh } = copy;
    const { table: _b, ...kept } = again;
    expect(fresh).toEqual({ ...kept, settings: first.settings });
  });

  it('is made again for another registry (an alias of one is a code of its own in another)', () => {
    const codes = (r: typeof registry) => layoutSeries(t, r).codes.filter((c) => c !== '');
    expect(codes(registry)).toEqual(['11.5.1']); // 1.5.1 is an alias of 11.5.1
    expect(codes(registryOf([]))).toEqual(['1.5.1', '11.5.1']);
    expect(layoutSeries(t, registryOf([])).city).toHaveLength(2);
    expect(codes(registry)).toEqual(['11.5.1']);
  });
});

describe('layoutSeries agrees with a plain sort-and-group reference', () => {
  /** The obvious implementation: sort row indices with a comparator (city ids are in order of first appearance), group, keep the last row of a year. */
  function reference(t: ObservationTable) {
    const rankOf = (code: string) => registry.byCode.get(code)?.code ?? code;
    const rows = Array.from({ length: t.length }, (_, i) => i);
    rows.sort(
      (a, b) =>
        (t.city[a] ?? 0) - (t.city[b] ?? 0) ||
        compareIndicatorCodes(rankOf(t.dict.indicator[t.indicator[a] ?? 0] ?? ''), rankOf(t.dict.indicator[t.indicator[b] ?? 0] ?? '')) ||
        (t.series[a] ?? 0) - (t.series[b] ?? 0) ||
        (t.unit[a] ?? 0) - (t.unit[b] ?? 0) ||
        (t.disaggregation[a] ?? 0) - (t.disaggregation[b] ?? 0) ||
        (t.year[a] ?? 0) - (t.year[b] ?? 0) ||
        a - b,
    );
    const out: Array<{ key: string; years: number[]; values: number[] }> = [];
    for (const r of rows) {
      const key = [t.city[r], rankOf(t.dict.indicator[t.indicator[r] ?? 0] ?? ''), t.series[r], t.unit[r], t.disaggregation[r]].join('|');
      let s = out[out.length - 1];
      if (s === undefined || s.key !== key) {
        s = { key, years: [], values: [] };
        out.push(s);
      }
      const y = t.year[r] ?? 0;
      if (s.years[s.years.length - 1] === y) s.values[s.values.length - 1] = t.value[r] ?? NaN;
      else {
        s.years.push(y);
        s.values.push(t.value[r] ?? NaN);
      }
    }
    return out.map(({ key, years, values }) => ({ key, years, values }));
  }

  const rowArb = fc.record({
    city: fc.constantFrom('A', 'B', 'C'),
    indicator: fc.constantFrom('11.6.2', '11.5.1', '1.5.1', '3.6.1'),
    series: fc.constantFrom('', 'PM2.5', 'PM10'),
    disaggregation: fc.constantFrom('', FEMALE, MALE),
    year: fc.integer({ min: 2010, max: 2016 }),
    value: fc.integer({ min: 0, max: 100 }),
  });

  it('for any table (cities split, rows shuffled, aliases, repeated years)', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 120 }), (rows) => {
        const t = table(rows);
        const c = collectSeries(t, registry);
        const got = c.series.map((s) => ({
          key: [s.city, s.indicator, s.series, s.unit, s.disaggregation].join('|'),
          years: Array.from(s.years),
          values: Array.from(s.values),
        }));
        expect(got).toEqual(reference(t));
        // Every row is either a point or a recorded duplicate.
        const dropped = c.duplicates.reduce((n, d) => n + d.droppedRows.length, 0);
        expect(c.rows.length + dropped).toBe(t.length);
      }),
      { numRuns: 300 },
    );
  });

  it('a block longer than the insertion-sort limit, rows in reverse order', () => {
    const rows: Row[] = [];
    for (let y = 2100; y >= 2000; y--) rows.push({ city: 'A', indicator: '11.6.2', year: y, value: y, disaggregation: y % 2 ? FEMALE : '' });
    const c = collectSeries(table(rows), registry);
    expect(c.series).toHaveLength(2);
    expect(Array.from(c.series[0]?.years ?? [])).toEqual(Array.from({ length: 51 }, (_, i) => 2000 + 2 * i));
    expect(Array.from(c.series[1]?.values ?? [])).toEqual(Array.from({ length: 50 }, (_, i) => 2001 + 2 * i));
  });
});
