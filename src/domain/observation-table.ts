/**
 * Glossary of data shapes
 * - Observation: one value of one indicator for one city in one year, for one series, unit and
 *   disaggregation. Periods (`2017-18`) are stored under their start year with the label kept.
 * - Headline: the observation whose disaggregation is empty ("total"; Open SDG's blank cells).
 * - Disaggregation key: a canonical JSON array of [column, value] pairs sorted by column,
 *   e.g. `[["Age","15-24"],["Sex","Female"]]`; the empty string is the headline.
 * - ObservationTable: observations stored column by column (typed arrays), strings dictionary-encoded:
 *   every string column holds an index into its dictionary, and index 0 of every dictionary is ''.
 * - Series: the rows of one (city, indicator, series, unit, disaggregation), ordered by year.
 * - Place: what an observation is about. `city`/`cityCode` name the place itself (a city, one of its
 *   districts, a region, a country, or an aggregate such as World); `placeKind` says which, and
 *   `placeParent` names the place it belongs to (a ward's city, a city's country) when the data says so.
 *   Tables saved before places existed have '' in both: such places are cities.
 */

export const STRING_COLUMNS = ['city', 'cityCode', 'indicator', 'period', 'unit', 'series', 'disaggregation', 'source', 'note', 'placeKind', 'placeParent'] as const;
/** Every typed-array column of a table: the string columns' ids, then years, values and line numbers. */
export const TABLE_COLUMNS = [...STRING_COLUMNS, 'year', 'value', 'line'] as const;

/** What a place is. '' (tables saved before places existed, or nothing said otherwise) counts as a city. */
export const PLACE_KINDS = ['city', 'district', 'region', 'country', 'aggregate'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];
export type StringColumn = (typeof STRING_COLUMNS)[number];

export type ObservationTable = {
  readonly length: number;
  /** Index into dict.city (a city name; the code when a file has no names). */
  readonly city: Uint32Array;
  /** Index into dict.cityCode ('' when the file has no codes). */
  readonly cityCode: Uint32Array;
  /** Index into dict.indicator (normalised dotted code, e.g. `11.6.2`). */
  readonly indicator: Uint32Array;
  /** Start year of the observation's period. */
  readonly year: Uint16Array;
  readonly value: Float64Array;
  /** Index into dict.period: the period label as written (`2017-18`), '' when it is just the year. */
  readonly period: Uint32Array;
  readonly unit: Uint32Array;
  readonly series: Uint32Array;
  /** Index into dict.disaggregation; 0 ('') is the headline. */
  readonly disaggregation: Uint32Array;
  readonly source: Uint32Array;
  readonly note: Uint32Array;
  /** Index into dict.placeKind: a {@link PlaceKind}, or '' (a city). */
  readonly placeKind: Uint32Array;
  /** Index into dict.placeParent: the name of the place this one belongs to ('' when none is known). */
  readonly placeParent: Uint32Array;
  /** 1-based line number of the observation in its file. */
  readonly line: Uint32Array;
  readonly dict: { readonly [K in StringColumn]: readonly string[] };
};

export type ObservationInput = {
  city: string;
  cityCode: string;
  indicator: string;
  year: number;
  value: number;
  period: string;
  unit: string;
  series: string;
  disaggregation: string;
  source: string;
  note: string;
  /** Optional: '' (a city) when absent. */
  placeKind?: PlaceKind | '';
  placeParent?: string;
  line: number;
};

class Dictionary {
  readonly values: string[] = [''];
  private readonly ids = new Map<string, number>([['', 0]]);
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(s);
      this.ids.set(s, id);
    }
    return id;
  }
  lookup(s: string): number | undefined {
    return this.ids.get(s);
  }
}

/** Appends observations into growable typed arrays; `finish()` returns a compact table. */
export class ObservationTableBuilder {
  private capacity: number;
  private n = 0;
  private readonly dicts: { [K in StringColumn]: Dictionary } = {
    city: new Dictionary(),
    cityCode: new Dictionary(),
    indicator: new Dictionary(),
    period: new Dictionary(),
    unit: new Dictionary(),
    series: new Dictionary(),
    disaggregation: new Dictionary(),
    source: new Dictionary(),
    note: new Dictionary(),
    placeKind: new Dictionary(),
    placeParent: new Dictionary(),
  };
  private cols: { [K in StringColumn]: Uint32Array } & { year: Uint16Array; value: Float64Array; line: Uint32Array };

  constructor(initialCapacity = 1024) {
    this.capacity = Math.max(16, initialCapacity);
    this.cols = this.allocate(this.capacity);
  }

  get length(): number {
    return this.n;
  }

  private allocate(cap: number) {
    return {
      city: new Uint32Array(cap),
      cityCode: new Uint32Array(cap),
      indicator: new Uint32Array(cap),
      period: new Uint32Array(cap),
      unit: new Uint32Array(cap),
      series: new Uint32Array(cap),
      disaggregation: new Uint32Array(cap),
      source: new Uint32Array(cap),
      note: new Uint32Array(cap),
      placeKind: new Uint32Array(cap),
      placeParent: new Uint32Array(cap),
      year: new Uint16Array(cap),
      value: new Float64Array(cap),
      line: new Uint32Array(cap),
    };
  }

  private grow(): void {
    const next = this.allocate(this.capacity * 2);
    for (const k of Object.keys(next) as (keyof typeof next)[]) {
      // Each pair has the same element type; TypeScript cannot see it through the union.
      (next[k] as { set(a: ArrayLike<number>): void }).set(this.cols[k]);
    }
    this.cols = next;
    this.capacity *= 2;
  }

  /** Dictionary id of a string in a column (creates it). Lets hot loops encode a repeated string once. */
  encode(column: StringColumn, s: string): number {
    return this.dicts[column].id(s);
  }

  /** The string behind a dictionary id. */
  dictValue(column: StringColumn, id: number): string {
    return this.dicts[column].values[id] ?? '';
  }

  /** Appends one observation whose strings are already dictionary ids (see `encode`). */
  pushEncoded(ids: { [K in StringColumn]: number }, year: number, value: number, line: number): void {
    if (this.n === this.capacity) this.grow();
    const i = this.n++;
    const c = this.cols;
    c.city[i] = ids.city;
    c.cityCode[i] = ids.cityCode;
    c.indicator[i] = ids.indicator;
    c.period[i] = ids.period;
    c.unit[i] = ids.unit;
    c.series[i] = ids.series;
    c.disaggregation[i] = ids.disaggregation;
    c.source[i] = ids.source;
    c.note[i] = ids.note;
    c.placeKind[i] = ids.placeKind;
    c.placeParent[i] = ids.placeParent;
    c.year[i] = year;
    c.value[i] = value;
    c.line[i] = line;
  }

  push(o: ObservationInput): void {
    const d = this.dicts;
    this.pushEncoded(
      {
        city: d.city.id(o.city),
        cityCode: d.cityCode.id(o.cityCode),
        indicator: d.indicator.id(o.indicator),
        period: d.period.id(o.period),
        unit: d.unit.id(o.unit),
        series: d.series.id(o.series),
        disaggregation: d.disaggregation.id(o.disaggregation),
        source: d.source.id(o.source),
        note: d.note.id(o.note),
        placeKind: d.placeKind.id(o.placeKind ?? ''),
        placeParent: d.placeParent.id(o.placeParent ?? ''),
      },
      o.year,
      o.value,
      o.line,
    );
  }

  /**
   * The table; the builder is not used after. Columns filled to within 1/16 of their capacity (a table
   * allocated to a good estimate of its size) are handed over as views, not copied: a copy of 50 MB
   * touches that much new memory. Code that reads a column's bytes uses its byteOffset and byteLength.
   */
  finish(): ObservationTable {
    const n = this.n;
    const c = this.cols;
    const keep = this.capacity - n <= this.capacity >> 4;
    const cut = <T extends Uint32Array | Uint16Array | Float64Array>(a: T): T => (keep ? (a.subarray(0, n) as T) : (a.slice(0, n) as T));
    return {
      length: n,
      city: cut(c.city),
      cityCode: cut(c.cityCode),
      indicator: cut(c.indicator),
      year: cut(c.year),
      value: cut(c.value),
      period: cut(c.period),
      unit: cut(c.unit),
      series: cut(c.series),
      disaggregation: cut(c.disaggregation),
      source: cut(c.source),
      note: cut(c.note),
      placeKind: cut(c.placeKind),
      placeParent: cut(c.placeParent),
      line: cut(c.line),
      dict: {
        city: this.dicts.city.values,
        cityCode: this.dicts.cityCode.values,
        indicator: this.dicts.indicator.values,
        period: this.dicts.period.values,
        unit: this.dicts.unit.values,
        series: this.dicts.series.values,
        disaggregation: this.dicts.disaggregation.values,
        source: this.dicts.source.values,
        note: this.dicts.note.values,
        placeKind: this.dicts.placeKind.values,
        placeParent: this.dicts.placeParent.values,
      },
    };
  }
}

/** Reads row i back as plain values (for previews, exports and tests; not for hot loops). */
export function getObservation(t: ObservationTable, i: number): ObservationInput {
  const s = (col: StringColumn) => t.dict[col][t[col][i] ?? 0] ?? '';
  return {
    city: s('city'),
    cityCode: s('cityCode'),
    indicator: s('indicator'),
    year: t.year[i] ?? 0,
    value: t.value[i] ?? NaN,
    period: s('period'),
    unit: s('unit'),
    series: s('series'),
    disaggregation: s('disaggregation'),
    source: s('source'),
    note: s('note'),
    line: t.line[i] ?? 0,
  };
}

/** Canonical disaggregation key from (column, value) pairs; blank values are dropped ('' = headline). */
export function disaggregationKey(pairs: ReadonlyArray<readonly [string, string]>): string {
  const kept = pairs.filter(([, v]) => v !== '');
  if (kept.length === 0) return '';
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return JSON.stringify(kept);
}

/** The (column, value) pairs of a disaggregation key. */
export function parseDisaggregationKey(key: string): Array<[string, string]> {
  if (key === '') return [];
  const parsed: unknown = JSON.parse(key);
  if (!Array.isArray(parsed)) return [];
  return parsed.filter(
    (p): p is [string, string] => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string',
  );
}

/**
 * Series index: the rows of each (city, city code, indicator, series, unit, disaggregation), ordered by
 * year (rows of the same year keep their file order); two San Juans, AR_SAN_JUAN and PR_SAN_JUAN, are
 * two cities. Series k holds `rows[offsets[k] .. offsets[k + 1])`;
 * `seriesOfRow[i]` is the series of row i. Built in O(n) with typed arrays: a string key is made only
 * where a row's series differs from the previous row's, which in real files (sorted by city and
 * indicator) is rare.
 */
export type SeriesIndex = {
  readonly size: number;
  readonly offsets: Uint32Array;
  readonly rows: Uint32Array;
  readonly seriesOfRow: Uint32Array;
};

export function seriesKey(city: number, indicator: number, series: number, unit: number, disaggregation: number): string {
  return `${city}:${indicator}:${series}:${unit}:${disaggregation}`;
}

/** The row indices of series k (a view, not a copy). */
export function seriesRows(index: SeriesIndex, k: number): Uint32Array {
  return index.rows.subarray(index.offsets[k] ?? 0, index.offsets[k + 1] ?? 0);
}

/** Tables are immutable, so an index built once (e.g. by the duplicate check of ingest) is reused. */
const indexCache = new WeakMap<ObservationTable, SeriesIndex>();

export function buildSeriesIndex(t: ObservationTable): SeriesIndex {
  let index = indexCache.get(t);
  if (index === undefined) {
    index = computeSeriesIndex(t);
    indexCache.set(t, index);
  }
  return index;
}

function computeSeriesIndex(t: ObservationTable): SeriesIndex {
  const n = t.length;
  const seriesOfRow = new Uint32Array(n);
  const ids = new Map<string, number>();
  const counts: number[] = [];
  let prev = -1;
  for (let i = 0; i < n; i++) {
    const same =
      i > 0 &&
      t.city[i] === t.city[i - 1] &&
      t.cityCode[i] === t.cityCode[i - 1] &&
      t.indicator[i] === t.indicator[i - 1] &&
      t.disaggregation[i] === t.disaggregation[i - 1] &&
      t.series[i] === t.series[i - 1] &&
      t.unit[i] === t.unit[i - 1];
    if (!same) {
      const k = `${t.cityCode[i] ?? 0}:${seriesKey(t.city[i] ?? 0, t.indicator[i] ?? 0, t.series[i] ?? 0, t.unit[i] ?? 0, t.disaggregation[i] ?? 0)}`;
      let id = ids.get(k);
      if (id === undefined) {
        id = counts.length;
        ids.set(k, id);
        counts.push(0);
      }
      prev = id;
    }
    seriesOfRow[i] = prev;
    counts[prev] = (counts[prev] ?? 0) + 1;
  }
  const size = counts.length;
  const offsets = new Uint32Array(size + 1);
  for (let k = 0; k < size; k++) offsets[k + 1] = (offsets[k] ?? 0) + (counts[k] ?? 0);
  // Counting sort by series (stable: file order within a series), then order each series by year.
  const fill = offsets.slice(0, size);
  const rows = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const k = seriesOfRow[i] ?? 0;
    rows[fill[k] ?? 0] = i;
    fill[k] = (fill[k] ?? 0) + 1;
  }
  const year = t.year;
  for (let k = 0; k < size; k++) {
    const start = offsets[k] ?? 0;
    const end = offsets[k + 1] ?? 0;
    // Insertion sort: series are short and almost always already in year order.
    for (let a = start + 1; a < end; a++) {
      const r = rows[a] ?? 0;
      const y = year[r] ?? 0;
      let b = a - 1;
      while (b >= start && (year[rows[b] ?? 0] ?? 0) > y) {
        rows[b + 1] = rows[b] ?? 0;
        b--;
      }
      rows[b + 1] = r;
    }
  }
  return { size, offsets, rows, seriesOfRow };
}

const placeRowsByTable = new WeakMap<ObservationTable, ReadonlyArray<{ readonly row: number; readonly rows: number }>>();

/**
 * The distinct places ((city, city code) pairs) of a table in first-seen order: the first row of each
 * and its number of rows. Rows come in runs of one place (files list a place's rows together), so the
 * map is touched once per run, not per row; kept per table (the dashboard and several panels ask).
 */
export function placeRows(t: ObservationTable): ReadonlyArray<{ readonly row: number; readonly rows: number }> {
  const known = placeRowsByTable.get(t);
  if (known !== undefined) return known;
  const byPair = new Map<number, { row: number; rows: number }>();
  for (let i = 0; i < t.length; ) {
    const city = t.city[i] ?? 0;
    const code = t.cityCode[i] ?? 0;
    let end = i + 1;
    while (end < t.length && t.city[end] === city && t.cityCode[end] === code) end++;
    const pair = city * 2 ** 26 + code;
    const entry = byPair.get(pair);
    if (entry === undefined) byPair.set(pair, { row: i, rows: end - i });
    else entry.rows += end - i;
    i = end;
  }
  const out = [...byPair.values()];
  placeRowsByTable.set(t, out);
  return out;
}
