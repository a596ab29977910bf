import type { DecimalSeparator } from './types';

/**
 * Cell-level normalisation: text cleaning, missing markers, numbers and years.
 *
 * These run once per cell over files of a million rows, so each function starts with a fast path that
 * only scans char codes (no regex, no allocation) for the common case (`12.5`, `2019`, plain text) and
 * falls back to a careful single-pass parser. Pure: Web Worker and Node.
 */

// ---------------------------------------------------------------------------------------------
// Character classes
// ---------------------------------------------------------------------------------------------

/**
 * Invisible format characters dropped everywhere: LRM/RLM (U+200E/F), ALM (U+061C, which Intl puts
 * before Arabic-locale numbers), embeddings/overrides U+202A–U+202E, isolates U+2066–U+2069, and
 * U+FEFF (a BOM copied into a cell). ZWJ/ZWNJ are kept: they are meaningful in Arabic-script text.
 */
function isStripped(c: number): boolean {
  return c === 0x200e || c === 0x200f || c === 0x061c || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff;
}

/** Whitespace turned into one ordinary space: ASCII tab/LF/VT/FF/CR/space, NEL, NBSP, the U+2000 spaces, NNBSP (U+202F), line/paragraph separators… */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** Value of an ASCII, Arabic-Indic (U+0660–0669) or Extended Arabic-Indic/Persian (U+06F0–06F9) digit, else -1. */
function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x0660 && c <= 0x0669) return c - 0x0660;
  if (c >= 0x06f0 && c <= 0x06f9) return c - 0x06f0;
  return -1;
}

// ---------------------------------------------------------------------------------------------
// cleanText
// ---------------------------------------------------------------------------------------------

/**
 * Trims, drops bidi controls and U+FEFF ({@link isStripped}), turns every kind of whitespace (NBSP,
 * NNBSP, thin space, tab, newline…) into a space and collapses runs of whitespace into one space.
 * Returns `raw` itself when nothing needs doing (the common case; checked on char codes only).
 * Other control characters are kept: the caller decides whether they are an error.
 */
export function cleanText(raw: string): string {
  const n = raw.length;
  if (n === 0) return raw;
  let clean = true;
  let prevSpace = true; // a space at index 0 needs work
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c > 0x20 && c < 0x7f) {
      prevSpace = false;
      continue;
    }
    if (c === 0x20) {
      if (prevSpace) {
        clean = false;
        break;
      }
      prevSpace = true;
      continue;
    }
    if (isSpace(c) || isStripped(c)) {
      clean = false;
      break;
    }
    prevSpace = false;
  }
  if (clean && !prevSpace) return raw;
  return cleanSlow(raw);
}

function cleanSlow(raw: string): string {
  let out = '';
  let pendingSpace = false;
  let segStart = -1; // start of the run of kept characters being copied
  const n = raw.length;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    const space = isSpace(c);
    if (!space && !isStripped(c)) {
      if (segStart === -1) {
        if (pendingSpace && out.length > 0) out += ' ';
        pendingSpace = false;
        segStart = i;
      }
      continue;
    }
    if (segStart !== -1) {
      out += raw.slice(segStart, i);
      segStart = -1;
    }
    if (space) pendingSpace = true;
  }
  if (segStart !== -1) out += segStart === 0 ? raw : raw.slice(segStart);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Missing markers
// ---------------------------------------------------------------------------------------------

/**
 * Explicit "no data" markers, compared after {@link cleanText}; Latin ones case-insensitively.
 * - `..` `...` `…` — UN / OECD / Eurostat "not available" (Excel turns `...` into `…`);
 * - `-` `--` `–` `—` — dash for "nil / not available" in printed tables;
 * - `NA` `N/A` `N.A.` `#N/A` (Excel's NA()) `NaN` `null` `None` (pandas / R / SQL dumps);
 * - `ND` `N.D.` (non disponible / no disponible / no data), `S.O.` (sans objet), `S/D` (sin datos);
 * - Arabic: `غير متوفر(ة)`, `غير متاح(ة)`, `لا يوجد`, `لا توجد`.
 * Not markers: `0`, `x` / `X` (confidential in some statistics offices — must not pass silently as
 * missing), `?`, and empty text (that is "blank", see {@link parseNumberCell}).
 */
const MISSING_MARKERS: ReadonlySet<string> = new Set([
  '..', '...', '…', '-', '--', '–', '—',
  'na', 'n/a', 'n.a.', '#n/a', 'nan', 'null', 'none',
  'nd', 'n.d.', 's.o.', 's/d',
  'غير متوفر', 'غير متوفرة', 'غير متاح', 'غير متاحة', 'لا يوجد', 'لا توجد',
]);

/** True when already-cleaned text is an explicit missing-value marker (list: {@link MISSING_MARKERS}). */
export function isMissingMarker(s: string): boolean {
  if (s.length === 0 || s.length > 10) return false;
  return MISSING_MARKERS.has(s) || MISSING_MARKERS.has(s.toLowerCase());
}

// ---------------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------------

export type NumberCell =
  | {
      kind: 'number';
      value: number;
      /** Arabic-Indic or Persian digits were converted. */
      digitsNormalized: boolean;
      /**
       * One `,` or `.` followed by exactly three digits, after a 1–3 digit integer part not starting
       * with 0 (`1,234`, `12.500`): read with the chosen decimal separator, but it could be the other.
       */
      ambiguous: boolean;
    }
  | { kind: 'blank' }
  | { kind: 'missing' }
  | { kind: 'invalid' };

const BLANK: NumberCell = Object.freeze({ kind: 'blank' });
const MISSING: NumberCell = Object.freeze({ kind: 'missing' });
const INVALID: NumberCell = Object.freeze({ kind: 'invalid' });

/** 10^k for k ≤ 22: all exact doubles, so m / 10^k (m < 2^53) is correctly rounded (= `Number(text)`). */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * Parses a value cell with the file's decimal separator.
 *
 * Accepts: ASCII / Arabic-Indic / Persian digits; `٫` (U+066B) always decimal, `٬` (U+066C) always
 * grouping; grouping by `,` or `.` (whichever is not the decimal), space, NBSP, U+202F, thin space,
 * apostrophe or ’ (Swiss `1'234`) — Western groups of three or Indian `1,23,456`, one kind of
 * separator per cell, integer part only, first group not starting with 0; a leading `-`, U+2212 or
 * `+`; accounting negatives `(1,234)`; a trailing `%` / `٪` (the value stays as written: `45%` → 45);
 * exponents `1.5e3`; bidi marks anywhere; surrounding whitespace; `.5` and `5.`.
 *
 * Returns `blank` for empty/whitespace-only cells, `missing` for {@link isMissingMarker} markers, and
 * `invalid` for anything else (letters `12abc`, formulas `=1+2`, two decimal separators `1.2.3`,
 * misplaced grouping `1,23,4`, `Infinity`, overflow `1e400`). Never returns NaN or ±Infinity.
 */
export function parseNumberCell(raw: string, decimal: DecimalSeparator): NumberCell {
  // Fast path: optional ASCII spaces, optional '-', ASCII digits, optionally the decimal separator and
  // more digits; at most 15 digits so the accumulated integer is exact.
  const n = raw.length;
  let i = 0;
  let end = n;
  while (i < end && raw.charCodeAt(i) === 0x20) i++;
  while (end > i && raw.charCodeAt(end - 1) === 0x20) end--;
  if (i === end) return BLANK; // empty or only spaces
  const neg = raw.charCodeAt(i) === 0x2d;
  if (neg) i++;
  const sep = decimal === '.' ? 0x2e : 0x2c;
  let m = 0;
  let intDigits = 0;
  let fracDigits = -1; // -1: no separator seen
  let firstDigit = -1;
  for (; i < end; i++) {
    const c = raw.charCodeAt(i);
    const d = c - 0x30;
    if (d >= 0 && d <= 9) {
      m = m * 10 + d;
      if (fracDigits < 0) {
        if (intDigits === 0) firstDigit = d;
        intDigits++;
      } else fracDigits++;
    } else if (c === sep && fracDigits < 0) fracDigits = 0;
    else return parseSlow(raw, decimal);
  }
  if (intDigits === 0 || fracDigits === 0 || intDigits + (fracDigits < 0 ? 0 : fracDigits) > 15) return parseSlow(raw, decimal);
  let value = fracDigits > 0 ? m / (POW10[fracDigits] ?? 1) : m;
  if (neg) value = -value;
  const ambiguous = fracDigits === 3 && intDigits <= 3 && firstDigit !== 0;
  return { kind: 'number', value, digitsNormalized: false, ambiguous };
}

/** Grouping separator classes: one class per cell. */
const G_NONE = 0;
const G_COMMA = 1;
const G_DOT = 2;
const G_SPACE = 3;
const G_APOS = 4;
const G_ARABIC = 5;

function groupClassOf(c: number): number {
  if (c === 0x2c) return G_COMMA;
  if (c === 0x2e) return G_DOT;
  if (c === 0x27 || c === 0x2019) return G_APOS;
  if (c === 0x066c) return G_ARABIC;
  return isSpace(c) ? G_SPACE : G_NONE;
}

/** Index of the first character at or after `i` that is neither whitespace nor a stripped format character. */
function skipBlank(s: string, i: number): number {
  const n = s.length;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (!isSpace(c) && !isStripped(c)) break;
    i++;
  }
  return i;
}

/** Index of the first character at or after `i` that is not a stripped format character. */
function skipStripped(s: string, i: number): number {
  while (i < s.length && isStripped(s.charCodeAt(i))) i++;
  return i;
}

/**
 * The careful parser behind {@link parseNumberCell}: one pass over the raw cell, skipping bidi
 * controls wherever they are, accumulating the digits as an integer (exact up to 15 digits; longer
 * mantissas and exponents go through `Number()` on a rebuilt ASCII string). Only when the cell is not
 * a number is it cleaned and checked for blank / missing markers.
 */
function parseSlow(raw: string, decimal: DecimalSeparator): NumberCell {
  const r = parseMantissa(raw, decimal);
  if (r !== INVALID) return r;
  const s = cleanText(raw);
  if (s === '') return BLANK;
  return isMissingMarker(s) ? MISSING : INVALID;
}

function parseMantissa(s: string, decimal: DecimalSeparator): NumberCell {
  const n = s.length;
  const decimalCode = decimal === '.' ? 0x2e : 0x2c;
  let i = skipBlank(s, 0);
  let neg = false;
  let paren = false;
  let digitsNormalized = false;

  // Prefix: '(' for accounting negatives, else one sign.
  let c = s.charCodeAt(i);
  if (c === 0x28) {
    paren = true;
    neg = true;
    i = skipBlank(s, i + 1);
  } else if (c === 0x2d || c === 0x2212 || c === 0x2b) {
    neg = c !== 0x2b;
    i = skipStripped(s, i + 1);
  }

  // Mantissa: digits, the decimal separator, grouping separators.
  const start = i;
  let m = 0; // the digits as an integer (exact while digits ≤ 15)
  let digits = 0;
  let intDigits = 0;
  let fracDigits = 0;
  let inFraction = false;
  let firstIntDigit = -1;
  let groupClass = G_NONE;
  let groups = 0; // group separators seen
  let runLen = 0; // digits since the last separator
  let firstRun = 0; // digits before the first group separator
  let western = true; // groups after the first: all of 3 digits
  let indian = true; // groups after the first: of 2 digits (the last one, checked at the end, of 3)
  let sepCount = 0; // ',' and '.' characters
  for (; i < n; i++) {
    c = s.charCodeAt(i);
    const d = digitValue(c);
    if (d >= 0) {
      if (c > 0x7f) digitsNormalized = true;
      m = m * 10 + d;
      digits++;
      if (inFraction) fracDigits++;
      else {
        if (intDigits === 0) firstIntDigit = d;
        intDigits++;
      }
      runLen++;
      continue;
    }
    if (isStripped(c)) continue;
    if (c === 0x2c || c === 0x2e) sepCount++;
    if (c === 0x066b || c === decimalCode) {
      if (inFraction) return INVALID; // two decimal separators
      if (groups > 0 && runLen !== 3) return INVALID; // the group before the decimal has 3 digits
      inFraction = true;
      runLen = 0;
      continue;
    }
    const cls = groupClassOf(c);
    if (cls === G_NONE) break;
    // A space groups only when a digit follows; otherwise it ends the mantissa (`45 %`, `( 5 )`).
    if (cls === G_SPACE && digitValue(s.charCodeAt(skipStripped(s, i + 1))) < 0) break;
    if (inFraction || runLen === 0) return INVALID; // grouping in the fraction, or two separators in a row
    if (groupClass !== G_NONE && groupClass !== cls) return INVALID; // one kind of grouping per cell
    groupClass = cls;
    if (groups === 0) {
      firstRun = runLen;
      if (runLen > 3 || firstIntDigit === 0) return INVALID;
    } else {
      if (runLen !== 3) western = false;
      if (runLen !== 2) indian = false;
      if (!western && !indian) return INVALID;
    }
    groups++;
    runLen = 0;
  }
  const end = i;
  if (digits === 0) return INVALID;
  if (groups > 0) {
    if (!inFraction && runLen !== 3) return INVALID; // the last group has 3 digits
    if (!western && firstRun > 2) return INVALID; // Indian: first group of 1–2 digits
  }

  // Exponent: e / E, optional sign, digits.
  let exponent = 0;
  let hasExponent = false;
  c = s.charCodeAt(i);
  if (c === 0x65 || c === 0x45) {
    i++;
    c = s.charCodeAt(i);
    let expNeg = false;
    if (c === 0x2d || c === 0x2b || c === 0x2212) {
      expNeg = c !== 0x2b;
      i++;
    }
    const expStart = i;
    for (; i < n; i++) {
      const ch = s.charCodeAt(i);
      const d = digitValue(ch);
      if (d < 0) break;
      if (ch > 0x7f) digitsNormalized = true;
      if (exponent < 100_000) exponent = exponent * 10 + d; // beyond: overflow/underflow anyway
    }
    if (i === expStart) return INVALID;
    hasExponent = true;
    if (expNeg) exponent = -exponent;
  }

  // Suffix: '%' / '٪' and, for '(', the closing ')', in either order; blanks around; nothing else.
  i = skipBlank(s, i);
  c = s.charCodeAt(i);
  let percent = false;
  if (c === 0x25 || c === 0x066a) {
    percent = true;
    i = skipBlank(s, i + 1);
    c = s.charCodeAt(i);
  }
  if (paren) {
    if (c !== 0x29) return INVALID;
    i = skipBlank(s, i + 1);
    c = s.charCodeAt(i);
    if (!percent && (c === 0x25 || c === 0x066a)) i = skipBlank(s, i + 1);
  }
  if (i !== n) return INVALID;

  let value: number;
  if (!hasExponent && digits <= 15) value = fracDigits > 0 ? m / (POW10[fracDigits] ?? 1) : m;
  else {
    let text = '';
    for (let k = start; k < end; k++) {
      const ch = s.charCodeAt(k);
      const d = digitValue(ch);
      if (d >= 0) text += String.fromCharCode(0x30 + d);
      else if (ch === 0x066b || ch === decimalCode) text += '.';
    }
    value = Number(hasExponent ? `${text}e${exponent}` : text);
    if (!Number.isFinite(value)) return INVALID;
  }
  if (neg) value = -value;
  // Exactly one ',' or '.', and nothing else separating: `1,234` / `1.234` read either way.
  const ambiguous =
    sepCount === 1 &&
    (inFraction
      ? groups === 0 && fracDigits === 3 && intDigits >= 1 && intDigits <= 3 && firstIntDigit > 0
      : groups === 1 && (groupClass === G_COMMA || groupClass === G_DOT));
  return { kind: 'number', value, digitsNormalized, ambiguous };
}

/**
 * Picks the decimal separator of a file from sample value cells. Per cell:
 * - both `,` and `.` → the last one is the decimal (`1.234,5` comma, `1,234.5` point);
 * - one kind, several times → it is grouping (`1,234,567` point, `1.234.567` comma);
 * - one separator followed by 1–2 or 4+ digits, or after a `0` / 4+ digit integer part → decimal
 *   (`12,5` comma, `12.5` point, `0,125` comma, `1234.567` point);
 * - one separator followed by exactly 3 digits after a 1–3 digit integer part (`1,234`) → no evidence.
 * Cells with letters (other than an exponent) are ignored; `٫`/`٬` carry no evidence (always decimal /
 * grouping). The majority wins; no evidence or a tie → point (so a lone `1,234` is read as grouping)
 * with `evidence: 'none'`.
 */
export function detectDecimalSeparator(samples: readonly string[]): { decimal: DecimalSeparator; evidence: 'point' | 'comma' | 'none' } {
  let point = 0;
  let comma = 0;
  for (const raw of samples) {
    const v = separatorEvidence(raw);
    if (v === 1) point++;
    else if (v === 2) comma++;
  }
  if (point > comma) return { decimal: '.', evidence: 'point' };
  if (comma > point) return { decimal: ',', evidence: 'comma' };
  return { decimal: '.', evidence: 'none' };
}

/** 0 no evidence, 1 point decimal, 2 comma decimal. */
function separatorEvidence(raw: string): 0 | 1 | 2 {
  const s = cleanText(raw);
  const n = s.length;
  let commas = 0;
  let dots = 0;
  let lastSep = 0; // code of the last ',' or '.'
  let digitsBefore = 0; // integer digits before the first separator
  let digitsAfter = 0; // digits after the last separator
  let firstDigit = -1;
  let digits = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const d = digitValue(c);
    if (d >= 0) {
      if (firstDigit < 0) firstDigit = d;
      digits++;
      if (commas + dots === 0) digitsBefore++;
      else digitsAfter++;
      continue;
    }
    if (c === 0x2c || c === 0x2e) {
      if (c === 0x2c) commas++;
      else dots++;
      lastSep = c;
      digitsAfter = 0;
      continue;
    }
    if (c === 0x65 || c === 0x45) break; // exponent: the mantissa decides
    // Other allowed characters: signs, parentheses, percent, spaces, Arabic separators.
    if (c === 0x2d || c === 0x2b || c === 0x2212 || c === 0x28 || c === 0x29 || c === 0x25 || c === 0x066a || c === 0x20 || c === 0x27 || c === 0x2019 || c === 0x066b || c === 0x066c)
      continue;
    return 0;
  }
  if (digits === 0 || commas + dots === 0) return 0;
  if (commas > 0 && dots > 0) return lastSep === 0x2c ? 2 : 1;
  if (commas + dots > 1) return commas > 0 ? 1 : 2; // repeated → grouping
  if (digitsAfter === 3 && digitsBefore >= 1 && digitsBefore <= 3 && firstDigit !== 0) return 0; // 1,234
  if (digitsAfter === 0) return 0;
  return commas > 0 ? 2 : 1;
}

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
