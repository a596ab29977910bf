import { describe, expect, it } from 'vitest';
import { ObservationTableBuilder } from '@/domain/observation-table';
import { runSteps, type Steps } from '@/domain/steps';
import { loadBundledRegistry } from '@/ingest/bundled-registry';
import { tableHas, tablePairsSteps } from '@/model/table-pairs';

const { registry } = loadBundledRegistry();
const ROW = { cityCode: '', period: '', unit: '', series: '', disaggregation: '', source: '', note: '', line: 2 };

function table(rows: number) {
  const b = new ObservationTableBuilder(rows);
  for (let i = 0; i < rows; i++) b.push({ ...ROW, city: `City ${Math.floor(i / 1000)}`, indicator: i % 2 === 0 ? '11.6.2' : '11.1.1', year: 2000 + (i % 20), value: i });
  b.push({ ...ROW, city: 'Ward A', cityCode: 'W01', indicator: '11.7.1', year: 2020, value: 1 });
  return b.finish();
}

function countYields<T>(steps: Steps<T>): number {
  let yields = 0;
  while (steps.next().done !== true) yields++;
  return yields;
}

describe('table pairs (the datasets holding a place × indicator)', () => {
  it('knows which place keys and indicators a table holds', () => {
    const t = table(4_000);
    expect(tableHas(t, registry, 'City 3', '11.6.2')).toBe(true);
    expect(tableHas(t, registry, 'City 3', '11.1.1')).toBe(true);
    expect(tableHas(t, registry, 'City 4', '11.6.2')).toBe(false);
    // A place with a code is known by its code.
    expect(tableHas(t, registry, 'W01', '11.7.1')).toBe(true);
    expect(tableHas(t, registry, 'Ward A', '11.7.1')).toBe(false);
    expect(tableHas(t, registry, 'City 0', '11.7.1')).toBe(false);
  });

  it('is made in steps over a long table (a yield every 128k rows), once per table', () => {
    const t = table(300_000);
    expect(countYields(tablePairsSteps(t, registry))).toBe(2);
    expect(countYields(tablePairsSteps(t, registry))).toBe(0);
    expect(runSteps(tablePairsSteps(t, registry)).pairs.size).toBe(601);
    expect(tableHas(t, registry, 'City 299', '11.1.1')).toBe(true);
  });
});
