import Papa from 'papaparse';
import { ObservationTableBuilder } from '@/domain/observation-table';
import type { Registry } from '@/domain/registry';
import { decodeBytes, looksBinary } from './decode';
import { detectDelimiter, normalizeNewlines, planToMapping } from './detect';
import { IssueCollector } from './issue-collector';
import { cleanText } from './normalize-cell';
import type { FileInfo, IngestOptions, IngestResult } from './types';
import { MAX_COLUMNS, MAX_HEADER_CHARS, PREVIEW_COLUMNS } from './limits';
import { isTooLarge, tooLargeResult } from './too-large-file';
import { RowContext } from './row-context';
import { splitPlainRecords } from './split-plain';

const CHUNK_CHARS = 4 * 1024 * 1024;
const PREVIEW_ROWS = 20;

type Input = { name: string; bytes: Uint8Array };

/**
 * Reads one file into observations and a validation report: decode → parse (PapaParse on the decoded
 * string, chunked; a text without quotes is only split, record by record) → detect layout → normalise cells → validate → columnar table. Pure and synchronous:
 * the app runs it in a Web Worker, the CLI directly. Never throws on bad input; every problem is an issue.
 */
export function ingestFile(input: Input, registry: Registry, options: IngestOptions = {}): IngestResult {
  const issues = new IssueCollector(input.name, options.maxIssues ?? 1000);
  const { bytes } = input;
  const empty = (layoutInfo: Partial<FileInfo> = {}): IngestResult => {
    issues.finish();
    return {
      file: {
        name: input.name,
        bytes: bytes.length,
        encoding: 'utf-8',
        bom: false,
        delimiter: ',',
        decimal: '.',
        layout: 'unknown',
        header: [],
        rows: 0,
        mapping: {},
        ...layoutInfo,
      },
      table: new ObservationTableBuilder(16).finish(),
      issues: issues.issues,
      issueCounts: issues.counts,
      rowsRejected: 0,
      preview: [],
    };
  };

  if (bytes.length === 0) {
    issues.add('empty_file', 'error');
    return empty();
  }
  if (isTooLarge(bytes.length)) return tooLargeResult(input.name, bytes.length, options.maxIssues);
  if (looksBinary(bytes)) {
    issues.add('binary_file', 'error');
    return empty();
  }

  const decoded = decodeBytes(bytes, {
    encoding: options.encoding ?? 'auto',
    ...(options.legacyEncoding ? { legacy: options.legacyEncoding } : {}),
  });
  // A second byte order mark (a file saved with two): PapaParse drops it, and so does the plain split; dropped
  // here so that both see the same text, and PapaParse's cursor counts from its start (the last record).
  let text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  if (decoded.how === 'heuristic') issues.add('encoding_fallback', 'warning', {}, { encoding: decoded.encoding });
  if (decoded.replacementChars > 0)
    issues.add('encoding_replacement_chars', 'warning', {}, { count: decoded.replacementChars, encoding: decoded.encoding });
  const base: Partial<FileInfo> = { encoding: decoded.encoding, bom: decoded.bom };
  if (text.trim() === '') {
    issues.add('empty_file', 'error');
    return empty(base);
  }

  const detected = options.delimiter && options.delimiter !== 'auto' ? options.delimiter : detectDelimiter(text);
  if (detected === undefined) issues.add('undetectable_delimiter', 'warning', {}, {});
  const delimiter = detected ?? ',';
  // PapaParse takes one newline: lines that end in different ways (CRLF and LF, lone CRs) are made LF first.
  const lines = normalizeNewlines(text);
  text = lines.text;
  const newline = lines.newline;
  const hasQuotes = text.includes('"');
  // Counted on the text before parsing: a header of millions of cells is refused before PapaParse builds them.
  if (headerFieldsOver(text, delimiter, MAX_COLUMNS)) {
    issues.add('too_many_columns', 'error', { row: 1 }, { limit: MAX_COLUMNS });
    return empty({ ...base, delimiter });
  }

  const ctx = new RowContext(input.name, registry, options, issues, expectedRows(text, newline));
  let header: string[] | undefined;
  let line = 1; // 1-based line number of the current record's first line
  const pending: Array<{ fields: string[]; line: number; quoteError: boolean }> = [];
  const preview: string[][] = [];
  // Lines of the file inside a record with a broken quote, after its first: rows of the file not imported.
  let swallowedRows = 0;

  // A record with a quote error is not imported (README "Validation report": rows with errors are not); it still counts as a row.
  const handleRecord = (fields: string[], isLast: boolean, quoteError: QuoteError | undefined) => {
    // The line break that ends the file yields one empty record: not a blank row.
    if (isLast && quoteError === undefined && fields.length === 1 && fields[0] === '') return;
    const thisLine = line;
    line += 1 + (hasQuotes ? lineBreaksIn(fields, newline) : 0);
    if (quoteError !== undefined) {
      // A quote that is not closed runs over the next lines (to the end of the file when no quote follows):
      // say how many, and count them as rows not imported.
      const swallowed = swallowedLines(fields, newline);
      swallowedRows += swallowed.rows;
      issues.add(quoteError, 'error', { row: thisLine }, swallowed.lines > 0 ? { lines: swallowed.lines } : {});
    }
    if (header === undefined) {
      if (fields.length === 1 && (fields[0] ?? '').trim() === '') return;
      header = fields.map((h) => (h.length > MAX_HEADER_CHARS ? `${cleanText(h.slice(0, MAX_HEADER_CHARS))}…` : cleanText(h)));
      preview.push(header.length > PREVIEW_COLUMNS ? header.slice(0, PREVIEW_COLUMNS) : header);
      ctx.setHeader(header, thisLine);
      return;
    }
    if (preview.length <= PREVIEW_ROWS) preview.push(previewCells(fields));
    if (!ctx.planned) {
      pending.push({ fields, line: thisLine, quoteError: quoteError !== undefined });
      if (pending.length >= 500) flushPending();
      return;
    }
    ctx.row(fields, thisLine, quoteError !== undefined);
  };
  const flushPending = () => {
    ctx.plan(pending.map((p) => p.fields));
    for (const p of pending) ctx.row(p.fields, p.line, p.quoteError);
    pending.length = 0;
  };

  const { onProgress } = options;
  const total = text.length;
  // Without a quote there is nothing for a CSV parser to do but split (see split-plain.ts).
  if (!hasQuotes)
    splitPlainRecords(
      text,
      delimiter,
      newline,
      (fields, isLast) => handleRecord(fields, isLast, undefined),
      onProgress && ((done) => onProgress({ done, total })),
      CHUNK_CHARS,
    );
  else
    Papa.parse<string[]>(text, {
      delimiter,
      newline,
      header: false,
      dynamicTyping: false,
      skipEmptyLines: false,
      chunkSize: chunkSizeFor(text, newline),
      chunk: (results: Papa.ParseResult<string[]>) => {
        // Papa reports quote errors by record of the chunk; they are reported with the record, at its first line.
        const quoteErrors = new Map<number, QuoteError>();
        for (const err of results.errors) {
          const code = err.code === 'MissingQuotes' ? 'missing_quotes' : err.code === 'InvalidQuotes' ? 'invalid_quotes' : undefined;
          if (code !== undefined && err.row !== undefined && !quoteErrors.has(err.row)) quoteErrors.set(err.row, code);
        }
        const data = results.data;
        const lastChunk = results.meta.cursor >= text.length;
        for (let k = 0; k < data.length; k++) handleRecord(data[k] ?? [], lastChunk && k === data.length - 1, quoteErrors.get(k));
        onProgress?.({ done: Math.min(total, results.meta.cursor), total });
      },
      complete: () => undefined,
    } as Papa.ParseConfig<string[]> & { chunk: (r: Papa.ParseResult<string[]>) => void; complete: () => void });
  if (header === undefined) {
    issues.add('empty_file', 'error');
    return empty({ ...base, delimiter });
  }
  if (!ctx.planned) flushPending();

  const table = ctx.finish();
  // Nothing imported and no error says why: a header alone, or rows whose value cells are all blank.
  if (table.length === 0 && ctx.planned && !ctx.failed && ctx.rowsRejected === 0 && swallowedRows === 0) issues.add('no_data_rows', 'warning', {}, { rows: ctx.dataRows });
  issues.finish();
  const plan = ctx.rowPlan;
  const file: FileInfo = {
    name: input.name,
    bytes: bytes.length,
    encoding: decoded.encoding,
    bom: decoded.bom,
    delimiter,
    decimal: ctx.decimal,
    layout: plan?.layout ?? 'unknown',
    header,
    rows: ctx.dataRows + swallowedRows,
    mapping: plan ? planToMapping(plan, header) : {},
  };
  return { file, table, issues: issues.issues, issueCounts: issues.counts, rowsRejected: ctx.rowsRejected + swallowedRows, preview };
}

type QuoteError = 'missing_quotes' | 'invalid_quotes';

/**
 * PapaParse's chunk size: CHUNK_CHARS, or the whole text when its first line is longer than a chunk. A
 * record that spans chunks is parsed again from its start with each new chunk (a 10 MB line of quotes
 * was parsed three times over, 628 MB); a file whose first line has no end in sight is one record anyway.
 */
function chunkSizeFor(text: string, newline: string): number {
  const firstBreak = text.indexOf(newline === '\r' ? '\r' : '\n');
  return firstBreak === -1 || firstBreak > CHUNK_CHARS ? Math.max(CHUNK_CHARS, text.length + 1) : CHUNK_CHARS;
}

/**
 * True when the first non-blank record of `text` has more than `limit` fields: delimiters outside quotes
 * are counted up to its line break, stopping as soon as the limit is passed (linear in the header only).
 */
export function headerFieldsOver(text: string, delimiter: string, limit: number): boolean {
  const d = delimiter.charCodeAt(0);
  let i = 0;
  // Blank lines before the header are skipped, as the record loop skips them.
  while (i < text.length && (text.charCodeAt(i) === 0x0a || text.charCodeAt(i) === 0x0d || text.charCodeAt(i) === 0x20)) i++;
  let fields = 1;
  let quoted = false;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (quoted) continue;
    else if (c === d) {
      if (++fields > limit) return true;
    } else if (c === 0x0a || c === 0x0d) return false;
  }
  return false;
}

/** A row as the preview keeps it: the first PREVIEW_COLUMNS cells, each cut to 200 characters. */
function previewCells(fields: readonly string[]): string[] {
  const n = Math.min(fields.length, PREVIEW_COLUMNS);
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const f = fields[i] ?? '';
    out[i] = f.length > 200 ? `${f.slice(0, 200)}…` : f;
  }
  return out;
}

/** Line breaks inside a record's cells (quoted cells that hold line breaks, or a quote that is not closed). */
function lineBreaksIn(fields: readonly string[], newline: string): number {
  const nl = newline === '\r' ? '\r' : '\n';
  let count = 0;
  for (const f of fields) for (let i = f.indexOf(nl); i !== -1; i = f.indexOf(nl, i + 1)) count++;
  return count;
}

/**
 * The lines a record with a broken quote runs over after its first (`lines`: every line, not counting the
 * line break that ends the file) and how many of them are not blank (`rows`).
 */
function swallowedLines(fields: readonly string[], newline: string): { lines: number; rows: number } {
  const nl = newline === '\r' ? '\r' : '\n';
  let lines = 0;
  let rows = 0;
  for (const f of fields) {
    for (let i = f.indexOf(nl); i !== -1; ) {
      const next = f.indexOf(nl, i + 1);
      const stop = next === -1 ? f.length : next;
      // The text of the line after this break: blank when only spaces, CR or tabs (a trailing break has none).
      let k = i + nl.length;
      while (k < stop && (f.charCodeAt(k) === 0x20 || f.charCodeAt(k) === 0x0d || f.charCodeAt(k) === 0x09)) k++;
      const last = next === -1 && k === f.length;
      if (!last) lines++;
      if (k < stop) rows++;
      i = next;
    }
  }
  return { lines, rows };
}

/**
 * About how many observations a long file holds, from the length of its first lines, a little over:
 * the table is then allocated once instead of doubling its columns eight times for a million rows (each
 * doubling copies and touches new memory, slow on machines slow to hand it out: 20 % of the CLI's time
 * there). A wide file holds more observations than lines: its table still grows as needed. At most 4M.
 */
function expectedRows(text: string, newline: string): number {
  const SAMPLE = 1 << 16;
  if (text.length < 4 * SAMPLE) return 4096;
  // Lines with something on them (blank lines, a preamble of empty ones, are not rows); a row of data is at
  // least 8 characters ("a,1,2020,1"), which bounds the estimate whatever the first lines look like.
  let lines = 0;
  let start = 0;
  for (let at = text.indexOf(newline); at !== -1 && at < SAMPLE; start = at + newline.length, at = text.indexOf(newline, start)) if (at - start > 1) lines++;
  if (lines < 2) return 4096;
  return Math.min(1 << 22, Math.ceil(text.length / 8), Math.ceil((text.length / SAMPLE) * lines * 1.03) + 1024);
}
