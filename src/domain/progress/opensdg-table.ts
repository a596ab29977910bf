import type { SeriesPoints } from '@/domain/progress/types';
import { translateOpenSdgText, type OpenSdgTranslations } from '@/domain/progress/opensdg-translations';

/**
 * An Open SDG data file as sdg-build's progress code sees it, and the selection of one time series in it
 * (progress-methodology.md §1 step 1 with rules 1–5).
 *
 * Glossary
 * - CSV rows: the file parsed as text (header row first), as PapaParse returns it; parsing happens in
 *   the caller so this module stays pure.
 * - Column roles: which columns are Year/Value, Series, Units, Progress, non-disaggregation columns and
 *   observation attributes (from `config_data.yml`). Every other column is a disaggregation.
 * - Table: the rows after translation, with Year as a number, the progress value (Progress, else Value)
 *   as a number or null, and the kept text columns (Series, Units, disaggregations) as text or null (blank).
 */

export type CsvRows = readonly (readonly string[])[];

export type OpenSdgColumnRoles = {
  /** Columns that are not disaggregations (Year and Value always are). */
  readonly nonDisaggregationColumns: readonly string[];
  /** Footnote columns, dropped before a series is selected. */
  readonly observationAttributes: readonly string[];
  readonly seriesColumn: string;
  readonly unitColumn: string;
  /** When present, replaces Value for the progress calculation in every row. */
  readonly progressColumn: string;
};

/** sdg-build's defaults when `config_data.yml` has no `indicator_options` (sdg/open_sdg.py). */
export const OPENSDG_DEFAULT_COLUMN_ROLES: OpenSdgColumnRoles = {
  nonDisaggregationColumns: [
    'Year',
    'Units',
    'Series',
    'Value',
    'GeoCode',
    'Observation status',
    'Unit multiplier',
    'Unit measure',
    'UNIT_MEASURE',
    'SERIES',
    'COMMENT_TS',
    'DATA_LAST_UPDATE',
  ],
  observationAttributes: ['COMMENT_OBS', 'SOURCE_DETAIL'],
  seriesColumn: 'Series',
  unitColumn: 'Units',
  progressColumn: 'Progress',
};

/**
 * Cells pandas' read_csv reads as missing (its default na_values, case-sensitive), plus "nan", which
 * sdg-build also blanks. Every other text, including whitespace, is a value.
 */
export const OPENSDG_MISSING_MARKERS: ReadonlySet<string> = new Set([
  '',
  '#N/A',
  '#N/A N/A',
  '#NA',
  '-1.#IND',
  '-1.#QNAN',
  '-NaN',
  '-nan',
  '1.#IND',
  '1.#QNAN',
  '<NA>',
  'N/A',
  'NA',
  'NULL',
  'NaN',
  'None',
  'n/a',
  'nan',
  'null',
]);

export type OpenSdgRow = {
  readonly year: number;
  /** The Progress cell when the file has a Progress column, else the Value cell; null when missing. */
  readonly value: number | null;
  /** One cell per `OpenSdgTable.columns` entry; null = blank. */
  readonly cells: readonly (string | null)[];
};

export type OpenSdgTable = {
  /** Kept text columns, by their translated names: Series, Units and the disaggregations. */
  readonly columns: readonly string[];
  /** Per kept column: whether it is a disaggregation (must be blank unless a spec names it). */
  readonly disaggregation: readonly boolean[];
  readonly rows: readonly OpenSdgRow[];
  /** Rows dropped because their Year could not be read as a number. */
  readonly unreadableYears: number;
  /** Value (or Progress) cells that are neither numbers nor missing markers; read as missing. */
  readonly nonNumericValues: number;
};

export type PreparedTable =
  | { readonly ok: true; readonly table: OpenSdgTable }
  | { readonly ok: false; readonly reason: 'empty_data_file' | 'missing_year_or_value_column' };

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INFINITY = /^([+-])?inf(inity)?$/i;

/**
 * A Value/Progress cell as pandas reads a numeric column: surrounding whitespace ignored, `inf` and
 * `Infinity` (any case) are infinite; a missing marker is null. Anything else is not a number (null,
 * counted), where pandas would have failed the whole build.
 */
export function parseOpenSdgNumber(cell: string): { value: number | null; numeric: boolean } {
  if (OPENSDG_MISSING_MARKERS.has(cell)) return { value: null, numeric: true };
  const text = cell.trim();
  if (text === '') return { value: null, numeric: true };
  if (NUMBER.test(text)) return { value: Number(text), numeric: true };
  const inf = INFINITY.exec(text);
  if (inf !== null) return { value: inf[1] === '-' ? -Infinity : Infinity, numeric: true };
  return { value: null, numeric: false };
}

/** Text cell: a missing marker is blank (null); anything else is kept as written. */
function textCell(cell: string | undefined): string | null {
  return cell === undefined || OPENSDG_MISSING_MARKERS.has(cell) ? null : cell;
}

export type TableTranslation = { readonly translations: OpenSdgTranslations; readonly language: string } | null;

/**
 * The table sdg-build hands to its progress code, from the CSV rows (rules 1–3 and 5):
 * - headers and text cells translated into the build language (non-disaggregation headers stay);
 * - Year: if any Year text is longer than 4 characters, every Year becomes its first 4 characters as a
 *   number; blank years and years that are not numbers drop their row;
 * - when there are more than the Year and Value columns: non-disaggregation columns and observation
 *   attributes other than Year, Value, Series, Units and Progress are dropped, and a Progress column
 *   replaces Value in every row (a blank Progress cell is a missing value even if Value has one).
 */
export function prepareOpenSdgTable(csv: CsvRows, roles: OpenSdgColumnRoles, translation: TableTranslation): PreparedTable {
  const rawHeader = csv[0];
  if (rawHeader === undefined || rawHeader.length === 0) return { ok: false, reason: 'empty_data_file' };
  const header = rawHeader.map((h, i) => (i === 0 && h.charCodeAt(0) === 0xfeff ? h.slice(1) : h));
  const yearAt = header.indexOf('Year');
  const valueAt = header.indexOf('Value');
  if (yearAt === -1 || valueAt === -1) return { ok: false, reason: 'missing_year_or_value_column' };

  const nonDisaggregation = new Set(['Year', 'Value', ...roles.nonDisaggregationColumns]);
  const translateHeader = (name: string): string => {
    if (translation === null || nonDisaggregation.has(name) || name === 'COMPOSITE_BREAKDOWN') return name;
    return translateOpenSdgText(translation.translations, name, translation.language, [name, 'data']);
  };
  const names = header.map((h, i) => (i === yearAt || i === valueAt ? h : translateHeader(h)));

  const several = header.length > 2;
  const keep = new Set(['Year', 'Value', roles.seriesColumn, roles.unitColumn, roles.progressColumn]);
  const dropped = new Set([...roles.nonDisaggregationColumns, ...roles.observationAttributes].filter((c) => !keep.has(c)));
  const progressAt = several ? names.findIndex((n, i) => i !== yearAt && i !== valueAt && n === roles.progressColumn) : -1;
  const kept: number[] = [];
  names.forEach((name, i) => {
    if (i === yearAt || i === valueAt || i === progressAt) return;
    if (several && dropped.has(name)) return;
    kept.push(i);
  });
  const columns = kept.map((i) => names[i] ?? '');
  const disaggregation = columns.map((name) => name !== roles.progressColumn && !nonDisaggregation.has(name));

  const body = csv.slice(1);
  const yearTexts = body.map((row) => textCell(row[yearAt]));
  const truncate = yearTexts.some((y) => y !== null && y.length > 4);

  // One lookup per distinct (column, text): data files repeat the same few texts thousands of times.
  const cache = new Map<string, string>();
  const translateCell = (text: string, column: string): string => {
    if (translation === null) return text;
    const key = `${column}\u0000${text}`;
    let out = cache.get(key);
    if (out === undefined) {
      out = translateOpenSdgText(translation.translations, text, translation.language, [column, 'data']);
      cache.set(key, out);
    }
    return out;
  };

  const rows: OpenSdgRow[] = [];
  let unreadableYears = 0;
  let nonNumericValues = 0;
  body.forEach((row, r) => {
    const yearText = yearTexts[r] ?? null;
    if (yearText === null) return;
    const text = truncate ? yearText.slice(0, 4) : yearText;
    const year = Number(text);
    if (text.trim() === '' || !Number.isFinite(year)) {
      unreadableYears++;
      return;
    }
    const parsed = parseOpenSdgNumber(row[progressAt === -1 ? valueAt : progressAt] ?? '');
    if (!parsed.numeric) nonNumericValues++;
    const cells = kept.map((i) => {
      const cell = textCell(row[i]);
      return cell === null ? null : translateCell(cell, header[i] ?? '');
    });
    rows.push({ year, value: parsed.value, cells });
  });
  return { ok: true, table: { columns, disaggregation, rows, unreadableYears, nonNumericValues } };
}

/** A filter value from a progress option. Only text can equal a cell (rule 3): a number never matches. */
export type OpenSdgFilterValue = string | number | boolean | null;

export type OpenSdgSelection = {
  readonly series?: OpenSdgFilterValue | undefined;
  readonly unit?: OpenSdgFilterValue | undefined;
  readonly disaggregation?: readonly { readonly field: OpenSdgFilterValue; readonly value: OpenSdgFilterValue }[] | undefined;
};

export const OPENSDG_SELECTION_REASONS = ['filter_value_not_found', 'no_headline', 'no_matching_rows', 'ambiguous_series', 'duplicate_years', 'no_data'] as const;
/** Why no single series could be selected. */
export type OpenSdgSelectionReason = (typeof OPENSDG_SELECTION_REASONS)[number];

export type SelectedSeries =
  | { readonly ok: true; readonly points: SeriesPoints; readonly notes: readonly string[] }
  | { readonly ok: false; readonly reason: OpenSdgSelectionReason; readonly detail: string; readonly notes: readonly string[] };

function describe(value: OpenSdgFilterValue): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/**
 * Step 1: the one time series a progress option selects.
 * - Units, then Series, then each disaggregation field: keep the rows equal to the value. A filter on a
 *   column the table does not have is ignored; a value no row has leaves no data.
 * - Every disaggregation column the option does not name must be blank (rule 4; with no disaggregation
 *   this is the headline).
 * - Any remaining text column with more than one distinct value (blank counts) is ambiguous.
 * - Rows with a missing value are dropped; a year found twice is ambiguous.
 */
export function selectOpenSdgSeries(table: OpenSdgTable, selection: OpenSdgSelection, roles: OpenSdgColumnRoles): SelectedSeries {
  const notes: string[] = [];
  let rows: readonly OpenSdgRow[] = table.rows;
  const named = new Set<number>();

  const filter = (column: OpenSdgFilterValue, value: OpenSdgFilterValue): SelectedSeries | null => {
    const at = typeof column === 'string' ? table.columns.indexOf(column) : -1;
    if (at === -1) {
      notes.push(`column_not_found:${String(column)}`);
      return null;
    }
    named.add(at);
    // `value:` left empty (YAML null): sdg-build compares the column with None, finds no row, warns and
    // keeps every row (its filter_column returns the data unfiltered), so the column is not filtered.
    if (value === null) {
      notes.push(`filter_value_null:${String(column)}`);
      return null;
    }
    const matching = typeof value === 'string' ? rows.filter((row) => row.cells[at] === value) : [];
    if (matching.length === 0) {
      return { ok: false, reason: 'filter_value_not_found', detail: `${String(column)} = ${describe(value)}`, notes };
    }
    rows = matching;
    return null;
  };

  if (selection.unit !== undefined && selection.unit !== null) {
    const failed = filter(roles.unitColumn, selection.unit);
    if (failed !== null) return failed;
  }
  if (selection.series !== undefined && selection.series !== null) {
    const failed = filter(roles.seriesColumn, selection.series);
    if (failed !== null) return failed;
  }
  const disaggregations = selection.disaggregation ?? [];
  for (const { field, value } of disaggregations) {
    const failed = filter(field, value);
    if (failed !== null) return failed;
  }

  const mustBeBlank = table.disaggregation.flatMap((isDisaggregation, at) => (isDisaggregation && !named.has(at) ? [at] : []));
  const before = rows.length;
  rows = rows.filter((row) => mustBeBlank.every((at) => row.cells[at] === null));
  if (rows.length === 0 && before > 0) {
    const blank = mustBeBlank.map((at) => table.columns[at] ?? '').join(', ');
    return disaggregations.length === 0
      ? { ok: false, reason: 'no_headline', detail: `no row with every disaggregation blank (${blank})`, notes }
      : { ok: false, reason: 'no_matching_rows', detail: `no matching row with the other disaggregations blank (${blank})`, notes };
  }

  for (let at = 0; at < table.columns.length; at++) {
    const distinct = new Set(rows.map((row) => row.cells[at] ?? null));
    if (distinct.size > 1) {
      const shown = [...distinct].slice(0, 4).map((v) => (v === null ? '(blank)' : `"${v}"`));
      return { ok: false, reason: 'ambiguous_series', detail: `${table.columns[at] ?? ''} has ${distinct.size} values: ${shown.join(', ')}`, notes };
    }
  }

  const years: number[] = [];
  const values: number[] = [];
  const seen = new Set<number>();
  for (const row of rows) {
    if (row.value === null) continue;
    if (seen.has(row.year)) return { ok: false, reason: 'duplicate_years', detail: `year ${row.year} appears twice`, notes };
    seen.add(row.year);
    years.push(row.year);
    values.push(row.value);
  }
  if (years.length === 0) return { ok: false, reason: 'no_data', detail: 'no row with a value', notes };
  return { ok: true, points: { years, values }, notes };
}
