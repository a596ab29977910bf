import { normalizeIndicatorCode } from '@/domain/registry';
import { type HeaderRole, headerKey, isYearHeader, matchHeaderRole } from './header-aliases';
import type { ColumnMapping, Delimiter, Layout } from './types';
import { CANONICAL_LONG_COLUMNS, PLACE_COLUMNS } from './write-csv';

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

/**
 * Picks the delimiter whose count per line is the most consistent over the first lines
 * (quoted text removed first). Returns undefined when no candidate occurs at all.
 */
export function detectDelimiter(text: string): Delimiter | undefined {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < 60 && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.trim() !== '') lines.push(line.replace(/"[^"]*"/g, '""'));
    start = end + 1;
  }
  let best: { d: Delimiter; score: number } | undefined;
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => l.split(d).length - 1);
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    if (freq.size === 0) continue;
    let modeCount = 0;
    let mode = 0;
    for (const [c, f] of freq) if (f > modeCount || (f === modeCount && c > mode)) [mode, modeCount] = [c, f];
    // Consistency first (share of lines with the modal count), then more columns.
    const score = modeCount / lines.length + Math.min(mode, 50) / 1000;
    if (best === undefined || score > best.score + 1e-9) best = { d, score };
  }
  return best?.d;
}

/**
 * How the lines of the file end: `\r\n`, `\n` or `\r` when every line break outside quoted cells is the
 * same, `mixed` when they differ (lines pasted from another file, a file edited with two tools). Line
 * breaks inside quoted cells do not count: Excel writes CRLF rows with LF inside multi-line cells, and
 * PapaParse reads those with `\r\n`. Looking at the first line break only would make PapaParse merge
 * every line that ends otherwise into its neighbour (`ragged_row`).
 * Cost: indexOf from one CR, LF or quote to the next (a file without CR: one scan, no CR found).
 */
export function detectNewline(text: string): '\r\n' | '\n' | '\r' | 'mixed' {
  let cr = text.indexOf('\r');
  if (cr === -1) return '\n';
  // Fast path, no quote to follow: every CR starts a CRLF and there is no other LF (or no LF at all).
  let crs = 0;
  let pairs = 0;
  for (let at = cr; at !== -1; at = text.indexOf('\r', at + 1)) {
    crs++;
    if (text.charCodeAt(at + 1) === 0x0a) pairs++;
  }
  let lf = text.indexOf('\n');
  if (lf === -1) return '\r';
  if (pairs === crs) {
    let lfs = 0;
    for (let at = lf; at !== -1 && lfs <= crs; at = text.indexOf('\n', at + 1)) lfs++;
    if (lfs === crs) return '\r\n';
  }
  let quote = text.indexOf('"');
  let quoted = false;
  let kinds = 0; // bit 1: CRLF, 2: LF, 4: CR, outside quoted cells
  while (cr !== -1 || lf !== -1) {
    const at = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
    // Quotes before this break: an odd number of them opens a quoted cell (an escaped "" opens and closes).
    while (quote !== -1 && quote < at) {
      quoted = !quoted;
      quote = text.indexOf('"', quote + 1);
    }
    let kind: number;
    if (at === cr) {
      kind = lf === cr + 1 ? 1 : 4;
      cr = text.indexOf('\r', cr + 1);
      if (kind === 1) lf = text.indexOf('\n', lf + 1);
    } else {
      kind = 2;
      lf = text.indexOf('\n', lf + 1);
    }
    if (quoted) continue;
    kinds |= kind;
    if (kinds !== kind) return 'mixed';
  }
  return kinds === 1 ? '\r\n' : kinds === 4 ? '\r' : '\n';
}

/**
 * The text to give PapaParse and its newline. A file whose lines end in different ways ({@link detectNewline})
 * has every CRLF and lone CR turned into LF, inside quoted cells too (their line breaks become LF; the rest of
 * their text is unchanged): one pass and one copy, for mixed files only. A lone CR that ends the file (an
 * editor's last keystroke) is dropped without a copy. Consistent files are returned as they are.
 */
export function normalizeNewlines(text: string): { text: string; newline: '\r\n' | '\n' | '\r' } {
  const n = text.length;
  const trimmed = n > 0 && text.charCodeAt(n - 1) === 0x0d ? text.slice(0, n - 1) : text;
  const style = detectNewline(trimmed);
  if (style !== 'mixed') return { text: trimmed, newline: style };
  return { text: trimmed.replace(/\r\n?/g, '\n'), newline: '\n' };
}

/** One column that yields values: a value column, or a measure/year column of a wide table. */
export type ValueSource = {
  col: number;
  /** Year taken from the header (wide tables); otherwise from the year column. */
  year?: { year: number; label: string };
  /** Series label taken from the header (UN-Habitat measures, wide measure columns). */
  series?: string;
  /** Unit taken from the header, e.g. "(%)" or "(m2/person)". */
  unit?: string;
};

/** How each data row becomes observations. Column numbers index the header. */
export type RowPlan = {
  layout: Layout;
  city?: number;
  /** Further city-level columns (Local Authority, then Welsh Unitary Authority…): a row's city is the first non-blank. */
  cityAlternates?: number[];
  /** Code of the row's place (GeoCode codes the narrowest geography of the row). */
  cityCode?: number;
  /** Marsad's canonical CSV: the place's kind and its parent, as written by `normalize` (see PLACE_COLUMNS). */
  placeKind?: number;
  placeParent?: number;
  /** A district of the city (Ward, District, الحي…): rows with a blank district are the city itself. */
  district?: number;
  region?: number;
  country?: number;
  indicator?: number;
  year?: number;
  unit?: number;
  series?: number;
  source?: number;
  note?: number;
  disaggregations: number[];
  ignored: number[];
  values: ValueSource[];
  /** Indicator for every row (Open SDG file name, or the user's choice). */
  fixedIndicator?: string;
  /** Problem found while planning: what is missing. */
  missing: Array<'city' | 'indicator' | 'year' | 'value'>;
};

/**
 * Columns that describe context, not data: left out by default in every layout
 * (users can map them as disaggregations). Compared lower-cased without spaces or punctuation.
 */
const CONTEXT_COLUMNS = new Set(
  [
    'countrycode', 'countryorterritoryname', 'countryorterritorycode', 'iso3', 'iso',
    'subregion', 'sdgregion', 'sdgsubregion', 'continent', 'goal', 'target', 'sdggoal', 'sdgtarget',
    'seriesdescription', 'timedetail', 'timecoverage', 'upperbound', 'lowerbound', 'basePeriod', 'geoinfourl',
    'nature', 'reportingtype', 'observationstatus', 'unitmultiplier', 'unitmeasure', 'commentts', 'datalastupdate',
    'latitude', 'longitude', 'lat', 'lon', 'lng', 'progress',
  ].map((s) => s.toLowerCase()),
);

/** Open SDG's default non-disaggregation columns and observation attributes (sdg-build open_sdg.py). */
const OPEN_SDG_ATTRIBUTES = new Set(['observationstatus', 'unitmultiplier', 'commentts', 'datalastupdate', 'progress']);
const OPEN_SDG_PLACE_COLUMNS = new Set(['city', 'geography', 'localauthority', 'geoareaname', 'municipality']);

type FixedRole = 'city' | 'cityCode' | 'district' | 'region' | 'country' | 'indicator' | 'year' | 'unit' | 'series' | 'source' | 'note';
const LAYOUT_COLUMNS: Partial<Record<Layout, ReadonlyArray<readonly [string, FixedRole]>>> = {
  unsd: [
    ['geoareaname', 'city'], ['geoareacode', 'cityCode'], ['indicator', 'indicator'], ['timeperiod', 'year'],
    ['seriescode', 'series'], ['units', 'unit'], ['source', 'source'], ['footnote', 'note'],
  ],
  unhabitat: [
    ['cityname', 'city'], ['citycode', 'cityCode'], ['sdgindicator', 'indicator'], ['datareferenceyear', 'year'],
    ['dataunits', 'unit'], ['datasource', 'source'],
  ],
};


/** Whether a header starts with the columns of Marsad's canonical long CSV (see `normalize`). */
export function isCanonicalHeader(header: readonly string[]): boolean {
  return CANONICAL_LONG_COLUMNS.every((c, i) => header[i] !== undefined && headerKey(header[i]) === headerKey(c));
}

export function isContextColumn(h: string): boolean {
  return CONTEXT_COLUMNS.has(headerKey(h));
}

/** `[Sex]` (UN SDG database) → `Sex`. */
function unbracket(h: string): string {
  const m = /^\[(.+)\]$/.exec(h.trim());
  return m?.[1] ?? h;
}

// `archived-<id>.csv`: an Open SDG repository's data of an indicator it no longer reports.
const OPEN_SDG_FILE = /(?:^|[\\/])(?:indicator_|archived-)([A-Za-z0-9]{1,20}(?:-[A-Za-z0-9]{1,20}){0,7})\.(?:csv|tsv|txt)$/i;

/**
 * An indicator code given for a whole file (its name, the user's choice): an SDG code normalised
 * (`11-6-2` → `11.6.2`), or a national/local id kept as it is (`OCECA-1-2-1-1A`, `4.1`) — never read
 * as the SDG code that happens to appear inside it.
 */
export function fixedIndicatorCode(raw: string): string {
  const s = raw.trim();
  if (/^[A-Za-z][A-Za-z0-9]*-/.test(s) && !/^(?:sdg|ods|odd)[-_ ]/i.test(s)) return s;
  return normalizeIndicatorCode(s) ?? s;
}

/**
 * The indicator of an Open SDG data file, from its name: `indicator_11-6-2.csv` → `11.6.2`,
 * `indicator_11-1-1-a.csv` → `11.1.1.a`; ids that are not three-part SDG codes are national or local
 * indicators and keep their id with dots (`indicator_4-1.csv` → `4.1`, `indicator_15-1-E1.csv` →
 * `15.1.E1`, `indicator_OCECA-1-2-1-1A.csv` → `OCECA-1-2-1-1A`).
 */
export function indicatorFromFileName(name: string): string | undefined {
  const m = OPEN_SDG_FILE.exec(name);
  const id = m?.[1];
  if (id === undefined) return undefined;
  // Only a whole SDG id is an SDG code: `OCECA-1-2-1-1A` holds `1-2-1` but is another framework's indicator.
  if (/^\d{1,2}-(?:\d{1,2}|[a-z])-\d{1,2}(?:-[a-z0-9]{1,3})?$/i.test(id)) return normalizeIndicatorCode(id);
  return /^[A-Za-z]/.test(id) ? id : id.replace(/-/g, '.');
}

/** A measure header with a year inside: "Green area per capita 2010 (m2/person)" → measure, year, unit. */
function splitYearInHeader(h: string): { measure: string; year: number; unit?: string } | undefined {
  const m = /^(.*?)\s*\b((?:19|20)\d\d)\b\s*(.*)$/.exec(h);
  if (!m) return undefined;
  const before = (m[1] ?? '').trim();
  const after = (m[3] ?? '').trim();
  if (before === '' && after === '') return undefined;
  const unitMatch = /^\((.+)\)$/.exec(after);
  const measure = `${before}${unitMatch || after === '' ? '' : ` ${after}`}`.replace(/\s+/g, ' ').trim();
  if (measure === '') return undefined;
  return { measure, year: Number(m[2]), ...(unitMatch?.[1] ? { unit: unitMatch[1] } : {}) };
}

/**
 * Decides the layout and the role of every column from the header, the file name and a sample of rows.
 * `options.mapping` overrides roles by header name; `options.layout` forces a layout.
 */
export function planRows(
  header: readonly string[],
  fileName: string,
  sample: readonly (readonly string[])[],
  options: { layout?: Layout | 'auto'; mapping?: ColumnMapping; defaultIndicator?: string },
): RowPlan {
  const roles: Array<HeaderRole | undefined> = header.map((h) => matchHeaderRole(unbracket(h)));
  const lower = header.map((h) => headerKey(h));
  const has = (k: string) => lower.indexOf(k);
  const fileIndicator = indicatorFromFileName(fileName);

  let layout: Layout;
  const forced = options.layout && options.layout !== 'auto' ? options.layout : undefined;
  const yearHeaders = header.map((h) => isYearHeader(h));
  const embedded = header.map((h, i) => (roles[i] === undefined && !isContextColumn(h) ? splitYearInHeader(h) : undefined));
  const firstRole = roles[0];
  // Marsad's own canonical long CSV (`normalize`, exports): every column after the fixed ones is a
  // disaggregation, whatever its name (an Open SDG `Country` or `GeoCode` breakdown must survive).
  const canonical = isCanonicalHeader(header);
  if (forced) layout = forced;
  else if (canonical) layout = 'long';
  else if (has('geoareaname') >= 0 && has('timeperiod') >= 0 && has('value') >= 0) layout = 'unsd';
  else if (has('sdgindicator') >= 0 && has('cityname') >= 0 && has('value') === -1) layout = 'unhabitat';
  else if (
    firstRole === 'year' &&
    roles.includes('value') &&
    headerKey(header[0] ?? '') === 'year' &&
    // An `Indicator` column in `indicator_10-5-1.csv` names sub-measures: it is a breakdown there.
    (!roles.includes('indicator') || fileIndicator !== undefined)
  )
    layout = 'opensdg';
  else if (yearHeaders.filter(Boolean).length >= 2 || embedded.filter(Boolean).length >= 2) layout = 'wide';
  else if (roles.includes('year') && roles.includes('value')) layout = 'long';
  else if (options.mapping?.value !== undefined && options.mapping.year !== undefined) layout = 'long';
  else layout = 'unknown';

  const plan: RowPlan = { layout, disaggregations: [], ignored: [], values: [], missing: [] };
  const assigned = new Set<number>();
  const assign = (role: FixedRole, col: number) => {
    if (plan[role] === undefined && !assigned.has(col)) {
      plan[role] = col;
      assigned.add(col);
    }
  };

  // 1. Explicit mapping from the user wins.
  const m = options.mapping ?? {};
  const colOf = (name: string | undefined) => (name === undefined ? -1 : header.findIndex((h) => h === name || headerKey(h) === headerKey(name)));
  for (const role of ['city', 'cityCode', 'district', 'region', 'country', 'indicator', 'year', 'unit', 'series', 'source', 'note'] as const) {
    const c = colOf(m[role]);
    if (c >= 0) assign(role, c);
  }
  const mappedValue = colOf(m.value);
  if (mappedValue >= 0) {
    plan.values.push({ col: mappedValue });
    assigned.add(mappedValue);
  }
  for (const name of m.ignore ?? []) {
    const c = colOf(name);
    if (c >= 0 && !assigned.has(c)) {
      plan.ignored.push(c);
      assigned.add(c);
    }
  }
  for (const name of m.disaggregations ?? []) {
    const c = colOf(name);
    if (c >= 0 && !assigned.has(c)) {
      plan.disaggregations.push(c);
      assigned.add(c);
    }
  }

  // 2. Layout-specific columns (header key → role), for the two layouts whose names are fixed.
  for (const [k, role] of LAYOUT_COLUMNS[layout] ?? []) {
    const c = has(k);
    if (c >= 0) assign(role, c);
  }

  // 3. Roles from header names (first column of each role wins; later ones are alternates and are left out).
  roles.forEach((role, i) => {
    if (role === undefined || assigned.has(i) || (canonical && i >= CANONICAL_LONG_COLUMNS.length)) return;
    // In Open SDG files every column that is not Year, Value, Series, Units or an attribute is a
    // disaggregation; a `Source` column there splits series (Canada 13.2.2), it does not cite them.
    if (layout === 'opensdg' && (role === 'source' || role === 'note' || role === 'indicator')) return;
    if (role === 'value') {
      if (plan.values.length === 0 && (layout !== 'unhabitat' && layout !== 'wide')) {
        plan.values.push({ col: i });
        assigned.add(i);
      }
      return;
    }
    if (plan[role] === undefined) assign(role, i);
    else if (role === 'city') {
      (plan.cityAlternates ??= []).push(i);
      assigned.add(i);
    } else {
      plan.ignored.push(i);
      assigned.add(i);
    }
  });
  if (layout === 'opensdg') {
    // Open SDG: a name column (`City`, `Geography`, `Ward`, `Local Authority`) makes values a city's and
    // GeoCode is then its code. GeoCode alone stays a disaggregation, so no two rows ever collapse.
    if (plan.city === undefined) {
      const c = lower.findIndex((k, i) => !assigned.has(i) && OPEN_SDG_PLACE_COLUMNS.has(k));
      if (c >= 0) assign('city', c);
    }
    if (plan.city === undefined && plan.district === undefined && plan.region === undefined && plan.country === undefined && plan.cityCode !== undefined) {
      assigned.delete(plan.cityCode);
      plan.cityCode = undefined;
    }
    lower.forEach((k, i) => {
      if (assigned.has(i)) return;
      if (k === 'series') assign('series', i);
      else if (k === 'unitmeasure' && plan.unit === undefined) assign('unit', i);
      else if (k === 'commentobs') assign('note', i);
      else if (OPEN_SDG_ATTRIBUTES.has(k)) {
        plan.ignored.push(i);
        assigned.add(i);
      }
    });
  }

  // Marsad's canonical CSV written with places: `place_kind` and `parent` right after the fixed columns.
  if (canonical && headerKey(header[CANONICAL_LONG_COLUMNS.length] ?? '') === headerKey(PLACE_COLUMNS[0]) && headerKey(header[CANONICAL_LONG_COLUMNS.length + 1] ?? '') === headerKey(PLACE_COLUMNS[1])) {
    plan.placeKind = CANONICAL_LONG_COLUMNS.length;
    plan.placeParent = CANONICAL_LONG_COLUMNS.length + 1;
    assigned.add(plan.placeKind);
    assigned.add(plan.placeParent);
  }

  // 4. Wide and UN-Habitat tables: value columns from headers.
  if (layout === 'wide' || layout === 'unhabitat') {
    header.forEach((h, i) => {
      if (assigned.has(i)) return;
      const y = yearHeaders[i];
      const e = embedded[i];
      if (layout === 'wide' && y) plan.values.push({ col: i, year: y });
      else if (layout === 'wide' && e) plan.values.push({ col: i, year: { year: e.year, label: '' }, series: e.measure, ...(e.unit ? { unit: e.unit } : {}) });
      else if (layout === 'unhabitat' && !isContextColumn(h) && looksNumericColumn(sample, i)) {
        const unit = /\(([^)]*)\)\s*(\[[a-z]\])?\s*$/i.exec(h)?.[1];
        plan.values.push({ col: i, series: h.replace(/\s*\[[a-z]\]\s*$/i, '').trim(), ...(unit ? { unit } : {}) });
      } else return;
      assigned.add(i);
    });
  }

  // 5. Everything else: context columns are left out; in long / Open SDG / UN tables the rest are disaggregations.
  header.forEach((h, i) => {
    if (assigned.has(i)) return;
    if (h.trim() === '' || layout === 'wide' || layout === 'unhabitat' || (layout !== 'opensdg' && !canonical && isContextColumn(h))) plan.ignored.push(i);
    else plan.disaggregations.push(i);
  });

  if (plan.indicator === undefined) {
    const fixed = options.defaultIndicator ?? fileIndicator;
    if (fixed !== undefined) plan.fixedIndicator = fixedIndicatorCode(fixed);
    else plan.missing.push('indicator');
  }
  if (plan.values.length === 0) plan.missing.push('value');
  if (plan.year === undefined && !plan.values.some((v) => v.year)) plan.missing.push('year');
  return plan;
}

function looksNumericColumn(sample: readonly (readonly string[])[], col: number): boolean {
  let numeric = 0;
  let filled = 0;
  for (const row of sample) {
    const v = (row[col] ?? '').trim();
    if (v === '') continue;
    filled++;
    if (/^[-+]?[\d.,\s]+%?$/.test(v)) numeric++;
  }
  return filled > 0 && numeric / filled >= 0.8;
}

/** Plan → the column mapping reported to the user (header names). */
export function planToMapping(plan: RowPlan, header: readonly string[]): ColumnMapping {
  const name = (c: number | undefined) => (c === undefined ? undefined : header[c]);
  const mapping: ColumnMapping = {};
  for (const role of ['city', 'cityCode', 'district', 'region', 'country', 'indicator', 'year', 'unit', 'series', 'source', 'note'] as const) {
    const n = name(plan[role]);
    if (n !== undefined) mapping[role] = n;
  }
  const single = plan.values.length === 1 && !plan.values[0]?.year && !plan.values[0]?.series ? name(plan.values[0]?.col) : undefined;
  if (single !== undefined) mapping.value = single;
  mapping.disaggregations = plan.disaggregations.map((c) => header[c] ?? '');
  mapping.ignore = plan.ignored.map((c) => header[c] ?? '');
  return mapping;
}
