import { z } from 'zod';
import { DatasetMetadataSchema } from '@/domain/dataset-indicator';
import { type ObservationTable, STRING_COLUMNS } from '@/domain/observation-table';
import { FileInfoSchema, IssueCountsSchema, ObservationTableSchema } from '@/ingest/worker-protocol';
import { base64ToTypedArray, typedArrayToBase64 } from './base64';
import {
  type ArchivedVersion,
  cleanInfo,
  DatasetInfoSchema,
  type DatasetRecord,
  DatasetRecordSchema,
  DATASET_RECORD_VERSION,
  type DatasetVersion,
  KEPT_VERSIONS,
  summarizeVersion,
} from './dataset-record';
import { type SavedMapping, SavedMappingSchema } from './mapping-record';

/**
 * The workspace backup file: one JSON document holding every saved dataset (with its earlier
 * versions), the saved column mappings and the settings, in a versioned envelope
 *
 *   { format: "marsad-workspace", version: 1, exportedAt, app: { version }, datasets, mappings, settings }
 *
 * Tables are written column by column: each typed array as base64 of its little-endian bytes (compact,
 * and every number exact), dictionaries as JSON arrays. Reading goes through zod at every level; a
 * file from a newer Marsad, another kind of file or a damaged dataset is refused with a problem code
 * (the UI words it), never half-read.
 */
export const WORKSPACE_FORMAT = 'marsad-workspace';
export const WORKSPACE_VERSION = 1;

/** Settings travel as plain values; the app checks each key it knows with its own schema. */
export type WorkspaceSettings = Record<string, string | number | boolean>;

/** One saved dataset with the content of its earlier versions. */
export type WorkspaceDataset = { record: DatasetRecord; versions: ArchivedVersion[] };

/** Everything a workspace holds (what the store exports and imports). */
export type WorkspaceSnapshot = { datasets: WorkspaceDataset[]; mappings: SavedMapping[]; settings: WorkspaceSettings };

/** A workspace read from a file: the snapshot and where it came from. */
export type WorkspaceFile = WorkspaceSnapshot & { exportedAt: string; appVersion: string; formatVersion: number };

export type WorkspaceProblem =
  | { code: 'not_json' }
  | { code: 'not_workspace' }
  | { code: 'newer_version'; version: number }
  | { code: 'invalid'; detail: string }
  | { code: 'corrupted_dataset'; name: string; detail: string };

export type WorkspaceParseResult = { ok: true; value: WorkspaceFile } | { ok: false; problem: WorkspaceProblem };

const NUMERIC_COLUMNS = ['year', 'value', 'line'] as const;

/** Columns that workspace files written before places existed do not have (read as cities, see ObservationTableSchema). */
const LATER_COLUMNS: ReadonlySet<string> = new Set(['placeKind', 'placeParent']);
const optionalIfLater = <T extends z.ZodType>(c: string, schema: T) => (LATER_COLUMNS.has(c) ? schema.optional() : schema);

const TableJsonSchema = z.object({
  length: z.number().int().nonnegative().max(100_000_000),
  encoding: z.literal('base64-le'),
  columns: z.object(Object.fromEntries([...STRING_COLUMNS, ...NUMERIC_COLUMNS].map((c) => [c, optionalIfLater(c, z.string())])) as Record<(typeof STRING_COLUMNS)[number] | (typeof NUMERIC_COLUMNS)[number], z.ZodString>),
  dict: z.object(Object.fromEntries(STRING_COLUMNS.map((c) => [c, optionalIfLater(c, z.array(z.string()))])) as Record<(typeof STRING_COLUMNS)[number], z.ZodArray<z.ZodString>>),
});
type TableJson = z.infer<typeof TableJsonSchema>;

const epoch = z.number().finite();
const VersionJsonSchema = z.object({
  number: z.number().int().positive().max(1_000_000_000),
  importedAt: epoch,
  files: z.array(FileInfoSchema),
  issueCounts: IssueCountsSchema,
  rowsRejected: z.number().int().nonnegative(),
  table: TableJsonSchema,
});
type VersionJson = z.infer<typeof VersionJsonSchema>;

const DatasetJsonSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().max(1000),
  createdAt: epoch,
  source: z.enum(['upload', 'published']),
  included: z.boolean(),
  latestNumber: z.number().int().positive().max(1_000_000_000),
  current: VersionJsonSchema,
  history: z.array(VersionJsonSchema.extend({ archivedAt: epoch })).max(100),
  /** Source organisation, licence and notes (files written before they existed have none). */
  info: z.optional(DatasetInfoSchema),
  /** The data's own description of its indicators (files written before it existed, or data without one, have none). */
  metadata: z.optional(DatasetMetadataSchema),
});
type DatasetJson = z.infer<typeof DatasetJsonSchema>;

const EnvelopeHeadSchema = z.object({ format: z.literal(WORKSPACE_FORMAT) });
const EnvelopeVersionSchema = z.object({ version: z.number().int().positive() });

const EnvelopeSchema = z.object({
  format: z.literal(WORKSPACE_FORMAT),
  version: z.literal(WORKSPACE_VERSION),
  exportedAt: z.string().max(100),
  app: z.object({ version: z.string().max(100) }),
  datasets: z.array(DatasetJsonSchema).max(10_000),
  mappings: z.array(SavedMappingSchema).max(100_000),
  // String settings hold up to 1 MB: the gazetteer (names and merges of every place) is one.
  settings: z.record(z.string().max(100), z.union([z.string().max(1_000_000), z.number(), z.boolean()])),
});

function tableToJson(t: ObservationTable): TableJson {
  const columns = {} as TableJson['columns'];
  for (const c of STRING_COLUMNS) columns[c] = typedArrayToBase64(t[c]);
  columns.year = typedArrayToBase64(t.year);
  columns.value = typedArrayToBase64(t.value);
  columns.line = typedArrayToBase64(t.line);
  return { length: t.length, encoding: 'base64-le', columns, dict: { ...t.dict } as TableJson['dict'] };
}

function versionToJson(v: DatasetVersion): VersionJson {
  return { number: v.number, importedAt: v.importedAt, files: v.files, issueCounts: v.issueCounts, rowsRejected: v.rowsRejected, table: tableToJson(v.table) };
}

/**
 * The workspace file for a snapshot, as JSON text. Soft-deleted datasets are left out (they are on
 * their way out); everything else is written as stored.
 */
export function encodeWorkspace(snapshot: WorkspaceSnapshot, meta: { appVersion: string; exportedAt: Date }): string {
  const datasets: DatasetJson[] = snapshot.datasets
    .filter((d) => d.record.deletedAt === null)
    .map(({ record: r, versions }) => ({
      id: r.id,
      name: r.name,
      createdAt: r.createdAt,
      source: r.source,
      included: r.included,
      latestNumber: r.latestNumber,
      current: versionToJson(r.current),
      history: [...versions].sort((a, b) => b.archivedAt - a.archivedAt).map((v) => ({ ...versionToJson(v), archivedAt: v.archivedAt })),
      ...(r.info !== undefined && Object.keys(r.info).length > 0 ? { info: r.info } : {}),
      ...(r.metadata !== undefined ? { metadata: r.metadata } : {}),
    }));
  return JSON.stringify({
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    exportedAt: meta.exportedAt.toISOString(),
    app: { version: meta.appVersion },
    datasets,
    mappings: snapshot.mappings,
    settings: snapshot.settings,
  });
}

/** A table from its JSON form; a string saying what is wrong when a column does not decode or fit. */
function tableFromJson(j: TableJson): ObservationTable | string {
  const n = j.length;
  const cols: Partial<Record<(typeof STRING_COLUMNS)[number], Uint32Array>> = {};
  const hasPlaces = j.columns.placeKind !== undefined && j.columns.placeParent !== undefined && j.dict.placeKind !== undefined && j.dict.placeParent !== undefined;
  for (const c of STRING_COLUMNS) {
    if (!hasPlaces && LATER_COLUMNS.has(c)) continue;
    const a = base64ToTypedArray(j.columns[c], Uint32Array, n);
    if (a === undefined) return `column ${c} does not hold ${n} entries`;
    cols[c] = a;
  }
  const year = base64ToTypedArray(j.columns.year, Uint16Array, n);
  const value = base64ToTypedArray(j.columns.value, Float64Array, n);
  const line = base64ToTypedArray(j.columns.line, Uint32Array, n);
  if (year === undefined) return `column year does not hold ${n} entries`;
  if (value === undefined) return `column value does not hold ${n} entries`;
  if (line === undefined) return `column line does not hold ${n} entries`;
  const dict = hasPlaces ? j.dict : Object.fromEntries(Object.entries(j.dict).filter(([c]) => !LATER_COLUMNS.has(c)));
  const candidate = { length: n, ...cols, year, value, line, dict };
  const parsed = ObservationTableSchema.safeParse(candidate);
  if (!parsed.success) return firstIssue(parsed.error);
  return parsed.data;
}

function firstIssue(error: z.core.$ZodError): string {
  const i = error.issues[0];
  return i ? `${i.path.join('.') || '(root)'}: ${i.message}` : 'invalid';
}

function datasetFromJson(d: DatasetJson): WorkspaceDataset | string {
  const toVersion = (v: VersionJson): DatasetVersion | string => {
    const table = tableFromJson(v.table);
    if (typeof table === 'string') return `version ${v.number}: ${table}`;
    return { number: v.number, importedAt: v.importedAt, files: v.files, issueCounts: v.issueCounts, rowsRejected: v.rowsRejected, table };
  };
  const current = toVersion(d.current);
  if (typeof current === 'string') return current;
  const versions: ArchivedVersion[] = [];
  const numbers = new Set([current.number]);
  // Newest first; the store keeps KEPT_VERSIONS earlier versions, a file never brings more.
  for (const h of [...d.history].sort((a, b) => b.archivedAt - a.archivedAt).slice(0, KEPT_VERSIONS)) {
    if (numbers.has(h.number)) return `version ${h.number} appears twice`;
    numbers.add(h.number);
    const v = toVersion(h);
    if (typeof v === 'string') return v;
    versions.push({ ...v, datasetId: d.id, archivedAt: h.archivedAt });
  }
  const record: DatasetRecord = {
    version: DATASET_RECORD_VERSION,
    id: d.id,
    name: d.name,
    createdAt: d.createdAt,
    source: d.source,
    included: d.included,
    deletedAt: null,
    current,
    history: versions.map((v) => summarizeVersion(v, v.archivedAt)),
    latestNumber: Math.max(d.latestNumber, ...numbers),
    ...(d.info !== undefined ? { info: cleanInfo(d.info) } : {}),
    ...(d.metadata !== undefined ? { metadata: d.metadata } : {}),
  };
  const checked = DatasetRecordSchema.safeParse(record);
  if (!checked.success) return firstIssue(checked.error);
  return { record: checked.data, versions };
}

/**
 * Reads a workspace file. Checks, in order: JSON; the format name; the format version (a newer one is
 * refused as such, so the user knows to update Marsad); the envelope; then every dataset table (base64
 * columns of the right length, dictionary ids in bounds). The first failure is returned; nothing is
 * returned half-read.
 */
export function parseWorkspace(text: string): WorkspaceParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: { code: 'not_json' } };
  }
  if (!EnvelopeHeadSchema.safeParse(json).success) return { ok: false, problem: { code: 'not_workspace' } };
  const version = EnvelopeVersionSchema.safeParse(json);
  if (!version.success) return { ok: false, problem: { code: 'invalid', detail: firstIssue(version.error) } };
  if (version.data.version > WORKSPACE_VERSION) return { ok: false, problem: { code: 'newer_version', version: version.data.version } };
  const envelope = EnvelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, problem: { code: 'invalid', detail: firstIssue(envelope.error) } };
  const e = envelope.data;

  const ids = new Set<string>();
  const datasets: WorkspaceDataset[] = [];
  for (const d of e.datasets) {
    if (ids.has(d.id)) return { ok: false, problem: { code: 'invalid', detail: `dataset id ${d.id} appears twice` } };
    ids.add(d.id);
    const read = datasetFromJson(d);
    if (typeof read === 'string') return { ok: false, problem: { code: 'corrupted_dataset', name: d.name, detail: read } };
    datasets.push(read);
  }
  const signatures = new Set<string>();
  for (const m of e.mappings) {
    if (signatures.has(m.signature)) return { ok: false, problem: { code: 'invalid', detail: 'a column mapping appears twice' } };
    signatures.add(m.signature);
  }
  return {
    ok: true,
    value: { datasets, mappings: e.mappings, settings: e.settings, exportedAt: e.exportedAt, appVersion: e.app.version, formatVersion: e.version },
  };
}

/** The file name offered for a backup: `marsad-workspace-2026-11-23.json` (local date). */
export function workspaceFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `marsad-workspace-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
