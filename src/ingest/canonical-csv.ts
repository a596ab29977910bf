import { parseDisaggregationKey, type ObservationTable } from '@/domain/observation-table';
import { CANONICAL_LONG_COLUMNS, type CsvCell, PLACE_COLUMNS, toCsv } from './write-csv';

/** The canonical long CSV's fixed columns; disaggregation columns follow in order of first appearance. */
export const NORMALIZED_COLUMNS = CANONICAL_LONG_COLUMNS;

/** What `normalizedCsv` did with observations found in more than one input. */
export type MergeReport = {
  /** Same (city, indicator, series, unit, disaggregation, year) and same value: later copies left out. */
  duplicatesDropped: number;
  /** Same key, different values: both kept (re-importing the file reports them as conflicts). */
  conflicts: Array<{ city: string; indicator: string; year: number; values: [number, number] }>;
};

export type NormalizedCsvOptions = {
  /**
   * Writes only the rows this accepts (`tableIndex` into `tables`, `row` into that table): the data
   * behind one chart. Disaggregation columns are then those of the rows written.
   */
  readonly include?: (tableIndex: number, row: number) => boolean;
};

/**
 * The canonical long CSV (formula-safe, UTF-8 BOM) of the observations of several tables, in input order.
 * Tables are deduplicated by the importer already; across tables, identical observations are written
 * once and conflicting ones are reported.
 */
export function normalizedCsv(tables: readonly ObservationTable[], options: NormalizedCsvOptions = {}): { csv: string; observations: number; dimensions: string[]; merge: MergeReport } {
  const { header, rows, dimensions, merge } = normalizedRows(tables, options);
  return { csv: toCsv(header, rows), observations: rows.length, dimensions, merge };
}

/** The canonical long table's header and rows (what `normalizedCsv` writes; a spreadsheet export writes the same cells). */
export function normalizedRows(tables: readonly ObservationTable[], options: NormalizedCsvOptions = {}): { header: string[]; rows: CsvCell[][]; dimensions: string[]; merge: MergeReport } {
  const { include } = options;
  const dimensions: string[] = [];
  const dimIndex = new Map<string, number>();
  // With a filter, only the disaggregations of the rows written name columns.
  const used = include === undefined ? undefined : tables.map((t, ti) => {
    const ids = new Uint8Array(t.dict.disaggregation.length);
    for (let i = 0; i < t.length; i++) if (include(ti, i)) ids[t.disaggregation[i] ?? 0] = 1;
    return ids;
  });
  const parsedKeys = tables.map((t, ti) =>
    t.dict.disaggregation.map((key, id) => {
      const pairs = parseDisaggregationKey(key);
      if (used !== undefined && used[ti]?.[id] !== 1) return pairs;
      for (const [dim] of pairs) {
        if (!dimIndex.has(dim)) {
          dimIndex.set(dim, dimensions.length);
          dimensions.push(dim);
        }
      }
      return pairs;
    }),
  );
  // Places other than cities (a ward, a region…) or with a parent: two columns say so, so that a
  // re-import gives the same places (`place_kind`, `parent`; read back by the canonical layout).
  const withPlaces = tables.some((t) => t.dict.placeKind.some((k) => k !== '' && k !== 'city') || t.dict.placeParent.length > 1);
  const placeColumns = withPlaces ? PLACE_COLUMNS : [];
  const first = NORMALIZED_COLUMNS.length + placeColumns.length;
  const merge: MergeReport = { duplicatesDropped: 0, conflicts: [] };
  const seen = tables.length > 1 ? new Map<string, number>() : undefined;
  const rows: CsvCell[][] = [];
  tables.forEach((t, ti) => {
    const d = t.dict;
    const keys = parsedKeys[ti] ?? [];
    for (let i = 0; i < t.length; i++) {
      if (include !== undefined && !include(ti, i)) continue;
      const text = (col: 'city' | 'cityCode' | 'indicator' | 'period' | 'unit' | 'series' | 'source' | 'note') => d[col][t[col][i] ?? 0] ?? '';
      const year = t.year[i] ?? 0;
      const value = t.value[i] ?? NaN;
      if (seen !== undefined) {
        const k = JSON.stringify([text('city'), text('cityCode'), text('indicator'), text('series'), text('unit'), d.disaggregation[t.disaggregation[i] ?? 0] ?? '', year, text('period')]);
        const prev = seen.get(k);
        if (prev === undefined) seen.set(k, value);
        else if (Object.is(prev, value)) {
          merge.duplicatesDropped++;
          continue;
        } else merge.conflicts.push({ city: text('city'), indicator: text('indicator'), year, values: [prev, value] });
      }
      const row: CsvCell[] = [
        text('city'),
        text('cityCode'),
        text('indicator'),
        // A period's label (`2017-18`) goes in the year cell too: importers read its start year and keep
        // the label, while a separate `period` column is an alternate year column and left out.
        text('period') || year,
        value,
        text('period'),
        text('unit'),
        text('series'),
        text('source'),
        text('note'),
      ];
      if (withPlaces) row.push(d.placeKind[t.placeKind[i] ?? 0] ?? '', d.placeParent[t.placeParent[i] ?? 0] ?? '');
      for (let k = 0; k < dimensions.length; k++) row.push('');
      for (const [dim, v] of keys[t.disaggregation[i] ?? 0] ?? []) row[first + (dimIndex.get(dim) ?? 0)] = v;
      rows.push(row);
    }
  });
  return { header: [...NORMALIZED_COLUMNS, ...placeColumns, ...dimensions], rows, dimensions, merge };
}
