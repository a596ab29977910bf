import type { Indicator } from '../indicator';
import type { ObservationTable } from '../observation-table';
import { compareIndicatorCodes, type Registry } from '../registry';
import { runSteps, type Steps } from '../steps';
import type { MethodSettings, SeriesPoints } from './types';

/**
 * From an observation table to the series progress is computed on.
 *
 * A series is one (city, indicator, series, unit, disaggregation) with its points ordered by year.
 * Grouping builds no string per row and never sorts the whole table. Real files (and the benchmark)
 * list a city × indicator's rows together, so one sequential pass finds the runs of rows with the same
 * city and indicator, and a numeric key (city id · indicators + indicator rank), looked up once per run,
 * gathers runs into blocks (one city × indicator) ordered by that key. Each block is then walked in
 * place assuming its rows are in (series, unit, disaggregation, year) order — the usual case, checked
 * as it goes; a block that is not (rows interleaved by sex, years descending, a city split over two
 * places of the file) is copied to a scratch array, sorted (a few dozen rows) and walked again. The
 * points of every series are views (`subarray`) into shared typed arrays, never copies.
 *
 * - Indicator codes are resolved through the registry, so data under an alias (1.5.1) joins its
 *   indicator (11.5.1); series are ordered by city (first appearance), then indicator code.
 * - Periods are already stored under their start year. A year listed twice in one series (two periods
 *   starting the same year, or tables merged from several files) keeps the last-listed row; the others
 *   are reported in `duplicates`.
 * - Settings come from the registry and are overridden per indicator (a dataset's own configuration);
 *   an indicator unknown to the registry and given no direction has no settings (`not_configured`).
 */

/** Per-indicator changes to the registry's settings (e.g. from a dataset's indicator configuration). */
export type SettingsOverride = Partial<MethodSettings>;

/**
 * One series of the table; it is its own SeriesPoints (`years`, `values`: views into shared typed
 * arrays, years ascending and distinct, values possibly NaN, which methods skip). String fields are
 * dictionary ids into `table.dict`.
 */
export type ProgressSeries = SeriesPoints & {
  readonly city: number;
  readonly cityCode: number;
  /** Canonical indicator code (an alias in the data is resolved to its indicator). */
  readonly indicator: string;
  readonly series: number;
  readonly unit: number;
  readonly disaggregation: number;
  readonly years: Uint16Array;
  readonly values: Float64Array;
  /** The points' place in the collection's shared arrays: `rows[start .. end)` are their table rows. */
  readonly start: number;
  readonly end: number;
  /** null when the indicator is not in the registry and no override gives a direction. */
  readonly settings: MethodSettings | null;
};

/** The series of one city × indicator: `series[first .. end)`. */
export type CityIndicatorBlock = {
  readonly city: number;
  readonly cityCode: number;
  readonly indicator: string;
  readonly first: number;
  readonly end: number;
  /**
   * Index of the headline series: the only series/unit combination with headline rows (no
   * disaggregation). −1 when there is none, or when several exist (then `headlineCandidates` > 1).
   */
  readonly headline: number;
  readonly headlineCandidates: number;
};

/** A year found more than once in one series: which row was kept and which were left out. */
export type DuplicateYear = { readonly series: number; readonly year: number; readonly keptRow: number; readonly droppedRows: readonly number[] };

export type SeriesCollection = {
  readonly table: ObservationTable;
  readonly series: readonly ProgressSeries[];
  /** The table row of every point, series after series (see ProgressSeries.start/end). */
  readonly rows: Uint32Array;
  readonly blocks: readonly CityIndicatorBlock[];
  readonly duplicates: readonly DuplicateYear[];
};

/** Base year and target year when neither the registry nor an override says otherwise. */
export const DEFAULT_BASE_YEAR = 2015;
export const DEFAULT_TARGET_YEAR = 2030;

/** The progress settings the registry gives an indicator. */
export function settingsFromIndicator(ind: Indicator): MethodSettings {
  return {
    direction: ind.direction,
    target: ind.goalTarget === null ? null : { value: ind.goalTarget.value, year: ind.goalTarget.year },
    baseYear: ind.baseYear,
    targetYear: DEFAULT_TARGET_YEAR,
    limit: ind.naturalLimit,
    bounds: ind.bounds === null ? null : { optimum: ind.bounds.optimum, green: ind.bounds.green, red: ind.bounds.red, lower: ind.bounds.lower },
    unitIsPercent: ind.unitKind === 'percent',
    validRange: { min: ind.validRange.min, max: ind.validRange.max },
  };
}

/** Registry settings with the override applied; an unknown indicator needs the override's direction. */
export function resolveSettings(ind: Indicator | undefined, override: SettingsOverride | undefined): MethodSettings | null {
  if (ind === undefined) {
    if (override?.direction === undefined) return null;
    return {
      target: null,
      baseYear: DEFAULT_BASE_YEAR,
      targetYear: DEFAULT_TARGET_YEAR,
      limit: null,
      bounds: null,
      ...override,
      direction: override.direction,
    };
  }
  const base = settingsFromIndicator(ind);
  return override === undefined ? base : { ...base, ...override };
}

/** The override for an indicator, looked up by its code or any of its aliases. */
function overrideFor(code: string, ind: Indicator | undefined, overrides: Readonly<Record<string, SettingsOverride>>): SettingsOverride | undefined {
  const direct = overrides[code];
  if (direct !== undefined || ind === undefined) return direct;
  for (const alias of ind.aliases) {
    const o = overrides[alias];
    if (o !== undefined) return o;
  }
  return undefined;
}

/**
 * The series of a table as parallel typed arrays (series s, block b), for loops over tens of thousands
 * of series that should not allocate an object per series; `collectSeries` gives the same as objects.
 * Series are ordered by city (first appearance), indicator code, series, unit, disaggregation
 * (dictionary order, so the headline, '' = id 0, comes first).
 */
export type SeriesLayout = {
  readonly table: ObservationTable;
  /** Per series: dictionary ids into `table.dict` (indicator: rank into `codes`). */
  readonly city: Uint32Array;
  readonly cityCode: Uint32Array;
  readonly indicatorRank: Uint32Array;
  readonly series: Uint32Array;
  readonly unit: Uint32Array;
  readonly disaggregation: Uint32Array;
  /** Series s has the points [starts[s], starts[s + 1]) of `years`, `values` and `rows` (its table rows). */
  readonly starts: Uint32Array;
  readonly years: Uint16Array;
  readonly values: Float64Array;
  readonly rows: Uint32Array;
  /** Canonical indicator code and settings per indicator rank. */
  readonly codes: readonly string[];
  readonly settings: ReadonlyArray<MethodSettings | null>;
  /** Block (city × indicator) b has the series [blockFirst[b], blockFirst[b + 1]). */
  readonly blockFirst: Uint32Array;
  /** The block's headline series, −1 when none or ambiguous (see CityIndicatorBlock). */
  readonly blockHeadline: Int32Array;
  readonly blockHeadlineCandidates: Uint32Array;
  readonly duplicates: readonly DuplicateYear[];
};

/** Whether row a sorts after row b inside a block: by series, unit, disaggregation, year, then row order. */
function rowAfter(t: ObservationTable, a: number, b: number): boolean {
  const sa = t.series[a] ?? 0;
  const sb = t.series[b] ?? 0;
  if (sa !== sb) return sa > sb;
  const ua = t.unit[a] ?? 0;
  const ub = t.unit[b] ?? 0;
  if (ua !== ub) return ua > ub;
  const da = t.disaggregation[a] ?? 0;
  const db = t.disaggregation[b] ?? 0;
  if (da !== db) return da > db;
  const ya = t.year[a] ?? 0;
  const yb = t.year[b] ?? 0;
  if (ya !== yb) return ya > yb;
  return a > b;
}

/** Whether rows[0 .. len) are in (series, unit, disaggregation, year, row) order. */
function isSorted(t: ObservationTable, rows: Uint32Array, len: number): boolean {
  const { series, unit, disaggregation, year } = t;
  let prev = rows[0] ?? 0;
  for (let i = 1; i < len; i++) {
    const r = rows[i] ?? 0;
    // The usual case: same series, unit and disaggregation as the row before, and a later year.
    const same = series[r] === series[prev] && unit[r] === unit[prev] && disaggregation[r] === disaggregation[prev];
    if (same ? (year[r] ?? 0) < (year[prev] ?? 0) : rowAfter(t, prev, r)) return false;
    prev = r;
  }
  return true;
}

/** Blocks this long and shorter are insertion-sorted; longer ones go through Array.prototype.sort. */
const INSERTION_SORT_MAX = 48;

/** Sorts rows[0 .. len) (one block's rows, in file order) by (series, unit, disaggregation, year, row). */
function sortRows(t: ObservationTable, rows: Uint32Array, len: number): void {
  if (len <= INSERTION_SORT_MAX) {
    for (let i = 1; i < len; i++) {
      const row = rows[i] ?? 0;
      let j = i - 1;
      while (j >= 0 && rowAfter(t, rows[j] ?? 0, row)) {
        rows[j + 1] = rows[j] ?? 0;
        j--;
      }
      rows[j + 1] = row;
    }
    return;
  }
  // Row index is the last key, so the order is total and the sort's own stability does not matter.
  const sorted = Array.from(rows.subarray(0, len));
  sorted.sort((x, y) => (rowAfter(t, x, y) ? 1 : -1));
  rows.set(sorted);
}

/** Rows between two yields of a pass over the table; blocks between two yields of the layout walk. */
const ROWS_PER_STEP = 1 << 16;
const BLOCKS_PER_STEP = 1 << 9;
/** Runs of rows (one city and indicator) between two yields of the pass that finds the blocks (one was 80 ms in one step). */
const RUNS_PER_STEP = 1 << 14;

/** Where each run of rows with the same city and indicator starts, plus the table length at the end. */
function* findRuns(city: Uint32Array, cityCode: Uint32Array, indicator: Uint32Array, n: number): Steps<number[]> {
  const starts: number[] = n > 0 ? [0] : [];
  for (let r0 = 1; r0 < n; r0 += ROWS_PER_STEP) {
    for (let r = r0, end = Math.min(n, r0 + ROWS_PER_STEP); r < end; r++)
      if (city[r] !== city[r - 1] || cityCode[r] !== cityCode[r - 1] || indicator[r] !== indicator[r - 1]) starts.push(r);
    yield;
  }
  starts.push(n);
  return starts;
}

/**
 * The blocks (place × indicator) in order of (place, indicator rank) and the runs of each, as a
 * linked list: `firstRun[b]`, then `nextRun[k]` (−1 ends it). The key city·ranks + rank orders blocks
 * numerically; it indexes a dense table when cities × ranks is small (the usual case), else a map,
 * and is looked up once per run of rows, never per row.
 */
function* findBlocks(t: ObservationTable, rank: Uint32Array, ranks: number, runStarts: readonly number[]): Steps<{ firstRun: Int32Array; nextRun: Int32Array }> {
  const runs = runStarts.length - 1;
  // A place is a (city, city code) pair: two San Juans with different codes are two cities. Numbered
  // in order of first appearance, once per run.
  const placeIds = new Map<number, number>();
  const placeOfRun = new Uint32Array(runs);
  for (let k = 0; k < runs; k++) {
    if (k % RUNS_PER_STEP === RUNS_PER_STEP - 1) yield;
    const r = runStarts[k] ?? 0;
    const pair = (t.city[r] ?? 0) * 2 ** 26 + (t.cityCode[r] ?? 0);
    let id = placeIds.get(pair);
    if (id === undefined) placeIds.set(pair, (id = placeIds.size));
    placeOfRun[k] = id;
  }
  const places = Math.max(1, placeIds.size);
  const dense = places * ranks <= 1 << 22 ? new Int32Array(places * ranks).fill(-1) : null;
  const sparse = dense === null ? new Map<number, number>() : null;
  const keys: number[] = [];
  const first: number[] = [];
  const last: number[] = [];
  const nextRun = new Int32Array(runs).fill(-1);
  for (let k = 0; k < runs; k++) {
    if (k % RUNS_PER_STEP === RUNS_PER_STEP - 1) yield;
    const r = runStarts[k] ?? 0;
    const key = (placeOfRun[k] ?? 0) * ranks + (rank[t.indicator[r] ?? 0] ?? 0);
    let block = dense !== null ? (dense[key] ?? -1) : (sparse?.get(key) ?? -1);
    if (block === -1) {
      block = keys.length;
      if (dense !== null) dense[key] = block;
      else sparse?.set(key, block);
      keys.push(key);
      first.push(k);
      last.push(k);
    } else {
      nextRun[last[block] ?? 0] = k;
      last[block] = k;
    }
  }
  let inOrder = true;
  for (let k = 1; k < keys.length && inOrder; k++) inOrder = (keys[k - 1] ?? 0) < (keys[k] ?? 0);
  if (inOrder) return { firstRun: Int32Array.from(first), nextRun };
  const order = keys.map((_, k) => k).sort((x, y) => (keys[x] ?? 0) - (keys[y] ?? 0));
  return { firstRun: Int32Array.from(order, (k) => first[k] ?? 0), nextRun };
}

/** Growable per-series and per-block lists, turned into typed arrays at the end. */
class LayoutBuilder {
  readonly city: number[] = [];
  readonly cityCode: number[] = [];
  readonly indicatorRank: number[] = [];
  readonly series: number[] = [];
  readonly unit: number[] = [];
  readonly disaggregation: number[] = [];
  readonly starts: number[] = [];
  readonly blockFirst: number[] = [];
  readonly blockHeadline: number[] = [];
  readonly blockHeadlineCandidates: number[] = [];
  readonly duplicates: DuplicateYear[] = [];
  readonly years: Uint16Array;
  readonly values: Float64Array;
  readonly rows: Uint32Array;
  /** Points written so far. */
  m = 0;
  /** Headline candidates of the current block, and the last one. */
  candidates = 0;
  headline = -1;

  constructor(n: number) {
    this.years = new Uint16Array(n);
    this.values = new Float64Array(n);
    this.rows = new Uint32Array(n);
  }

  beginBlock(): void {
    this.blockFirst.push(this.starts.length);
    this.candidates = 0;
    this.headline = -1;
  }

  endBlock(): void {
    this.blockHeadline.push(this.candidates === 1 ? this.headline : -1);
    this.blockHeadlineCandidates.push(this.candidates);
  }

  /** The state to return to if a block's walk is abandoned. */
  mark(): { series: number; candidates: number; headline: number } {
    return { series: this.starts.length, candidates: this.candidates, headline: this.headline };
  }

  rollback(mark: { series: number; candidates: number; headline: number }): false {
    for (const list of [this.starts, this.city, this.cityCode, this.indicatorRank, this.series, this.unit, this.disaggregation]) list.length = mark.series;
    this.candidates = mark.candidates;
    this.headline = mark.headline;
    return false;
  }
}

/** Starts series s at point m with the ids of row r (and counts it as a headline candidate). */
function startSeries(t: ObservationTable, rank: Uint32Array, r: number, m: number, out: LayoutBuilder): void {
  if (t.disaggregation[r] === 0) {
    out.candidates++;
    out.headline = out.starts.length;
  }
  out.starts.push(m);
  out.city.push(t.city[r] ?? 0);
  out.cityCode.push(t.cityCode[r] ?? 0);
  out.indicatorRank.push(rank[t.indicator[r] ?? 0] ?? 0);
  out.series.push(t.series[r] ?? 0);
  out.unit.push(t.unit[r] ?? 0);
  out.disaggregation.push(t.disaggregation[r] ?? 0);
}

/**
 * Walks one block stored as the contiguous rows [a, e) of the table, assuming they are sorted — the
 * usual case, which needs no copy and no extra pass. Returns false, having written nothing, at the
 * first row out of (series, unit, disaggregation, year) order; the caller then sorts and walks again.
 * A year repeated in a series keeps the later row (see walkSorted).
 */
function walkRange(t: ObservationTable, rank: Uint32Array, a: number, e: number, out: LayoutBuilder): boolean {
  const { series, unit, disaggregation, year, value } = t;
  const { years, values, rows } = out;
  const mark = out.mark();
  let m = out.m;
  let duplicate = false;
  startSeries(t, rank, a, m, out);
  for (let r = a; r < e; r++) {
    if (r > a) {
      const q = r - 1;
      if (series[r] === series[q] && unit[r] === unit[q] && disaggregation[r] === disaggregation[q]) {
        const y = year[r] ?? 0;
        const yq = year[q] ?? 0;
        if (y < yq) return out.rollback(mark);
        if (y === yq) {
          m--; // the previous row had the same series and year: this later row replaces it
          duplicate = true;
        }
      } else if (rowAfter(t, q, r)) return out.rollback(mark);
      else startSeries(t, rank, r, m, out);
    }
    years[m] = year[r] ?? 0;
    values[m] = value[r] ?? NaN;
    rows[m] = r;
    m++;
  }
  // Rare: recorded by the general walk, which names the kept and dropped rows.
  if (duplicate) return out.rollback(mark);
  out.m = m;
  return true;
}

/**
 * Walks the sorted rows of one block: series boundaries, duplicate years (the last-listed row wins:
 * rows of equal year keep file order, so it is the last of its run; the others are recorded),
 * compacted points.
 */
function walkSorted(t: ObservationTable, rank: Uint32Array, rows: Uint32Array, len: number, out: LayoutBuilder): void {
  const { series, unit, disaggregation, year, value } = t;
  const { years, values, rows: kept } = out;
  let m = out.m;
  let pending: number[] | null = null;
  for (let i = 0; i < len; i++) {
    const r = rows[i] ?? 0;
    const q = i > 0 ? (rows[i - 1] ?? 0) : -1;
    if (q === -1 || series[r] !== series[q] || unit[r] !== unit[q] || disaggregation[r] !== disaggregation[q]) {
      startSeries(t, rank, r, m, out);
    } else if (year[r] === year[q]) {
      m--; // the previous row had the same series and year: this later row replaces it
      (pending ??= []).push(q);
    }
    const next = i + 1 < len ? (rows[i + 1] ?? 0) : -1;
    const repeated = next !== -1 && year[next] === year[r] && series[next] === series[r] && unit[next] === unit[r] && disaggregation[next] === disaggregation[r];
    if (pending !== null && !repeated) {
      out.duplicates.push({ series: out.starts.length - 1, year: year[r] ?? 0, keptRow: r, droppedRows: pending });
      pending = null;
    }
    years[m] = year[r] ?? 0;
    values[m] = value[r] ?? NaN;
    kept[m] = r;
    m++;
  }
  out.m = m;
}

/**
 * Groups the table into series (see the file comment and SeriesLayout): runs of rows, blocks in key
 * order, then each block's rows gathered (a sequential copy), sorted if they are not already, and walked.
 */
export function layoutSeries(
  table: ObservationTable,
  registry: Registry,
  overrides: Readonly<Record<string, SettingsOverride>> = {},
): SeriesLayout {
  return runSteps(layoutSeriesSteps(table, registry, overrides));
}

/** A layout without its settings: what depends only on the table and the registry's indicator codes. */
type SeriesStructure = Omit<SeriesLayout, 'settings'>;

/**
 * The structure of each table's series, made once per table and registry: tables are immutable, and a
 * dataset's progress is computed again for every method, settings change and view, where only the
 * settings differ (the structure was two thirds of the time of progress on the 1M-row benchmark).
 */
const structures = new WeakMap<ObservationTable, { registry: Registry; structure: SeriesStructure }>();

/** `layoutSeries` in steps (see domain/steps.ts). */
export function* layoutSeriesSteps(
  table: ObservationTable,
  registry: Registry,
  overrides: Readonly<Record<string, SettingsOverride>> = {},
): Steps<SeriesLayout> {
  let known = structures.get(table);
  if (known?.registry !== registry) {
    known = { registry, structure: yield* structureSteps(table, registry) };
    structures.set(table, known);
  }
  const { structure } = known;
  const settings = structure.codes.map((code) => {
    const ind = registry.byCode.get(code);
    return resolveSettings(ind, overrideFor(code, ind, overrides));
  });
  return { ...structure, settings };
}

function* structureSteps(table: ObservationTable, registry: Registry): Steps<SeriesStructure> {
  const n = table.length;
  const d = table.dict;
  // Indicator dictionary id → canonical code and rank (aliases share their indicator's rank).
  const canonical = d.indicator.map((code) => registry.byCode.get(code)?.code ?? code);
  const codes = [...new Set(canonical)].sort(compareIndicatorCodes);
  const rankOfCode = new Map(codes.map((c, i) => [c, i]));
  const rank = Uint32Array.from(canonical, (c) => rankOfCode.get(c) ?? 0);

  const runStarts = yield* findRuns(table.city, table.cityCode, table.indicator, n);
  yield;
  const { firstRun, nextRun } = yield* findBlocks(table, rank, Math.max(1, codes.length), runStarts);
  const out = new LayoutBuilder(n);
  let scratch = new Uint32Array(64);
  yield;
  for (let b = 0; b < firstRun.length; b++) {
    if (b % BLOCKS_PER_STEP === BLOCKS_PER_STEP - 1) yield;
    const k0 = firstRun[b] ?? 0;
    out.beginBlock();
    // The usual block: one run of rows, already sorted.
    if ((nextRun[k0] ?? -1) !== -1 || !walkRange(table, rank, runStarts[k0] ?? 0, runStarts[k0 + 1] ?? 0, out)) {
      let len = 0;
      for (let k = k0; k !== -1; k = nextRun[k] ?? -1) len += (runStarts[k + 1] ?? 0) - (runStarts[k] ?? 0);
      if (len > scratch.length) scratch = new Uint32Array(Math.max(len, scratch.length * 2));
      let at = 0;
      for (let k = k0; k !== -1; k = nextRun[k] ?? -1) for (let r = runStarts[k] ?? 0, end = runStarts[k + 1] ?? 0; r < end; r++) scratch[at++] = r;
      if (!isSorted(table, scratch, len)) sortRows(table, scratch, len);
      walkSorted(table, rank, scratch, len, out);
    }
    out.endBlock();
  }
  out.starts.push(out.m);
  out.blockFirst.push(out.city.length);
  return {
    table,
    city: Uint32Array.from(out.city),
    cityCode: Uint32Array.from(out.cityCode),
    indicatorRank: Uint32Array.from(out.indicatorRank),
    series: Uint32Array.from(out.series),
    unit: Uint32Array.from(out.unit),
    disaggregation: Uint32Array.from(out.disaggregation),
    starts: Uint32Array.from(out.starts),
    years: out.years.subarray(0, out.m),
    values: out.values.subarray(0, out.m),
    rows: out.rows.subarray(0, out.m),
    codes,
    blockFirst: Uint32Array.from(out.blockFirst),
    blockHeadline: Int32Array.from(out.blockHeadline),
    blockHeadlineCandidates: Uint32Array.from(out.blockHeadlineCandidates),
    duplicates: out.duplicates,
  };
}

/** The points of series s: views into the layout's shared arrays. */
export function seriesPoints(layout: SeriesLayout, s: number): { years: Uint16Array; values: Float64Array } {
  const a = layout.starts[s] ?? 0;
  const b = layout.starts[s + 1] ?? 0;
  return { years: layout.years.subarray(a, b), values: layout.values.subarray(a, b) };
}

/** The series of the table as objects (see SeriesLayout for the loop-friendly form). */
export function collectSeries(
  table: ObservationTable,
  registry: Registry,
  overrides: Readonly<Record<string, SettingsOverride>> = {},
): SeriesCollection {
  const l = layoutSeries(table, registry, overrides);
  const count = l.city.length;
  const series = new Array<ProgressSeries>(count);
  for (let s = 0; s < count; s++) {
    const rank = l.indicatorRank[s] ?? 0;
    series[s] = {
      city: l.city[s] ?? 0,
      cityCode: l.cityCode[s] ?? 0,
      indicator: l.codes[rank] ?? '',
      series: l.series[s] ?? 0,
      unit: l.unit[s] ?? 0,
      disaggregation: l.disaggregation[s] ?? 0,
      ...seriesPoints(l, s),
      start: l.starts[s] ?? 0,
      end: l.starts[s + 1] ?? 0,
      settings: l.settings[rank] ?? null,
    };
  }
  const blocks: CityIndicatorBlock[] = [];
  for (let b = 0; b + 1 < l.blockFirst.length; b++) {
    const first = l.blockFirst[b] ?? 0;
    blocks.push({
      city: l.city[first] ?? 0,
      cityCode: l.cityCode[first] ?? 0,
      indicator: l.codes[l.indicatorRank[first] ?? 0] ?? '',
      first,
      end: l.blockFirst[b + 1] ?? 0,
      headline: l.blockHeadline[b] ?? -1,
      headlineCandidates: l.blockHeadlineCandidates[b] ?? 0,
    });
  }
  return { table, series, rows: l.rows, blocks, duplicates: l.duplicates };
}
