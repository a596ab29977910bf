import Papa from 'papaparse';
import { ObservationTableBuilder } from '@/domain/observation-table';
import type { Registry } from '@/domain/registry';
import { decodeBytes, looksBinary } from './decode';
import { detectDelimiter, detectNewline, planToMapping } from './detect';
import { IssueCollector } from './issue-collector';
import { cleanText } from './normalize-cell';
import type { FileInfo, IngestOptions, IngestResult } from './types';
import { MAX_FILE_BYTES } from './limits';
import { RowContext } from './row-context';

const CHUNK_CHARS = 4 * 1024 * 1024;
const PREVIEW_ROWS = 20;

type Input = { name: string; bytes: Uint8Array };

/**
 * Reads one file into observations and a validation report: decode → parse (PapaParse on the decoded
 * string, chunked) → detect layout → normalise cells → validate → columnar table. Pure and synchronous:
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
  if (bytes.length > MAX_FILE_BYTES) {
    issues.add('file_too_large', 'error', {}, { bytes: bytes.length, limit: MAX_FILE_BYTES });
    return empty();
  }
  if (looksBinary(bytes)) {
    issues.add('binary_file', 'error');
    return empty();
  }

  const decoded = decodeBytes(bytes, {
    encoding: options.encoding ?? 'auto',
    ...(options.legacyEncoding ? { legacy: options.legacyEncoding } : {}),
  });
  const { text } = decoded;
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
  const newline = detectNewline(text);
  const hasQuotes = text.includes('"');

  const ctx = new RowContext(input.name, registry, options, issues);
  let header: string[] | undefined;
  let recordIndex = 0; // records seen so far (including blank lines and the header)
  let line = 1; // 1-based line number of the current record's first line
  const pending: Array<{ fields: string[]; line: number; quoteError: boolean }> = [];
  const preview: string[][] = [];

  // A record with a quote error is not imported (README "Validation report": rows with errors are not); it still counts as a row.
  const handleRecord = (fields: string[], isLast: boolean, quoteError: boolean) => {
    // The line break that ends the file yields one empty record: not a blank row.
    if (isLast && fields.length === 1 && fields[0] === '') return;
    const thisLine = line;
    if (hasQuotes) {
      let extra = 0;
      for (const f of fields) if (f.length > 0 && f.includes('\n')) extra += f.split('\n').length - 1;
      line += 1 + extra;
    } else line += 1;
    recordIndex++;
    if (header === undefined) {
      if (fields.length === 1 && (fields[0] ?? '').trim() === '') return;
      header = fields.map((h) => cleanText(h));
      preview.push(header);
      ctx.setHeader(header, thisLine);
      return;
    }
    if (preview.length <= PREVIEW_ROWS) preview.push(fields.map((f) => (f.length > 200 ? `${f.slice(0, 200)}…` : f)));
    if (!ctx.planned) {
      pending.push({ fields, line: thisLine, quoteError });
      if (pending.length >= 500) flushPending();
      return;
    }
    ctx.row(fields, thisLine, quoteError);
  };
  const flushPending = () => {
    ctx.plan(pending.map((p) => p.fields));
    for (const p of pending) ctx.row(p.fields, p.line, p.quoteError);
    pending.length = 0;
  };

  Papa.parse<string[]>(text, {
    delimiter,
    newline,
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    chunkSize: CHUNK_CHARS,
    chunk: (results: Papa.ParseResult<string[]>) => {
      const quoteErrors = new Set<number>();
      for (const err of results.errors) {
        const recordNo = recordIndex + (err.row ?? 0);
        if (err.code === 'MissingQuotes') issues.add('missing_quotes', 'error', { row: lineOfRecord(recordNo) }, {});
        else if (err.code === 'InvalidQuotes') issues.add('invalid_quotes', 'error', { row: lineOfRecord(recordNo) }, {});
        else continue;
        if (err.row !== undefined) quoteErrors.add(err.row);
      }
      const data = results.data;
      const lastChunk = results.meta.cursor >= text.length;
      for (let k = 0; k < data.length; k++) handleRecord(data[k] ?? [], lastChunk && k === data.length - 1, quoteErrors.has(k));
      options.onProgress?.({ done: Math.min(text.length, results.meta.cursor), total: text.length });
    },
    complete: () => undefined,
  } as Papa.ParseConfig<string[]> & { chunk: (r: Papa.ParseResult<string[]>) => void; complete: () => void });
  // Papa reports quote errors by record; without multi-line cells the line is record + 1.
  function lineOfRecord(recordNo: number): number {
    return recordNo + 1;
  }
  if (header === undefined) {
    issues.add('empty_file', 'error');
    return empty({ ...base, delimiter });
  }
  if (!ctx.planned) flushPending();

  const table = ctx.finish();
  // Nothing imported and no error says why: a header alone, or rows whose value cells are all blank.
  if (table.length === 0 && ctx.planned && !ctx.failed && ctx.rowsRejected === 0) issues.add('no_data_rows', 'warning', {}, { rows: ctx.dataRows });
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
    rows: ctx.dataRows,
    mapping: plan ? planToMapping(plan, header) : {},
  };
  return { file, table, issues: issues.issues, issueCounts: issues.counts, rowsRejected: ctx.rowsRejected, preview };
}
