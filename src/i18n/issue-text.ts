import type { Issue, IssueCode } from '@/domain/issue';
import { formatBytes, formatNumber } from './format-number';
import type { Digits, Lang } from './lang';

/**
 * The issue catalogue: what each validation issue means (`message`) and how to fix it (`fix`), in
 * English, Arabic, French and Spanish (each writer covers every code). Built from the issue's code, location
 * (row, column), raw value and params; any of those may be missing and the wording degrades to a
 * shorter sentence. Pure (no React, no DOM): the CLI uses it for its English report.
 */
export type IssueText = { message: string; fix: string };

export function issueText(issue: Issue, lang: Lang, options: { digits?: Digits } = {}): IssueText {
  return WRITERS[lang][issue.code](context(issue, lang, lang === 'ar' ? options.digits : 'latn'));
}

type Ctx = {
  issue: Issue;
  /** Location prefix: "Row 14, column "Value": " (empty for file-level issues). */
  at: string;
  /** Row-only prefix: "Row 14: ". */
  atRow: string;
  /** The raw cell, quoted; undefined when the issue has none. */
  value: string | undefined;
  /** A string param (numbers formatted); undefined when absent or blank. */
  str: (key: string) => string | undefined;
  /** A number param; undefined when absent or not numeric. */
  num: (key: string) => number | undefined;
  /** A number formatted with grouping. */
  n: (x: number) => string;
  q: (s: string) => string;
  bytes: (x: number) => string;
  /** The prefix and the sentence, capitalised when there is no prefix. */
  at_: (prefix: string, body: string) => string;
};

function context(issue: Issue, lang: Lang, digits: Digits | undefined): Ctx {
  const q = QUOTES[lang];
  const n = (x: number) => formatNumber(x, lang, { digits });
  const plain = (x: number) => formatNumber(x, lang, { digits, grouping: false });
  const row = issue.row === null || issue.row <= 0 ? undefined : plain(issue.row);
  const col = issue.column === null || issue.column === '' ? undefined : q(issue.column);
  const [rowWord, colWord, sep, colFirst, colon] = LOCATION_WORDS[lang];
  let at = '';
  if (row !== undefined && col !== undefined) at = `${rowWord} ${row}${sep}${colWord} ${col}${colon}`;
  else if (row !== undefined) at = `${rowWord} ${row}${colon}`;
  else if (col !== undefined) at = `${colFirst} ${col}${colon}`;
  const atRow = row === undefined ? '' : `${rowWord} ${row}${colon}`;
  const p = issue.params;
  const num = (key: string): number | undefined => {
    const v = p[key];
    if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
    return undefined;
  };
  const str = (key: string): string | undefined => {
    const v = p[key];
    if (typeof v === 'number') return Number.isFinite(v) ? n(v) : undefined;
    if (typeof v === 'string' && v.trim() !== '') return v;
    return undefined;
  };
  const at_ = (prefix: string, body: string) =>
    prefix === '' && lang !== 'ar' ? body.charAt(0).toUpperCase() + body.slice(1) : prefix + body;
  return {
    issue,
    at,
    atRow,
    value: issue.value === null ? undefined : q(issue.value),
    str,
    num,
    n,
    q,
    bytes: (x: number) => formatBytes(x, lang, { digits }),
    at_,
  };
}

/** Quotation marks around values and names: French ones hold no-break spaces (`« x »`). */
const QUOTES: Readonly<Record<Lang, (s: string) => string>> = {
  en: (s) => `"${s}"`,
  ar: (s) => `«${s}»`,
  fr: (s) => `«\u00a0${s}\u00a0»`,
  es: (s) => `«${s}»`,
};
/** Row word, column word, separator, sentence-initial column word, colon (French: no-break space before it). */
const LOCATION_WORDS: Readonly<Record<Lang, readonly [string, string, string, string, string]>> = {
  en: ['Row', 'column', ', ', 'Column', ': '],
  ar: ['الصف', 'العمود', '، ', 'العمود', ': '],
  fr: ['Ligne', 'colonne', ', ', 'Colonne', '\u00a0: '],
  es: ['Fila', 'columna', ', ', 'Columna', ': '],
};

export const ENCODING_NAMES: Readonly<Record<string, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1256': 'Windows-1256',
  'windows-1252': 'Windows-1252',
};
function encodingName(c: Ctx): string | undefined {
  const e = c.str('encoding');
  return e === undefined ? undefined : (ENCODING_NAMES[e] ?? e);
}

/** "0 to 100", "at least 0", "at most 100" (min/max may be '−∞'/'∞' strings or absent). */
function rangeText(c: Ctx, lang: Lang): string | undefined {
  const min = c.num('min');
  const max = c.num('max');
  const [between, atLeast, atMost] = RANGE_WORDS[lang];
  if (min !== undefined && max !== undefined) return between(c.n(min), c.n(max));
  if (min !== undefined) return atLeast(c.n(min));
  if (max !== undefined) return atMost(c.n(max));
  return undefined;
}
const RANGE_WORDS: Readonly<Record<Lang, readonly [(a: string, b: string) => string, (a: string) => string, (b: string) => string]>> = {
  en: [(a, b) => `${a} to ${b}`, (a) => `at least ${a}`, (b) => `at most ${b}`],
  ar: [(a, b) => `من ${a} إلى ${b}`, (a) => `لا تقل عن ${a}`, (b) => `لا تزيد على ${b}`],
  fr: [(a, b) => `de ${a} à ${b}`, (a) => `au moins ${a}`, (b) => `au plus ${b}`],
  es: [(a, b) => `de ${a} a ${b}`, (a) => `al menos ${a}`, (b) => `como máximo ${b}`],
};

/** A number as the file would write it (no grouping: `1234`, `1.234`). */
function rawNumber(c: Ctx, key: string): string | undefined {
  const v = c.num(key);
  return v === undefined ? undefined : String(v);
}

function yearsOf(c: Ctx): string | undefined {
  const y = c.num('year');
  return y === undefined ? undefined : String(y);
}

const ROLE_EN: Readonly<Record<string, string>> = {
  city: 'city',
  cityCode: 'city code',
  indicator: 'indicator',
  year: 'year',
  value: 'value',
};
const ROLE_EXAMPLES: Readonly<Record<string, string>> = {
  city: '"city" (or المدينة, ville, ciudad)',
  cityCode: '"city_code"',
  indicator: '"indicator" (or المؤشر, indicateur, indicador)',
  year: '"year" (or السنة, année, año)',
  value: '"value" (or القيمة, valeur, valor)',
};
const ROLE_AR: Readonly<Record<string, string>> = {
  city: 'المدينة',
  cityCode: 'رمز المدينة',
  indicator: 'المؤشر',
  year: 'السنة',
  value: 'القيمة',
};
const ROLE_EXAMPLES_AR: Readonly<Record<string, string>> = {
  city: '«المدينة» (أو city)',
  cityCode: '«city_code»',
  indicator: '«المؤشر» (أو indicator)',
  year: '«السنة» (أو year)',
  value: '«القيمة» (أو value)',
};

type Writer = Readonly<Record<IssueCode, (c: Ctx) => IssueText>>;

const EN: Writer = {
  empty_file: (c) => ({
    message: `${fileEn(c)} is empty: it has no header and no data rows.`,
    fix: 'Check that you chose the right file and that it was saved with its data; a failed export can leave an empty file.',
  }),
  binary_file: (c) => ({
    message: `${fileEn(c)} is not a text file (it looks like an Excel workbook, a PDF or an image).`,
    fix: 'Open it in Excel or LibreOffice, save it as "CSV UTF-8 (Comma delimited)", then load the CSV file.',
  }),
  file_too_large: (c) => {
    const size = c.num('bytes');
    const limit = c.num('limit');
    const detail =
      size !== undefined && limit !== undefined
        ? ` (${c.bytes(size)}; the limit is ${c.bytes(limit)})`
        : limit !== undefined
          ? ` (the limit is ${c.bytes(limit)})`
          : size !== undefined
            ? ` (${c.bytes(size)})`
            : '';
    return {
      message: `${fileEn(c)} is too large to load${detail}.`,
      fix: 'Split it into smaller files (for example one per indicator or per year) and load them together.',
    };
  },
  encoding_fallback: (c) => {
    const enc = encodingName(c);
    return {
      message: `The file is not UTF-8; it was read as ${enc ?? 'a legacy encoding'} guessed from the characters it contains.`,
      fix: 'Check the preview: if letters look wrong, choose the encoding under Reading options (Windows-1256 for Arabic Excel files), or save the file as "CSV UTF-8" in Excel.',
    };
  },
  encoding_replacement_chars: (c) => {
    const count = c.num('count');
    const enc = encodingName(c);
    const what = count === undefined ? 'Some characters' : count === 1 ? '1 character' : `${c.n(count)} characters`;
    return {
      message: `${what} could not be decoded${enc === undefined ? '' : ` as ${enc}`} and ${count === 1 ? 'was' : 'were'} replaced by "\uFFFD".`,
      fix: 'Choose the right encoding under Reading options, or save the file as "CSV UTF-8" in Excel.',
    };
  },
  undetectable_delimiter: () => ({
    message: 'The delimiter could not be detected: every row was read as a single column.',
    fix: 'Choose the delimiter (comma, semicolon, tab or |) under Reading options, or check that the file is a table saved as CSV.',
  }),
  unknown_format: (c) => {
    const header = c.str('header');
    return {
      message: c.at_(
        c.atRow,
        `the columns were not recognised as a known layout (long, wide, Open SDG, UN SDG database export)${header === undefined ? '' : `. Header: ${header}`}.`,
      ),
      fix: 'Name the columns city, indicator, year and value (or المدينة, المؤشر, السنة, القيمة), or use one of the documented layouts.',
    };
  },
  no_data_rows: (c) => {
    const rows = c.num('rows');
    return rows === undefined || rows === 0
      ? { message: 'The file has a header but no data rows.', fix: 'Check that the data was saved below the header, then load the file again.' }
      : {
          message: `The file has ${c.n(rows)} data ${rows === 1 ? 'row' : 'rows'} but no values: every value cell is blank or marked as missing.`,
          fix: 'Nothing to import yet. Fill in the values (or check that the right column holds them) and load the file again.',
        };
  },
  blank_header: (c) => {
    const pos = c.num('position');
    return {
      message: c.at_(c.atRow, `${pos === undefined ? 'a column' : `column ${pos}`} has no name in the header.`),
      fix: 'Type a name in the header cell, or delete the column if it is empty.',
    };
  },
  duplicate_header: (c) => {
    const pos = c.num('position');
    const name = c.issue.column === null ? '' : ` ${c.q(c.issue.column)}`;
    return {
      message: c.at_(c.atRow, `${pos === undefined ? 'a column' : `column ${pos}`} is named${name} like an earlier column.`),
      fix: 'Rename one of the two columns so that every header is different.',
    };
  },
  missing_column: (c) => {
    const role = c.str('role');
    const header = c.str('header');
    const roleName = role === undefined ? undefined : (ROLE_EN[role] ?? role);
    return {
      message: c.at_(
        c.atRow,
        `${roleName === undefined ? 'a required column (city, indicator, year or value) was not found' : `no ${roleName} column was found`}${header === undefined ? '' : ` (header: ${header})`}.`,
      ),
      fix:
        role === undefined
          ? 'Add the missing column, or rename the column that holds it.'
          : `Add a column named ${ROLE_EXAMPLES[role] ?? c.q(role)}, or rename the column that holds the ${roleName ?? role}.`,
    };
  },
  extra_column: (c) => ({
    message: c.at_(c.issue.column === null ? '' : `Column ${c.q(c.issue.column)}: `, 'this column is not used and was ignored.'),
    fix: 'Nothing to do if it is not needed. To import it, rename it to a known role (unit, series, source, note) or keep it as a breakdown such as sex or age.',
  }),
  missing_quotes: (c) => ({
    message: c.at_(c.at, 'a quoted cell is not closed (a closing " is missing).'),
    fix: 'Add the missing closing quote, or remove the stray " at the start of the cell. Re-saving the file as CSV in Excel writes the quotes correctly.',
  }),
  invalid_quotes: (c) => ({
    message: c.at_(c.at, 'a quote character (") is in the wrong place inside a quoted cell.'),
    fix: 'Inside a quoted cell, write a quote as two quotes (""), or remove it.',
  }),
  ragged_row: (c) => {
    const expected = c.num('expected');
    const found = c.num('found');
    const rowName = c.issue.row === null ? 'This row' : `Row ${c.issue.row}`;
    const more = 'Look for an extra delimiter in the row, for example a decimal comma in an unquoted number (1,5): write 1.5 or put the cell in quotes.';
    const fewer = 'Add the missing cells (leave them empty if a value is unknown) so that the row has as many cells as the header.';
    return {
      message:
        expected !== undefined && found !== undefined
          ? `${rowName} has ${c.n(found)} ${found === 1 ? 'cell' : 'cells'}, but the header has ${c.n(expected)}.`
          : `${rowName} does not have as many cells as the header.`,
      fix: expected !== undefined && found !== undefined ? (found > expected ? more : fewer) : `${more} ${fewer}`,
    };
  },
  blank_row: (c) => ({
    message: c.issue.row === null ? 'An empty row was skipped.' : `Row ${c.issue.row} is empty and was skipped.`,
    fix: 'Nothing to do; you may delete the empty line.',
  }),
  cell_too_long: (c) => {
    const length = c.num('length');
    const limit = c.num('limit');
    return {
      message: c.at_(
        c.at,
        `the cell is too long${length === undefined ? '' : ` (${c.n(length)} characters`}${limit === undefined ? (length === undefined ? '' : ')') : `${length === undefined ? ' (' : '; '}the limit is ${c.n(limit)})`}.`,
      ),
      fix: 'This usually means a quote was opened and never closed above this row, so the cell swallowed the lines after it. Check the quotes in the rows before it.',
    };
  },
  not_a_number: (c) => {
    const d = c.str('decimal');
    const example = d === ',' ? '12,5' : '12.5';
    return {
      message: c.at_(c.at, `${c.value ?? 'the value'} is not a number.`),
      fix: `Write a number such as ${example}${d === undefined ? '' : ` (decimal separator: ${d})`}, or leave the cell blank if the value is missing.`,
    };
  },
  ambiguous_decimal: (c) => {
    const parsed = rawNumber(c, 'parsed');
    const raw = c.issue.value;
    const readings = raw !== null && /^\d{1,3}[.,]\d{3}$/.test(raw.trim()) ? ` could mean ${raw.trim().replace(/[.,]/, '')} or ${raw.trim().replace(',', '.')}` : ' could be read in two ways';
    return {
      message: c.at_(c.at, `${c.value ?? 'the value'}${readings}${parsed === undefined ? '' : `; it was read as ${parsed}`}.`),
      fix: 'If that is wrong, choose the decimal separator under Reading options and read the file again.',
    };
  },
  missing_value: (c) => ({
    message: c.at_(c.at, `the value is missing${c.value === undefined || c.issue.value === '' ? '' : ` (${c.value})`}.`),
    fix: 'Nothing to do if the value is really unknown; otherwise type it in.',
  }),
  invalid_year: (c) => ({
    message: c.at_(c.at, c.str('reason') === 'blank' || c.issue.value === null || c.issue.value.trim() === '' ? 'the year is blank.' : `${c.value ?? ''} is not a year.`),
    fix: 'Write a four-digit year such as 2020, or a period such as 2017-18 or 2010/11.',
  }),
  year_out_of_range: (c) => {
    const min = rawNumber(c, 'min');
    const max = rawNumber(c, 'max');
    return {
      message: c.at_(c.at, `${c.value ?? 'the year'} is outside the expected years${min !== undefined && max !== undefined ? ` (${min} to ${max})` : ''}.`),
      fix: 'Check the year for a typing mistake; a year outside this range usually is one.',
    };
  },
  missing_city: (c) => ({
    message: c.at_(c.at, 'the city is blank.'),
    fix: 'Type the city name or code in this cell.',
  }),
  missing_indicator: (c) => ({
    message: c.at_(c.at, 'the indicator code is blank.'),
    fix: 'Type the indicator code, such as 11.6.2.',
  }),
  digits_normalized: (c) => {
    const count = c.num('count');
    const where = c.issue.row === null ? '' : ` (the first in row ${c.issue.row})`;
    return {
      message:
        count === undefined
          ? `Cells written with Arabic-Indic digits (١٢٣) were read as numbers${where}.`
          : `${c.n(count)} ${count === 1 ? 'cell' : 'cells'} written with Arabic-Indic digits (١٢٣) ${count === 1 ? 'was' : 'were'} read as numbers${where}.`,
      fix: 'Nothing to do.',
    };
  },
  formula_like_text: (c) => ({
    message: c.at_(c.at, `${c.value ?? 'the cell'} looks like a spreadsheet formula; it is kept as plain text.`),
    fix: 'Check that the cell holds what you meant. Marsad never runs it, and its CSV exports add an apostrophe so that spreadsheets do not either.',
  }),
  markup_like_text: (c) => ({
    message: c.at_(c.at, `${c.value ?? 'the cell'} looks like HTML; it is kept as plain text and never shown as markup.`),
    fix: 'Remove the tags if they are not meant to be part of the text.',
  }),
  unknown_indicator: (c) => {
    const code = c.str('indicator');
    if (c.issue.severity === 'error')
      return {
        message: c.at_(c.at, `${c.value ?? (code === undefined ? 'the cell' : c.q(code))} is not an indicator code.`),
        fix: 'Write an SDG indicator code such as 11.6.2, or a local code such as AMM-1 (capital letters, a hyphen and a number).',
      };
    return {
      message: c.at_(
        c.at,
        `${code !== undefined ? `indicator ${code}` : c.value !== undefined ? `indicator ${c.value}` : 'the indicator'} is not in the registry; its values were imported as a local indicator, without a title or target.`,
      ),
      fix: 'Check the code for a typing mistake. To give a local indicator a title, unit and target, add a JSON file for it in indicators/.',
    };
  },
  indicator_alias: (c) => {
    const code = c.str('indicator');
    const canonical = c.str('canonical');
    return {
      message: c.at_(
        c.at,
        canonical === undefined
          ? `${code !== undefined ? `indicator ${code}` : 'this indicator code'} is another code of a registry indicator; the values were filed under that indicator.`
          : `${code !== undefined ? `indicator ${code}` : 'this indicator code'} is another code of ${canonical}; the values were filed under ${canonical}.`,
      ),
      fix: 'Nothing to do.',
    };
  },
  indicator_sub_code: (c) => {
    const code = c.str('indicator');
    const parent = c.str('canonical');
    return {
      message: c.at_(
        c.at,
        `${code !== undefined ? `indicator ${code}` : 'this indicator code'} is a sub-indicator of ${parent ?? 'a registry indicator'}; its values were filed under ${parent ?? 'that indicator'} as the series ${code !== undefined ? c.q(code) : 'of that code'}.`,
      ),
      fix: 'Nothing to do. To track it as an indicator of its own, add a JSON file for it in indicators/.',
    };
  },
  value_out_of_range: (c) => {
    const code = c.str('indicator');
    const range = rangeText(c, 'en');
    const unit = c.str('unit');
    const detail = range === undefined ? '' : ` (${range}${unit === undefined ? '' : ` ${unit}`})`;
    return {
      message: c.at_(c.at, `${c.value ?? 'the value'} is outside the valid range${code === undefined ? '' : ` of indicator ${code}`}${detail}.`),
      fix: `Check the value for a typing mistake, and that it is in the indicator's unit${unit === undefined ? '' : ` (${unit})`}.`,
    };
  },
  unit_mismatch: (c) => {
    const found = c.str('found') ?? c.issue.value ?? undefined;
    const code = c.str('indicator');
    const expected = c.str('expectedUnit');
    return {
      message: c.at_(
        c.at,
        `the unit ${found === undefined ? '' : `${c.q(found)} `}does not match the unit of ${code === undefined ? 'the indicator' : `indicator ${code}`}${expected === undefined ? '' : ` (${expected})`}.`,
      ),
      fix: `Check that the values are in ${expected ?? "the indicator's unit"} and correct the unit cell; if the file uses another unit, convert the values first.`,
    };
  },
  duplicate_observation: (c) => {
    const first = c.num('firstRow');
    const year = yearsOf(c);
    return {
      message: c.at_(
        c.at,
        `${c.value ?? 'the same value'}${year === undefined ? '' : ` for ${year}`} was already given${first === undefined ? ' in an earlier row' : ` in row ${first}`}; this copy was dropped.`,
      ),
      fix: 'Nothing to do, or delete the repeated row.',
    };
  },
  conflicting_duplicate: (c) => {
    const first = c.num('firstRow');
    const year = yearsOf(c);
    const previous = rawNumber(c, 'previousValue');
    return {
      message: c.at_(
        c.at,
        `${c.value ?? 'this value'}${year === undefined ? '' : ` for ${year}`} differs from the value given${first === undefined ? ' in an earlier row' : ` in row ${first}`}${previous === undefined ? '' : ` (${previous})`}; neither row was imported.`,
      ),
      fix: 'Keep only one of the two rows, or tell them apart with a breakdown column such as sex or series.',
    };
  },
  city_assumed: (c) => {
    const city = c.str('city');
    return {
      message: `The file has no city column; every value was assigned to ${city === undefined ? 'one city' : c.q(city)}.`,
      fix: 'Nothing to do if that is right; otherwise add a city column.',
    };
  },
  aggregate_row: (c) => {
    const name = c.str('name');
    return {
      message: c.at_(
        c.atRow,
        `this row is a regional or world aggregate${name === undefined ? '' : ` (${c.q(name)})`}, not a city; it was skipped.`,
      ),
      fix: 'Nothing to do. Marsad compares cities; regional figures can be added as a local indicator if needed.',
    };
  },
  indicator_from_filename: (c) => {
    const code = c.str('indicator');
    return {
      message: `The file has no indicator column; the indicator${code === undefined ? '' : ` ${code}`} was taken from the file name.`,
      fix: 'Nothing to do if that is right; otherwise rename the file or add an indicator column.',
    };
  },
  truncated_issues: (c) => {
    const count = c.num('count');
    const shown = c.num('shown');
    return {
      message: `${shown === undefined ? 'Only part of the problems are listed' : `Only the first ${c.n(shown)} problems are listed`}${count === undefined ? '' : `; ${c.n(count)} more ${count === 1 ? 'was' : 'were'} left out`}. The counts by type are complete.`,
      fix: 'Fix the problems listed, then load the file again to see the rest.',
    };
  },
};

function fileEn(c: Ctx): string {
  return c.issue.file === '' ? 'The file' : `The file ${c.q(c.issue.file)}`;
}
function fileAr(c: Ctx): string {
  return c.issue.file === '' ? 'الملف' : `الملف ${c.q(c.issue.file)}`;
}

const AR: Writer = {
  empty_file: (c) => ({
    message: `${fileAr(c)} فارغ: لا يحتوي على صف عناوين ولا على صفوف بيانات.`,
    fix: 'تحقّق من أنك اخترت الملف الصحيح وأنه حُفظ مع بياناته؛ فقد يترك التصدير الفاشل ملفًا فارغًا.',
  }),
  binary_file: (c) => ({
    message: `${fileAr(c)} ليس ملفًا نصيًا (يبدو أنه مصنف Excel أو ملف PDF أو صورة).`,
    fix: 'افتحه في Excel أو LibreOffice واحفظه بصيغة «CSV UTF-8 (مفصول بفواصل)»، ثم حمّل ملف CSV.',
  }),
  file_too_large: (c) => {
    const size = c.num('bytes');
    const limit = c.num('limit');
    const detail =
      size !== undefined && limit !== undefined
        ? ` (${c.bytes(size)}؛ الحد الأقصى ${c.bytes(limit)})`
        : limit !== undefined
          ? ` (الحد الأقصى ${c.bytes(limit)})`
          : size !== undefined
            ? ` (${c.bytes(size)})`
            : '';
    return {
      message: `${fileAr(c)} أكبر من أن يُحمَّل${detail}.`,
      fix: 'قسّمه إلى ملفات أصغر (مثلًا ملف لكل مؤشر أو لكل سنة) وحمّلها معًا.',
    };
  },
  encoding_fallback: (c) => {
    const enc = encodingName(c);
    return {
      message: `الملف ليس بترميز UTF-8؛ قُرئ ${enc === undefined ? 'بترميز قديم' : `بترميز ${enc}`} استنادًا إلى الأحرف التي يحتويها.`,
      fix: 'راجع المعاينة: إذا ظهرت الأحرف مشوّهة فاختر الترميز الصحيح من خيارات القراءة (Windows-1256 لملفات Excel العربية)، أو احفظ الملف بصيغة «CSV UTF-8» في Excel.',
    };
  },
  encoding_replacement_chars: (c) => {
    const count = c.num('count');
    const enc = encodingName(c);
    return {
      message: `تعذّر فك ترميز ${count === undefined ? 'بعض الأحرف' : `${c.n(count)} من الأحرف`}${enc === undefined ? '' : ` بترميز ${enc}`}، فاستُبدل بها الرمز «\uFFFD».`,
      fix: 'اختر الترميز الصحيح من خيارات القراءة، أو احفظ الملف بصيغة «CSV UTF-8» في Excel.',
    };
  },
  undetectable_delimiter: () => ({
    message: 'تعذّر اكتشاف الفاصل بين الأعمدة: قُرئ كل صف كعمود واحد.',
    fix: 'اختر الفاصل (فاصلة أو فاصلة منقوطة أو مسافة جدولة أو |) من خيارات القراءة، أو تحقّق من أن الملف جدول محفوظ بصيغة CSV.',
  }),
  unknown_format: (c) => {
    const header = c.str('header');
    return {
      message: `${c.atRow}لم تُعرف الأعمدة على أنها تنسيق معروف (طولي، عريض، Open SDG، تصدير قاعدة بيانات أهداف التنمية المستدامة)${header === undefined ? '' : `. العناوين: ${header}`}.`,
      fix: 'سمِّ الأعمدة المدينة والمؤشر والسنة والقيمة (أو city وindicator وyear وvalue)، أو استخدم أحد التنسيقات الموثقة.',
    };
  },
  no_data_rows: (c) => {
    const rows = c.num('rows');
    return rows === undefined || rows === 0
      ? { message: 'يحتوي الملف على صف عناوين ولكن لا يحتوي على صفوف بيانات.', fix: 'تحقّق من أن البيانات محفوظة تحت صف العناوين، ثم حمّل الملف من جديد.' }
      : {
          message: `يحتوي الملف على ${c.n(rows)} من صفوف البيانات ولكن بلا قيم: كل خلايا القيم فارغة أو مُعلَّمة كمفقودة.`,
          fix: 'لا شيء للاستيراد بعد. املأ القيم (أو تحقّق من أن العمود الصحيح يحملها) ثم حمّل الملف من جديد.',
        };
  },
  blank_header: (c) => {
    const pos = c.num('position');
    return {
      message: `${c.atRow}${pos === undefined ? 'أحد الأعمدة' : `العمود ${pos}`} بلا اسم في صف العناوين.`,
      fix: 'اكتب اسمًا في خلية العنوان، أو احذف العمود إن كان فارغًا.',
    };
  },
  duplicate_header: (c) => {
    const pos = c.num('position');
    const name = c.issue.column === null ? '' : ` ${c.q(c.issue.column)}`;
    return {
      message: `${c.atRow}${pos === undefined ? 'أحد الأعمدة' : `العمود ${pos}`} يحمل الاسم${name} نفسه الذي يحمله عمود سابق.`,
      fix: 'أعد تسمية أحد العمودين بحيث يختلف كل عنوان عن الآخر.',
    };
  },
  missing_column: (c) => {
    const role = c.str('role');
    const header = c.str('header');
    const roleName = role === undefined ? undefined : (ROLE_AR[role] ?? role);
    return {
      message: `${c.atRow}${roleName === undefined ? 'لم يُعثر على عمود مطلوب (المدينة أو المؤشر أو السنة أو القيمة)' : `لم يُعثر على عمود ${c.q(roleName)}`}${header === undefined ? '' : ` (العناوين: ${header})`}.`,
      fix:
        role === undefined
          ? 'أضف العمود الناقص، أو أعد تسمية العمود الذي يحتوي عليه.'
          : `أضف عمودًا باسم ${ROLE_EXAMPLES_AR[role] ?? c.q(role)}، أو أعد تسمية العمود الذي يحتوي على ${roleName ?? role}.`,
    };
  },
  extra_column: (c) => ({
    message: `${c.issue.column === null ? 'هذا العمود' : `العمود ${c.q(c.issue.column)}`} غير مستخدم وتم تجاهله.`,
    fix: 'لا حاجة لأي إجراء إن لم يكن مطلوبًا. لاستيراده، أعد تسميته باسم دور معروف (الوحدة، السلسلة، المصدر، ملاحظة) أو أبقه كتصنيف فرعي مثل الجنس أو العمر.',
  }),
  missing_quotes: (c) => ({
    message: `${c.at}خلية بين علامتي اقتباس لم تُغلق (تنقصها علامة " الختامية).`,
    fix: 'أضف علامة الاقتباس الختامية، أو احذف علامة " الزائدة في بداية الخلية. إعادة حفظ الملف بصيغة CSV في Excel تكتب علامات الاقتباس بشكل صحيح.',
  }),
  invalid_quotes: (c) => ({
    message: `${c.at}علامة اقتباس (") في غير موضعها داخل خلية بين علامتي اقتباس.`,
    fix: 'داخل الخلية المقتبسة، اكتب علامة الاقتباس مرتين ("") أو احذفها.',
  }),
  ragged_row: (c) => {
    const expected = c.num('expected');
    const found = c.num('found');
    const rowName = c.issue.row === null ? 'هذا الصف' : `الصف ${c.issue.row}`;
    const more = 'ابحث عن فاصل زائد في الصف، مثل فاصلة عشرية في رقم غير مقتبس (1,5): اكتب 1.5 أو ضع الخلية بين علامتي اقتباس.';
    const fewer = 'أضف الخلايا الناقصة (اتركها فارغة إن كانت القيمة غير معروفة) ليصبح عدد خلايا الصف مساويًا لعدد الأعمدة.';
    return {
      message:
        expected !== undefined && found !== undefined
          ? `عدد خلايا ${rowName} هو ${c.n(found)}، بينما عدد أعمدة صف العناوين ${c.n(expected)}.`
          : `عدد الخلايا في ${rowName} لا يساوي عدد الأعمدة في صف العناوين.`,
      fix: expected !== undefined && found !== undefined ? (found > expected ? more : fewer) : `${more} ${fewer}`,
    };
  },
  blank_row: (c) => ({
    message: c.issue.row === null ? 'تم تخطي صف فارغ.' : `الصف ${c.issue.row} فارغ وتم تخطيه.`,
    fix: 'لا حاجة لأي إجراء؛ يمكنك حذف السطر الفارغ.',
  }),
  cell_too_long: (c) => {
    const length = c.num('length');
    const limit = c.num('limit');
    const parts = [length === undefined ? undefined : `عدد الأحرف: ${c.n(length)}`, limit === undefined ? undefined : `الحد الأقصى ${c.n(limit)}`].filter(
      (s): s is string => s !== undefined,
    );
    return {
      message: `${c.at}الخلية أطول من اللازم${parts.length ? ` (${parts.join('؛ ')})` : ''}.`,
      fix: 'يعني هذا عادةً أن علامة اقتباس فُتحت ولم تُغلق في صف سابق، فابتلعت الخلية الأسطر التي تليها. تحقّق من علامات الاقتباس في الصفوف السابقة.',
    };
  },
  not_a_number: (c) => {
    const d = c.str('decimal');
    const example = d === ',' ? '12,5' : '12.5';
    return {
      message: `${c.at}القيمة${c.value === undefined ? '' : ` ${c.value}`} ليست رقمًا.`,
      fix: `اكتب رقمًا مثل ${example}${d === undefined ? '' : ` (الفاصلة العشرية: ${d})`}، أو اترك الخلية فارغة إذا كانت القيمة مفقودة.`,
    };
  },
  ambiguous_decimal: (c) => {
    const parsed = rawNumber(c, 'parsed');
    const raw = c.issue.value;
    const readings =
      raw !== null && /^\d{1,3}[.,]\d{3}$/.test(raw.trim())
        ? ` قد تعني ${raw.trim().replace(/[.,]/, '')} أو ${raw.trim().replace(',', '.')}`
        : ' يمكن قراءتها بطريقتين';
    return {
      message: `${c.at}القيمة${c.value === undefined ? '' : ` ${c.value}`}${readings}${parsed === undefined ? '' : `؛ وقد قُرئت على أنها ${parsed}`}.`,
      fix: 'إن كان ذلك خطأً، فاختر الفاصلة العشرية من خيارات القراءة وأعد قراءة الملف.',
    };
  },
  missing_value: (c) => ({
    message: `${c.at}القيمة مفقودة${c.value === undefined || c.issue.value === '' ? '' : ` (${c.value})`}.`,
    fix: 'لا حاجة لأي إجراء إن كانت القيمة غير معروفة فعلًا؛ وإلا فاكتبها.',
  }),
  invalid_year: (c) => ({
    message: `${c.at}${c.str('reason') === 'blank' || c.issue.value === null || c.issue.value.trim() === '' ? 'السنة فارغة.' : `القيمة ${c.value ?? ''} ليست سنة.`}`,
    fix: 'اكتب سنة من أربعة أرقام مثل 2020، أو فترة مثل 2017-18 أو 2010/11.',
  }),
  year_out_of_range: (c) => {
    const min = rawNumber(c, 'min');
    const max = rawNumber(c, 'max');
    return {
      message: `${c.at}السنة${c.value === undefined ? '' : ` ${c.value}`} خارج نطاق السنوات المتوقع${min !== undefined && max !== undefined ? ` (من ${min} إلى ${max})` : ''}.`,
      fix: 'تحقّق من السنة بحثًا عن خطأ مطبعي؛ فالسنة خارج هذا النطاق غالبًا ما تكون كذلك.',
    };
  },
  missing_city: (c) => ({
    message: `${c.at}اسم المدينة فارغ.`,
    fix: 'اكتب اسم المدينة أو رمزها في هذه الخلية.',
  }),
  missing_indicator: (c) => ({
    message: `${c.at}رمز المؤشر فارغ.`,
    fix: 'اكتب رمز المؤشر، مثل 11.6.2.',
  }),
  digits_normalized: (c) => {
    const count = c.num('count');
    const where = c.issue.row === null ? '' : ` (أولها في الصف ${c.issue.row})`;
    return {
      message: `قُرئت خلايا مكتوبة بالأرقام الهندية (١٢٣) كأرقام${count === undefined ? '' : ` (عددها ${c.n(count)})`}${where}.`,
      fix: 'لا حاجة لأي إجراء.',
    };
  },
  formula_like_text: (c) => ({
    message: `${c.at}${c.value === undefined ? 'الخلية' : `الخلية ${c.value}`} تشبه صيغة جدول بيانات؛ وقد حُفظت كنص عادي.`,
    fix: 'تحقّق من أن الخلية تحتوي على ما قصدته. لا ينفّذ مرصد هذا النص أبدًا، وتضيف ملفات CSV التي يصدّرها فاصلة عليا قبله كي لا تنفّذه جداول البيانات أيضًا.',
  }),
  markup_like_text: (c) => ({
    message: `${c.at}${c.value === undefined ? 'الخلية' : `الخلية ${c.value}`} تشبه شيفرة HTML؛ وقد حُفظت كنص عادي ولن تُعرض كشيفرة أبدًا.`,
    fix: 'احذف الوسوم إن لم تكن جزءًا مقصودًا من النص.',
  }),
  unknown_indicator: (c) => {
    const code = c.str('indicator');
    if (c.issue.severity === 'error')
      return {
        message: `${c.at}${c.value ?? (code === undefined ? 'الخلية' : c.q(code))} ليس رمز مؤشر.`,
        fix: 'اكتب رمز مؤشر من مؤشرات أهداف التنمية المستدامة مثل 11.6.2، أو رمزًا محليًا مثل AMM-1 (أحرف لاتينية كبيرة ثم شرطة ثم رقم).',
      };
    return {
      message: `${c.at}${code !== undefined ? `المؤشر ${code}` : c.value !== undefined ? `المؤشر ${c.value}` : 'المؤشر'} غير موجود في السجل؛ استُوردت قيمه كمؤشر محلي بلا عنوان أو غاية.`,
      fix: 'تحقّق من الرمز بحثًا عن خطأ مطبعي. لإعطاء مؤشر محلي عنوانًا ووحدة وغاية، أضف له ملف JSON في المجلد indicators/.',
    };
  },
  indicator_alias: (c) => {
    const code = c.str('indicator');
    const canonical = c.str('canonical');
    return {
      message:
        canonical === undefined
          ? `${c.at}${code !== undefined ? `المؤشر ${code}` : 'رمز المؤشر هذا'} رمز آخر لأحد مؤشرات السجل؛ سُجّلت القيم تحت ذلك المؤشر.`
          : `${c.at}${code !== undefined ? `المؤشر ${code}` : 'رمز المؤشر هذا'} رمز آخر للمؤشر ${canonical}؛ سُجّلت القيم تحت ${canonical}.`,
      fix: 'لا حاجة لأي إجراء.',
    };
  },
  indicator_sub_code: (c) => {
    const code = c.str('indicator');
    const parent = c.str('canonical');
    return {
      message: `${c.at}${code !== undefined ? `المؤشر ${code}` : 'رمز المؤشر هذا'} مؤشر فرعي من ${parent ?? 'أحد مؤشرات السجل'}؛ سُجّلت قيمه تحت ${parent ?? 'ذلك المؤشر'} كسلسلة ${code !== undefined ? c.q(code) : 'بهذا الرمز'}.`,
      fix: 'لا حاجة لأي إجراء. لمتابعته كمؤشر مستقل، أضف له ملف JSON في المجلد indicators/.',
    };
  },
  value_out_of_range: (c) => {
    const code = c.str('indicator');
    const range = rangeText(c, 'ar');
    const unit = c.str('unit');
    const detail = range === undefined ? '' : ` (${range}${unit === undefined ? '' : ` ${unit}`})`;
    return {
      message: `${c.at}القيمة${c.value === undefined ? '' : ` ${c.value}`} خارج النطاق الصالح${code === undefined ? '' : ` للمؤشر ${code}`}${detail}.`,
      fix: `تحقّق من القيمة بحثًا عن خطأ مطبعي، ومن أنها بوحدة المؤشر${unit === undefined ? '' : ` (${unit})`}.`,
    };
  },
  unit_mismatch: (c) => {
    const found = c.str('found') ?? c.issue.value ?? undefined;
    const code = c.str('indicator');
    const expected = c.str('expectedUnit');
    return {
      message: `${c.at}الوحدة ${found === undefined ? '' : `${c.q(found)} `}لا تطابق وحدة ${code === undefined ? 'المؤشر' : `المؤشر ${code}`}${expected === undefined ? '' : ` (${expected})`}.`,
      fix: `تحقّق من أن القيم ${expected === undefined ? 'بوحدة المؤشر' : `بوحدة ${expected}`} وصحّح خلية الوحدة؛ وإن كان الملف يستخدم وحدة أخرى فحوّل القيم أولًا.`,
    };
  },
  duplicate_observation: (c) => {
    const first = c.num('firstRow');
    const year = yearsOf(c);
    return {
      message: `${c.at}${c.value === undefined ? 'القيمة نفسها' : `القيمة ${c.value}`}${year === undefined ? '' : ` لعام ${year}`} وردت من قبل ${first === undefined ? 'في صف سابق' : `في الصف ${first}`}؛ حُذفت هذه النسخة.`,
      fix: 'لا حاجة لأي إجراء، أو احذف الصف المكرر.',
    };
  },
  conflicting_duplicate: (c) => {
    const first = c.num('firstRow');
    const year = yearsOf(c);
    const previous = rawNumber(c, 'previousValue');
    return {
      message: `${c.at}${c.value === undefined ? 'هذه القيمة' : `القيمة ${c.value}`}${year === undefined ? '' : ` لعام ${year}`} تختلف عن القيمة الواردة ${first === undefined ? 'في صف سابق' : `في الصف ${first}`}${previous === undefined ? '' : ` (${previous})`}؛ لم يُستورد أي من الصفين.`,
      fix: 'أبقِ صفًا واحدًا من الاثنين، أو ميّز بينهما بعمود تصنيف مثل الجنس أو السلسلة.',
    };
  },
  city_assumed: (c) => {
    const city = c.str('city');
    return {
      message: `لا يحتوي الملف على عمود للمدينة؛ نُسبت كل القيم إلى ${city === undefined ? 'مدينة واحدة' : c.q(city)}.`,
      fix: 'لا حاجة لأي إجراء إن كان ذلك صحيحًا؛ وإلا فأضف عمودًا للمدينة.',
    };
  },
  aggregate_row: (c) => {
    const name = c.str('name');
    return {
      message: `${c.atRow}هذا الصف مجموع إقليمي أو عالمي${name === undefined ? '' : ` (${c.q(name)})`} وليس مدينة؛ تم تخطّيه.`,
      fix: 'لا حاجة لأي إجراء. يقارن مرصد بين المدن؛ يمكن إضافة الأرقام الإقليمية كمؤشر محلي عند الحاجة.',
    };
  },
  indicator_from_filename: (c) => {
    const code = c.str('indicator');
    return {
      message: `لا يحتوي الملف على عمود للمؤشر؛ أُخذ المؤشر${code === undefined ? '' : ` ${code}`} من اسم الملف.`,
      fix: 'لا حاجة لأي إجراء إن كان ذلك صحيحًا؛ وإلا فأعد تسمية الملف أو أضف عمودًا للمؤشر.',
    };
  },
  truncated_issues: (c) => {
    const count = c.num('count');
    const shown = c.num('shown');
    return {
      message: `${shown === undefined ? 'تعرض القائمة جزءًا من المشكلات فقط' : `تعرض القائمة أول ${c.n(shown)} مشكلة فقط`}${count === undefined ? '' : `؛ ولم تُدرج ${c.n(count)} مشكلة أخرى`}. الأعداد حسب النوع كاملة.`,
      fix: 'أصلح المشكلات المدرجة، ثم حمّل الملف من جديد لرؤية البقية.',
    };
  },
};

/** French role names: as written in a header, and with the article (“la colonne qui contient l’année”). */
const ROLE_FR: Readonly<Record<string, readonly [name: string, withArticle: string]>> = {
  city: ['ville', 'la ville'],
  cityCode: ['code de la ville', 'le code de la ville'],
  indicator: ['indicateur', 'l’indicateur'],
  year: ['année', 'l’année'],
  value: ['valeur', 'la valeur'],
};
const ROLE_EXAMPLES_FR: Readonly<Record<string, string>> = {
  city: '«\u00a0ville\u00a0» (ou city)',
  cityCode: '«\u00a0code ville\u00a0» (ou city_code)',
  indicator: '«\u00a0indicateur\u00a0» (ou indicator)',
  year: '«\u00a0année\u00a0» (ou year)',
  value: '«\u00a0valeur\u00a0» (ou value)',
};
/** Spanish role names: as written in a header, and with the article (“la columna que contiene el año”). */
const ROLE_ES: Readonly<Record<string, readonly [name: string, withArticle: string]>> = {
  city: ['ciudad', 'la ciudad'],
  cityCode: ['código de la ciudad', 'el código de la ciudad'],
  indicator: ['indicador', 'el indicador'],
  year: ['año', 'el año'],
  value: ['valor', 'el valor'],
};
const ROLE_EXAMPLES_ES: Readonly<Record<string, string>> = {
  city: '«ciudad» (o city)',
  cityCode: '«código ciudad» (o city_code)',
  indicator: '«indicador» (o indicator)',
  year: '«año» (o year)',
  value: '«valor» (o value)',
};

function fileFr(c: Ctx): string {
  return c.issue.file === '' ? 'Le fichier' : `Le fichier ${c.q(c.issue.file)}`;
}
function fileEs(c: Ctx): string {
  return c.issue.file === '' ? 'El archivo' : `El archivo ${c.q(c.issue.file)}`;
}

/**
 * French. Typography: a no-break space (`\u00a0`) before `:` and inside « », a narrow no-break space
 * (`\u202f`) before `;`. French counts 0 and 1 as singular. UI labels quoted here (Options de lecture)
 * match messages-fr.ts.
 */
const FR: Writer = {
  empty_file: (c) => ({
    message: `${fileFr(c)} est vide\u00a0: il n’a ni ligne d’en-tête ni lignes de données.`,
    fix: 'Vérifiez que vous avez choisi le bon fichier et qu’il a été enregistré avec ses données\u202f; un export qui a échoué peut laisser un fichier vide.',
  }),
  binary_file: (c) => ({
    message: `${fileFr(c)} n’est pas un fichier texte (il ressemble à un classeur Excel, à un PDF ou à une image).`,
    fix: 'Ouvrez-le dans Excel ou LibreOffice, enregistrez-le au format «\u00a0CSV UTF-8 (délimité par des virgules)\u00a0», puis chargez le fichier CSV.',
  }),
  file_too_large: (c) => {
    const size = c.num('bytes');
    const limit = c.num('limit');
    const detail =
      size !== undefined && limit !== undefined
        ? ` (${c.bytes(size)}\u202f; la limite est de ${c.bytes(limit)})`
        : limit !== undefined
          ? ` (la limite est de ${c.bytes(limit)})`
          : size !== undefined
            ? ` (${c.bytes(size)})`
            : '';
    return {
      message: `${fileFr(c)} est trop volumineux pour être chargé${detail}.`,
      fix: 'Divisez-le en fichiers plus petits (par exemple un par indicateur ou par année) et chargez-les ensemble.',
    };
  },
  encoding_fallback: (c) => {
    const enc = encodingName(c);
    return {
      message: `Le fichier n’est pas en UTF-8\u202f; il a été lu ${enc === undefined ? 'avec un ancien encodage' : `avec l’encodage ${enc}`}, déduit des caractères qu’il contient.`,
      fix: 'Vérifiez l’aperçu\u00a0: si des lettres s’affichent mal, choisissez l’encodage dans Options de lecture (Windows-1256 pour les fichiers Excel en arabe) ou enregistrez le fichier au format «\u00a0CSV UTF-8\u00a0» dans Excel.',
    };
  },
  encoding_replacement_chars: (c) => {
    const count = c.num('count');
    const enc = encodingName(c);
    const one = count !== undefined && Math.abs(count) < 2;
    const what = count === undefined ? 'Certains caractères' : `${c.n(count)} ${one ? 'caractère' : 'caractères'}`;
    return {
      message: `${what} ${one ? 'n’a' : 'n’ont'} pas pu être ${one ? 'décodé' : 'décodés'}${enc === undefined ? '' : ` en ${enc}`} et ${one ? 'a été remplacé' : 'ont été remplacés'} par «\u00a0\uFFFD\u00a0».`,
      fix: 'Choisissez le bon encodage dans Options de lecture, ou enregistrez le fichier au format «\u00a0CSV UTF-8\u00a0» dans Excel.',
    };
  },
  undetectable_delimiter: () => ({
    message: 'Le séparateur de colonnes n’a pas pu être détecté\u00a0: chaque ligne a été lue comme une seule colonne.',
    fix: 'Choisissez le séparateur (virgule, point-virgule, tabulation ou |) dans Options de lecture, ou vérifiez que le fichier est un tableau enregistré au format CSV.',
  }),
  unknown_format: (c) => {
    const header = c.str('header');
    return {
      message: c.at_(
        c.atRow,
        `les colonnes ne correspondent à aucun format connu (long, large, Open SDG, export de la base de données des ODD de l’ONU)${header === undefined ? '' : `. En-tête\u00a0: ${header}`}.`,
      ),
      fix: 'Nommez les colonnes ville, indicateur, année et valeur (ou city, indicator, year, value), ou utilisez l’un des formats documentés.',
    };
  },
  no_data_rows: (c) => {
    const rows = c.num('rows');
    return rows === undefined || rows === 0
      ? {
          message: 'Le fichier a une ligne d’en-tête mais aucune ligne de données.',
          fix: 'Vérifiez que les données ont été enregistrées sous l’en-tête, puis chargez à nouveau le fichier.',
        }
      : {
          message: `Le fichier a ${c.n(rows)} ${rows < 2 ? 'ligne' : 'lignes'} de données mais aucune valeur\u00a0: toutes les cellules de valeur sont vides ou marquées comme manquantes.`,
          fix: 'Rien à importer pour l’instant. Saisissez les valeurs (ou vérifiez que la bonne colonne les contient), puis chargez à nouveau le fichier.',
        };
  },
  blank_header: (c) => {
    const pos = c.num('position');
    return {
      message: c.at_(c.atRow, `${pos === undefined ? 'une colonne' : `la colonne ${pos}`} n’a pas de nom dans l’en-tête.`),
      fix: 'Saisissez un nom dans la cellule d’en-tête, ou supprimez la colonne si elle est vide.',
    };
  },
  duplicate_header: (c) => {
    const pos = c.num('position');
    const name = c.issue.column === null ? '' : ` ${c.q(c.issue.column)}`;
    return {
      message: c.at_(c.atRow, `${pos === undefined ? 'une colonne' : `la colonne ${pos}`} porte le même nom${name} qu’une colonne précédente.`),
      fix: 'Renommez l’une des deux colonnes pour que chaque en-tête soit différent.',
    };
  },
  missing_column: (c) => {
    const role = c.str('role');
    const header = c.str('header');
    const names = role === undefined ? undefined : ROLE_FR[role];
    const roleName = role === undefined ? undefined : (names?.[0] ?? role);
    return {
      message: c.at_(
        c.atRow,
        `${roleName === undefined ? 'une colonne obligatoire (ville, indicateur, année ou valeur) est introuvable' : `aucune colonne ${c.q(roleName)} n’a été trouvée`}${header === undefined ? '' : ` (en-têtes\u00a0: ${header})`}.`,
      ),
      fix:
        role === undefined
          ? 'Ajoutez la colonne manquante, ou renommez la colonne qui la contient.'
          : `Ajoutez une colonne nommée ${ROLE_EXAMPLES_FR[role] ?? c.q(role)}, ou renommez la colonne qui contient ${names?.[1] ?? c.q(role)}.`,
    };
  },
  extra_column: (c) => ({
    message: c.at_(c.issue.column === null ? '' : `Colonne ${c.q(c.issue.column)}\u00a0: `, 'cette colonne n’est pas utilisée et a été ignorée.'),
    fix: 'Rien à faire si elle n’est pas utile. Pour l’importer, renommez-la avec un rôle connu (unité, série, source, note) ou gardez-la comme ventilation, par exemple le sexe ou l’âge.',
  }),
  missing_quotes: (c) => ({
    message: c.at_(c.at, 'une cellule entre guillemets n’est pas fermée (il manque le " fermant).'),
    fix: 'Ajoutez le guillemet fermant manquant, ou supprimez le " en trop au début de la cellule. Réenregistrer le fichier au format CSV dans Excel écrit correctement les guillemets.',
  }),
  invalid_quotes: (c) => ({
    message: c.at_(c.at, 'un guillemet (") est mal placé dans une cellule entre guillemets.'),
    fix: 'Dans une cellule entre guillemets, écrivez un guillemet en le doublant (""), ou supprimez-le.',
  }),
  ragged_row: (c) => {
    const expected = c.num('expected');
    const found = c.num('found');
    const rowName = c.issue.row === null ? 'Cette ligne' : `La ligne ${c.issue.row}`;
    const more = 'Cherchez un séparateur en trop dans la ligne, par exemple une virgule décimale dans un nombre sans guillemets (1,5)\u00a0: écrivez 1.5 ou mettez la cellule entre guillemets.';
    const fewer = 'Ajoutez les cellules manquantes (laissez-les vides si une valeur est inconnue) pour que la ligne compte autant de cellules que l’en-tête.';
    return {
      message:
        expected !== undefined && found !== undefined
          ? `${rowName} compte ${c.n(found)} ${found < 2 ? 'cellule' : 'cellules'}, alors que l’en-tête en compte ${c.n(expected)}.`
          : `${rowName} ne compte pas autant de cellules que l’en-tête.`,
      fix: expected !== undefined && found !== undefined ? (found > expected ? more : fewer) : `${more} ${fewer}`,
    };
  },
  blank_row: (c) => ({
    message: c.issue.row === null ? 'Une ligne vide a été ignorée.' : `La ligne ${c.issue.row} est vide et a été ignorée.`,
    fix: 'Rien à faire\u202f; vous pouvez supprimer la ligne vide.',
  }),
  cell_too_long: (c) => {
    const length = c.num('length');
    const limit = c.num('limit');
    const parts = [length === undefined ? undefined : `${c.n(length)} caractères`, limit === undefined ? undefined : `la limite est de ${c.n(limit)}`].filter(
      (s): s is string => s !== undefined,
    );
    return {
      message: c.at_(c.at, `la cellule est trop longue${parts.length ? ` (${parts.join('\u202f; ')})` : ''}.`),
      fix: 'Cela signifie en général qu’un guillemet a été ouvert au-dessus de cette ligne et jamais fermé, si bien que la cellule a absorbé les lignes suivantes. Vérifiez les guillemets dans les lignes précédentes.',
    };
  },
  not_a_number: (c) => {
    const d = c.str('decimal');
    const example = d === ',' ? '12,5' : '12.5';
    return {
      message: c.at_(c.at, `${c.value ?? 'la valeur'} n’est pas un nombre.`),
      fix: `Écrivez un nombre comme ${example}${d === undefined ? '' : ` (séparateur décimal\u00a0: ${d})`}, ou laissez la cellule vide si la valeur est manquante.`,
    };
  },
  ambiguous_decimal: (c) => {
    const parsed = rawNumber(c, 'parsed');
    const raw = c.issue.value;
    const readings =
      raw !== null && /^\d{1,3}[.,]\d{3}$/.test(raw.trim())
        ? ` peut signifier ${raw.trim().replace(/[.,]/, '')} ou ${raw.trim().replace(',', '.')}`
        : ' peut se lire de deux façons';
    return {
      message: c.at_(c.at, `${c.value ?? 'la valeur'}${readings}${parsed === undefined ? '' : `\u202f; lecture retenue\u00a0: ${parsed}`}.`),
      fix: 'Si ce n’est pas la bonne lecture, choisissez le séparateur décimal dans Options de lecture et relisez le fichier.',
    };
  },
  missing_value: (c) => ({
    message: c.at_(c.at, `la valeur est manquante${c.value === undefined || c.issue.value === '' ? '' : ` (${c.value})`}.`),
    fix: 'Rien à faire si la valeur est réellement inconnue\u202f; sinon, saisissez-la.',
  }),
  invalid_year: (c) => ({
    message: c.at_(c.at, c.str('reason') === 'blank' || c.issue.value === null || c.issue.value.trim() === '' ? 'l’année est vide.' : `${c.value ?? ''} n’est pas une année.`),
    fix: 'Écrivez une année à quatre chiffres comme 2020, ou une période comme 2017-18 ou 2010/11.',
  }),
  year_out_of_range: (c) => {
    const min = rawNumber(c, 'min');
    const max = rawNumber(c, 'max');
    return {
      message: c.at_(c.at, `${c.value ?? 'l’année'} est en dehors des années attendues${min !== undefined && max !== undefined ? ` (de ${min} à ${max})` : ''}.`),
      fix: 'Vérifiez qu’il ne s’agit pas d’une faute de frappe\u202f; une année hors de cette plage en est généralement une.',
    };
  },
  missing_city: (c) => ({
    message: c.at_(c.at, 'le nom de la ville est vide.'),
    fix: 'Saisissez le nom ou le code de la ville dans cette cellule.',
  }),
  missing_indicator: (c) => ({
    message: c.at_(c.at, 'le code de l’indicateur est vide.'),
    fix: 'Saisissez le code de l’indicateur, par exemple 11.6.2.',
  }),
  digits_normalized: (c) => {
    const count = c.num('count');
    const where = c.issue.row === null ? '' : ` (la première à la ligne ${c.issue.row})`;
    return {
      message:
        count === undefined
          ? `Des cellules écrites en chiffres arabes orientaux (١٢٣) ont été lues comme des nombres${where}.`
          : count < 2
            ? `${c.n(count)} cellule écrite en chiffres arabes orientaux (١٢٣) a été lue comme un nombre${where}.`
            : `${c.n(count)} cellules écrites en chiffres arabes orientaux (١٢٣) ont été lues comme des nombres${where}.`,
      fix: 'Rien à faire.',
    };
  },
  formula_like_text: (c) => ({
    message: c.at_(c.at, `${c.value ?? 'la cellule'} ressemble à une formule de tableur\u202f; le contenu est conservé en texte brut.`),
    fix: 'Vérifiez que la cellule contient bien ce que vous vouliez. Marsad ne l’exécute jamais, et ses exports CSV ajoutent une apostrophe pour que les tableurs ne l’exécutent pas non plus.',
  }),
  markup_like_text: (c) => ({
    message: c.at_(c.at, `${c.value ?? 'la cellule'} ressemble à du HTML\u202f; le contenu est conservé en texte brut et n’est jamais affiché comme balisage.`),
    fix: 'Supprimez les balises si elles ne font pas partie du texte.',
  }),
  unknown_indicator: (c) => {
    const code = c.str('indicator');
    if (c.issue.severity === 'error')
      return {
        message: c.at_(c.at, `${c.value ?? (code === undefined ? 'la cellule' : c.q(code))} n’est pas un code d’indicateur.`),
        fix: 'Écrivez un code d’indicateur ODD comme 11.6.2, ou un code local comme AMM-1 (lettres majuscules, un trait d’union et un nombre).',
      };
    return {
      message: c.at_(
        c.at,
        `${code !== undefined ? `l’indicateur ${code}` : c.value !== undefined ? `l’indicateur ${c.value}` : 'l’indicateur'} ne figure pas dans le registre\u202f; ses valeurs ont été importées comme indicateur local, sans titre ni cible.`,
      ),
      fix: 'Vérifiez que le code ne contient pas de faute de frappe. Pour donner un titre, une unité et une cible à un indicateur local, ajoutez-lui un fichier JSON dans indicators/.',
    };
  },
  indicator_alias: (c) => {
    const code = c.str('indicator');
    const canonical = c.str('canonical');
    const subject = code !== undefined ? `l’indicateur ${code}` : 'ce code d’indicateur';
    return {
      message: c.at_(
        c.at,
        canonical === undefined
          ? `${subject} est un autre code d’un indicateur du registre\u202f; les valeurs ont été rattachées à cet indicateur.`
          : `${subject} est un autre code de ${canonical}\u202f; les valeurs ont été rattachées à ${canonical}.`,
      ),
      fix: 'Rien à faire.',
    };
  },
  indicator_sub_code: (c) => {
    const code = c.str('indicator');
    const parent = c.str('canonical');
    return {
      message: c.at_(
        c.at,
        `${code !== undefined ? `l’indicateur ${code}` : 'ce code d’indicateur'} est un sous-indicateur ${parent === undefined ? 'd’un indicateur du registre' : `de ${parent}`}\u202f; ses valeurs ont été rattachées à ${parent ?? 'cet indicateur'} sous la série ${code !== undefined ? c.q(code) : 'portant ce code'}.`,
      ),
      fix: 'Rien à faire. Pour le suivre comme un indicateur à part entière, ajoutez-lui un fichier JSON dans indicators/.',
    };
  },
  value_out_of_range: (c) => {
    const code = c.str('indicator');
    const range = rangeText(c, 'fr');
    const unit = c.str('unit');
    const detail = range === undefined ? '' : ` (${range}${unit === undefined ? '' : `\u00a0${unit}`})`;
    return {
      message: c.at_(c.at, `${c.value ?? 'la valeur'} est en dehors de la plage valide${code === undefined ? '' : ` de l’indicateur ${code}`}${detail}.`),
      fix: `Vérifiez que la valeur ne contient pas de faute de frappe et qu’elle est exprimée dans l’unité de l’indicateur${unit === undefined ? '' : ` (${unit})`}.`,
    };
  },
  unit_mismatch: (c) => {
    const found = c.str('found') ?? c.issue.value ?? undefined;
    const code = c.str('indicator');
    const expected = c.str('expectedUnit');
    return {
      message: c.at_(
        c.at,
        `l’unité ${found === undefined ? '' : `${c.q(found)} `}ne correspond pas à celle de ${code === undefined ? 'l’indicateur' : `l’indicateur ${code}`}${expected === undefined ? '' : ` (${expected})`}.`,
      ),
      fix: `Vérifiez que les valeurs sont exprimées ${expected === undefined ? 'dans l’unité de l’indicateur' : `en ${expected}`} et corrigez la cellule d’unité\u202f; si le fichier utilise une autre unité, convertissez d’abord les valeurs.`,
    };
  },
  duplicate_observation: (c) => {
    const first = c.num('firstRow');
    const year = yearsOf(c);
    return {
      message: c.at_(
        c.at,
        `${c.value ?? 'la même valeur'}${year === undefined ? '' : ` pour ${year}`} figure déjà${first === undefined ? ' dans une ligne précédente' : ` à la ligne ${first}`}\u202f; ce doublon a été écarté.`,
      ),
      fix: 'Rien à faire, ou supprimez la ligne répétée.',
    };
  },
  conflicting_duplicate: (c) => {
    const first = c.num('firstRow');
    const year = yearsOf(c);
    const previous = rawNumber(c, 'previousValue');
    return {
      message: c.at_(
        c.at,
        `${c.value ?? 'cette valeur'}${year === undefined ? '' : ` pour ${year}`} diffère de la valeur indiquée${first === undefined ? ' dans une ligne précédente' : ` à la ligne ${first}`}${previous === undefined ? '' : ` (${previous})`}\u202f; aucune des deux lignes n’a été importée.`,
      ),
      fix: 'Ne gardez qu’une des deux lignes, ou distinguez-les par une colonne de ventilation comme le sexe ou la série.',
    };
  },
  city_assumed: (c) => {
    const city = c.str('city');
    return {
      message: `Le fichier n’a pas de colonne de ville\u202f; toutes les valeurs ont été attribuées à ${city === undefined ? 'une seule ville' : c.q(city)}.`,
      fix: 'Rien à faire si c’est correct\u202f; sinon, ajoutez une colonne de ville.',
    };
  },
  aggregate_row: (c) => {
    const name = c.str('name');
    return {
      message: c.at_(c.atRow, `cette ligne est un agrégat régional ou mondial${name === undefined ? '' : ` (${c.q(name)})`}, pas une ville\u202f; elle a été ignorée.`),
      fix: 'Rien à faire. Marsad compare des villes\u202f; les chiffres régionaux peuvent être ajoutés comme indicateur local si nécessaire.',
    };
  },
  indicator_from_filename: (c) => {
    const code = c.str('indicator');
    return {
      message: `Le fichier n’a pas de colonne d’indicateur\u202f; l’indicateur${code === undefined ? '' : ` ${code}`} a été déduit du nom du fichier.`,
      fix: 'Rien à faire si c’est correct\u202f; sinon, renommez le fichier ou ajoutez une colonne d’indicateur.',
    };
  },
  truncated_issues: (c) => {
    const count = c.num('count');
    const shown = c.num('shown');
    return {
      message: `${shown === undefined ? 'Seule une partie des problèmes est listée' : `Seuls les ${c.n(shown)} premiers problèmes sont listés`}${count === undefined ? '' : `\u202f; ${c.n(count)} ${count < 2 ? 'autre a été omis' : 'autres ont été omis'}`}. Les décomptes par type sont complets.`,
      fix: 'Corrigez les problèmes listés, puis chargez à nouveau le fichier pour voir les suivants.',
    };
  },
};

/** Spanish (formal “usted”, as in UN Spanish texts). UI labels quoted here (Opciones de lectura) match messages-es.ts. */
const ES: Writer = {
  empty_file: (c) => ({
    message: `${fileEs(c)} está vacío: no tiene encabezado ni filas de datos.`,
    fix: 'Compruebe que eligió el archivo correcto y que se guardó con sus datos; una exportación fallida puede dejar un archivo vacío.',
  }),
  binary_file: (c) => ({
    message: `${fileEs(c)} no es un archivo de texto (parece un libro de Excel, un PDF o una imagen).`,
    fix: 'Ábralo en Excel o LibreOffice, guárdelo como «CSV UTF-8 (delimitado por comas)» y cargue el archivo CSV.',
  }),
  file_too_large: (c) => {
    const size = c.num('bytes');
    const limit = c.num('limit');
    const detail =
      size !== undefined && limit !== undefined
        ? ` (${c.bytes(size)}; el límite es de ${c.bytes(limit)})`
        : limit !== undefined
          ? ` (el límite es de ${c.bytes(limit)})`
          : size !== undefined
            ? ` (${c.bytes(size)})`
            : '';
    return {
      message: `${fileEs(c)} es demasiado grande para cargarlo${detail}.`,
      fix: 'Divídalo en archivos más pequeños (por ejemplo, uno por indicador o por año) y cárguelos juntos.',
    };
  },
  encoding_fallback: (c) => {
    const enc = encodingName(c);
    return {
      message: `El archivo no está en UTF-8; se leyó ${enc === undefined ? 'con una codificación antigua' : `con la codificación ${enc}`}, deducida de los caracteres que contiene.`,
      fix: 'Revise la vista previa: si las letras se ven mal, elija la codificación en Opciones de lectura (Windows-1256 para archivos de Excel en árabe) o guarde el archivo como «CSV UTF-8» en Excel.',
    };
  },
  encoding_replacement_chars: (c) => {
    const count = c.num('count');
    const enc = encodingName(c);
    const one = count === 1;
    const what = count === undefined ? 'Algunos caracteres' : `${c.n(count)} ${one ? 'carácter' : 'caracteres'}`;
    return {
      message: `${what} no se ${one ? 'pudo' : 'pudieron'} decodificar${enc === undefined ? '' : ` como ${enc}`} y se ${one ? 'reemplazó' : 'reemplazaron'} por «\uFFFD».`,
      fix: 'Elija la codificación correcta en Opciones de lectura o guarde el archivo como «CSV UTF-8» en Excel.',
    };
  },
  undetectable_delimiter: () => ({
    message: 'No se pudo detectar el delimitador: cada fila se leyó como una sola columna.',
    fix: 'Elija el delimitador (coma, punto y coma, tabulación o |) en Opciones de lectura, o compruebe que el archivo es una tabla guardada como CSV.',
  }),
  unknown_format: (c) => {
    const header = c.str('header');
    return {
      message: c.at_(
        c.atRow,
        `las columnas no corresponden a ningún formato conocido (largo, ancho, Open SDG, exportación de la base de datos de los ODS de las Naciones Unidas)${header === undefined ? '' : `. Encabezado: ${header}`}.`,
      ),
      fix: 'Nombre las columnas ciudad, indicador, año y valor (o city, indicator, year, value), o use uno de los formatos documentados.',
    };
  },
  no_data_rows: (c) => {
    const rows = c.num('rows');
    return rows === undefined || rows === 0
      ? {
          message: 'El archivo tiene encabezado pero no tiene filas de datos.',
          fix: 'Compruebe que los datos se guardaron debajo del encabezado y vuelva a cargar el archivo.',
        }
      : {
          message: `El archivo tiene ${c.n(rows)} ${rows === 1 ? 'fila' : 'filas'} de datos pero ningún valor: todas las celdas de valor están vacías o marcadas como faltantes.`,
          fix: 'Todavía no hay nada que importar. Complete los valores (o compruebe que la columna correcta los contiene) y vuelva a cargar el archivo.',
        };
  },
  blank_header: (c) => {
    const pos = c.num('position');
    return {
      message: c.at_(c.atRow, `${pos === undefined ? 'una columna' : `la columna ${pos}`} no tiene nombre en el encabezado.`),
      fix: 'Escriba un nombre en la celda del encabezado o elimine la columna si está vacía.',
    };
  },
  duplicate_header: (c) => {
    const pos = c.num('position');
    const name = c.issue.column === null ? '' : ` ${c.q(c.issue.column)}`;
    return {
      message: c.at_(c.atRow, `${pos === undefined ? 'una columna' : `la columna ${pos}`} tiene el mismo nombre${name} que una columna anterior.`),
      fix: 'Cambie el nombre de una de las dos columnas para que todos los encabezados sean distintos.',
    };
  },
  missing_column: (c) => {
    const role = c.str('role');
    const header = c.str('header');
    const names = role === undefined ? undefined : ROLE_ES[role];
    const roleName = role === undefined ? undefined : (names?.[0] ?? role);
    return {
      message: c.at_(
        c.atRow,
        `${roleName === undefined ? 'no se encontró una columna obligatoria (ciudad, indicador, año o valor)' : `no se encontró ninguna columna ${c.q(roleName)}`}${header === undefined ? '' : ` (encabezados: ${header})`}.`,
      ),
      fix:
        role === undefined
          ? 'Añada la columna que falta o cambie el nombre de la columna que la contiene.'
          : `Añada una columna llamada ${ROLE_EXAMPLES_ES[role] ?? c.q(role)} o cambie el nombre de la columna que contiene ${names?.[1] ?? c.q(role)}.`,
    };
  },
  extra_column: (c) => ({
    message: c.at_(c.issue.column === null ? '' : `Columna ${c.q(c.issue.column)}: `, 'esta columna no se usa y se ignoró.'),
    fix: 'No hace falta hacer nada si no se necesita. Para importarla, cámbiele el nombre por un rol conocido (unidad, serie, fuente, nota) o consérvela como desglose, por ejemplo sexo o edad.',
  }),
  missing_quotes: (c) => ({
    message: c.at_(c.at, 'una celda entre comillas no está cerrada (falta la " de cierre).'),
    fix: 'Añada la comilla de cierre que falta o elimine la " sobrante al principio de la celda. Si vuelve a guardar el archivo como CSV en Excel, las comillas se escriben correctamente.',
  }),
  invalid_quotes: (c) => ({
    message: c.at_(c.at, 'hay una comilla (") fuera de lugar dentro de una celda entre comillas.'),
    fix: 'Dentro de una celda entre comillas, escriba la comilla dos veces ("") o elimínela.',
  }),
  ragged_row: (c) => {
    const expected = c.num('expected');
    const found = c.num('found');
    const rowName = c.issue.row === null ? 'Esta fila' : `La fila ${c.issue.row}`;
    const more = 'Busque un delimitador de más en la fila, por ejemplo una coma decimal en un número sin comillas (1,5): escriba 1.5 o ponga la celda entre comillas.';
    const fewer = 'Añada las celdas que faltan (déjelas vacías si un valor es desconocido) para que la fila tenga tantas celdas como el encabezado.';
    return {
      message:
        expected !== undefined && found !== undefined
          ? `${rowName} tiene ${c.n(found)} ${found === 1 ? 'celda' : 'celdas'}, pero el encabezado tiene ${c.n(expected)}.`
          : `${rowName} no tiene tantas celdas como el encabezado.`,
      fix: expected !== undefined && found !== undefined ? (found > expected ? more : fewer) : `${more} ${fewer}`,
    };
  },
  blank_row: (c) => ({
    message: c.issue.row === null ? 'Se omitió una fila vacía.' : `La fila ${c.issue.row} está vacía y se omitió.`,
    fix: 'No hace falta hacer nada; puede eliminar la línea vacía.',
  }),
  cell_too_long: (c) => {
    const length = c.num('length');
    const limit = c.num('limit');
    const parts = [length === undefined ? undefined : `${c.n(length)} caracteres`, limit === undefined ? undefined : `el límite es de ${c.n(limit)}`].filter(
      (s): s is string => s !== undefined,
    );
    return {
      message: c.at_(c.at, `la celda es demasiado larga${parts.length ? ` (${parts.join('; ')})` : ''}.`),
      fix: 'Esto suele indicar que se abrió una comilla antes de esta fila y nunca se cerró, de modo que la celda absorbió las líneas siguientes. Revise las comillas de las filas anteriores.',
    };
  },
  not_a_number: (c) => {
    const d = c.str('decimal');
    const example = d === ',' ? '12,5' : '12.5';
    return {
      message: c.at_(c.at, `${c.value ?? 'el valor'} no es un número.`),
      fix: `Escriba un número como ${example}${d === undefined ? '' : ` (separador decimal: ${d})`} o deje la celda vacía si falta el valor.`,
    };
  },
  ambiguous_decimal: (c) => {
    const parsed = rawNumber(c, 'parsed');
    const raw = c.issue.value;
    const readings =
      raw !== null && /^\d{1,3}[.,]\d{3}$/.test(raw.trim())
        ? ` puede significar ${raw.trim().replace(/[.,]/, '')} o ${raw.trim().replace(',', '.')}`
        : ' puede leerse de dos maneras';
    return {
      message: c.at_(c.at, `${c.value ?? 'el valor'}${readings}${parsed === undefined ? '' : `; se leyó como ${parsed}`}.`),
      fix: 'Si no es correcto, elija el separador decimal en Opciones de lectura y vuelva a leer el archivo.',
    };
  },
  missing_value: (c) => ({
    message: c.at_(c.at, `falta el valor${c.value === undefined || c.issue.value === '' ? '' : ` (${c.value})`}.`),
    fix: 'No hace falta hacer nada si el valor es realmente desconocido; de lo contrario, escríbalo.',
  }),
  invalid_year: (c) => ({
    message: c.at_(c.at, c.str('reason') === 'blank' || c.issue.value === null || c.issue.value.trim() === '' ? 'el año está vacío.' : `${c.value ?? ''} no es un año.`),
    fix: 'Escriba un año de cuatro cifras, como 2020, o un período, como 2017-18 o 2010/11.',
  }),
  year_out_of_range: (c) => {
    const min = rawNumber(c, 'min');
    const max = rawNumber(c, 'max');
    return {
      message: c.at_(c.at, `${c.value ?? 'el año'} está fuera de los años esperados${min !== undefined && max !== undefined ? ` (de ${min} a ${max})` : ''}.`),
      fix: 'Compruebe si el año tiene un error de escritura; un año fuera de este intervalo suele tenerlo.',
    };
  },
  missing_city: (c) => ({
    message: c.at_(c.at, 'el nombre de la ciudad está vacío.'),
    fix: 'Escriba el nombre o el código de la ciudad en esta celda.',
  }),
  missing_indicator: (c) => ({
    message: c.at_(c.at, 'el código del indicador está vacío.'),
    fix: 'Escriba el código del indicador, por ejemplo, 11.6.2.',
  }),
  digits_normalized: (c) => {
    const count = c.num('count');
    const where = c.issue.row === null ? '' : ` (la primera en la fila ${c.issue.row})`;
    return {
      message:
        count === undefined
          ? `Las celdas escritas con cifras arábigas orientales (١٢٣) se leyeron como números${where}.`
          : count === 1
            ? `${c.n(count)} celda escrita con cifras arábigas orientales (١٢٣) se leyó como número${where}.`
            : `${c.n(count)} celdas escritas con cifras arábigas orientales (١٢٣) se leyeron como números${where}.`,
      fix: 'No hace falta hacer nada.',
    };
  },
  formula_like_text: (c) => ({
    message: c.at_(c.at, `${c.value ?? 'la celda'} parece una fórmula de hoja de cálculo; se conserva como texto sin formato.`),
    fix: 'Compruebe que la celda contiene lo que quería. Marsad nunca la ejecuta, y sus exportaciones CSV añaden un apóstrofo para que las hojas de cálculo tampoco lo hagan.',
  }),
  markup_like_text: (c) => ({
    message: c.at_(c.at, `${c.value ?? 'la celda'} parece HTML; se conserva como texto sin formato y nunca se muestra como marcado.`),
    fix: 'Elimine las etiquetas si no forman parte del texto.',
  }),
  unknown_indicator: (c) => {
    const code = c.str('indicator');
    if (c.issue.severity === 'error')
      return {
        message: c.at_(c.at, `${c.value ?? (code === undefined ? 'la celda' : c.q(code))} no es un código de indicador.`),
        fix: 'Escriba un código de indicador de los ODS, como 11.6.2, o un código local, como AMM-1 (letras mayúsculas, un guion y un número).',
      };
    return {
      message: c.at_(
        c.at,
        `${code !== undefined ? `el indicador ${code}` : c.value !== undefined ? `el indicador ${c.value}` : 'el indicador'} no figura en el registro; sus valores se importaron como indicador local, sin título ni meta.`,
      ),
      fix: 'Compruebe que el código no tenga errores de escritura. Para dar a un indicador local un título, una unidad y una meta, añada un archivo JSON para él en indicators/.',
    };
  },
  indicator_alias: (c) => {
    const code = c.str('indicator');
    const canonical = c.str('canonical');
    const subject = code !== undefined ? `el indicador ${code}` : 'este código de indicador';
    return {
      message: c.at_(
        c.at,
        canonical === undefined
          ? `${subject} es otro código de un indicador del registro; los valores se asignaron a ese indicador.`
          : `${subject} es otro código de ${canonical}; los valores se asignaron a ${canonical}.`,
      ),
      fix: 'No hace falta hacer nada.',
    };
  },
  indicator_sub_code: (c) => {
    const code = c.str('indicator');
    const parent = c.str('canonical');
    return {
      message: c.at_(
        c.at,
        `${code !== undefined ? `el indicador ${code}` : 'este código de indicador'} es un subindicador de ${parent ?? 'un indicador del registro'}; sus valores se asignaron a ${parent ?? 'ese indicador'} como la serie ${code !== undefined ? c.q(code) : 'con ese código'}.`,
      ),
      fix: 'No hace falta hacer nada. Para seguirlo como indicador propio, añada un archivo JSON para él en indicators/.',
    };
  },
  value_out_of_range: (c) => {
    const code = c.str('indicator');
    const range = rangeText(c, 'es');
    const unit = c.str('unit');
    const detail = range === undefined ? '' : ` (${range}${unit === undefined ? '' : `\u00a0${unit}`})`;
    return {
      message: c.at_(c.at, `${c.value ?? 'el valor'} está fuera del intervalo válido${code === undefined ? '' : ` del indicador ${code}`}${detail}.`),
      fix: `Compruebe que el valor no tenga errores de escritura y que esté expresado en la unidad del indicador${unit === undefined ? '' : ` (${unit})`}.`,
    };
  },
  unit_mismatch: (c) => {
    const found = c.str('found') ?? c.issue.value ?? undefined;
    const code = c.str('indicator');
    const expected = c.str('expectedUnit');
    return {
      message: c.at_(
        c.at,
        `la unidad ${found === undefined ? '' : `${c.q(found)} `}no coincide con la del indicador${code === undefined ? '' : ` ${code}`}${expected === undefined ? '' : ` (${expected})`}.`,
      ),
      fix: `Compruebe que los valores estén expresados en ${expected ?? 'la unidad del indicador'} y corrija la celda de la unidad; si el archivo usa otra unidad, convierta primero los valores.`,
    };
  },
  duplicate_observation: (c) => {
    const first = c.num('firstRow');
    const year = yearsOf(c);
    return {
      message: c.at_(
        c.at,
        `${c.value ?? 'el mismo valor'}${year === undefined ? '' : ` para ${year}`} ya figuraba${first === undefined ? ' en una fila anterior' : ` en la fila ${first}`}; se descartó esta copia.`,
      ),
      fix: 'No hace falta hacer nada, o elimine la fila repetida.',
    };
  },
  conflicting_duplicate: (c) => {
    const first = c.num('firstRow');
    const year = yearsOf(c);
    const previous = rawNumber(c, 'previousValue');
    return {
      message: c.at_(
        c.at,
        `${c.value ?? 'este valor'}${year === undefined ? '' : ` para ${year}`} difiere del valor indicado${first === undefined ? ' en una fila anterior' : ` en la fila ${first}`}${previous === undefined ? '' : ` (${previous})`}; no se importó ninguna de las dos filas.`,
      ),
      fix: 'Conserve solo una de las dos filas o distíngalas con una columna de desglose, como sexo o serie.',
    };
  },
  city_assumed: (c) => {
    const city = c.str('city');
    return {
      message: `El archivo no tiene columna de ciudad; todos los valores se asignaron a ${city === undefined ? 'una sola ciudad' : c.q(city)}.`,
      fix: 'No hace falta hacer nada si es correcto; de lo contrario, añada una columna de ciudad.',
    };
  },
  aggregate_row: (c) => {
    const name = c.str('name');
    return {
      message: c.at_(c.atRow, `esta fila es un agregado regional o mundial${name === undefined ? '' : ` (${c.q(name)})`}, no una ciudad; se omitió.`),
      fix: 'No hace falta hacer nada. Marsad compara ciudades; las cifras regionales pueden añadirse como indicador local si es necesario.',
    };
  },
  indicator_from_filename: (c) => {
    const code = c.str('indicator');
    return {
      message: `El archivo no tiene columna de indicador; el indicador${code === undefined ? '' : ` ${code}`} se tomó del nombre del archivo.`,
      fix: 'No hace falta hacer nada si es correcto; de lo contrario, cambie el nombre del archivo o añada una columna de indicador.',
    };
  },
  truncated_issues: (c) => {
    const count = c.num('count');
    const shown = c.num('shown');
    return {
      message: `${shown === undefined ? 'Solo se muestra una parte de los problemas' : `Solo se muestran los primeros ${c.n(shown)} problemas`}${count === undefined ? '' : `; se ${count === 1 ? 'omitió' : 'omitieron'} ${c.n(count)} más`}. Los recuentos por tipo están completos.`,
      fix: 'Corrija los problemas indicados y vuelva a cargar el archivo para ver el resto.',
    };
  },
};

const WRITERS: Readonly<Record<Lang, Writer>> = { en: EN, ar: AR, fr: FR, es: ES };
