import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSeriesIndex, ObservationTableBuilder, seriesRows, type ObservationInput } from '@/domain/observation-table';

const base: ObservationInput = {
  city: 'Tyre', cityCode: '', indicator: '11.6.2', year: 2015, value: 1, period: '', unit: '', series: '', disaggregation: '', source: '', note: '', line: 2,
};

function table(rows: Array<Partial<ObservationInput>>) {
  const b = new ObservationTableBuilder(4);
  rows.forEach((r, i) => b.push({ ...base, line: i + 2, ...r }));
  return b.finish();
}

describe('buildSeriesIndex', () => {
  it('groups interleaved rows into series ordered by year, same-year rows in file order', () => {
    const t = table([
      { city: 'Tyre', year: 2020 },
      { city: 'Zurich', year: 2018 },
      { city: 'Tyre', year: 2016 },
      { city: 'Tyre', year: 2020, value: 9 },
      { city: 'Zurich', year: 2015 },
      { city: 'Tyre', year: 2016, disaggregation: '[["sex","F"]]' },
    ]);
    const index = buildSeriesIndex(t);
    expect(index.size).toBe(3);
    const years = (k: number) => Array.from(seriesRows(index, k), (r) => t.year[r]);
    expect(years(0)).toEqual([2016, 2020, 2020]);
    expect(Array.from(seriesRows(index, 0))).toEqual([2, 0, 3]);
    expect(years(1)).toEqual([2015, 2018]);
    expect(years(2)).toEqual([2016]);
    expect(Array.from(index.seriesOfRow)).toEqual([0, 1, 0, 0, 1, 2]);
  });
  it('cities of the same name with different codes are different series', () => {
    const t = table([
      { city: 'San Juan', cityCode: 'AR_SAN_JUAN' },
      { city: 'San Juan', cityCode: 'PR_SAN_JUAN' },
    ]);
    expect(buildSeriesIndex(t).size).toBe(2);
  });
  it('an empty table has no series', () => {
    expect(buildSeriesIndex(table([])).size).toBe(0);
  });
  it('every row is in exactly one series, and each series is sorted by year (any order of rows)', () => {
    const row = fc.record({ city: fc.constantFrom('A', 'B', 'C'), unit: fc.constantFrom('', '%'), year: fc.integer({ min: 2000, max: 2030 }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const t = table(rows);
        const index = buildSeriesIndex(t);
        const seen = new Set<number>();
        for (let k = 0; k < index.size; k++) {
          const ix = seriesRows(index, k);
          for (let j = 0; j < ix.length; j++) {
            const r = ix[j] ?? 0;
            seen.add(r);
            expect(t.city[r]).toBe(t.city[ix[0] ?? 0]);
            expect(t.unit[r]).toBe(t.unit[ix[0] ?? 0]);
            if (j > 0) expect(t.year[r]).toBeGreaterThanOrEqual(t.year[ix[j - 1] ?? 0] ?? 0);
          }
        }
        expect(seen.size).toBe(rows.length);
      }),
    );
  });
});

describe('ObservationTableBuilder.finish', () => {
  const fill = (capacity: number, rows: number) => {
    const b = new ObservationTableBuilder(capacity);
    for (let i = 0; i < rows; i++) b.push({ city: `C${i % 3}`, cityCode: '', indicator: '11.6.2', year: 2000 + i, value: i / 2, period: '', unit: '', series: '', disaggregation: '', source: '', note: '', line: i + 2 });
    return b.finish();
  };

  it('hands over columns filled to within 1/16 of their capacity as views (no copy), the others as exact copies', () => {
    const near = fill(1000, 960);
    expect(near.value.length).toBe(960);
    expect(near.value.buffer.byteLength).toBe(1000 * 8);
    expect(near.year.byteLength).toBe(960 * 2);
    const far = fill(1000, 500);
    expect(far.value.buffer.byteLength).toBe(500 * 8);
    // Same content either way.
    expect([...near.value.subarray(0, 500)]).toEqual([...far.value]);
    expect(Array.from(near.city.subarray(0, 6))).toEqual([1, 2, 3, 1, 2, 3]);
  });

  it('grows past its capacity and then copies exactly', () => {
    const grown = fill(16, 40);
    expect(grown.length).toBe(40);
    expect(grown.line.buffer.byteLength).toBe(40 * 4);
    expect(grown.line[39]).toBe(41);
  });
});
