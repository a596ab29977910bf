import { describe, expect, it } from 'vitest';
import { getObservation, type ObservationInput, ObservationTableBuilder } from '@/domain/observation-table';
import { mergeTables } from '@/storage/merge-tables';
import { countDistinct } from '@/storage/dataset-record';

const base: ObservationInput = { city: 'A', cityCode: '', indicator: '11.6.2', year: 2020, value: 1, period: '', unit: '', series: '', disaggregation: '', source: '', note: '', line: 2 };

function tableOf(rows: Partial<ObservationInput>[]) {
  const b = new ObservationTableBuilder();
  for (const r of rows) b.push({ ...base, ...r });
  return b.finish();
}

describe('mergeTables(tables)', () => {
  it('returns a single table as it is', () => {
    const t = tableOf([{}]);
    expect(mergeTables([t])).toBe(t);
  });

  it('returns an empty table for none', () => {
    expect(mergeTables([]).length).toBe(0);
  });

  it('concatenates rows and re-encodes strings into shared dictionaries', () => {
    const a = tableOf([{ city: 'Amman', value: 1 }, { city: 'Tyre', value: 2, disaggregation: '[["sex","Female"]]' }]);
    const b = tableOf([{ city: 'Tyre', value: 3, line: 7 }, { city: 'صور', value: 4, note: 'x' }]);
    const m = mergeTables([a, b]);
    const rows = Array.from({ length: m.length }, (_, i) => getObservation(m, i));
    expect(rows.map((r) => [r.city, r.value, r.line])).toEqual([
      ['Amman', 1, 2],
      ['Tyre', 2, 2],
      ['Tyre', 3, 7],
      ['صور', 4, 2],
    ]);
    expect(rows[1]?.disaggregation).toBe('[["sex","Female"]]');
    expect(rows[3]?.note).toBe('x');
    expect(m.dict.city).toEqual(['', 'Amman', 'Tyre', 'صور']);
    expect(countDistinct(m, 'city')).toBe(3);
    expect(countDistinct(m, 'indicator')).toBe(1);
  });
});

describe('mergeTables: a merge of whole tables is kept', () => {
  it('gives the same table for the same list, another for another list or order, and copies when masked', () => {
    const a = tableOf([{ city: 'Amman' }]);
    const b = tableOf([{ city: 'Tyre' }]);
    const c = tableOf([{ city: 'Zurich' }]);
    const ab = mergeTables([a, b]);
    expect(mergeTables([a, b])).toBe(ab);
    expect(mergeTables([a, b], [undefined, undefined])).toBe(ab);
    const ba = mergeTables([b, a]);
    expect(ba).not.toBe(ab);
    expect(ba.dict.city).toEqual(['', 'Tyre', 'Amman']);
    const abc = mergeTables([a, b, c]);
    expect(abc.length).toBe(3);
    expect(mergeTables([a, b])).toBe(ab);
    const masked = mergeTables([a, b], [new Uint8Array([1]), undefined]);
    expect(masked).not.toBe(ab);
    expect(mergeTables([a, b], [new Uint8Array([1]), undefined])).not.toBe(masked);
  });

  it('keeps a few merges per first table, the most recent', () => {
    const a = tableOf([{ city: 'Amman' }]);
    const others = Array.from({ length: 5 }, (_, i) => tableOf([{ city: `C${i}` }]));
    const merges = others.map((o) => mergeTables([a, o]));
    // The four most recent are kept; the first was dropped, so it is made again.
    expect(mergeTables([a, others[4] ?? a])).toBe(merges[4]);
    expect(mergeTables([a, others[1] ?? a])).toBe(merges[1]);
    expect(mergeTables([a, others[0] ?? a])).not.toBe(merges[0]);
  });
});

describe('mergeTables(tables, keep)', () => {
  it('copies only the rows a mask keeps, even from a single table', () => {
    const a = tableOf([{ city: 'Amman', value: 1 }, { city: 'Tyre', value: 2 }, { city: 'Irbid', value: 3 }]);
    const b = tableOf([{ city: 'Zarqa', value: 4 }]);
    const one = mergeTables([a], [Uint8Array.from([1, 0, 1])]);
    expect(one).not.toBe(a);
    expect(Array.from({ length: one.length }, (_, i) => getObservation(one, i).city)).toEqual(['Amman', 'Irbid']);
    const two = mergeTables([a, b], [Uint8Array.from([0, 1, 0]), undefined]);
    expect(Array.from({ length: two.length }, (_, i) => [getObservation(two, i).city, getObservation(two, i).value])).toEqual([
      ['Tyre', 2],
      ['Zarqa', 4],
    ]);
  });
});
