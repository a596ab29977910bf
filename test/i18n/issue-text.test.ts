import { describe, expect, it } from 'vitest';
import { type Issue, type IssueCode, ISSUE_CODES, type Severity } from '@/domain/issue';
import { LANGS } from '@/i18n/lang';
import { issueText } from '@/i18n/issue-text';

function issue(code: IssueCode, over: Partial<Issue> = {}): Issue {
  return { code, severity: 'error', file: 'amman.csv', row: null, column: null, value: null, params: {}, ...over };
}

/** Plausible params per code, as the ingest writes them. */
const SAMPLE: Readonly<Record<IssueCode, Partial<Issue>>> = {
  empty_file: {},
  binary_file: {},
  file_too_large: { params: { bytes: 300 * 1024 * 1024, limit: 256 * 1024 * 1024 } },
  encoding_fallback: { severity: 'warning', params: { encoding: 'windows-1256' } },
  encoding_replacement_chars: { severity: 'warning', params: { count: 3, encoding: 'utf-8' } },
  undetectable_delimiter: { severity: 'warning' },
  unknown_format: { row: 1, params: { header: 'a, b' } },
  no_data_rows: {},
  blank_header: { severity: 'warning', row: 1, column: '#3', params: { position: 3 } },
  duplicate_header: { severity: 'warning', row: 1, column: 'year', params: { position: 4 } },
  missing_column: { row: 1, params: { role: 'year', header: 'city, value' } },
  extra_column: { severity: 'warning', column: 'comment' },
  missing_quotes: { row: 5, params: { lines: 12 } },
  invalid_quotes: { row: 6 },
  ragged_row: { row: 7, value: 'a,b,c,d,e', params: { expected: 4, found: 5 } },
  blank_row: { severity: 'info', row: 9 },
  cell_too_long: { row: 3, column: 'note', value: 'x', params: { length: 12345, limit: 10000 } },
  too_many_columns: { row: 1, params: { limit: 600_000 } },
  not_a_number: { row: 14, column: 'Value', value: '12,5x', params: { decimal: '.' } },
  ambiguous_decimal: { severity: 'warning', row: 3, column: 'value', value: '1,234', params: { decimal: '.', parsed: 1234 } },
  missing_value: { severity: 'warning', row: 3, column: 'value', value: '..' },
  invalid_year: { row: 4, column: 'year', value: '20x9' },
  year_out_of_range: { severity: 'warning', row: 4, column: 'year', value: '1850', params: { min: 1950, max: 2027 } },
  missing_city: { row: 5, column: 'city', value: '' },
  missing_indicator: { row: 5, column: 'indicator', value: '' },
  digits_normalized: { severity: 'info', row: 2, params: { count: 12 } },
  formula_like_text: { severity: 'warning', row: 2, column: 'note', value: '=SUM(A1)' },
  markup_like_text: { severity: 'warning', row: 2, column: 'city', value: '<img src=x onerror=alert(1)>' },
  unknown_indicator: { severity: 'warning', row: 2, column: 'indicator', value: '99.9.9', params: { indicator: '99.9.9' } },
  indicator_alias: { severity: 'info', row: 2, column: 'indicator', value: '1.5.1', params: { indicator: '1.5.1', canonical: '11.5.1' } },
  indicator_sub_code: { severity: 'info', row: 2, params: { indicator: '11.1.1.a', canonical: '11.1.1' } },
  aggregate_row: { severity: 'info', row: 1384, params: { name: 'World' } },
  value_out_of_range: { row: 8, column: 'value', value: '120', params: { indicator: '11.2.1', min: 0, max: 100, unit: '%' } },
  value_near_range: { severity: 'warning', row: 497, column: 'Value', params: { indicator: '11.6.1', count: 79, low: -0.11, high: -0.0009, min: 0, max: 100, unit: '% of municipal solid waste' } },
  unit_not_stated: { severity: 'warning', row: 2, params: { indicator: '11.6.1', count: 2, total: 2, low: 142, high: 230, min: 0, max: 100, unit: '% of municipal solid waste' } },
  unit_mismatch: { severity: 'warning', row: 2, column: 'unit', value: '%', params: { indicator: '11.6.2', expectedUnit: 'µg/m³', found: '%' } },
  duplicate_observation: { severity: 'warning', row: 9, column: 'value', value: '38.2', params: { firstRow: 5, previousValue: 38.2, year: 2019 } },
  conflicting_duplicate: { row: 9, column: 'value', value: '40', params: { firstRow: 5, previousValue: 38.2, year: 2019 } },
  city_assumed: { severity: 'info', params: { city: 'Amman' } },
  indicator_from_filename: { severity: 'info', params: { indicator: '11.6.2' } },
  truncated_issues: { severity: 'info', params: { count: 5432, shown: 1000 } },
};

describe('issueText(issue, lang)', () => {
  it('matches the brief for not_a_number', () => {
    expect(issueText(issue('not_a_number', SAMPLE.not_a_number), 'en')).toEqual({
      message: 'Row 14, column "Value": "12,5x" is not a number.',
      fix: 'Write a number such as 12.5 (decimal separator: .), or leave the cell blank if the value is missing.',
    });
  });

  it('writes Arabic with the location and the value quoted', () => {
    const { message } = issueText(issue('not_a_number', SAMPLE.not_a_number), 'ar');
    expect(message).toBe('الصف 14، العمود «Value»: القيمة «12,5x» ليست رقمًا.');
  });

  describe.each(ISSUE_CODES)('%s', (code) => {
    it.each(LANGS)('has a specific message and a fix in %s', (lang) => {
      const text = issueText(issue(code, SAMPLE[code]), lang);
      expect(text.message.length).toBeGreaterThan(10);
      expect(text.fix.length).toBeGreaterThan(5);
      expect(text.message).not.toMatch(/undefined|NaN|\{\w+\}|\[object/);
      expect(text.fix).not.toMatch(/undefined|NaN|\{\w+\}|\[object/);
      if (lang === 'ar') expect(text.message).toMatch(/[\u0600-\u06ff]/);
      const { row, value } = SAMPLE[code];
      if (row !== undefined && row !== null && !['digits_normalized', 'ragged_row', 'blank_row'].includes(code)) expect(text.message).toContain(String(row));
      // The whole row (ragged_row) and a runaway cell (cell_too_long) are in the report's value column, not the sentence.
      if (value && !['ragged_row', 'cell_too_long'].includes(code)) expect(text.message).toContain(value);
    });

    it.each(['error', 'warning', 'info'] as Severity[])('degrades gracefully without params or location (%s)', (severity) => {
      for (const lang of LANGS) {
        const text = issueText({ code, severity, file: '', row: null, column: null, value: null, params: {} }, lang);
        expect(text.message).not.toMatch(/undefined|NaN|null|\{\w+\}|\s\s|\(\)/);
        expect(text.message.trim()).toBe(text.message);
        expect(text.fix.length).toBeGreaterThan(5);
      }
    });
  });

  it('uses the severity of unknown_indicator: an error is "not an indicator code"', () => {
    const err = issueText(issue('unknown_indicator', { row: 3, column: 'indicator', value: 'xyz', params: { indicator: 'xyz' } }), 'en');
    expect(err.message).toBe('Row 3, column "indicator": "xyz" is not an indicator code.');
    const warn = issueText(issue('unknown_indicator', SAMPLE.unknown_indicator), 'en');
    expect(warn.message).toContain('99.9.9 is not in the registry');
  });

  it('writes ranges with open bounds', () => {
    const text = issueText(issue('value_out_of_range', { row: 2, column: 'v', value: '-3', params: { indicator: '11.1.1', min: 0, max: '∞', unit: '%' } }), 'en');
    expect(text.message).toBe('Row 2, column "v": "-3" is outside the valid range of indicator 11.1.1 (at least 0 %).');
  });

  it('chooses the ragged_row fix from the cell counts', () => {
    expect(issueText(issue('ragged_row', { row: 4, params: { expected: 4, found: 3 } }), 'en').fix).toMatch(/^Add the missing cells/);
    expect(issueText(issue('ragged_row', { row: 4, params: { expected: 4, found: 5 } }), 'en').message).toBe('Row 4 has 5 cells, but the header has 4.');
  });

  it('writes French and Spanish with the location and the value quoted', () => {
    const i = issue('not_a_number', SAMPLE.not_a_number);
    expect(issueText(i, 'fr').message).toBe('Ligne 14, colonne «\u00a0Value\u00a0»\u00a0: «\u00a012,5x\u00a0» n’est pas un nombre.');
    expect(issueText(i, 'es').message).toBe('Fila 14, columna «Value»: «12,5x» no es un número.');
  });

  it.each(ISSUE_CODES)('has its own French and Spanish text for %s', (code) => {
    const en = issueText(issue(code, SAMPLE[code]), 'en');
    expect(issueText(issue(code, SAMPLE[code]), 'fr')).not.toEqual(en);
    expect(issueText(issue(code, SAMPLE[code]), 'es')).not.toEqual(en);
  });

  it.each([
    ['en', 'Row 5: a quoted cell is not closed (a closing " is missing); it runs on into the next 12 lines of the file, which were not imported.', 'Row 5: a quoted cell is not closed (a closing " is missing); it runs on into the next line of the file, which was not imported.'],
    ['fr', 'Ligne 5\u00a0: une cellule entre guillemets n’est pas fermée (il manque le " fermant)\u202f; elle se prolonge sur les 12 lignes suivantes du fichier, qui n’ont pas été importées.', 'Ligne 5\u00a0: une cellule entre guillemets n’est pas fermée (il manque le " fermant)\u202f; elle se prolonge sur la ligne suivante du fichier, qui n’a pas été importée.'],
    ['es', 'Fila 5: una celda entre comillas no está cerrada (falta la " de cierre); se extiende a las 12 líneas siguientes del archivo, que no se importaron.', 'Fila 5: una celda entre comillas no está cerrada (falta la " de cierre); se extiende a la línea siguiente del archivo, que no se importó.'],
    ['ar', 'الصف 5: خلية بين علامتي اقتباس لم تُغلق (تنقصها علامة " الختامية)، فامتدت إلى الأسطر التالية من الملف (عددها 12)، ولم يُستورد أيٌّ منها.', 'الصف 5: خلية بين علامتي اقتباس لم تُغلق (تنقصها علامة " الختامية)، فامتدت إلى السطر التالي من الملف، ولم يُستورد هذا السطر.'],
  ] as const)('missing_quotes in %s says how many lines the open quote swallowed, one or many', (lang, many, one) => {
    expect(issueText(issue('missing_quotes', { row: 5, params: { lines: 12 } }), lang).message).toBe(many);
    expect(issueText(issue('missing_quotes', { row: 5, params: { lines: 1 } }), lang).message).toBe(one);
    // Without the count (a quote left open on the last line), the sentence stops after the problem.
    expect(issueText(issue('missing_quotes', { row: 5 }), lang).message).not.toMatch(/12|\d+ l|السطر|الأسطر/);
  });

  it('writes Arabic-Indic digits in Arabic when asked', () => {
    const text = issueText(issue('truncated_issues', SAMPLE.truncated_issues), 'ar', { digits: 'arab' });
    expect(text.message).toContain('١٬٠٠٠');
  });
});
