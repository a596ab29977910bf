import * as z from 'zod/mini';
import { DatasetMetadataSchema } from '@/domain/dataset-indicator';
import { TABLE_COLUMNS } from '@/domain/observation-table';

type TableColumn = (typeof TABLE_COLUMNS)[number];
import { DatasetRecordSchema, DatasetVersionSchema, WorkerDatasetRecordSchema } from './dataset-record';
import { STORAGE_ERROR_KINDS } from './marsad-db';

/**
 * Messages between the page and the storage worker (`table-store.worker.ts`), checked on both sides
 * (a table's rows once: where it enters from storage or from the page).
 * A table goes to the worker in pieces of at most 1 MB of a column (`part`), each copied and transferred
 * in its own task, so that no task of the page's copies more (copying a 4–8 MB column was a task of up to
 * 70 ms on a machine slow to hand out memory); the request that follows names the table by its length
 * and dictionaries only, and the worker puts the columns back together (`PartsInbox`) before checking it.
 */

const id = z.int();

const count = z.int().check(z.nonnegative());
export const TablePartSchema = z.object({
  id,
  op: z.literal('part'),
  column: z.enum(TABLE_COLUMNS),
  /** The whole column's length, and where this piece starts in it. */
  length: count,
  offset: count,
  array: z.union([z.instanceof(Uint32Array), z.instanceof(Uint16Array), z.instanceof(Float64Array)]),
});
export type TablePart = z.infer<typeof TablePartSchema>;

const PART_BYTES = 1 << 20;

/**
 * The `part` messages that carry one column, with the buffer each one transfers: copies of at most
 * `partBytes`, one message for an empty column. Made one at a time, so the caller can post each in its
 * own task.
 */
export function* columnParts(id: number, column: TableColumn, array: Uint32Array | Uint16Array | Float64Array, partBytes = PART_BYTES): Generator<{ part: TablePart; transfer: ArrayBuffer }> {
  const step = Math.max(1, Math.floor(partBytes / array.BYTES_PER_ELEMENT));
  let offset = 0;
  do {
    const piece = array.slice(offset, offset + step);
    yield { part: { id, op: 'part', column, length: array.length, offset, array: piece }, transfer: piece.buffer };
    offset += step;
  } while (offset < array.length);
}

/**
 * The worker's side: pieces put back into their columns, by request, until the request arrives. The page
 * sends a column's pieces in order, so a piece that does not start where the last one ended (lost, sent
 * twice, or not fitting) breaks its column. Every column of a table is handed over, as null when it is
 * broken, incomplete or never came: the request's schema then refuses the table (a missing place column
 * must not read as a table saved before places existed).
 */
export class PartsInbox {
  private readonly byRequest = new Map<number, Map<TableColumn, { array: Uint32Array | Uint16Array | Float64Array; filled: number; broken: boolean }>>();

  add(part: TablePart): void {
    const columns = this.byRequest.get(part.id) ?? new Map();
    this.byRequest.set(part.id, columns);
    let column = columns.get(part.column);
    if (column === undefined) {
      const Kind = part.array.constructor as new (length: number) => Uint32Array | Uint16Array | Float64Array;
      column = { array: new Kind(part.length), filled: 0, broken: false };
      columns.set(part.column, column);
    }
    if (column.broken) return;
    if (column.array.constructor !== part.array.constructor || column.array.length !== part.length || part.offset !== column.filled || part.offset + part.array.length > part.length) {
      column.broken = true;
      return;
    }
    column.array.set(part.array, part.offset);
    column.filled += part.array.length;
  }

  /** Every column of the table sent for request `id`, null when not complete (undefined when no piece came), forgotten here. */
  take(id: number): Record<string, unknown> | undefined {
    const columns = this.byRequest.get(id);
    this.byRequest.delete(id);
    if (columns === undefined) return undefined;
    const out: Record<string, unknown> = {};
    for (const name of TABLE_COLUMNS) {
      const c = columns.get(name);
      out[name] = c !== undefined && !c.broken && c.filled === c.array.length ? c.array : null;
    }
    return out;
  }
}
export const RequestEnvelopeSchema = z.object({ id, op: z.enum(['part', 'list', 'save', 'replace']) });

export const TableStoreRequestSchema = z.discriminatedUnion('op', [
  z.object({ id, op: z.literal('list') }),
  z.object({ id, op: z.literal('save'), record: DatasetRecordSchema }),
  z.object({
    id,
    op: z.literal('replace'),
    datasetId: z.string(),
    content: z.omit(DatasetVersionSchema, { number: true }),
    now: z.optional(z.number()),
    metadata: z.optional(DatasetMetadataSchema),
  }),
]);

const StorageErrorSchema = z.object({ kind: z.enum(STORAGE_ERROR_KINDS), message: z.string() });

function resultOf<T extends z.ZodMiniType>(value: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: StorageErrorSchema })]);
}

// The worker's answers: their records were checked in the worker with DatasetRecordSchema (read from
// IndexedDB, or just written), so the page checks their shape without reading every row again.
export const ListResultSchema = resultOf(z.object({ datasets: z.array(WorkerDatasetRecordSchema), problems: z.array(z.object({ key: z.string(), message: z.string() })) }));
export const SaveResultSchema = resultOf(z.undefined());
export const ReplaceResultSchema = resultOf(WorkerDatasetRecordSchema);

/** An answer; `notRun` when the worker could not open the database (the page's own store then does it). */
export type TableStoreResponse = { id: number; result: unknown; notRun?: boolean };
export const TableStoreResponseSchema = z.object({ id, result: z.unknown(), notRun: z.optional(z.boolean()) });

/**
 * A request (unchecked) with the columns sent before it put back into its table: the record's current
 * version of a `save`, the content of a `replace`. Anything else is returned as it is, for the schema
 * to judge.
 */
export function withColumns(data: unknown, columns: Readonly<Record<string, unknown>> | undefined): unknown {
  if (columns === undefined || typeof data !== 'object' || data === null) return data;
  const put = (version: unknown) =>
    typeof version === 'object' && version !== null && 'table' in version && typeof version.table === 'object' ? { ...version, table: { ...version.table, ...columns } } : version;
  if ('record' in data && typeof data.record === 'object' && data.record !== null && 'current' in data.record) return { ...data, record: { ...data.record, current: put(data.record.current) } };
  if ('content' in data) return { ...data, content: put(data.content) };
  return data;
}
