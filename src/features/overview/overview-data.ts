import type { ObservationTable } from '@/domain/observation-table';
import { compareIndicatorCodes } from '@/domain/registry';
import type { LoadedDataset } from '@/storage/dataset-record';

/**
 * Lookups over the loaded datasets for the overview: which cities, which indicators per city, and the
 * headline series of one city × indicator. Cities are keyed by code when the data has one, else by name.
 */
export type CityOption = { key: string; name: string; code: string };

function cityKeyOf(t: ObservationTable, i: number): string {
  const code = t.dict.cityCode[t.cityCode[i] ?? 0] ?? '';
  return code !== '' ? code : (t.dict.city[t.city[i] ?? 0] ?? '');
}

export function listCities(datasets: readonly LoadedDataset[]): CityOption[] {
  const byKey = new Map<string, CityOption>();
  for (const { table: t } of datasets) {
    const seen = new Set<number>();
    for (let i = 0; i < t.length; i++) {
      const pair = (t.city[i] ?? 0) * 2 ** 26 + (t.cityCode[i] ?? 0);
      if (seen.has(pair)) continue;
      seen.add(pair);
      const key = cityKeyOf(t, i);
      if (key === '' || byKey.has(key)) continue;
      byKey.set(key, { key, name: t.dict.city[t.city[i] ?? 0] || key, code: t.dict.cityCode[t.cityCode[i] ?? 0] ?? '' });
    }
  }
  return [...byKey.values()];
}

/** Indicator codes with data for a city, in registry order (1.2.1 < 11.6.2 < AMM-1). */
export function listIndicators(datasets: readonly LoadedDataset[], cityKey: string): string[] {
  const codes = new Set<string>();
  for (const { table: t } of datasets) {
    const seen = new Uint8Array(t.dict.indicator.length);
    for (let i = 0; i < t.length; i++) {
      const ind = t.indicator[i] ?? 0;
      if (seen[ind] === 1 || cityKeyOf(t, i) !== cityKey) continue;
      seen[ind] = 1;
      const code = t.dict.indicator[ind] ?? '';
      if (code !== '') codes.add(code);
    }
  }
  return [...codes].sort(compareIndicatorCodes);
}

export type HeadlinePoint = { year: number; value: number; period: string };
export type HeadlineSeries = {
  datasetName: string;
  series: string;
  unit: string;
  points: HeadlinePoint[];
  /** Other (series, unit) combinations with headline data, not shown. */
  otherSeries: number;
};

/**
 * The headline series (blank disaggregation) of a city × indicator, from the newest dataset that has
 * one. When a dataset holds several series or units, the first met in the file is used. One value per
 * year (the first).
 */
export function headlineSeries(datasets: readonly LoadedDataset[], cityKey: string, indicator: string): HeadlineSeries | undefined {
  for (let d = datasets.length - 1; d >= 0; d--) {
    const ds = datasets[d];
    if (ds === undefined) continue;
    const t = ds.table;
    const indId = t.dict.indicator.indexOf(indicator);
    if (indId <= 0) continue;
    const groups = new Map<string, { series: number; unit: number; rows: number[] }>();
    for (let i = 0; i < t.length; i++) {
      if (t.indicator[i] !== indId || t.disaggregation[i] !== 0 || cityKeyOf(t, i) !== cityKey) continue;
      const k = `${t.series[i] ?? 0}:${t.unit[i] ?? 0}`;
      let g = groups.get(k);
      if (g === undefined) {
        g = { series: t.series[i] ?? 0, unit: t.unit[i] ?? 0, rows: [] };
        groups.set(k, g);
      }
      g.rows.push(i);
    }
    const first = groups.values().next().value;
    if (first === undefined) continue;
    const byYear = new Map<number, HeadlinePoint>();
    for (const i of first.rows) {
      const year = t.year[i] ?? 0;
      if (!byYear.has(year)) byYear.set(year, { year, value: t.value[i] ?? Number.NaN, period: t.dict.period[t.period[i] ?? 0] ?? '' });
    }
    return {
      datasetName: ds.name,
      series: t.dict.series[first.series] ?? '',
      unit: t.dict.unit[first.unit] ?? '',
      points: [...byYear.values()].sort((a, b) => a.year - b.year),
      otherSeries: groups.size - 1,
    };
  }
  return undefined;
}
