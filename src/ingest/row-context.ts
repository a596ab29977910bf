import type { Indicator } from '@/domain/indicator';
import { disaggregationKey, ObservationTableBuilder, type ObservationTable, PLACE_KINDS, type PlaceKind, type StringColumn } from '@/domain/observation-table';
import { normalizeIndicatorCode, type Registry } from '@/domain/registry';
import { filterTable, removeDuplicates } from './duplicates';
import { classifyUnit, UNIT_NOT_STATED } from '@/domain/units';
import { fixedIndicatorCode, isCanonicalHeader, planRows, type RowPlan } from './detect';
import { headerKey } from './header-aliases';
import type { IssueCollector } from './issue-collector';
import { cleanText, isMissingMarker } from './normalize-cell';
import { detectDecimalSeparator, parseNumberCell } from './parse-number';
import { parseYearCell, type YearCell } from './parse-year';
import type { DecimalSeparator, IngestOptions } from './types';
import { CANONICAL_LONG_COLUMNS } from './write-csv';
import { MAX_CELL_CHARS, MAX_ISSUE_TEXT_CHARS } from './limits';
import { fileStem, isAggregateName } from './places';

/**
 * The row loop of one file: the column plan, dictionaries with caches of raw cell → id, unit checks per
 * indicator, and counters. `ingestFile` feeds it PapaParse's rows; `finish` returns the table.
 */

type UnitVerdict = 'same' | 'other' | 'unknown';

type RangeGroup = {
  indicator: Indicator;
  unitId: number;
  inRange: number;
  /** Values outside the range: where they are, and (once pushed) their index in the table. */
  pending: Array<{ line: number; column: string; raw: string; value: number; index: number }>;
};

type CachedText = { id: number; error?: boolean };
type TextColumn = { readonly column: StringColumn; readonly cache: Map<string, CachedText>; lastRaw: string | undefined; lastId: number };

function textColumn(column: StringColumn): TextColumn {
  return { column, cache: new Map(), lastRaw: undefined, lastId: 0 };
}
type IndicatorResolution = { id: number; indicator: Indicator | undefined } | { id: -1; indicator: undefined };
const SUB_INDICATOR = /^(\d{1,2}\.(?:\d{1,2}|[a-z])\.\d{1,2})\.([a-z0-9]{1,3})$/;

/**
 * The header as one text for messages: joined only as far as a message shows it (the issue collector
 * cuts it with "…"), so 524,288 column names are not joined into a megabyte to show 500 characters.
 */
function headerText(header: readonly string[]): string {
  let s = '';
  for (let i = 0; i < header.length && s.length <= MAX_ISSUE_TEXT_CHARS; i++) s += (i > 0 ? ', ' : '') + (header[i] ?? '');
  return s;
}

const BLANK_CELL = { kind: 'blank' } as const;
const INVALID_CELL = { kind: 'invalid' } as const;

/** Per-file state of the row loop: plan, dictionaries with caches of raw cell → id, and counters. */
export class RowContext {
  rowPlan: RowPlan | undefined;
  planned = false;
  decimal: DecimalSeparator = '.';
  /** True when the decimal separator was chosen by the user or shown by unambiguous cells. */
  private decimalSettled = false;
  dataRows = 0;
  rowsRejected = 0;
  private header: string[] = [];
  private readonly builder: ObservationTableBuilder;
  /**
   * The text columns' state, one object each (the row loop reads `state.lastRaw`, one shape, where a
   * record keyed by column name made every read a megamorphic keyed load): the cache of raw cell → id,
   * and the previous row's raw cell and id (see `text`).
   */
  private readonly cityText = textColumn('city');
  private readonly cityCodeText = textColumn('cityCode');
  private readonly unitText = textColumn('unit');
  private readonly seriesText = textColumn('series');
  private readonly sourceText = textColumn('source');
  private readonly noteText = textColumn('note');
  private readonly indicatorCache = new Map<string, IndicatorResolution>();
  private readonly yearCache = new Map<string, YearCell>();
  private readonly disaggCache = new Map<string, number>();
  /** (indicator id, unit id) → whether the unit is compatible with the registry's. */
  private readonly unitVerdicts = new Map<number, UnitVerdict>();
  private lastIndicatorRaw: string | undefined;
  private lastIndicator: IndicatorResolution = { id: -1, indicator: undefined };
  private lastYearRaw: string | undefined;
  private lastYear: YearCell = { kind: 'blank' };
  private lastDisaggFields: string[] = [];
  private lastDisaggId = -1;
  /** Accepted values of the current row (reused: no allocation per row). */
  private nAccepted = 0;
  private readonly accYear: number[] = [];
  private readonly accLabel: string[] = [];
  private readonly accValue: number[] = [];
  private readonly accSeries: number[] = [];
  private readonly accUnit: number[] = [];
  /** Per accepted value: 0, or 1 + the key of its range group when the value is outside the registry's range. */
  private readonly accOut: number[] = [];
  /** Per accepted value: its value source (index into the plan's values), and whether a repeated column dropped it. */
  private readonly accSource: number[] = [];
  private readonly accDropped: number[] = [];
  /** Column → the first column with the same header, for columns whose header repeats an earlier one. */
  private headerTwinOf = new Int32Array(0);
  /**
   * Per value source: the earlier source whose column has the same header (a year column written twice in a
   * wide table), else -1; and, while a row is read, the accepted value of each such first source (-1: none).
   */
  private valueTwinOf = new Int32Array(0);
  private twinAccepted = new Int32Array(0);
  private hasTwins = false;
  private readonly ids: { [K in StringColumn]: number } = {
    city: 0, cityCode: 0, indicator: 0, period: 0, unit: 0, series: 0, disaggregation: 0, source: 0, note: 0, placeKind: 0, placeParent: 0,
  };
  private defaultCityId = -1;
  private fatal = false;
  get failed(): boolean {
    return this.fatal;
  }
  private digitsNormalized = 0;
  private firstDigitsLine = 0;
  private rowHasError = false;
  private readonly currentYear = new Date().getFullYear();

  /** `expectedRows`: the table's first capacity (see `expectedRows` in ingest-file.ts). */
  constructor(
    private readonly fileName: string,
    private readonly registry: Registry,
    private readonly options: IngestOptions,
    private readonly issues: IssueCollector,
    expectedRows = 4096,
  ) {
    this.builder = new ObservationTableBuilder(expectedRows);
  }

  setHeader(header: string[], line: number): void {
    // One slot per column (4 bytes), not a map entry: a header of a million repeated names stays small.
    this.headerTwinOf = new Int32Array(header.length).fill(-1);
    const seen = new Map<string, { first: number; n: number }>();
    // A canonical file may have a breakdown named like a fixed column (an Open SDG `Source`): the
    // fixed columns are found by position there, so only the breakdowns must differ among themselves.
    const fixed = isCanonicalHeader(header) ? CANONICAL_LONG_COLUMNS.length : 0;
    this.header = header.map((h, i) => {
      if (i === fixed) seen.clear();
      if (h === '') {
        this.issues.add('blank_header', 'warning', { row: line, column: `#${i + 1}` }, { position: i + 1 });
        return '';
      }
      const k = headerKey(h);
      const entry = seen.get(k);
      if (entry === undefined) {
        seen.set(k, { first: i, n: 1 });
        return h;
      }
      entry.n++;
      this.headerTwinOf[i] = entry.first;
      this.issues.add('duplicate_header', 'warning', { row: line, column: h }, { position: i + 1 });
      return `${h} (${entry.n})`;
    });
  }

  plan(sample: readonly string[][]): void {
    this.planned = true;
    const header = this.header;
    const plan = planRows(header, this.fileName, sample, {
      layout: this.options.layout ?? 'auto',
      ...(this.options.mapping ? { mapping: this.options.mapping } : {}),
      ...(this.options.defaultIndicator ? { defaultIndicator: this.options.defaultIndicator } : {}),
    });
    this.rowPlan = plan;
    this.planTwinValues(plan);
    if (plan.layout === 'unknown' || plan.missing.length > 0) {
      if (plan.layout === 'unknown') this.issues.add('unknown_format', 'error', { row: 1 }, { header: headerText(header) });
      for (const role of plan.missing) this.issues.add('missing_column', 'error', { row: 1 }, { role, header: headerText(header) });
      this.fatal = true;
      return;
    }
    if (plan.fixedIndicator !== undefined && plan.indicator === undefined)
      this.issues.add('indicator_from_filename', 'info', {}, { indicator: plan.fixedIndicator });
    if (plan.city === undefined) {
      const city = this.dataCity();
      this.issues.add('city_assumed', 'info', {}, { city });
    }
    // Decimal separator: the user's choice, else evidence from the value cells of the first rows.
    const opt = this.options.decimal;
    if (opt === '.' || opt === ',') {
      this.decimal = opt;
      this.decimalSettled = true;
    } else {
      const samples: string[] = [];
      // Cells too long to be numbers are no evidence (and a cell of megabytes would be scanned for nothing).
      for (const row of sample) for (const v of plan.values) if (samples.length < 2000 && (row[v.col] ?? '').length <= 100) samples.push(row[v.col] ?? '');
      const detected = detectDecimalSeparator(samples);
      this.decimal = detected.decimal;
      this.decimalSettled = detected.evidence !== 'none';
    }
  }

  /**
   * A wide table with a year column written twice (`2015,2016,2016`, or `2016` and `2016.0`, `٢٠١٦`,
   * `Y2016`): both columns are the same observation, so a repeated header takes the first column's year,
   * series and unit, and `row` keeps one value when they agree and reports a `conflicting_duplicate`
   * naming both columns (dropping both) when they differ, instead of a second period "2016 (2)".
   */
  private planTwinValues(plan: RowPlan): void {
    const n = plan.values.length;
    this.valueTwinOf = new Int32Array(n).fill(-1);
    this.twinAccepted = new Int32Array(n).fill(-1);
    this.hasTwins = false;
    if (plan.layout !== 'wide' && plan.layout !== 'unhabitat') return;
    const sourceOfColumn = new Map<number, number>();
    plan.values.forEach((v, k) => sourceOfColumn.set(v.col, k));
    // Value sources by what they observe: the same year, period label, series and unit is the same observation.
    const sourceOfKey = new Map<string, number>();
    plan.values.forEach((v, k) => {
      const firstCol = this.headerTwinOf[v.col] ?? -1;
      const first = firstCol < 0 ? undefined : sourceOfColumn.get(firstCol);
      const src = first === undefined ? undefined : plan.values[first];
      if (first !== undefined && src !== undefined) {
        // The first column may itself repeat an earlier one (`2016,2016.0,2016.0`): compare with the earliest.
        this.valueTwinOf[k] = (this.valueTwinOf[first] ?? -1) >= 0 ? (this.valueTwinOf[first] ?? first) : first;
        this.hasTwins = true;
        plan.values[k] = { col: v.col, ...(src.year ? { year: src.year } : {}), ...(src.series !== undefined ? { series: src.series } : {}), ...(src.unit !== undefined ? { unit: src.unit } : {}) };
        return;
      }
      if (v.year === undefined) return;
      const key = `${v.year.year}\u0000${v.year.label}\u0000${v.series ?? ''}\u0000${v.unit ?? ''}`;
      const same = sourceOfKey.get(key);
      if (same === undefined) sourceOfKey.set(key, k);
      else {
        this.valueTwinOf[k] = same;
        this.hasTwins = true;
      }
    });
  }

  /** A geography cell as a place-name id: 0 when the column is absent or the cell blank, −1 when unreadable. */
  private placeCell(fields: readonly string[], col: number | undefined, line: number): number {
    return col === undefined ? 0 : this.text(this.cityText, fields[col] ?? '', col, line, false);
  }

  private readonly kindIds = new Map<PlaceKind, number>();
  private kindId(kind: PlaceKind): number {
    let id = this.kindIds.get(kind);
    if (id === undefined) this.kindIds.set(kind, (id = this.builder.encode('placeKind', kind)));
    return id;
  }

  /** A named place's kind: an aggregate (World, Total, a continent) whatever column it came from. */
  private readonly aggregateByName = new Map<number, boolean>();
  private kindOf(nameId: number, kind: PlaceKind): number {
    let aggregate = this.aggregateByName.get(nameId);
    if (aggregate === undefined) this.aggregateByName.set(nameId, (aggregate = isAggregateName(this.builder.dictValue('city', nameId))));
    return this.kindId(aggregate ? 'aggregate' : kind);
  }

  /** The parent's name (a place name id) as an id of the placeParent dictionary; 0 when none. */
  private parentId(nameId: number): number {
    return nameId > 0 ? this.builder.encode('placeParent', this.builder.dictValue('city', nameId)) : 0;
  }

  /** The data's own city: the one the user named, else the file's name (said in the `city_assumed` note). */
  private dataCity(): string {
    const named = this.options.defaultCity?.trim();
    // As long as a city cell may be: the name typed for files without a city column is a cell of them all.
    return named !== undefined && named !== '' ? named.slice(0, MAX_CELL_CHARS) : fileStem(this.fileName).slice(0, MAX_CELL_CHARS);
  }

  private cityDefault(): number {
    if (this.defaultCityId < 0) this.defaultCityId = this.builder.encode('city', this.dataCity());
    return this.defaultCityId;
  }

  /** Text cell → dictionary id, cleaned and checked once per distinct raw string. */
  private text(state: TextColumn, raw: string, col: number, line: number, required: boolean): number {
    // Long files repeat a cell down the column: comparing with the previous row's cell is cheaper than
    // hashing the string for the map.
    if (raw === state.lastRaw) return state.lastId;
    const id = this.textUncached(state, raw, col, line, required);
    if (id >= 0) {
      state.lastRaw = raw;
      state.lastId = id;
    }
    return id;
  }

  /** An optional text column of the row (unit, series, source, note): 0 when absent or blank, or unreadable (the row has an error). */
  private optionalText(state: TextColumn, col: number | undefined, fields: readonly string[], line: number): number {
    if (col === undefined) return 0;
    const id = this.text(state, fields[col] ?? '', col, line, false);
    if (id !== -1) return id;
    this.rowHasError = true;
    return 0;
  }

  private textUncached(state: TextColumn, raw: string, col: number, line: number, required: boolean): number {
    const cache = state.cache;
    const hit = cache.get(raw);
    if (hit !== undefined && !hit.error) return hit.id;
    const header = this.header[col] ?? '';
    if (raw.length > MAX_CELL_CHARS) {
      this.issues.add('cell_too_long', 'error', { row: line, column: header, value: raw }, { length: raw.length, limit: MAX_CELL_CHARS });
      return -1;
    }
    const clean = cleanText(raw);
    if (clean === '' || isMissingMarker(clean)) {
      if (required) {
        return -1;
      }
      cache.set(raw, { id: 0 });
      return 0;
    }
    if (/^[\s]*[=+@\t\r]|^[\s]*-[^\d.\s]/.test(clean)) this.issues.add('formula_like_text', 'warning', { row: line, column: header, value: raw }, {});
    if (/<[a-z/!][^>]*>/i.test(clean)) this.issues.add('markup_like_text', 'warning', { row: line, column: header, value: raw }, {});
    const id = this.builder.encode(state.column, clean);
    cache.set(raw, { id });
    return id;
  }

  private indicatorOf(raw: string, col: number, line: number): IndicatorResolution {
    if (raw === this.lastIndicatorRaw) return this.lastIndicator;
    const res = this.indicatorUncached(raw, col, line);
    if (res.id !== -1) {
      this.lastIndicatorRaw = raw;
      this.lastIndicator = res;
    }
    return res;
  }

  private indicatorUncached(raw: string, col: number, line: number): IndicatorResolution {
    const hit = this.indicatorCache.get(raw);
    if (hit !== undefined) return hit;
    const header = this.header[col] ?? '';
    const clean = cleanText(raw);
    let res: IndicatorResolution;
    if (clean === '') {
      this.issues.add('missing_indicator', 'error', { row: line, column: header, value: raw }, {});
      return { id: -1, indicator: undefined }; // not cached: every such row is reported
    }
    // A code from the file name or the user (col −1) may be a national or local id (`4.1`, `15.1.E1`).
    const code = col === -1 ? fixedIndicatorCode(clean) : normalizeIndicatorCode(clean);
    if (code === undefined) {
      this.issues.add('unknown_indicator', 'error', { row: line, column: header, value: raw }, { indicator: clean });
      res = { id: -1, indicator: undefined };
    } else {
      // `11.1.1.c` (Open SDG `indicator_11-1-1-c.csv`): a national or local sub-indicator of 11.1.1 — its
      // own measure (Bristol's is a satisfaction survey), so its own indicator, never merged into 11.1.1's
      // numbers nor judged by 11.1.1's definition; the note names the SDG indicator it belongs to.
      const direct = this.registry.byCode.get(code);
      const sub = direct === undefined ? SUB_INDICATOR.exec(code) : null;
      const parent = sub?.[1] !== undefined ? this.registry.byCode.get(sub[1]) : undefined;
      const at = { row: line, column: header, value: raw };
      if (parent !== undefined) this.issues.add('indicator_sub_code', 'info', at, { indicator: code, canonical: parent.code });
      else if (direct === undefined) this.issues.add('unknown_indicator', 'warning', at, { indicator: code });
      else if (direct.code !== code && direct.aliases.includes(code as Indicator['code']))
        this.issues.add('indicator_alias', 'info', at, { indicator: code, canonical: direct.code });
      const canonical = direct !== undefined && direct.aliases.includes(code as Indicator['code']) ? direct.code : code;
      res = { id: this.builder.encode('indicator', canonical), indicator: direct };
    }
    this.indicatorCache.set(raw, res);
    return res;
  }

  private yearOf(raw: string): YearCell {
    if (raw === this.lastYearRaw) return this.lastYear;
    let y = this.yearCache.get(raw);
    if (y === undefined) {
      y = parseYearCell(raw);
      if (this.yearCache.size < 10_000) this.yearCache.set(raw, y);
    }
    this.lastYearRaw = raw;
    this.lastYear = y;
    return y;
  }

  private disaggregationOf(fields: readonly string[], line: number): number {
    const cols = this.rowPlan?.disaggregations ?? [];
    if (cols.length === 0) return 0;
    const last = this.lastDisaggFields;
    let same = this.lastDisaggId >= 0;
    for (let k = 0; same && k < cols.length; k++) same = fields[cols[k] ?? 0] === last[k];
    if (same) return this.lastDisaggId;
    const id = this.disaggregationUncached(fields, line, cols);
    if (id >= 0) {
      for (let k = 0; k < cols.length; k++) last[k] = fields[cols[k] ?? 0] ?? '';
      this.lastDisaggId = id;
    }
    return id;
  }

  private disaggregationUncached(fields: readonly string[], line: number, cols: readonly number[]): number {
    let raw = '';
    for (let k = 0; k < cols.length; k++) raw += (k ? '\u0001' : '') + (fields[cols[k] ?? 0] ?? '');
    const hit = this.disaggCache.get(raw);
    if (hit !== undefined) return hit;
    const pairs: Array<[string, string]> = [];
    for (const c of cols) {
      const v = fields[c] ?? '';
      if (v.length > MAX_CELL_CHARS) {
        this.issues.add('cell_too_long', 'error', { row: line, column: this.header[c] ?? '', value: v }, { length: v.length, limit: MAX_CELL_CHARS });
        return -1;
      }
      const clean = cleanText(v);
      // A blank cell is "total" (Open SDG); so are explicit missing markers in a category column.
      if (clean !== '' && !isMissingMarker(clean)) pairs.push([this.header[c] ?? '', clean]);
    }
    const id = this.builder.encode('disaggregation', disaggregationKey(pairs));
    this.disaggCache.set(raw, id);
    return id;
  }

  /** One data row. `rejected`: the parser already reported an error on it (a broken quote): counted, not imported. */
  row(fields: string[], line: number, rejected = false): void {
    if (!rejected && fields.length === 1 && (fields[0] ?? '').trim() === '') {
      this.issues.add('blank_row', 'info', { row: line }, {});
      return;
    }
    this.dataRows++;
    const plan = this.rowPlan;
    if (rejected || this.fatal || plan === undefined) {
      this.rowsRejected++;
      return;
    }
    this.rowHasError = false;
    if (fields.length !== this.header.length) {
      this.issues.add('ragged_row', 'error', { row: line, value: fields.join(this.options.delimiter === '\t' ? '\t' : ',') }, {
        expected: this.header.length,
        found: fields.length,
      });
      this.rowsRejected++;
      return;
    }
    const ids = this.ids;

    // Place: the narrowest non-blank geography of the row (district, then city, region, country). A row
    // with none is the city named by the city column, or the data's own city when the file has no city
    // column (an Open SDG folder of one city; a ward file's blank-ward rows are the city itself).
    let cityId = this.placeCell(fields, plan.city, line);
    if (cityId === 0 && plan.cityAlternates !== undefined) for (const c of plan.cityAlternates) if ((cityId = this.placeCell(fields, c, line)) !== 0) break;
    const districtId = this.placeCell(fields, plan.district, line);
    const regionId = this.placeCell(fields, plan.region, line);
    const countryId = this.placeCell(fields, plan.country, line);
    if (cityId < 0 || districtId < 0 || regionId < 0 || countryId < 0) this.rowHasError = true;
    ids.placeParent = 0;
    ids.placeKind = this.kindId('city');
    if (districtId > 0) {
      ids.city = districtId;
      ids.placeKind = this.kindId('district');
      ids.placeParent = this.parentId(cityId > 0 ? cityId : plan.city === undefined ? this.cityDefault() : 0);
    } else if (cityId > 0) {
      ids.city = cityId;
      ids.placeKind = this.kindOf(cityId, 'city');
      ids.placeParent = this.parentId(regionId > 0 ? regionId : countryId);
    } else if (regionId > 0) {
      ids.city = regionId;
      ids.placeKind = this.kindOf(regionId, 'region');
      ids.placeParent = this.parentId(countryId);
    } else if (countryId > 0) {
      ids.city = countryId;
      ids.placeKind = this.kindOf(countryId, 'country');
    } else if (plan.city !== undefined) {
      const raw = fields[plan.city] ?? '';
      if (plan.layout === 'opensdg' && cleanText(raw) === '') ids.city = this.cityDefault();
      else if (plan.layout === 'unhabitat' && cleanText(raw) === '' && (plan.cityCode === undefined || cleanText(fields[plan.cityCode] ?? '') === '')) {
        // UN-Habitat tables end with regional and world rows that have neither city name nor code.
        const name = plan.ignored.map((c) => cleanText(fields[c] ?? '')).find((v) => v !== '');
        this.issues.add('aggregate_row', 'info', { row: line }, name === undefined ? {} : { name });
        return;
      } else if (plan.layout === 'unhabitat' && plan.cityCode !== undefined && cleanText(raw) === '' && cleanText(fields[plan.cityCode] ?? '') !== '') {
        // UN-Habitat leaves some names blank next to a unique city code (JO_ZARQA): the code names it.
        ids.city = this.builder.encode('city', cleanText(fields[plan.cityCode] ?? ''));
      } else {
        if (cityId === 0 && raw.length <= MAX_CELL_CHARS) this.issues.add('missing_city', 'error', { row: line, column: this.header[plan.city] ?? '', value: raw }, {});
        this.rowHasError = true;
      }
    } else ids.city = this.cityDefault();
    if (plan.placeKind !== undefined) {
      // Marsad's canonical CSV says the place's kind and parent itself (a blank kind is a city).
      const kind = cleanText(fields[plan.placeKind] ?? '');
      if ((PLACE_KINDS as readonly string[]).includes(kind)) ids.placeKind = this.kindId(kind as PlaceKind);
      const parent = plan.placeParent === undefined ? '' : cleanText(fields[plan.placeParent] ?? '');
      ids.placeParent = parent === '' ? 0 : this.builder.encode('placeParent', parent.slice(0, MAX_CELL_CHARS));
    }
    ids.cityCode = plan.cityCode !== undefined ? this.text(this.cityCodeText, fields[plan.cityCode] ?? '', plan.cityCode, line, false) : 0;
    if (ids.cityCode === -1) this.rowHasError = true;
    if (plan.city === undefined && districtId <= 0 && regionId <= 0 && countryId <= 0 && plan.cityCode !== undefined && ids.cityCode > 0) {
      // Only codes: the code is the name too.
      ids.city = this.builder.encode('city', cleanText(fields[plan.cityCode] ?? ''));
    }

    // Indicator
    let indicator: Indicator | undefined;
    if (plan.indicator !== undefined) {
      const r = this.indicatorOf(fields[plan.indicator] ?? '', plan.indicator, line);
      if (r.id === -1) this.rowHasError = true;
      else {
        ids.indicator = r.id;
        indicator = r.indicator;
      }
    } else {
      const r = this.indicatorOf(plan.fixedIndicator ?? '', -1, line);
      ids.indicator = r.id === -1 ? 0 : r.id;
      indicator = r.indicator;
    }

    // Other text columns
    ids.unit = this.optionalText(this.unitText, plan.unit, fields, line);
    ids.series = this.optionalText(this.seriesText, plan.series, fields, line);
    ids.source = this.optionalText(this.sourceText, plan.source, fields, line);
    ids.note = this.optionalText(this.noteText, plan.note, fields, line);
    const dis = this.disaggregationOf(fields, line);
    if (dis === -1) this.rowHasError = true;
    ids.disaggregation = dis === -1 ? 0 : dis;

    // Year from the year column (long, Open SDG, UN tables)
    let rowYear: YearCell | undefined;
    if (plan.year !== undefined) {
      const raw = fields[plan.year] ?? '';
      rowYear = this.yearOf(raw);
      if (rowYear.kind !== 'year' || rowYear.year < 1950 || rowYear.year > this.currentYear + 1) this.reportYear(rowYear, raw, plan.year, line);
    }

    // Values: one per value source (one in long files, one per year column in wide ones)
    this.nAccepted = 0;
    for (let v = 0; v < plan.values.length; v++) {
      const src = plan.values[v];
      if (src === undefined) continue;
      const raw = fields[src.col] ?? '';
      // A cell of megabytes is no number: said at once, without running the number parser over it.
      const cell = raw.length > MAX_CELL_CHARS ? (raw.trim() === '' ? BLANK_CELL : INVALID_CELL) : parseNumberCell(raw, this.decimal);
      if (cell.kind === 'blank' || cell.kind === 'missing') continue; // missing values are normal
      const column = this.header[src.col] ?? '';
      if (cell.kind === 'invalid') {
        if (raw.length > MAX_CELL_CHARS)
          this.issues.add('cell_too_long', 'error', { row: line, column, value: raw }, { length: raw.length, limit: MAX_CELL_CHARS });
        else this.issues.add('not_a_number', 'error', { row: line, column, value: raw }, { decimal: this.decimal });
        this.rowHasError = true;
        continue;
      }
      const twin = this.valueTwinOf[v] ?? -1;
      if (twin >= 0 && this.repeatedColumnValue(twin, src.col, line, raw, cell.value)) continue;
      if (cell.ambiguous) this.noteAmbiguous(line, column, raw, cell.value);
      if (cell.digitsNormalized) {
        if (this.digitsNormalized === 0) this.firstDigitsLine = line;
        this.digitsNormalized++;
      }
      // The valid range is in the registry's unit: it judges values without a unit (taken to be in it)
      // and values whose unit is recognisably the registry's. A value in another or an unrecognised
      // unit (`Total trips`, tonnes) is not judged by it; a clearly different unit is warned about.
      const unitId = src.unit !== undefined && ids.unit === 0 ? this.builder.encode('unit', src.unit) : ids.unit;
      // Judged per file and indicator, not per cell (see `judgeRanges`): here the value is only marked.
      let outOfRange = false;
      if (indicator !== undefined && (unitId === 0 || this.unitVerdict(indicator, ids.indicator, unitId, line, src.unit === undefined ? plan.unit : src.col) === 'same')) {
        const { min, max } = indicator.validRange;
        outOfRange = (min !== null && cell.value < min) || (max !== null && cell.value > max);
        const group = this.rangeGroup(ids.indicator, unitId, indicator);
        if (outOfRange) group.pending.push({ line, column, raw, value: cell.value, index: -1 });
        else group.inRange++;
      }
      const y = src.year ?? (rowYear?.kind === 'year' ? rowYear : undefined);
      if (y === undefined) continue;
      const j = this.nAccepted++;
      this.accYear[j] = y.year;
      this.accLabel[j] = y.label;
      this.accValue[j] = cell.value;
      this.accSeries[j] = src.series !== undefined ? this.builder.encode('series', src.series) : ids.series;
      this.accUnit[j] = unitId;
      this.accOut[j] = outOfRange ? ids.indicator * 2 ** 21 + unitId + 1 : 0;
      this.accSource[j] = v;
      this.accDropped[j] = 0;
      if (this.hasTwins && twin < 0) this.twinAccepted[v] = j;
    }
    // Forget this row's first values of repeated columns (only the sources that were set).
    if (this.hasTwins) for (let j = 0; j < this.nAccepted; j++) this.twinAccepted[this.accSource[j] ?? 0] = -1;

    if (this.rowHasError) {
      this.rowsRejected++;
      // Values of a rejected row are not observations: they neither count nor get judged.
      for (let j = 0; j < this.nAccepted; j++) {
        const key = this.accOut[j] ?? 0;
        if (key > 0) this.ranges.get(key - 1)?.pending.pop();
      }
      return;
    }
    const series = ids.series;
    const unit = ids.unit;
    for (let j = 0; j < this.nAccepted; j++) {
      if (this.accDropped[j]) {
        const key = this.accOut[j] ?? 0;
        const pending = key > 0 ? this.ranges.get(key - 1)?.pending : undefined;
        const column = this.header[plan.values[this.accSource[j] ?? 0]?.col ?? 0] ?? '';
        const at = pending?.findIndex((p) => p.index === -1 && p.line === line && p.column === column) ?? -1;
        if (pending !== undefined && at >= 0) pending.splice(at, 1);
        continue;
      }
      const label = this.accLabel[j] ?? '';
      ids.period = label === '' ? 0 : this.builder.encode('period', label);
      ids.series = this.accSeries[j] ?? 0;
      ids.unit = this.accUnit[j] ?? 0;
      const key = this.accOut[j] ?? 0;
      if (key > 0) {
        const pending = this.ranges.get(key - 1)?.pending;
        const last = pending?.[pending.length - 1];
        if (last !== undefined && last.index === -1) last.index = this.builder.length;
      }
      this.builder.pushEncoded(ids, this.accYear[j] ?? 0, this.accValue[j] ?? 0, line);
    }
    ids.series = series;
    ids.unit = unit;
  }

  /**
   * A value of a repeated year column (`twin`: the value source of the first column with its header):
   * true when it is not an observation of its own. The same value as the first column's is a copy
   * (dropped, with a warning); a different one is a conflict: neither is imported.
   */
  private repeatedColumnValue(twin: number, col: number, line: number, raw: string, value: number): boolean {
    const j = this.twinAccepted[twin] ?? -1;
    if (j < 0) return false;
    const first = this.rowPlan?.values[twin];
    const firstValue = this.accValue[j] ?? 0;
    const params = {
      firstRow: line,
      firstColumn: (first?.col ?? 0) + 1,
      previousValue: firstValue,
      year: this.accYear[j] ?? 0,
    };
    const at = { row: line, column: this.originalHeader(col), value: raw };
    if (Object.is(firstValue, value)) this.issues.add('duplicate_observation', 'warning', at, params);
    else {
      this.issues.add('conflicting_duplicate', 'error', at, params);
      this.accDropped[j] = 1;
    }
    return true;
  }

  /** The header cell as the file wrote it (repeated headers are shown numbered elsewhere: `2016 (2)`). */
  private originalHeader(col: number): string {
    const first = this.headerTwinOf[col] ?? -1;
    return first < 0 ? (this.header[col] ?? '') : (this.header[first] ?? '');
  }

  private reportYear(y: YearCell, raw: string, col: number, line: number): void {
    const column = this.header[col] ?? '';
    if (y.kind === 'blank') {
      this.issues.add('invalid_year', 'error', { row: line, column, value: raw }, { reason: 'blank' });
      this.rowHasError = true;
    } else if (y.kind === 'invalid') {
      this.issues.add('invalid_year', 'error', { row: line, column, value: raw }, {});
      this.rowHasError = true;
    } else this.issues.add('year_out_of_range', 'warning', { row: line, column, value: raw }, { min: 1950, max: this.currentYear + 1 });
  }

  /**
   * Whether a row's unit is recognisably the registry's unit for the indicator ('same'), clearly
   * another ('other': warned once per indicator and unit), or not recognised ('unknown').
   */
  private unitVerdict(indicator: Indicator, indicatorId: number, unitId: number, line: number, col: number | undefined): UnitVerdict {
    const key = indicatorId * 2 ** 21 + unitId;
    const known = this.unitVerdicts.get(key);
    if (known !== undefined) return known;
    const unitText = this.builder.dictValue('unit', unitId);
    const kind = classifyUnit(unitText);
    const expected = indicator.unitKind;
    const verdict: UnitVerdict =
      kind === undefined
        ? 'unknown'
        : kind === expected ||
            (kind === 'rate' && (expected === 'rate_per_100k' || expected === 'rate_per_1000')) ||
            (kind === 'count' && (expected === 'count' || expected === 'binary'))
          ? 'same'
          : 'other';
    this.unitVerdicts.set(key, verdict);
    if (verdict === 'other')
      this.issues.add('unit_mismatch', 'warning', { row: line, column: col === undefined ? null : (this.header[col] ?? null), value: unitText }, {
        indicator: indicator.code,
        expectedUnit: indicator.unit.en,
        found: unitText,
      });
    return verdict;
  }

  /**
   * `1.234` with a point decimal could be 1234 written with a point as grouping separator. Only worth
   * a warning when neither the user nor the file's other cells settled which separator is the decimal.
   */
  private noteAmbiguous(line: number, column: string, raw: string, value: number): void {
    if (this.decimalSettled) return;
    this.issues.add('ambiguous_decimal', 'warning', { row: line, column, value: raw }, { decimal: this.decimal, parsed: value });
  }

  finish(): ObservationTable {
    if (this.digitsNormalized > 0)
      this.issues.add('digits_normalized', 'info', { row: this.firstDigitsLine }, { count: this.digitsNormalized });
    const notStated = this.ranges.size > 0 ? this.builder.encode('unit', UNIT_NOT_STATED) : 0;
    const table = this.judgeRanges(this.builder.finish(), notStated);
    return removeDuplicates(table, this.issues, this.header, this.rowPlan);
  }

  /** Values of one indicator in one unit (or none) that the registry's valid range judges. */
  private readonly ranges = new Map<number, RangeGroup>();
  private rangeGroup(indicatorId: number, unitId: number, indicator: Indicator): RangeGroup {
    const key = indicatorId * 2 ** 21 + unitId;
    let g = this.ranges.get(key);
    if (g === undefined) this.ranges.set(key, (g = { indicator, unitId, inRange: 0, pending: [] }));
    return g;
  }

  /**
   * The registry's valid range, judged per file and indicator. When the file states no unit and most
   * values cannot be in the registry's unit (tonnes, counts of jobs under a percentage), the data is not
   * that definition: all of its values are kept as their own series, "unit not stated", with one
   * warning. A few impossible values among plausible ones, or in a stated registry unit, are errors
   * (typos): those observations are not imported and their rows count as rejected.
   */
  private judgeRanges(table: ObservationTable, notStated: number): ObservationTable {
    const drop = new Uint8Array(table.length);
    let dropped = false;
    const rejectedLines = new Set<number>();
    for (const g of this.ranges.values()) {
      const all = g.pending.filter((p) => p.index >= 0);
      if (all.length === 0) continue;
      const { min, max } = g.indicator.validRange;
      // Just past a bound (within 5 % of the range: −0.1 % from rounding in the source, a completion rate
      // of 102 %) is a real number the source published, not a typo: kept, with one warning.
      const tol = min !== null && max !== null ? (max - min) * NEAR_RANGE_SHARE : 0;
      const isNear = (v: number) => tol > 0 && ((min !== null && v < min && v >= min - tol) || (max !== null && v > max && v <= max + tol));
      const near = all.filter((o) => isNear(o.value));
      const outs = all.filter((o) => !isNear(o.value));
      if (near.length > 0) {
        this.issues.add('value_near_range', 'warning', { row: near[0]?.line ?? null, column: near[0]?.column ?? null }, {
          indicator: g.indicator.code,
          count: near.length,
          low: Math.min(...near.map((o) => o.value)),
          high: Math.max(...near.map((o) => o.value)),
          min: min ?? '−∞',
          max: max ?? '∞',
          unit: g.indicator.unit.en,
        });
      }
      if (outs.length === 0) continue;
      // Two impossible values at least, and more than the plausible ones: a single one is a typo.
      if (g.unitId === 0 && outs.length >= 2 && outs.length > g.inRange + near.length) {
        const indicatorId = this.builder.encode('indicator', g.indicator.code);
        for (let i = 0; i < table.length; i++) if (table.indicator[i] === indicatorId && table.unit[i] === 0) (table.unit as Uint32Array)[i] = notStated;
        let lo = Infinity;
        let hi = -Infinity;
        for (const o of outs) {
          lo = Math.min(lo, o.value);
          hi = Math.max(hi, o.value);
        }
        this.issues.add('unit_not_stated', 'warning', { row: outs[0]?.line ?? null }, {
          indicator: g.indicator.code,
          count: outs.length,
          total: outs.length + g.inRange,
          low: lo,
          high: hi,
          min: min ?? '−∞',
          max: max ?? '∞',
          unit: g.indicator.unit.en,
        });
        continue;
      }
      for (const o of outs) {
        this.issues.add('value_out_of_range', 'error', { row: o.line, column: o.column, value: o.raw }, {
          indicator: g.indicator.code,
          min: min ?? '−∞',
          max: max ?? '∞',
          unit: g.indicator.unit.en,
        });
        drop[o.index] = 1;
        dropped = true;
        rejectedLines.add(o.line);
      }
    }
    this.rowsRejected += rejectedLines.size;
    return dropped ? filterTable(table, drop) : table;
  }
}


/** How far past a bound of the valid range (as a share of the range) a value is still read as the source's own number. */
const NEAR_RANGE_SHARE = 0.05;

/**
 * Same (city, indicator, series, unit, disaggregation, period) twice: an identical value is a warning
 * and the copy is dropped; different values are a conflict, an error, and neither row is imported.
 * The period is the year with its label, so `2024 Q1` and `2024 Q2` are different observations.
 */
