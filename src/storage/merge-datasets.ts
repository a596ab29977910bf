import type { ObservationTable } from '@/domain/observation-table';
import { mergeTables } from './merge-tables';

/** A dataset taking part in the merge. */
export type MergeInput = { id: string; name: string; importedAt: number; table: ObservationTable };

/** One dataset's value for an observation. `line` is the row's line in its file. */
export type ConflictValue = { datasetId: string; datasetName: string; importedAt: number; value: number; line: number };

/**
 * One observation (city, indicator, series, unit, breakdown, year) that two or more datasets give with
 * different values. The dashboard uses the value of the dataset imported last.
 */
export type MergeConflict = {
  city: string;
  cityCode: string;
  indicator: string;
  series: string;
  unit: string;
  /** Disaggregation key ('' = total). */
  disaggregation: string;
  year: number;
  /** The value the dashboard uses. */
  used: ConflictValue;
  /** The values it replaces, from datasets imported earlier (latest first). */
  others: ConflictValue[];
};

export type MergeResult = {
  table: ObservationTable;
  /** Listed conflicts (at most `maxConflicts`), in the order met. */
  conflicts: MergeConflict[];
  /** All conflicts, listed or not. */
  conflictCount: number;
  /** Rows of earlier datasets left out because a later dataset has the same observation. */
  rowsReplaced: number;
};

/** Equal values are no conflict: NaN equals NaN, -0 equals 0. */
function sameValue(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/** Years fit in 16 bits (the table stores them as Uint16), so key = series × 65536 + year is exact. */
const YEAR_SPAN = 65536;

/**
 * Merges the datasets the dashboard uses into one table. Datasets are taken in import order (oldest
 * first); where several give the same observation — same city (code, else name), indicator, series,
 * unit, breakdown and year — the one imported last wins and the others' rows are left out. Different
 * values are reported as conflicts; equal values are simply collapsed. Rows repeated inside one dataset
 * are kept as they are (the ingest reports those). O(rows): one number key per row, one string key per
 * run of rows of the same series.
 */
export function mergeDatasets(datasets: readonly MergeInput[], options: { maxConflicts?: number } = {}): MergeResult {
  const maxConflicts = options.maxConflicts ?? 500;
  const ordered = datasets
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.importedAt - b.d.importedAt || a.i - b.i)
    .map((x) => x.d);
  if (ordered.length <= 1) return { table: mergeTables(ordered.map((d) => d.table)), conflicts: [], conflictCount: 0, rowsReplaced: 0 };

  const seriesIds = new Map<string, number>();
  const keys = ordered.map(({ table: t }) => {
    const out = new Float64Array(t.length);
    let prev = -1;
    let prevSeries = 0;
    for (let i = 0; i < t.length; i++) {
      // Same series as the previous row (the common case in sorted files): no string key.
      const same =
        prev >= 0 &&
        t.city[i] === t.city[prev] &&
        t.cityCode[i] === t.cityCode[prev] &&
        t.indicator[i] === t.indicator[prev] &&
        t.series[i] === t.series[prev] &&
        t.unit[i] === t.unit[prev] &&
        t.disaggregation[i] === t.disaggregation[prev];
      if (!same) {
        const code = t.dict.cityCode[t.cityCode[i] ?? 0] ?? '';
        const city = code !== '' ? `#${code}` : `=${t.dict.city[t.city[i] ?? 0] ?? ''}`;
        const k = [city, t.dict.indicator[t.indicator[i] ?? 0], t.dict.series[t.series[i] ?? 0], t.dict.unit[t.unit[i] ?? 0], t.dict.disaggregation[t.disaggregation[i] ?? 0]].join('\u0000');
        let id = seriesIds.get(k);
        if (id === undefined) {
          id = seriesIds.size;
          seriesIds.set(k, id);
        }
        prevSeries = id;
      }
      prev = i;
      out[i] = prevSeries * YEAR_SPAN + (t.year[i] ?? 0);
    }
    return out;
  });

  // Pass 1: the latest dataset holding each observation, and the conflicts on the way.
  const owner = new Map<number, { k: number; row: number }>();
  const conflicts = new Map<number, MergeConflict>();
  const valueOf = (k: number, row: number): ConflictValue => {
    const d = ordered[k];
    return {
      datasetId: d?.id ?? '',
      datasetName: d?.name ?? '',
      importedAt: d?.importedAt ?? 0,
      value: d?.table.value[row] ?? NaN,
      line: d?.table.line[row] ?? 0,
    };
  };
  const conflicted = new Set<number>();
  keys.forEach((ks, k) => {
    const t = ordered[k]?.table;
    if (t === undefined) return;
    for (let i = 0; i < ks.length; i++) {
      const key = ks[i] ?? 0;
      const e = owner.get(key);
      if (e === undefined) {
        owner.set(key, { k, row: i });
        continue;
      }
      if (e.k === k) continue;
      const before = ordered[e.k]?.table.value[e.row] ?? NaN;
      const now = t.value[i] ?? NaN;
      let c = conflicts.get(key);
      if (!sameValue(before, now) || conflicted.has(key)) {
        if (c === undefined && !conflicted.has(key)) {
          conflicted.add(key);
          if (conflicts.size < maxConflicts) {
            const s = (col: 'city' | 'cityCode' | 'indicator' | 'series' | 'unit' | 'disaggregation') => t.dict[col][t[col][i] ?? 0] ?? '';
            c = {
              city: s('city'),
              cityCode: s('cityCode'),
              indicator: s('indicator'),
              series: s('series'),
              unit: s('unit'),
              disaggregation: s('disaggregation'),
              year: t.year[i] ?? 0,
              used: valueOf(e.k, e.row),
              others: [],
            };
            conflicts.set(key, c);
          }
        }
        if (c !== undefined) {
          if (!sameValue(before, now)) c.others.unshift(c.used);
          c.used = valueOf(k, i);
        }
      }
      owner.set(key, { k, row: i });
    }
  });

  // Pass 2: keep each row whose observation no later dataset gives.
  let rowsReplaced = 0;
  const keep = keys.map((ks, k) => {
    const mask = new Uint8Array(ks.length);
    for (let i = 0; i < ks.length; i++) {
      if (owner.get(ks[i] ?? 0)?.k === k) mask[i] = 1;
      else rowsReplaced++;
    }
    return mask;
  });
  return {
    table: mergeTables(
      ordered.map((d) => d.table),
      keep,
    ),
    conflicts: [...conflicts.values()],
    conflictCount: conflicted.size,
    rowsReplaced,
  };
}
