import { describe, expect, it } from 'vitest';
import { generateBenchCsv } from '@/cli/bench-data';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { rollUpByCity } from '@/domain/progress/rollups';
import { computeProgress, computeProgressSteps } from '@/domain/progress/compute';
import { runSteps, runStepsSliced, type Steps } from '@/domain/steps';
import { ingestFile } from '@/ingest/ingest-file';
import { buildDashboard, buildDashboardSteps, cityKey } from '@/model/dashboard-model';

const { registry } = loadRegistryFromDirs();
// ~1,500 series over a few dozen cities: enough for the steps to yield many times.
const { table } = ingestFile({ name: 'bench.csv', bytes: generateBenchCsv(registry, 45_000) }, registry);
const half = Math.floor(table.length / 2);

function countYields<T>(steps: Steps<T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const r = steps.next();
    if (r.done === true) return { value: r.value, yields };
    yields++;
  }
}

describe('buildDashboardSteps', () => {
  it('builds what buildDashboard builds, yielding many times along the way', () => {
    const whole = buildDashboard([table], registry, 'opensdg');
    // A copy of the table: the series' structure is kept per table, and laying it out is most of the steps.
    const { value: stepped, yields } = countYields(buildDashboardSteps([{ ...table }], registry, 'opensdg'));
    expect(stepped.report.indicators).toEqual(whole.report.indicators);
    expect(stepped.report.series).toEqual(whole.report.series);
    expect(stepped.cities).toEqual(whole.cities);
    expect([...stepped.rollups]).toEqual([...whole.rollups]);
    expect(yields).toBeGreaterThan(10);
  });

  it('rolls up each city once, with all its results, though it works a few hundred cities at a time', () => {
    const d = buildDashboard([table], registry, 'unsd');
    const direct = rollUpByCity(
      d.report.indicators.map((p) => ({ city: cityKey(p), cityCode: p.cityCode, indicator: p.indicator, result: p.result })),
      registry,
    );
    expect([...d.rollups.values()]).toEqual(direct);
  });

  it('merges several tables in steps as mergeTables does', async () => {
    const first = ingestFile({ name: 'a.csv', bytes: generateBenchCsv(registry, half) }, registry).table;
    const sliced = await runStepsSliced(buildDashboardSteps([first, table], registry, 'sdsn'), { sliceMs: 1 });
    const whole = buildDashboard([first, table], registry, 'sdsn');
    expect(sliced.table.length).toBe(first.length + table.length);
    expect(sliced.report.indicators).toEqual(whole.report.indicators);
  });
});

describe('computeProgressSteps', () => {
  it('is computeProgress in steps', () => {
    for (const method of ['opensdg', 'unsd', 'sdsn'] as const) {
      const stepped = runSteps(computeProgressSteps(table, registry, { method }));
      const whole = computeProgress(table, registry, { method });
      expect(stepped.indicators).toEqual(whole.indicators);
      expect(stepped.duplicates).toEqual(whole.duplicates);
    }
  });
});
