import { digitValue, cleanText } from './normalize-cell';

/** Years and periods as files write them (`2019`, `2017-18`, `2010/11`); the label is kept, the year is the start. */
// ---------------------------------------------------------------------------------------------
// Years
// ---------------------------------------------------------------------------------------------

export type YearCell = { kind: 'year'; year: number; label: string } | { kind: 'blank' } | { kind: 'invalid' };

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const YEAR_BLANK: YearCell = Object.freeze({ kind: 'blank' });
const YEAR_INVALID: YearCell = Object.freeze({ kind: 'invalid' });
/** Shared frozen results for plain years: the fast path allocates nothing. */
const PLAIN_YEARS: readonly YearCell[] = Array.from({ length: MAX_YEAR - MIN_YEAR + 1 }, (_, k) =>
  Object.freeze({ kind: 'year' as const, year: MIN_YEAR + k, label: '' }),
);

function plainYear(y: number): YearCell {
  return y >= MIN_YEAR && y <= MAX_YEAR ? (PLAIN_YEARS[y - MIN_YEAR] ?? YEAR_INVALID) : YEAR_INVALID;
}

/** Dashes accepted between the years of a period: - – — ‐ ‑ and the slash. */
function isPeriodSeparator(c: number): boolean {
  return c === 0x2d || c === 0x2f || c === 0x2013 || c === 0x2014 || c === 0x2010 || c === 0x2011;
}

/**
 * Parses a year cell. The year must be 1900–2100.
 * - `2019`, ` 2019 `, `"2019"`, `٢٠١٩`, `2019.0` / `2019.00` (Excel float) → 2019, label '';
 * - periods → the start year, label = the cleaned text with ASCII digits: `2017-18`, `2017/18`,
 *   `2017–18`, `2010/11`, `2013/16`, `1999-00`, `2011-2021`, `1990 - 1999` (end ≥ start, ≤ 2100);
 * - sub-annual periods `2024 Q1`, `2024-Q1`, `Q1 2024`, `2024-S1`, `2024 H2`, `2024-M01`, `2024-W05`;
 * - dates `2019-12-31`, `2019-12`, `31/12/2019`, `31.12.2019` → their year, label kept;
 * - fiscal years `FY2019`, `FY 2019/20` → 2019, label kept.
 * Anything else (`19`, `abcd`, `3000`, `2019.5`, `2019-2017`) is invalid; empty → blank.
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

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}

/** Number made of the ASCII digits s[from, to), or -1 when any is not a digit or the range is empty. */
function digitsAt(s: string, from: number, to: number): number {
  if (to <= from || to > s.length) return -1;
  let v = 0;
  for (let i = from; i < to; i++) {
    if (!isDigitAt(s, i)) return -1;
    v = v * 10 + s.charCodeAt(i) - 0x30;
  }
  return v;
}

function runOfDigits(s: string, from: number): number {
  let i = from;
  while (i < s.length && isDigitAt(s, i)) i++;
  return i - from;
}

function labelled(year: number, label: string): YearCell {
  return year >= MIN_YEAR && year <= MAX_YEAR ? { kind: 'year', year, label } : YEAR_INVALID;
}

/** `2016/18 (baseline)`: a year followed by a remark in parentheses. */
const TRAILING_REMARK = /^(\d.*?)\s*\([^()]*\)$/;
/** `1980 to 1990`, `2010 à 2015`, `2010 a 2015`, `2010 al 2015`, `2010 إلى 2015`: a range in words. */
const RANGE_WORD = /^(\d{4})\s+(?:to|à|au|a|al|hasta|until|إلى|الى|حتى)\s+(\d{2}|\d{4})$/i;

function parseYearSlow(raw: string): YearCell {
  const cleaned = unquote(cleanText(raw));
  if (cleaned === '') return YEAR_BLANK;
  const ascii = asciiDigits(cleaned);
  // Remarks and range words are read through, the label keeps the text as written.
  const remark = TRAILING_REMARK.exec(ascii);
  const bare = remark?.[1] ?? ascii;
  const range = RANGE_WORD.exec(bare);
  if (remark || range) {
    const inner = parsePeriod(range ? `${range[1]}-${range[2]}` : bare);
    return inner.kind === 'year' ? labelled(inner.year, ascii) : inner;
  }
  return parsePeriod(ascii);
}

function parsePeriod(s: string): YearCell {
  const n = s.length;

  // FY2019, FY 2019/20: strip the prefix, keep the whole text as label.
  if (n > 2 && (s.charCodeAt(0) | 0x20) === 0x66 && (s.charCodeAt(1) | 0x20) === 0x79) {
    const rest = parseYearSlow(s.slice(2));
    return rest.kind === 'year' ? labelled(rest.year, s) : YEAR_INVALID;
  }
  // Q1 2024, S2 2024, H1 2024
  if (n >= 7 && isSubAnnualLetter(s.charCodeAt(0)) && isDigitAt(s, 1)) {
    const len = runOfDigits(s, 1);
    let j = 1 + len;
    while (j < n && (s.charCodeAt(j) === 0x20 || s.charCodeAt(j) === 0x2d)) j++;
    const y = n - j === 4 ? digitsAt(s, j, n) : -1;
    return y >= 0 && subAnnualOk(s.charCodeAt(0), digitsAt(s, 1, 1 + len), len) ? labelled(y, s) : YEAR_INVALID;
  }
  // dd/mm/yyyy, dd.mm.yyyy, dd-mm-yyyy
  const lead = runOfDigits(s, 0);
  if (lead >= 1 && lead <= 2) {
    const m = n === lead + 1 + 2 + 1 + 4 || n === lead + 1 + 1 + 1 + 4 ? n - 5 : -1;
    const sep = s.charCodeAt(lead);
    if (m > lead + 1 && (sep === 0x2f || sep === 0x2e || sep === 0x2d) && s.charCodeAt(m) === sep) {
      const day = digitsAt(s, 0, lead);
      const month = digitsAt(s, lead + 1, m);
      const y = digitsAt(s, m + 1, n);
      if (day >= 1 && day <= 31 && month >= 1 && month <= 12 && y >= 0) return labelled(y, s);
    }
    return YEAR_INVALID;
  }
  if (lead !== 4) return YEAR_INVALID;
  const start = digitsAt(s, 0, 4);
  if (n === 4) return plainYear(start);

  // 2019.0 (a year read as a float by Excel or pandas)
  if (s.charCodeAt(4) === 0x2e) {
    if (n === 5) return YEAR_INVALID;
    for (let i = 5; i < n; i++) if (s.charCodeAt(i) !== 0x30) return YEAR_INVALID;
    return plainYear(start);
  }

  // After the year: optional spaces, then a separator/sub-annual part.
  let j = 4;
  while (j < n && s.charCodeAt(j) === 0x20) j++;
  const sepCode = s.charCodeAt(j);
  let k = j;
  if (isPeriodSeparator(sepCode)) {
    k = j + 1;
    while (k < n && s.charCodeAt(k) === 0x20) k++;
  }
  if (k >= n) return YEAR_INVALID;
  // 2024 Q1, 2024-Q1, 2024Q1, 2024-M01, 2024-W05, 2024 H2, 2024-S1
  if (isSubAnnualLetter(s.charCodeAt(k))) {
    const len = runOfDigits(s, k + 1);
    return k + 1 + len === n && subAnnualOk(s.charCodeAt(k), digitsAt(s, k + 1, n), len) ? labelled(start, s) : YEAR_INVALID;
  }
  if (!isPeriodSeparator(sepCode)) return YEAR_INVALID;
  const endLen = runOfDigits(s, k);
  if (k + endLen !== n) {
    // 2019-12-31 (ISO date)
    const month = digitsAt(s, k, k + 2);
    if (endLen === 2 && n === k + 5 && s.charCodeAt(k + 2) === sepCode && month >= 1 && month <= 12) {
      const day = digitsAt(s, k + 3, n);
      return day >= 1 && day <= 31 ? labelled(start, s) : YEAR_INVALID;
    }
    return YEAR_INVALID;
  }
  const endDigits = digitsAt(s, k, n);
  if (endLen === 4) return endDigits >= start && endDigits <= MAX_YEAR ? labelled(start, s) : YEAR_INVALID;
  // 2017-18, 1999-00, 2013/16, and 2019-05 (ISO year-month): the start year either way.
  if (endLen === 2) return labelled(start, s);
  return YEAR_INVALID;
}

/** Q (quarter), S / H (semester, half), M (month), W (week), any case. */
function isSubAnnualLetter(c: number): boolean {
  const l = c | 0x20;
  return l === 0x71 || l === 0x73 || l === 0x68 || l === 0x6d || l === 0x77;
}

/** The number after a sub-annual letter is in range: Q1–4, S/H1–2, M1–12, W1–53 (one or two digits). */
function subAnnualOk(letter: number, value: number, digits: number): boolean {
  if (digits < 1 || digits > 2 || value < 1) return false;
  const l = letter | 0x20;
  const max = l === 0x71 ? 4 : l === 0x6d ? 12 : l === 0x77 ? 53 : 2;
  return value <= max;
}
