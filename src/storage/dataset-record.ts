import { z } from 'zod';
import type { IssueCode } from '@/domain/issue';
import type { ObservationTable } from '@/domain/observation-table';
import type { FileInfo } from '@/ingest/types';
import { FileInfoSchema, IssueCountsSchema, ObservationTableSchema } from '@/ingest/worker-protocol';

/** Where a dataset comes from: imported by the user (saved), published with the site, or the demo (both in memory only). */
export type DatasetSource = 'upload' | 'published' | 'demo';

/** Version of the stored record shape; a record of another version is reported and skipped, never cast. */
export const DATASET_RECORD_VERSION = 1;

/**
 * One dataset as kept in the `datasets` store: metadata, the files it was read from, the complete issue
 * counts and the observations (one columnar table, all files merged).
 */
export type DatasetRecord = {
  version: typeof DATASET_RECORD_VERSION;
  id: string;
  name: string;
  /** Epoch milliseconds. */
  createdAt: number;
  source: 'upload' | 'published';
  files: FileInfo[];
  issueCounts: Partial<Record<IssueCode, number>>;
  rowsRejected: number;
  table: ObservationTable;
  /** Soft delete: when set, the dataset is hidden and purged later (Undo clears it). Null when live. */
  deletedAt: number | null;
};

export const DatasetRecordSchema = z.object({
  version: z.literal(DATASET_RECORD_VERSION),
  id: z.string().min(1).max(200),
  name: z.string().max(1000),
  createdAt: z.number().finite(),
  source: z.enum(['upload', 'published']),
  files: z.array(FileInfoSchema),
  issueCounts: IssueCountsSchema,
  rowsRejected: z.number().int().nonnegative(),
  table: ObservationTableSchema,
  deletedAt: z.number().finite().nullable(),
}) satisfies z.ZodType<DatasetRecord>;

/** A dataset the app shows: saved, published or demo, with counts computed once. */
export type LoadedDataset = {
  id: string;
  name: string;
  source: DatasetSource;
  createdAt: number;
  table: ObservationTable;
  files: FileInfo[];
  cityCount: number;
  indicatorCount: number;
};

/** Number of distinct non-empty values a string column actually uses. */
export function countDistinct(table: ObservationTable, column: 'city' | 'indicator'): number {
  const seen = new Uint8Array(table.dict[column].length);
  const ids = table[column];
  let n = 0;
  for (let i = 0; i < table.length; i++) {
    const id = ids[i] ?? 0;
    if (id !== 0 && seen[id] === 0) {
      seen[id] = 1;
      n++;
    }
  }
  return n;
}

export function toLoadedDataset(d: { id: string; name: string; source: DatasetSource; createdAt: number; table: ObservationTable; files: FileInfo[] }): LoadedDataset {
  return {
    id: d.id,
    name: d.name,
    source: d.source,
    createdAt: d.createdAt,
    table: d.table,
    files: d.files,
    cityCount: countDistinct(d.table, 'city'),
    indicatorCount: countDistinct(d.table, 'indicator'),
  };
}
