import * as z from 'zod/mini';
import { DatasetMetadataSchema } from '@/domain/dataset-indicator';
import { TABLE_COLUMNS } from '@/domain/observation-table';
import { DatasetRecordSchema, DatasetVersionSchema } from './dataset-record';
import { STORAGE_ERROR_KINDS } from './marsad-db';

/**
 * Messages between the page and the storage worker (`table-store.worker.ts`), checked on both sides.
 * A table goes to the worker one column per message (`part`), each posted in its own task, so that no
 * single message copies 50 MB on the page's thread; the request that follows names the table by its
 * length and dictionaries only, and the worker puts the columns back before checking it.
 */

const id = z.int();

export const TablePartSchema = z.object({ id, op: z.literal('part'), column: z.enum(TABLE_COLUMNS), array: z.union([z.instanceof(Uint32Array), z.instanceof(Uint16Array), z.instanceof(Float64Array)]) });
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

export const ListResultSchema = resultOf(z.object({ datasets: z.array(DatasetRecordSchema), problems: z.array(z.object({ key: z.string(), message: z.string() })) }));
export const SaveResultSchema = resultOf(z.undefined());
export const ReplaceResultSchema = resultOf(DatasetRecordSchema);

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
