import Papa from 'papaparse';

/**
 * Formula-safe CSV writer (CWE-1236, OWASP "CSV Injection"; platform-notes §3.1).
 *
 * Rules:
 * - Numbers are written as numbers: plain decimal notation, '.' decimal, no grouping, full precision
 *   (the shortest string that reads back to the same double), never an exponent. They are never escaped,
 *   so a negative value stays `-5`. Non-finite numbers and `null` are empty cells.
 * - Text cells (header included) that a spreadsheet could evaluate get a leading apostrophe `'`:
 *   a cell starting with TAB, CR or NUL, or starting (after optional whitespace) with `=` `+` `-` `@`
 *   or their full-width forms (`＝ ＋ － ＠`). The apostrophe is visible in non-spreadsheet consumers.
 * - Exception, decided on purpose: a text cell that is exactly a plain negative decimal number
 *   (`-5`, `-0.25`) is left alone. A spreadsheet reads it as the number it is, not as a formula, and
 *   rewriting it to `'-5` (what PapaParse's `escapeFormulae` does) would corrupt data such as category
 *   labels. `+1` is NOT exempt: data never writes numbers with a leading plus, and it is a common
 *   prefix of DDE payloads, so it is escaped.
 * - UTF-8 byte order mark first (Excel needs it to read UTF-8), CRLF line ends (RFC 4180), quoting
 *   wherever a cell holds a delimiter, quote, line break or leading/trailing space.
 */

const FORMULA_TRIGGER = /^(?:[\t\r\0]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;
const PLAIN_NEGATIVE_NUMBER = /^-\d+(?:\.\d+)?$/;

export const BOM = '\ufeff';

/**
 * The columns of Marsad's canonical long CSV (`cli normalize`, exports), before one column per
 * disaggregation dimension. `year` is a number, or the period label as written (`2017-18`) when the
 * observation is for a period; `period` repeats that label (blank for a plain year). An importer that
 * sees this header can read every further column as a disaggregation, whatever its name.
 */
export const CANONICAL_LONG_COLUMNS = ['city', 'city_code', 'indicator', 'year', 'value', 'period', 'unit', 'series', 'source', 'note'] as const;
/** Optional columns right after the canonical ones: the place's kind (district, region…) and the place it belongs to. */
export const PLACE_COLUMNS = ['place_kind', 'parent'] as const;

export type CsvCell = string | number | null;

/** True when a text cell would be evaluated as a formula by a spreadsheet. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_TRIGGER.test(text) && !PLAIN_NEGATIVE_NUMBER.test(text);
}

/** The text cell as written: prefixed with `'` when it could be evaluated as a formula. */
export function neutralizeFormula(text: string): string {
  return isFormulaLike(text) ? `'${text}` : text;
}

/**
 * A number in plain decimal notation with full precision: `1e21` → `1000000000000000000000`,
 * `1.5e-7` → `0.00000015`, `-0` → `0`. Non-finite → ''.
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Object.is(n, -0)) return '0';
  const s = String(n);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const sign = m[1] ?? '';
  const digits = (m[2] ?? '') + (m[3] ?? '');
  const exp = Number(m[4]);
  // The decimal point sits after the first digit; move it by exp places.
  const point = 1 + exp;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function cellText(c: CsvCell): string {
  if (c === null) return '';
  if (typeof c === 'number') return formatNumber(c);
  return neutralizeFormula(c);
}

/**
 * Formula-safe CSV text (with BOM, CRLF, final line end) from a header and rows. The header fixes the
 * width: shorter rows get empty cells, longer rows are cut.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  const fields = header.map((h) => neutralizeFormula(h));
  const data = rows.map((r) => {
    const out = new Array<string>(fields.length);
    for (let i = 0; i < out.length; i++) out[i] = cellText(r[i] ?? null);
    return out;
  });
  return BOM + Papa.unparse({ fields, data }, { newline: '\r\n', escapeFormulae: false, header: true }) + '\r\n';
}
