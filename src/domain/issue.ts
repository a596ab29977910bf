/**
 * Problems are data: ingest and validation return issues with a code, a location and parameters;
 * the wording (message and how to fix it) lives in the i18n catalogue (`src/i18n/issues-*.ts`).
 */
export type Severity = 'error' | 'warning' | 'info';

export const ISSUE_CODES = [
  // file level
  'empty_file',
  'binary_file',
  'file_too_large',
  'encoding_fallback',
  'encoding_replacement_chars',
  'undetectable_delimiter',
  'unknown_format',
  'no_data_rows',
  // header
  'blank_header',
  'duplicate_header',
  'missing_column',
  'too_many_columns',
  'extra_column',
  // structure
  'missing_quotes',
  'invalid_quotes',
  'ragged_row',
  'blank_row',
  'cell_too_long',
  // cells
  'not_a_number',
  'ambiguous_decimal',
  'missing_value',
  'invalid_year',
  'year_out_of_range',
  'missing_city',
  'missing_indicator',
  'digits_normalized',
  'formula_like_text',
  'markup_like_text',
  // domain
  'unknown_indicator',
  'indicator_alias',
  'indicator_sub_code',
  'value_out_of_range',
  'value_near_range',
  'unit_mismatch',
  'unit_not_stated',
  'duplicate_observation',
  'conflicting_duplicate',
  'city_assumed',
  'aggregate_row',
  'indicator_from_filename',
  'truncated_issues',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export type IssueParams = Readonly<Record<string, string | number>>;

export type Issue = {
  code: IssueCode;
  severity: Severity;
  /** File name as the user gave it. */
  file: string;
  /** 1-based line number in the file (the header is line 1), or null for file-level issues. */
  row: number | null;
  /** Column header as written in the file, or null. */
  column: string | null;
  /** The raw cell (or a short excerpt), never interpreted. */
  value: string | null;
  params: IssueParams;
};
