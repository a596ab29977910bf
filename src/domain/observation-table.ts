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
 */

export const STRING_COLUMNS = ['city', 'cityCode', 'indicator', 'period', 'unit', 'series', 'disaggregation', 'source', 'note'] as const;
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
      },
      o.year,
      o.value,
      o.line,
    );
  }

  finish(): ObservationTable {
    const n = this.n;
    const c = this.cols;
    return {
      length: n,
      city: c.city.slice(0, n),
      cityCode: c.cityCode.slice(0, n),
      indicator: c.indicator.slice(0, n),
      year: c.year.slice(0, n),
      value: c.value.slice(0, n),
      period: c.period.slice(0, n),
      unit: c.unit.slice(0, n),
      series: c.series.slice(0, n),
      disaggregation: c.disaggregation.slice(0, n),
      source: c.source.slice(0, n),
      note: c.note.slice(0, n),
      line: c.line.slice(0, n),
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

/** Series index: row indices of each (city, indicator, series, unit, disaggregation), sorted by year. */
export type SeriesIndex = Map<string, Uint32Array>;

export function seriesKey(city: number, indicator: number, series: number, unit: number, disaggregation: number): string {
  return `${city}:${indicator}:${series}:${unit}:${disaggregation}`;
}

export function buildSeriesIndex(t: ObservationTable): SeriesIndex {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < t.length; i++) {
    const k = seriesKey(t.city[i] ?? 0, t.indicator[i] ?? 0, t.series[i] ?? 0, t.unit[i] ?? 0, t.disaggregation[i] ?? 0);
    let g = groups.get(k);
    if (g === undefined) {
      g = [];
      groups.set(k, g);
    }
    g.push(i);
  }
  const index: SeriesIndex = new Map();
  for (const [k, rows] of groups) {
    const arr = Uint32Array.from(rows);
    let sorted = true;
    for (let j = 1; j < arr.length; j++) if ((t.year[arr[j] ?? 0] ?? 0) < (t.year[arr[j - 1] ?? 0] ?? 0)) sorted = false;
    if (!sorted) arr.sort((a, b) => (t.year[a] ?? 0) - (t.year[b] ?? 0));
    index.set(k, arr);
  }
  return index;
}
