import { describe, expect, it } from 'vitest';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { disaggregationKey, type ObservationInput, type ObservationTable, ObservationTableBuilder } from '@/domain/observation-table';
import { computeProgress, type IndicatorConfig } from '@/domain/progress/compute';

const { registry } = loadRegistryFromDirs();

type Row = Partial<ObservationInput> & { city: string; indicator: string; year: number; value: number };
function table(rows: readonly Row[]): ObservationTable {
  const b = new ObservationTableBuilder();
  rows.forEach((r, i) => b.push({ cityCode: '', period: '', unit: '', series: '', disaggregation: '', source: '', note: '', line: i + 2, ...r }));
  return b.finish();
}
const series = (city: string, indicator: string, points: ReadonlyArray<readonly [number, number]>, extra: Partial<Row> = {}): Row[] =>
  points.map(([year, value]) => ({ city, indicator, year, value, ...extra }));

const FEMALE = disaggregationKey([['Sex', 'Female']]);
/** PM2.5 without its WHO target, so the opensdg worked examples (method 1) apply. */
const NO_TARGET: Record<string, IndicatorConfig> = { '11.6.2': { target: null } };

describe('computeProgress(table, registry, { method })', () => {
  const t = table([
    ...series('Amman', '11.6.2', [[2015, 20], [2020, 10]], { cityCode: 'JO-AM' }),
    ...series('Amman', '11.6.2', [[2015, 22], [2020, 12]], { cityCode: 'JO-AM', disaggregation: FEMALE }),
    ...series('Zarqa', '11.6.2', [[2016, 30]]),
  ]);

  it('unsd: one result per series, the headline series marked by series = null, one headline per city × indicator', () => {
    const r = computeProgress(t, registry, { method: 'unsd' });
    expect(r.method).toBe('unsd');
    expect(r.series.map((s) => [s.city, s.cityCode, s.indicator, s.series, s.disaggregation, s.result.status])).toEqual([
      ['Amman', 'JO-AM', '11.6.2', null, '', 'on_track'],
      ['Amman', 'JO-AM', '11.6.2', '', FEMALE, 'on_track'],
      ['Zarqa', '', '11.6.2', null, '', 'insufficient_data'],
    ]);
    expect(r.indicators.map((i) => [i.city, i.indicator, i.result.status, i.headlineSeries, i.first, i.end])).toEqual([
      ['Amman', '11.6.2', 'on_track', 0, 0, 2],
      ['Zarqa', '11.6.2', 'insufficient_data', 2, 2, 3],
    ]);
    // The headline result is the headline series' result itself.
    expect(r.indicators[0]?.result).toBe(r.series[0]?.result);
    expect(r.series[0]?.result.explanation.measure).toBeCloseTo(17.5 / 15, 9);
  });

  it('sdsn: the score is the normalised latest value', () => {
    const r = computeProgress(t, registry, { method: 'sdsn' });
    expect(r.indicators[0]?.result.score).toBeCloseTo(((87 - 10) / 80.7) * 100, 9);
  });

  it('opensdg: the worked example 7.2 → 6.0 (2015→2020), decreasing, no target: P = 0.0358 → on_track, score 5', () => {
    const r = computeProgress(table(series('A', '11.6.2', [[2015, 7.2], [2020, 6]])), registry, { method: 'opensdg', overrides: NO_TARGET });
    expect(r.indicators[0]?.result).toMatchObject({ status: 'on_track', score: 5 });
    expect(r.series[0]?.result.explanation.measure).toBeCloseTo(0.0358075, 6);
  });

  it('opensdg: the worked example with a target, 10 (2018) → 10.4 (2022), target 0.1 by 2030: deterioration, score −2.6288', () => {
    const overrides = { '11.6.2': { target: { value: 0.1, year: 2030 } } };
    const r = computeProgress(table(series('A', '11.6.2', [[2018, 10], [2022, 10.4]])), registry, { method: 'opensdg', overrides });
    expect(r.indicators[0]?.result.status).toBe('deterioration');
    expect(r.indicators[0]?.result.score).toBeCloseTo(-2.6288, 3);
  });

  it('opensdg aggregates the configured series like Open SDG: the mean of 5 and −3.484 is 0.758 → acceleration_needed', () => {
    const data = table([
      ...series('A', '11.6.2', [[2015, 7.2], [2020, 6]], { series: 'PM2.5' }),
      ...series('A', '11.6.2', [[2015, 10], [2020, 10.4]], { series: 'PM10' }),
    ]);
    const overrides = { '11.6.2': { target: null, progressSeries: [{ series: 'PM2.5' }, { series: 'PM10' }] } };
    const r = computeProgress(data, registry, { method: 'opensdg', overrides });
    const headline = r.indicators[0];
    expect(headline?.result.status).toBe('acceleration_needed');
    expect(headline?.result.score).toBeCloseTo(0.7578132, 6);
    expect(headline?.headlineSeries).toBe(-1);
    expect(headline?.result.explanation.notes).toContain('aggregate_of_2_series');
    expect(r.series.map((s) => s.series)).toEqual(['PM2.5', 'PM10']);
  });

  it('opensdg groups count as one item: [PM2.5, {group: [PM10, PM10]}] is still the mean of two', () => {
    const data = table([
      ...series('A', '11.6.2', [[2015, 7.2], [2020, 6]], { series: 'PM2.5' }),
      ...series('A', '11.6.2', [[2015, 10], [2020, 10.4]], { series: 'PM10' }),
    ]);
    const overrides = { '11.6.2': { target: null, progressSeries: [{ series: 'PM2.5' }, { group: [{ series: 'PM10' }, { series: 'PM10' }] }] } };
    expect(computeProgress(data, registry, { method: 'opensdg', overrides }).indicators[0]?.result.score).toBeCloseTo(0.7578132, 6);
  });

  it('several series with headline rows make the headline ambiguous unless a series is configured', () => {
    const data = table([
      ...series('Leeds', '11.6.2', [[2015, 10], [2020, 8]], { series: 'PM2.5' }),
      ...series('Leeds', '11.6.2', [[2015, 16], [2020, 15]], { series: 'PM10' }),
    ]);
    const plain = computeProgress(data, registry, { method: 'unsd' });
    expect(plain.indicators[0]?.result.status).toBe('insufficient_data');
    expect(plain.indicators[0]?.result.explanation.insufficientReason).toBe('ambiguous_series');
    expect(plain.series.map((s) => s.series)).toEqual(['PM2.5', 'PM10']);
    const picked = computeProgress(data, registry, { method: 'unsd', overrides: { '11.6.2': { progressSeries: [{ series: 'PM10' }] } } });
    expect(picked.series.map((s) => s.series)).toEqual(['PM2.5', null]);
    expect(picked.indicators[0]?.result).toBe(picked.series[1]?.result);
  });

  it('a disaggregation can be the headline: { disaggregation: { Sex: "Female" } }', () => {
    const overrides = { '11.6.2': { progressSeries: [{ disaggregation: { Sex: 'Female' } }] } };
    const r = computeProgress(t, registry, { method: 'unsd', overrides });
    expect(r.indicators[0]?.headlineSeries).toBe(1);
    expect(r.series[1]?.series).toBeNull();
  });

  it('a configured series that is not there: insufficient_data (no_data)', () => {
    const r = computeProgress(t, registry, { method: 'unsd', overrides: { '11.6.2': { progressSeries: [{ disaggregation: { Sex: 'Male' } }] } } });
    expect(r.indicators[0]?.result.explanation.insufficientReason).toBe('no_data');
  });

  it('only disaggregated rows: no headline (no_data)', () => {
    const r = computeProgress(table(series('A', '11.6.2', [[2015, 1], [2020, 2]], { disaggregation: FEMALE })), registry, { method: 'sdsn' });
    expect(r.indicators[0]?.result.explanation.insufficientReason).toBe('no_data');
    expect(r.series[0]?.series).toBe('');
  });

  it('an indicator unknown to the registry is not_configured, until an override gives a direction', () => {
    const data = table(series('A', 'AMM-1', [[2015, 10], [2020, 12]]));
    for (const method of ['opensdg', 'unsd', 'sdsn'] as const) {
      const r = computeProgress(data, registry, { method });
      expect(r.indicators[0]?.result.explanation.insufficientReason).toBe('not_configured');
      expect(r.series[0]?.result.status).toBe('insufficient_data');
    }
    const configured = computeProgress(data, registry, { method: 'unsd', overrides: { 'AMM-1': { direction: 'increase' } } });
    expect(configured.indicators[0]?.result.status).toBe('on_track');
  });

  it('overrides apply by alias too (1.5.1 configures 11.5.1)', () => {
    const data = table(series('A', '11.5.1', [[2015, 10], [2020, 12]]));
    const r = computeProgress(data, registry, { method: 'unsd', overrides: { '1.5.1': { direction: 'increase' } } });
    expect(r.indicators[0]?.result.explanation.direction).toBe('increase');
  });

  it('thresholds replace a method’s defaults', () => {
    const r = computeProgress(t, registry, { method: 'unsd', thresholds: { unsd: { target: { onTrack: 2, fair: 1 }, noTarget: { onTrack: 0.02, fair: 0.005 } } } });
    expect(r.indicators[0]?.result.status).toBe('acceleration_needed');
  });

  it('reports duplicate years with the row kept', () => {
    const r = computeProgress(table(series('A', '11.6.2', [[2015, 10], [2015, 11], [2020, 8]])), registry, { method: 'unsd' });
    expect(r.duplicates).toEqual([{ series: 0, year: 2015, keptRow: 1, droppedRows: [0] }]);
    expect(r.series[0]?.result.explanation.base).toEqual({ year: 2015, value: 11 });
  });

  it('an empty table gives empty results', () => {
    for (const method of ['opensdg', 'unsd', 'sdsn'] as const) {
      expect(computeProgress(table([]), registry, { method })).toEqual({ method, series: [], indicators: [], duplicates: [] });
    }
  });
});
