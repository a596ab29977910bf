import * as z from 'zod/mini';
import { type DatasetMetadata, DatasetMetadataSchema } from '@/domain/dataset-indicator';
import type { IssueCode } from '@/domain/issue';
import type { ObservationTable } from '@/domain/observation-table';
import type { FileInfo } from '@/ingest/types';
import { FileInfoSchema, IssueCountsSchema, ObservationTableSchema, WorkerTableSchema } from '@/ingest/worker-protocol';

/** Where a dataset comes from: imported by the user (saved), published with the site, or the demo (both in memory only). */
export type DatasetSource = 'upload' | 'published' | 'demo';

/**
 * What the user (or the site's manifest) says about a dataset as a document: who produced it, under
 * which licence, notes, and for published data the date it was published. Figure footers and the annex
 * name the source organisation instead of file names when it is set.
 */
export const DatasetInfoSchema = z.object({
  /** The organisation that produced the data ("Greater Amman Municipality"). */
  source: z.optional(z.string().check(z.maxLength(500))),
  licence: z.optional(z.string().check(z.maxLength(200))),
  notes: z.optional(z.string().check(z.maxLength(5000))),
  /** Published data: when it was published (YYYY-MM-DD). */
  published: z.optional(z.string().check(z.maxLength(10))),
});
export type DatasetInfo = z.infer<typeof DatasetInfoSchema>;

/** The info without empty fields (what is saved). */
export function cleanInfo(info: DatasetInfo): DatasetInfo {
  const out: DatasetInfo = {};
  for (const key of ['source', 'licence', 'notes', 'published'] as const) {
    const v = info[key]?.trim();
    if (v !== undefined && v !== '') out[key] = v;
  }
  return out;
}

/**
 * Version of the stored record shape. 1: one flat record per dataset (no versions); 2: the current
 * version nested in `current`, earlier versions in their own store. Version 1 records are upgraded
 * when the database is opened (and on read, see `StoredDatasetSchema`); any other version is reported
 * and skipped, never cast.
 */
export const DATASET_RECORD_VERSION = 2;

/** Earlier versions kept per dataset (besides the current one). Older ones are removed on replace. */
export const KEPT_VERSIONS = 3;

/** What one version of a dataset holds: the files it was read from, their issue counts and the observations. */
export type DatasetVersion = {
  /** 1, 2, 3… per dataset; never reused. */
  number: number;
  /** When this version was imported (epoch milliseconds). */
  importedAt: number;
  files: FileInfo[];
  issueCounts: Partial<Record<IssueCode, number>>;
  rowsRejected: number;
  /** One columnar table, all files merged. */
  table: ObservationTable;
};

/** An earlier version as listed (the table stays in the `versions` store until restored). */
export type VersionSummary = {
  number: number;
  importedAt: number;
  /** When it stopped being the current version. */
  archivedAt: number;
  observations: number;
  fileNames: string[];
};

/**
 * One dataset as kept in the `datasets` store: identity, whether the dashboard uses it, its current
 * version and the list of the earlier versions kept in the `versions` store (newest first).
 */
export type DatasetRecord = {
  version: typeof DATASET_RECORD_VERSION;
  id: string;
  name: string;
  /** First import (epoch milliseconds). */
  createdAt: number;
  source: 'upload' | 'published';
  /** False when the user left it out of the dashboard (it stays saved). */
  included: boolean;
  /** Soft delete: when set, the dataset is hidden and purged later (Undo clears it). Null when live. */
  deletedAt: number | null;
  current: DatasetVersion;
  /** Summaries of the earlier versions kept, newest first (at most KEPT_VERSIONS). */
  history: VersionSummary[];
  /** Highest version number ever given (so numbers are never reused after pruning). */
  latestNumber: number;
  /** Source organisation, licence and notes the user gave (absent in records saved before they existed). */
  info?: DatasetInfo;
  /** The data's own description of its indicators (an Open SDG folder's metadata); absent when it had none. */
  metadata?: DatasetMetadata;
};

/** An earlier version in the `versions` store, keyed by [datasetId, number]. */
export type ArchivedVersion = DatasetVersion & { datasetId: string; archivedAt: number };

const versionNumber = z.int().check(z.positive(), z.maximum(1_000_000_000));
const epoch = z.number();

/** A version's schema around a table's: the full check (storage, files), or the one for our workers' answers. */
function datasetVersionSchema(table: typeof ObservationTableSchema) {
  return z.object({
    number: versionNumber,
    importedAt: epoch,
    files: z.array(FileInfoSchema),
    issueCounts: IssueCountsSchema,
    rowsRejected: z.int().check(z.nonnegative()),
    table,
  }) satisfies z.ZodMiniType<DatasetVersion>;
}

export const DatasetVersionSchema = datasetVersionSchema(ObservationTableSchema);

export const VersionSummarySchema = z.object({
  number: versionNumber,
  importedAt: epoch,
  archivedAt: epoch,
  observations: z.int().check(z.nonnegative()),
  fileNames: z.array(z.string()),
}) satisfies z.ZodMiniType<VersionSummary>;

function datasetRecordSchema(table: typeof ObservationTableSchema) {
  return z.object({
    version: z.literal(DATASET_RECORD_VERSION),
    id: z.string().check(z.minLength(1), z.maxLength(200)),
    name: z.string().check(z.maxLength(1000)),
    createdAt: epoch,
    source: z.enum(['upload', 'published']),
    included: z.boolean(),
    deletedAt: z.nullable(epoch),
    current: datasetVersionSchema(table),
    history: z.array(VersionSummarySchema),
    latestNumber: versionNumber,
    info: z.optional(DatasetInfoSchema),
    metadata: z.optional(DatasetMetadataSchema),
  }).check(
    z.refine((r) => r.latestNumber >= r.current.number && r.history.every((h) => h.number <= r.latestNumber && h.number !== r.current.number), {
      message: 'version numbers are inconsistent',
      path: ['latestNumber'],
    }),
  ) satisfies z.ZodMiniType<DatasetRecord>;
}

export const DatasetRecordSchema = datasetRecordSchema(ObservationTableSchema);

/** A record as the storage worker sends it to the page, after checking it with DatasetRecordSchema. */
export const WorkerDatasetRecordSchema = datasetRecordSchema(WorkerTableSchema);

export const ArchivedVersionSchema = z.extend(DatasetVersionSchema, {
  datasetId: z.string().check(z.minLength(1), z.maxLength(200)),
  archivedAt: epoch,
}) satisfies z.ZodMiniType<ArchivedVersion>;

/** The record shape written by the first release (one flat record per dataset). */
const DatasetRecordV1Schema = z.object({
  version: z.literal(1),
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  name: z.string().check(z.maxLength(1000)),
  createdAt: epoch,
  source: z.enum(['upload', 'published']),
  files: z.array(FileInfoSchema),
  issueCounts: IssueCountsSchema,
  rowsRejected: z.int().check(z.nonnegative()),
  table: ObservationTableSchema,
  deletedAt: z.nullable(epoch),
});

/** A version 1 record as version 2: its content becomes version 1, used on the dashboard. */
export function upgradeRecordV1(r: z.infer<typeof DatasetRecordV1Schema>): DatasetRecord {
  return {
    version: DATASET_RECORD_VERSION,
    id: r.id,
    name: r.name,
    createdAt: r.createdAt,
    source: r.source,
    included: true,
    deletedAt: r.deletedAt,
    current: { number: 1, importedAt: r.createdAt, files: r.files, issueCounts: r.issueCounts, rowsRejected: r.rowsRejected, table: r.table },
    history: [],
    latestNumber: 1,
  };
}

/** What a read from the `datasets` store may hold: a current record, or a first-release one (upgraded). */
export const StoredDatasetSchema = z.union([DatasetRecordSchema, z.pipe(DatasetRecordV1Schema, z.transform(upgradeRecordV1))]);

/** The summary listed for a version once it is no longer current. */
export function summarizeVersion(v: DatasetVersion, archivedAt: number): VersionSummary {
  return { number: v.number, importedAt: v.importedAt, archivedAt, observations: v.table.length, fileNames: v.files.map((f) => f.name) };
}

/** A dataset the app shows: saved, published or demo, with counts computed once. */
export type LoadedDataset = {
  id: string;
  name: string;
  source: DatasetSource;
  /** First import (0 for built-in data). */
  createdAt: number;
  table: ObservationTable;
  files: FileInfo[];
  cityCount: number;
  indicatorCount: number;
  /** The version shown (1 for built-in data). */
  versionNumber: number;
  /** When the version shown was imported (createdAt for built-in data). */
  importedAt: number;
  /** Whether the dashboard uses it (built-in data: always). */
  included: boolean;
  /** Earlier versions that can be restored, newest first. */
  history: VersionSummary[];
  /** Source organisation, licence, notes (and the publication date of published data). */
  info: DatasetInfo;
  /** A merged dataset (several in use): the datasets it was made of (for footers and the annex). */
  parts?: readonly LoadedDataset[];
  /** The data's own description of its indicators (titles, units, headline series), when it came with one. */
  metadata?: DatasetMetadata;
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

export function toLoadedDataset(d: {
  id: string;
  name: string;
  source: DatasetSource;
  createdAt: number;
  table: ObservationTable;
  files: FileInfo[];
  versionNumber?: number;
  importedAt?: number;
  included?: boolean;
  history?: VersionSummary[];
  info?: DatasetInfo;
  parts?: readonly LoadedDataset[];
  metadata?: DatasetMetadata;
}): LoadedDataset {
  return {
    id: d.id,
    name: d.name,
    source: d.source,
    createdAt: d.createdAt,
    table: d.table,
    files: d.files,
    cityCount: countDistinct(d.table, 'city'),
    indicatorCount: countDistinct(d.table, 'indicator'),
    versionNumber: d.versionNumber ?? 1,
    importedAt: d.importedAt ?? d.createdAt,
    included: d.included ?? true,
    history: d.history ?? [],
    info: d.info ?? {},
    ...(d.parts !== undefined ? { parts: d.parts } : {}),
    ...(d.metadata !== undefined ? { metadata: d.metadata } : {}),
  };
}

/** A saved record as the app shows it (its current version). */
export function loadedFromRecord(r: DatasetRecord): LoadedDataset {
  return toLoadedDataset({
    id: r.id,
    name: r.name,
    source: r.source,
    createdAt: r.createdAt,
    table: r.current.table,
    files: r.current.files,
    versionNumber: r.current.number,
    importedAt: r.current.importedAt,
    included: r.included,
    history: r.history,
    info: r.info ?? {},
    ...(r.metadata !== undefined ? { metadata: r.metadata } : {}),
  });
}

/** Comparison form of a dataset name (re-importing "Amman.csv" matches "amman.csv"). */
export function datasetNameKey(name: string): string {
  return name.normalize('NFC').trim().toLocaleLowerCase('en');
}
