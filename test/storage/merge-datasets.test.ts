import { describe, expect, it } from 'vitest';
import { getObservation, type ObservationInput } from '@/domain/observation-table';
import { type MergeInput, mergeDatasets } from '@/storage/merge-datasets';
import { tableOf } from './fixtures';

function dataset(id: string, importedAt: number, rows: Array<Partial<ObservationInput>>): MergeInput {
  return { id, name: `${id}.csv`, importedAt, table: tableOf(rows) };
}

function rowsOf(r: ReturnType<typeof mergeDatasets>) {
  return Array.from({ length: r.table.length }, (_, i) => getObservation(r.table, i)).map((o) => `${o.cityCode || o.city} ${o.indicator} ${o.year} ${o.value}`);
}

describe('mergeDatasets(datasets)', () => {
  it('returns nothing for no dataset, and one dataset as it is', () => {
    expect(mergeDatasets([]).table.length).toBe(0);
    const one = dataset('a', 1, [{ value: 1 }, { value: 1 }]);
    const r = mergeDatasets([one]);
    expect(r.table).toBe(one.table);
    expect(r.conflicts).toEqual([]);
  });

  it('keeps every observation only one dataset gives', () => {
    const r = mergeDatasets([dataset('a', 1, [{ year: 2015 }]), dataset('b', 2, [{ year: 2016 }, { cityCode: 'LB-TYR', city: 'صور' }])]);
    expect(rowsOf(r)).toEqual(['JO-AMM 11.6.2 2015 1', 'JO-AMM 11.6.2 2016 1', 'LB-TYR 11.6.2 2015 1']);
    expect(r.conflictCount).toBe(0);
    expect(r.rowsReplaced).toBe(0);
  });

  it('lets the dataset imported later win, whatever the order given, and lists the conflict with both values', () => {
    const early = dataset('early', 1000, [{ year: 2015, value: 10, line: 5 }, { year: 2016, value: 11 }]);
    const late = dataset('late', 2000, [{ year: 2015, value: 12, line: 9 }]);
    for (const input of [
      [early, late],
      [late, early],
    ]) {
      const r = mergeDatasets(input);
      expect(rowsOf(r).sort()).toEqual(['JO-AMM 11.6.2 2015 12', 'JO-AMM 11.6.2 2016 11']);
      expect(r.conflictCount).toBe(1);
      expect(r.rowsReplaced).toBe(1);
      expect(r.conflicts[0]).toMatchObject({
        city: 'عمّان',
        cityCode: 'JO-AMM',
        indicator: '11.6.2',
        year: 2015,
        used: { datasetId: 'late', datasetName: 'late.csv', value: 12, line: 9, importedAt: 2000 },
        others: [{ datasetId: 'early', value: 10, line: 5 }],
      });
    }
  });

  it('collapses equal values without calling them a conflict', () => {
    const r = mergeDatasets([dataset('a', 1, [{ value: 3 }]), dataset('b', 2, [{ value: 3 }])]);
    expect(r.table.length).toBe(1);
    expect(r.conflictCount).toBe(0);
    expect(r.rowsReplaced).toBe(1);
  });

  it.each([
    ['series', { series: 'EN_AIR' }],
    ['unit', { unit: '%' }],
    ['breakdown', { disaggregation: '[["Sex","Female"]]' }],
    ['indicator', { indicator: '11.2.1' }],
    ['city code', { cityCode: 'JO-ZRQ' }],
  ])('treats another %s as another observation', (_, change) => {
    const r = mergeDatasets([dataset('a', 1, [{ value: 1 }]), dataset('b', 2, [{ value: 2, ...change }])]);
    expect(r.table.length).toBe(2);
    expect(r.conflictCount).toBe(0);
  });

  it('knows a city by its code when there is one, else by its name', () => {
    const byCode = mergeDatasets([dataset('a', 1, [{ city: 'Amman', value: 1 }]), dataset('b', 2, [{ city: 'عمّان', value: 2 }])]);
    expect(byCode.conflictCount).toBe(1);
    const byName = mergeDatasets([dataset('a', 1, [{ cityCode: '', city: 'Tyre', value: 1 }]), dataset('b', 2, [{ cityCode: '', city: 'Tyre', value: 2 }])]);
    expect(byName.conflictCount).toBe(1);
    const codeVsName = mergeDatasets([dataset('a', 1, [{ cityCode: '', city: 'JO-AMM', value: 1 }]), dataset('b', 2, [{ value: 2 }])]);
    expect(codeVsName.conflictCount).toBe(0);
  });

  it('keeps rows repeated inside one dataset (the ingest reports those)', () => {
    const r = mergeDatasets([dataset('a', 1, [{ value: 1 }, { value: 2 }]), dataset('b', 2, [{ year: 2020 }])]);
    expect(r.table.length).toBe(3);
    expect(r.conflictCount).toBe(0);
  });

  it('follows a value through three datasets: the latest is used, the replaced ones are listed latest first', () => {
    const r = mergeDatasets([dataset('a', 1, [{ value: 1 }]), dataset('b', 2, [{ value: 2 }]), dataset('c', 3, [{ value: 3 }])]);
    expect(rowsOf(r)).toEqual(['JO-AMM 11.6.2 2015 3']);
    expect(r.conflictCount).toBe(1);
    expect(r.conflicts[0]?.used.datasetId).toBe('c');
    expect(r.conflicts[0]?.others.map((o) => o.datasetId)).toEqual(['b', 'a']);
  });

  it('counts every conflict but lists at most maxConflicts', () => {
    const years = Array.from({ length: 30 }, (_, i) => i);
    const r = mergeDatasets(
      [dataset('a', 1, years.map((i) => ({ year: 2000 + i, value: i }))), dataset('b', 2, years.map((i) => ({ year: 2000 + i, value: i + 0.5 })))],
      { maxConflicts: 10 },
    );
    expect(r.conflictCount).toBe(30);
    expect(r.conflicts).toHaveLength(10);
    expect(r.table.length).toBe(30);
  });

  it('treats NaN as equal to NaN and -0 as equal to 0 (no conflict)', () => {
    expect(mergeDatasets([dataset('a', 1, [{ value: NaN }]), dataset('b', 2, [{ value: NaN }])]).conflictCount).toBe(0);
    expect(mergeDatasets([dataset('a', 1, [{ value: 0 }]), dataset('b', 2, [{ value: -0 }])]).conflictCount).toBe(0);
  });

  it('merges 200,000 rows in well under a second', () => {
    const n = 100_000;
    const rows = (offset: number) => Array.from({ length: n }, (_, i) => ({ city: `C${Math.floor(i / 200)}`, cityCode: '', year: 1900 + (i % 200), value: i + offset }));
    const a = dataset('a', 1, rows(0));
    const b = dataset('b', 2, rows(1));
    const started = performance.now();
    const r = mergeDatasets([a, b]);
    expect(performance.now() - started).toBeLessThan(1500);
    expect(r.table.length).toBe(n);
    expect(r.conflictCount).toBe(n);
  });
});
