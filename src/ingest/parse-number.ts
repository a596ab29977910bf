import { isStripped, isSpace, digitValue, cleanText, isMissingMarker } from './normalize-cell';
import type { DecimalSeparator } from './types';

/** Numbers as spreadsheets write them (see normalize-cell.ts for the speed rules: fast path over char codes, careful fallback). */
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
