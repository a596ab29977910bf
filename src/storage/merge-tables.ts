import { type ObservationTable, ObservationTableBuilder, STRING_COLUMNS, type StringColumn } from '@/domain/observation-table';
import { runSteps, type Steps } from '@/domain/steps';

/** Rows copied between two yields of mergeTablesSteps. */
const ROWS_PER_STEP = 1 << 16;

/**
 * One table from several (the files of one import, or the datasets the dashboard uses), in order.
 * Strings are re-encoded into shared dictionaries; line numbers stay those of each row's own file.
 * `keep[k]`, when given, selects the rows of table k to copy (1 = keep); without masks a single table
 * is returned as it is.
 */
export function mergeTables(tables: readonly ObservationTable[], keep?: ReadonlyArray<Uint8Array | undefined>): ObservationTable {
  return runSteps(mergeTablesSteps(tables, keep));
}

/**
 * Merges of whole tables, kept while their first table lives (a few per first table): the dashboard merges
 * the datasets in use again for every method and settings change, and what is computed once per table
 * (the series' structure, place lists) is then computed once for the merge too. Tables are immutable.
 */
const kept = new WeakMap<ObservationTable, Array<{ readonly tables: readonly ObservationTable[]; readonly merged: ObservationTable }>>();
const KEPT_PER_TABLE = 4;

/** `mergeTables` in steps (see domain/steps.ts). */
export function* mergeTablesSteps(tables: readonly ObservationTable[], keep?: ReadonlyArray<Uint8Array | undefined>): Steps<ObservationTable> {
  const first = tables[0];
  const whole = keep === undefined || keep.every((mask) => mask === undefined);
  if (first === undefined || !whole) return yield* mergeSteps(tables, keep);
  if (tables.length === 1) return first;
  const list = kept.get(first) ?? [];
  const hit = list.find((e) => e.tables.length === tables.length && e.tables.every((t, i) => t === tables[i]));
  if (hit !== undefined) return hit.merged;
  const merged = yield* mergeSteps(tables, keep);
  kept.set(first, [...list.slice(1 - KEPT_PER_TABLE), { tables: [...tables], merged }]);
  return merged;
}

function* mergeSteps(tables: readonly ObservationTable[], keep?: ReadonlyArray<Uint8Array | undefined>): Steps<ObservationTable> {
  let total = 0;
  tables.forEach((t, k) => {
    const mask = keep?.[k];
    if (mask === undefined) total += t.length;
    else for (let i = 0; i < t.length; i++) total += mask[i] ?? 0;
  });
  const builder = new ObservationTableBuilder(total);
  const ids = { city: 0, cityCode: 0, indicator: 0, period: 0, unit: 0, series: 0, disaggregation: 0, source: 0, note: 0, placeKind: 0, placeParent: 0 } satisfies Record<StringColumn, number>;
  for (const [k, t] of tables.entries()) {
    const mask = keep?.[k];
    // Per table: its dictionary id → the merged dictionary's id.
    const remap = new Map<StringColumn, Uint32Array>(STRING_COLUMNS.map((col) => [col, Uint32Array.from(t.dict[col], (s) => builder.encode(col, s))]));
    for (let i = 0; i < t.length; i++) {
      if (i % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
      if (mask !== undefined && mask[i] !== 1) continue;
      for (const col of STRING_COLUMNS) ids[col] = remap.get(col)?.[t[col][i] ?? 0] ?? 0;
      builder.pushEncoded(ids, t.year[i] ?? 0, t.value[i] ?? NaN, t.line[i] ?? 0);
    }
  }
  return builder.finish();
}
