import * as z from 'zod/mini';
import { ISSUE_CODES, type Issue } from '@/domain/issue';
import { type ObservationTable, PLACE_KINDS, STRING_COLUMNS, TABLE_COLUMNS } from '@/domain/observation-table';
import { MAX_CELL_CHARS, MAX_YEAR, MIN_YEAR } from './limits';
import type { ColumnMapping, FileInfo, IngestOptions, IngestResult } from './types';

/**
 * Messages between the app and `ingest.worker.ts`, checked with zod on receipt on both sides
 * (a worker message is untrusted input like any other). One request per worker; the worker answers
 * with progress messages, then exactly one `done` or `failed`.
 *
 * The schemas of an ingest result (observation table, issues, file info) live here too: storage uses
 * them to validate what it reads back from IndexedDB.
 */

export const EncodingSchema = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1256', 'windows-1252']);
export const DelimiterSchema = z.enum([',', ';', '\t', '|']);
export const DecimalSchema = z.enum(['.', ',']);
export const LayoutSchema = z.enum(['long', 'wide', 'opensdg', 'unsd', 'unhabitat', 'unknown']);
export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export const IssueCodeSchema = z.enum(ISSUE_CODES);

export const ColumnMappingSchema = z.object({
  city: z.optional(z.string()),
  cityCode: z.optional(z.string()),
  district: z.optional(z.string()),
  region: z.optional(z.string()),
  country: z.optional(z.string()),
  indicator: z.optional(z.string()),
  year: z.optional(z.string()),
  value: z.optional(z.string()),
  unit: z.optional(z.string()),
  series: z.optional(z.string()),
  source: z.optional(z.string()),
  note: z.optional(z.string()),
  disaggregations: z.optional(z.array(z.string())),
  ignore: z.optional(z.array(z.string())),
}) satisfies z.ZodMiniType<ColumnMapping>;

export const FileInfoSchema = z.object({
  name: z.string(),
  bytes: z.int().check(z.nonnegative()),
  encoding: EncodingSchema,
  bom: z.boolean(),
  delimiter: DelimiterSchema,
  decimal: DecimalSchema,
  layout: LayoutSchema,
  header: z.array(z.string()),
  rows: z.int().check(z.nonnegative()),
  mapping: ColumnMappingSchema,
}) satisfies z.ZodMiniType<FileInfo>;

export const IssueSchema = z.object({
  code: IssueCodeSchema,
  severity: SeveritySchema,
  file: z.string(),
  row: z.nullable(z.int()),
  column: z.nullable(z.string()),
  value: z.nullable(z.string()),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
}) satisfies z.ZodMiniType<Issue>;

export const IssueCountsSchema = z.partialRecord(IssueCodeSchema, z.int().check(z.nonnegative()));

const dictionary = z.array(z.string()).check(z.refine((d) => d[0] === '', 'index 0 of a dictionary must be the empty string'));

/**
 * Tables saved before places existed (dataset records, workspace files, published data) have no
 * placeKind/placeParent columns: they read as cities with no parent ('' in both).
 */
function withPlaceColumns(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || !('length' in input) || 'placeKind' in input) return input;
  const t = input as { length: unknown; dict?: unknown };
  const n = typeof t.length === 'number' && Number.isInteger(t.length) && t.length >= 0 ? t.length : 0;
  const dict = typeof t.dict === 'object' && t.dict !== null ? { ...t.dict, placeKind: [''], placeParent: [''] } : t.dict;
  return { ...input, placeKind: new Uint32Array(n), placeParent: new Uint32Array(n), dict };
}

const TableShapeSchema = z.pipe(z.transform(withPlaceColumns), z.object({
  length: z.int().check(z.nonnegative()),
  city: z.instanceof(Uint32Array),
  cityCode: z.instanceof(Uint32Array),
  indicator: z.instanceof(Uint32Array),
  year: z.instanceof(Uint16Array),
  value: z.instanceof(Float64Array),
  period: z.instanceof(Uint32Array),
  unit: z.instanceof(Uint32Array),
  series: z.instanceof(Uint32Array),
  disaggregation: z.instanceof(Uint32Array),
  source: z.instanceof(Uint32Array),
  note: z.instanceof(Uint32Array),
  placeKind: z.instanceof(Uint32Array),
  placeParent: z.instanceof(Uint32Array),
  line: z.instanceof(Uint32Array),
  dict: z.object({
    city: dictionary,
    cityCode: dictionary,
    indicator: dictionary,
    period: dictionary,
    unit: dictionary,
    series: dictionary,
    disaggregation: dictionary,
    source: dictionary,
    note: dictionary,
    placeKind: z.array(z.enum(['', ...PLACE_KINDS])).check(z.refine((d) => d[0] === '', 'index 0 of a dictionary must be the empty string')),
    placeParent: dictionary,
  }),
}));

type TableShape = z.infer<typeof TableShapeSchema>;

/** The checks of a table beyond its shape; `rows` adds those that read every row (O(rows)). */
function checkTable(t: TableShape, ctx: z.core.$RefinementCtx<TableShape>, rows: boolean): void {
  const n = t.length;
  // What a CSV import never lets in must not come in through a workspace file or a record either.
  for (let i = 0; rows && i < t.year.length; i++) {
    const y = t.year[i] ?? 0;
    if (y < MIN_YEAR || y > MAX_YEAR) {
      ctx.addIssue({ code: 'custom', path: ['year', i], message: `year ${y} is outside ${MIN_YEAR}–${MAX_YEAR}` });
      break;
    }
  }
  for (let i = 0; rows && i < t.value.length; i++) {
    if (!Number.isFinite(t.value[i] ?? NaN)) {
      ctx.addIssue({ code: 'custom', path: ['value', i], message: `value ${String(t.value[i])} is not a finite number` });
      break;
    }
  }
  // Texts as long as a CSV cell may be (a disaggregation key holds several cells): a crafted backup with
  // a source of 100,000 characters is refused like the CSV cell would be.
  for (const col of STRING_COLUMNS) {
    const limit = col === 'disaggregation' ? MAX_CELL_CHARS * 100 : MAX_CELL_CHARS;
    const d = t.dict[col];
    const at = d.findIndex((s) => s.length > limit);
    if (at >= 0) ctx.addIssue({ code: 'custom', path: ['dict', col, at], message: `text of ${d[at]?.length ?? 0} characters (at most ${limit})` });
  }
  for (const col of TABLE_COLUMNS) {
    if (t[col].length !== n) ctx.addIssue({ code: 'custom', path: [col], message: `has ${t[col].length} entries, expected ${n}` });
  }
  for (const col of rows ? STRING_COLUMNS : []) {
    const ids = t[col];
    const size = t.dict[col].length;
    let max = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] ?? 0;
      if (id > max) max = id;
    }
    if (ids.length > 0 && max >= size) ctx.addIssue({ code: 'custom', path: [col], message: `id ${max} is outside its dictionary (${size} entries)` });
  }
}

/**
 * An ObservationTable: typed arrays checked with `instanceof`, every column as long as `length`, and
 * every dictionary id inside its dictionary (so no read can go out of bounds). O(rows); about 10 ms for
 * a million rows on a quick machine, 150 ms on a slow one.
 */
export const ObservationTableSchema = TableShapeSchema.check(z.superRefine((t, ctx) => checkTable(t, ctx, true))) satisfies z.ZodMiniType<ObservationTable>;

/**
 * A table that one of our own workers sends to the page, after it checked the table with
 * ObservationTableSchema (the storage worker, reading IndexedDB) or built it itself (the ingest
 * worker): the same shape, columns and dictionaries, without reading every row again. The rows'
 * checks on the page were a task of 40–170 ms with a million rows.
 */
export const WorkerTableSchema = TableShapeSchema.check(z.superRefine((t, ctx) => checkTable(t, ctx, false))) satisfies z.ZodMiniType<ObservationTable>;

/** The ingest worker's result, as the page receives it (the worker built the table). */
export const IngestResultSchema = z.object({
  file: FileInfoSchema,
  table: WorkerTableSchema,
  issues: z.array(IssueSchema),
  issueCounts: IssueCountsSchema,
  rowsRejected: z.int().check(z.nonnegative()),
  preview: z.array(z.array(z.string())),
}) satisfies z.ZodMiniType<IngestResult>;

/** IngestOptions without the function (progress travels as messages). */
export const WireOptionsSchema = z.strictObject({
  encoding: z.optional(z.union([EncodingSchema, z.literal('auto')])),
  legacyEncoding: z.optional(z.enum(['windows-1256', 'windows-1252'])),
  delimiter: z.optional(z.union([DelimiterSchema, z.literal('auto')])),
  decimal: z.optional(z.union([DecimalSchema, z.literal('auto')])),
  layout: z.optional(z.union([LayoutSchema, z.literal('auto')])),
  mapping: z.optional(ColumnMappingSchema),
  defaultCity: z.optional(z.string()),
  defaultIndicator: z.optional(z.string()),
  maxIssues: z.optional(z.int().check(z.positive(), z.maximum(100_000))),
});
export type WireOptions = z.infer<typeof WireOptionsSchema>;

export const IngestRequestSchema = z.object({
  id: z.int().check(z.nonnegative()),
  type: z.literal('ingest'),
  name: z.string().check(z.maxLength(1000)),
  /** The file itself (a handle: posting a Blob copies no bytes on the page); the worker reads it. */
  file: z.instanceof(Blob),
  options: WireOptionsSchema,
});
export type IngestRequest = z.infer<typeof IngestRequestSchema>;

export const IngestResponseSchema = z.discriminatedUnion('type', [
  z.object({ id: z.int(), type: z.literal('progress'), done: z.number().check(z.nonnegative()), total: z.number().check(z.nonnegative()) }),
  z.object({ id: z.int(), type: z.literal('done'), result: IngestResultSchema }),
  z.object({ id: z.int(), type: z.literal('failed'), reason: z.string() }),
]) satisfies z.ZodMiniType<IngestResponse>;
export type IngestResponse =
  | { id: number; type: 'progress'; done: number; total: number }
  | { id: number; type: 'done'; result: IngestResult }
  | { id: number; type: 'failed'; reason: string };

/** The options that can cross to the worker (drops `onProgress`). */
export function toWireOptions(options: IngestOptions): WireOptions {
  const { onProgress: _ignored, ...rest } = options;
  return rest;
}

/** Every distinct ArrayBuffer behind a result's typed arrays, for `postMessage(…, { transfer })`. */
export function transferablesOf(table: ObservationTable): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const col of TABLE_COLUMNS) {
    const b = table[col].buffer;
    if (b instanceof ArrayBuffer) buffers.add(b);
  }
  return [...buffers];
}
