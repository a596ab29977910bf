import { digitValue, cleanText } from './normalize-cell';
import { MAX_YEAR, MIN_YEAR, type Period, type PeriodGranularity, readPeriod } from './parse-period';

/** Years and periods as files write them (`2019`, `2017-18`, `Jan 1993`); the label is kept, the year is the start. */
// ---------------------------------------------------------------------------------------------
// Years
// ---------------------------------------------------------------------------------------------

export type YearCell = { kind: 'year'; year: number; label: string } | { kind: 'blank' } | { kind: 'invalid' };

export { MAX_YEAR, MIN_YEAR, type Period, type PeriodGranularity } from './parse-period';

const YEAR_BLANK: YearCell = Object.freeze({ kind: 'blank' });
const YEAR_INVALID: YearCell = Object.freeze({ kind: 'invalid' });
/** Shared frozen results for plain years: the fast path allocates nothing. */
const PLAIN_YEARS: readonly YearCell[] = Array.from({ length: MAX_YEAR - MIN_YEAR + 1 }, (_, k) =>
  Object.freeze({ kind: 'year' as const, year: MIN_YEAR + k, label: '' }),
);

function plainYear(y: number): YearCell {
  return y >= MIN_YEAR && y <= MAX_YEAR ? (PLAIN_YEARS[y - MIN_YEAR] ?? YEAR_INVALID) : YEAR_INVALID;
}

/**
 * Parses a year cell: the year of the observation, and the label kept as written when the cell is more
 * than a plain year. The year must be 1900–2100.
 * - `2019`, ` 2019 `, `"2019"`, `٢٠١٩`, `2019.0` / `2019.00` (Excel float) → 2019, label '';
 * - every period {@link readPeriod} reads → its start year, label = the cleaned text with ASCII digits:
 *   `2017-18`, `2020/21 [Note 5]`, `FY2020/21`, `2015/16 to 2017/18`, `2011-2021`, `1980 to 1990`,
 *   `2024 Q1`, `Q1 2024`, `1993 01`, `1993-01`, `Jan 1993`, `janvier 1993`, `enero 1993`, `أيار 1993`,
 *   `1993M01`, `2019-12-31`, `31/12/2019`, `17 May to 11 June 2023`, `2016/18 (baseline)`…
 * Anything else (`19`, `abcd`, `3000`, `2019.5`, `2019-2017`, `FY19`) is invalid; empty → blank.
 * Linear time on any input, no recursion (see parse-period.ts); plain years take a fast path that
 * allocates nothing.
 */
export function parseYearCell(raw: string): YearCell {
  if (raw.length === 4) {
    const a = raw.charCodeAt(0) - 0x30;
    const b = raw.charCodeAt(1) - 0x30;
    const c = raw.charCodeAt(2) - 0x30;
    const d = raw.charCodeAt(3) - 0x30;
    if (a >= 0 && a <= 9 && b >= 0 && b <= 9 && c >= 0 && c <= 9 && d >= 0 && d <= 9) return plainYear(a * 1000 + b * 100 + c * 10 + d);
  }
  return parseYearSlow(raw);
}

/** Strips one pair of surrounding quotes (straight or curly) and whitespace inside them. */
function unquote(s: string): string {
  const n = s.length;
  if (n < 2) return s;
  const a = s.charCodeAt(0);
  const z = s.charCodeAt(n - 1);
  const pair = (a === 0x22 && z === 0x22) || (a === 0x27 && z === 0x27) || (a === 0x201c && z === 0x201d) || (a === 0x2018 && z === 0x2019);
  return pair ? cleanText(s.slice(1, n - 1)) : s;
}

/** Replaces Arabic-Indic / Persian digits with ASCII ones. */
function asciiDigits(s: string): string {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) < 0x0660) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const d = digitValue(c);
    out += d >= 0 ? String.fromCharCode(0x30 + d) : (s[i] ?? '');
  }
  return out;
}

/** No period label is this long (`1 April 2022 to 31 March 2023 (provisional) [Note 5]` is 52 characters). */
const MAX_LABEL_CHARS = 200;

/** The cell as a label: cleaned, unquoted, with ASCII digits; undefined when too long to be a period. */
function labelOf(raw: string): string | undefined {
  const s = unquote(cleanText(raw));
  return s.length > MAX_LABEL_CHARS ? undefined : asciiDigits(s);
}

/** The year of `2019`, `2019.0`, `2019.00` (a year read as a float by Excel or pandas), or -1. */
function plainYearOf(s: string): number {
  const n = s.length;
  if (n < 4 || (n > 4 && (n === 5 || s.charCodeAt(4) !== 0x2e))) return -1;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return -1;
    y = y * 10 + c - 0x30;
  }
  for (let i = 5; i < n; i++) if (s.charCodeAt(i) !== 0x30) return -1;
  return y;
}

function parseYearSlow(raw: string): YearCell {
  const label = labelOf(raw);
  if (label === undefined) return YEAR_INVALID;
  if (label === '') return YEAR_BLANK;
  const y = plainYearOf(label);
  if (y >= 0) return plainYear(y);
  const p = readPeriod(label);
  return p === undefined ? YEAR_INVALID : { kind: 'year', year: p.year, label };
}

/**
 * What a year cell or period label says of its period (granularity, start and end year, start month…),
 * read as {@link parseYearCell} reads it; undefined when it is no period (blank, invalid). A plain year
 * (`2019`) is a `year`.
 */
export function describePeriod(raw: string): Period | undefined {
  const label = labelOf(raw);
  if (label === undefined || label === '') return undefined;
  const y = plainYearOf(label);
  if (y >= 0) return y >= MIN_YEAR && y <= MAX_YEAR ? { granularity: 'year', year: y, endYear: y } : undefined;
  return readPeriod(label);
}

/**
 * The granularity of a period label, so views can place sub-annual series on a time axis: `year`,
 * `fiscal_year`, `range`, `half`, `quarter`, `month`, `week`, `day` or `span` (see {@link PeriodGranularity}).
 * The table stores plain years with the label '': that is a `year`. Undefined when the label is no period.
 */
export function periodGranularity(label: string): PeriodGranularity | undefined {
  return label === '' ? 'year' : describePeriod(label)?.granularity;
}
