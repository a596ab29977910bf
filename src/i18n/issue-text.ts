import type { Issue, IssueCode } from '@/domain/issue';
import { formatBytes, formatNumber } from './format-number';
import type { Digits, Lang } from './lang';

/**
 * The issue catalogue: what each validation issue means (`message`) and how to fix it (`fix`), in
 * English and Arabic (French and Spanish fall back to English). Built from the issue's code, location
 * (row, column), raw value and params; any of those may be missing and the wording degrades to a
 * shorter sentence. Pure (no React, no DOM): the CLI uses it for its English report.
 */
export type IssueText = { message: string; fix: string };

export function issueText(issue: Issue, lang: Lang, options: { digits?: Digits } = {}): IssueText {
  return lang === 'ar' ? AR[issue.code](context(issue, 'ar', options.digits)) : EN[issue.code](context(issue, 'en', 'latn'));
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

function context(issue: Issue, lang: 'en' | 'ar', digits: Digits | undefined): Ctx {
  const q = lang === 'ar' ? (s: string) => `«${s}»` : (s: string) => `"${s}"`;
  const n = (x: number) => formatNumber(x, lang, { digits });
  const plain = (x: number) => formatNumber(x, lang, { digits, grouping: false });
  const row = issue.row === null || issue.row <= 0 ? undefined : plain(issue.row);
  const col = issue.column === null || issue.column === '' ? undefined : q(issue.column);
  const [rowWord, colWord, sep] = lang === 'ar' ? ['الصف', 'العمود', '، '] : ['Row', 'column', ', '];
  const colFirst = lang === 'ar' ? 'العمود' : 'Column';
  let at = '';
  if (row !== undefined && col !== undefined) at = `${rowWord} ${row}${sep}${colWord} ${col}: `;
  else if (row !== undefined) at = `${rowWord} ${row}: `;
  else if (col !== undefined) at = `${colFirst} ${col}: `;
  const atRow = row === undefined ? '' : `${rowWord} ${row}: `;
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
    prefix === '' && lang === 'en' ? body.charAt(0).toUpperCase() + body.slice(1) : prefix + body;
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
function rangeText(c: Ctx, lang: 'en' | 'ar'): string | undefined {
  const min = c.num('min');
  const max = c.num('max');
  if (min !== undefined && max !== undefined) return lang === 'ar' ? `من ${c.n(min)} إلى ${c.n(max)}` : `${c.n(min)} to ${c.n(max)}`;
  if (min !== undefined) return lang === 'ar' ? `لا تقل عن ${c.n(min)}` : `at least ${c.n(min)}`;
  if (max !== undefined) return lang === 'ar' ? `لا تزيد على ${c.n(max)}` : `at most ${c.n(max)}`;
  return undefined;
}

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
        `${roleName === undefined ? 'a required column (city, indicator, year or value)' : `no ${roleName} column`} was found${header === undefined ? '' : ` (header: ${header})`}.`,
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
