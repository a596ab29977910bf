import { ROLE_EN, ROLE_EXAMPLES, type Writer, encodingName, fileEn, rangeText, rawNumber, yearsOf } from './issue-text-context';

/** The issue catalogue in English: one message and one fix per issue code. */
export const EN: Writer = {
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
  too_many_columns: (c) => {
    const limit = c.num('limit');
    return {
      message: c.at_(c.atRow, `the header has more than ${limit === undefined ? 'a million' : c.n(limit)} columns: the file was not read (Excel sheets have at most ${c.n(16384)}).`),
      fix: 'Check the delimiter under Reading options (a wrong one can split every character), or save the sheet again as CSV; split a very wide table into several files.',
    };
  },
  extra_column: (c) => ({
    message: c.at_(c.issue.column === null ? '' : `Column ${c.q(c.issue.column)}: `, 'this column is not used and was ignored.'),
    fix: 'Nothing to do if it is not needed. To import it, rename it to a known role (unit, series, source, note) or keep it as a breakdown such as sex or age.',
  }),
  missing_quotes: (c) => {
    const lines = c.num('lines');
    const swallowed =
      lines === undefined || lines < 1
        ? ''
        : lines === 1
          ? '; it runs on into the next line of the file, which was not imported'
          : `; it runs on into the next ${c.n(lines)} lines of the file, which were not imported`;
    return {
      message: c.at_(c.at, `a quoted cell is not closed (a closing " is missing)${swallowed}.`),
      fix: 'Add the missing closing quote, or remove the stray " at the start of the cell. Re-saving the file as CSV in Excel writes the quotes correctly.',
    };
  },
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
        `${code !== undefined ? `indicator ${code}` : 'this indicator code'} is a national or local sub-indicator of ${parent ?? 'a registry indicator'}: it is read as an indicator of its own, linked to ${parent ?? 'that indicator'}'s target but not merged into its numbers nor judged by its definition.`,
      ),
      fix: 'Nothing to do. To give it a title, unit, direction and target, add a JSON file for it in indicators/.',
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
  value_near_range: (c) => {
    const code = c.str('indicator');
    const count = c.num('count');
    const low = rawNumber(c, 'low');
    const high = rawNumber(c, 'high');
    const range = rangeText(c, 'en');
    const unit = c.str('unit');
    return {
      message: c.at_(
        c.at,
        `${count === undefined ? 'some values' : `${c.n(count)} value${count === 1 ? '' : 's'}`}${code === undefined ? '' : ` of indicator ${code}`}${low === undefined || high === undefined ? '' : ` (${low} to ${high})`} ${count === 1 ? 'is' : 'are'} just outside the valid range${range === undefined ? '' : ` (${range}${unit === undefined ? '' : ` ${unit}`})`}: kept as the file gives them (rounding in the source, or a gross ratio above 100 %).`,
      ),
      fix: 'Nothing to do if the source publishes them so; otherwise correct them in the file.',
    };
  },
  unit_mismatch: (c) => {
    const found = c.str('found') ?? c.issue.value ?? undefined;
    const code = c.str('indicator');
    const expected = c.str('expectedUnit');
    return {
      message: c.at_(
        c.at,
        `the unit ${found === undefined ? '' : `${c.q(found)} `}is not the unit of ${code === undefined ? 'the indicator' : `indicator ${code}`}${expected === undefined ? '' : ` (${expected})`}: these values are kept as their own series with their own unit, and progress toward the indicator's target is not computed from them.`,
      ),
      fix: `Nothing to do if the file measures something else under this code. If the values are in fact in ${expected ?? "the indicator's unit"}, correct the unit cell.`,
    };
  },
  unit_not_stated: (c) => {
    const code = c.str('indicator');
    const count = c.num('count');
    const total = c.num('total');
    const low = rawNumber(c, 'low');
    const high = rawNumber(c, 'high');
    const unit = c.str('unit');
    return {
      message: `${count === undefined || total === undefined ? 'Most values' : `${c.n(count)} of ${c.n(total)} values`}${code === undefined ? '' : ` of indicator ${code}`}${low === undefined || high === undefined ? '' : ` (${low} to ${high})`} cannot be in ${unit ?? "the indicator's unit"} and the file states no unit: they are kept as their own series, "unit not stated", and progress toward the indicator's target is not computed from them.`,
      fix: `Add a Units column saying what the values measure (tonnes, a count…). If they are meant to be in ${unit ?? "the indicator's unit"}, correct them.`,
    };
  },
  duplicate_observation: (c) => {
    const twinColumn = c.num('firstColumn');
    if (twinColumn !== undefined) {
      const y = yearsOf(c);
      return {
        message: c.at_(c.at, `${c.value ?? 'the same value'}${y === undefined ? '' : ` for ${y}`} was already given in column ${twinColumn} of this row (the year has two columns); this copy was dropped.`),
        fix: 'Delete the repeated year column.',
      };
    }
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
    const twinColumn = c.num('firstColumn');
    if (twinColumn !== undefined) {
      const y = yearsOf(c);
      const prev = rawNumber(c, 'previousValue');
      return {
        message: c.at_(c.at, `${c.value ?? 'this value'}${y === undefined ? '' : ` for ${y}`} differs from the value in column ${twinColumn} of this row${prev === undefined ? '' : ` (${prev})`}: the year has two columns; neither value was imported.`),
        fix: 'Keep one column per year: delete the repeated column, or correct the value that is wrong.',
      };
    }
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
