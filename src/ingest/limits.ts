/** The years a period may name (both included); outside them a year cell is an error. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;
/** Files above this size are refused with a report (a browser tab cannot hold their parsed rows). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
/** A cell longer than this is an error (it is almost always a broken quote swallowing the file). */
export const MAX_CELL_CHARS = 10_000;
/**
 * A header cell longer than this is cut (with "…"): no column name is this long, and a file without line
 * breaks would otherwise make its whole text one header cell, copied into every message about the header.
 */
export const MAX_HEADER_CHARS = 500;
/** Texts from the file quoted in an issue (a column name, the header in `missing_column`) are cut to this. */
export const MAX_ISSUE_TEXT_CHARS = 500;
/**
 * A header with more columns than this is refused before parsing (`too_many_columns`): Excel sheets have
 * 16,384 at most, and 26 million one-letter columns (a 50 MB line `a,a,…`) took gigabytes; a million
 * columns in a 10 MB line still took 620 MB. A 1 MB file of 524,288 columns is read (about 300 MB), and
 * reviewed with a capped preview.
 */
export const MAX_COLUMNS = 600_000;
/** The preview keeps this many columns of the first rows (a row of 524,288 columns is not shown whole). */
export const PREVIEW_COLUMNS = 200;
