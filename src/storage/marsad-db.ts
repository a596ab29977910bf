import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import * as z from 'zod/mini';
import type { DatasetMetadata } from '@/domain/dataset-indicator';
import {
  type ArchivedVersion,
  ArchivedVersionSchema,
  cleanInfo,
  type DatasetInfo,
  type DatasetRecord,
  DatasetRecordSchema,
  type DatasetVersion,
  datasetNameKey,
  KEPT_VERSIONS,
  StoredDatasetSchema,
  summarizeVersion,
} from './dataset-record';
import { type SavedMapping, SavedMappingSchema } from './mapping-record';
import type { WorkspaceDataset, WorkspaceSettings, WorkspaceSnapshot } from './workspace';

/**
 * The browser database `marsad` (IndexedDB through `idb`), versioned:
 *  v1 — `datasets` (key `id`; index `deletedAt`, which holds only soft-deleted records because
 *       IndexedDB leaves null keys out of an index) and `settings` (key → value).
 *  v2 — `datasets` records nest their current version (record shape 2; shape-1 records are upgraded
 *       in the upgrade transaction); `versions` holds earlier versions (key [datasetId, number]);
 *       `mappings` holds saved column mappings (key: header signature).
 * Values are typed `unknown` on purpose: every read goes through a zod schema, and a record that fails
 * is reported and skipped, never cast. No helper throws; each returns a result. Every change that
 * touches more than one record runs in one transaction: it happens entirely or not at all.
 */
export const DB_NAME = 'marsad';
export const DB_VERSION = 2;

interface MarsadSchema extends DBSchema {
  datasets: { key: string; value: unknown; indexes: { deletedAt: number } };
  settings: { key: string; value: unknown };
  versions: { key: [string, number]; value: unknown };
  mappings: { key: string; value: unknown };
}

export const STORAGE_ERROR_KINDS = ['unavailable', 'quota', 'not_found', 'invalid', 'failed'] as const;
export type StorageErrorKind = (typeof STORAGE_ERROR_KINDS)[number];
export type StorageError = { kind: StorageErrorKind; message: string };
export type StorageResult<T> = { ok: true; value: T } | { ok: false; error: StorageError };
/** A stored record that did not pass its schema: skipped. */
export type RecordProblem = { key: string; message: string };

/** The content of a new version: everything but its number (the store gives it). */
export type NewVersion = Omit<DatasetVersion, 'number'>;

/** How a workspace file joins the saved data: instead of it, or beside it. */
export type WorkspaceImportMode = 'replace' | 'merge';
export type WorkspaceImportSummary = { added: number; skipped: number; renamed: number; mappings: number };

export type MarsadStore = {
  /** Live datasets (not soft-deleted), oldest first; invalid records are listed in `problems`. */
  listDatasets: () => Promise<StorageResult<{ datasets: DatasetRecord[]; problems: RecordProblem[] }>>;
  /** Saves a new dataset in one durable transaction: all of it or nothing. Never overwrites an id. */
  saveDataset: (record: DatasetRecord) => Promise<StorageResult<void>>;
  /**
   * Makes `content` the current version of dataset `id`; the version it replaces is kept (the oldest
   * beyond KEPT_VERSIONS earlier versions are removed). One transaction; resolves to the new record.
   */
  replaceDataset: (id: string, content: NewVersion, now?: number, metadata?: DatasetMetadata) => Promise<StorageResult<DatasetRecord>>;
  /** An earlier version of a dataset, read (not restored): for "since the last review". */
  readVersion: (id: string, number: number) => Promise<StorageResult<ArchivedVersion>>;
  /** Makes an earlier version current again; the current one becomes an earlier version. One transaction. */
  restoreVersion: (id: string, number: number, now?: number) => Promise<StorageResult<DatasetRecord>>;
  /** Whether the dashboard uses the dataset. */
  setIncluded: (id: string, included: boolean) => Promise<StorageResult<void>>;
  /** Renames a dataset and sets its source organisation, licence and notes; its versions are untouched. */
  describeDataset: (id: string, name: string, info: DatasetInfo) => Promise<StorageResult<DatasetRecord>>;
  /** Soft delete (`deleted: true`) or undo (`false`); the rest of the record is untouched. */
  setDeleted: (id: string, deleted: boolean, now?: number) => Promise<StorageResult<void>>;
  /** Removes the soft-deleted datasets deleted before `before` (all of them by default), with their versions; returns how many. */
  purgeDeleted: (before?: number) => Promise<StorageResult<number>>;
  /** Saved column mappings, newest first; unreadable ones are skipped. */
  listMappings: () => Promise<StorageResult<SavedMapping[]>>;
  /** Saves (or replaces) the mapping for its header signature. */
  putMapping: (mapping: SavedMapping) => Promise<StorageResult<void>>;
  deleteMapping: (signature: string) => Promise<StorageResult<void>>;
  getSetting: <T>(key: string, schema: z.core.$ZodType<T>) => Promise<StorageResult<T | undefined>>;
  putSetting: (key: string, value: unknown) => Promise<StorageResult<void>>;
  /** Everything saved (live datasets with their earlier versions, mappings, the given settings), read in one transaction. */
  exportWorkspace: (settingKeys: readonly string[]) => Promise<StorageResult<WorkspaceSnapshot>>;
  /**
   * Writes a workspace in one transaction. `replace`: every dataset, version and mapping is removed
   * first and the file's settings are written. `merge`: datasets whose id is already saved are kept
   * as they are (skipped); a dataset whose name is taken gets a new name; mappings are added where
   * none is saved for the same header. A failure anywhere leaves everything as it was.
   */
  importWorkspace: (snapshot: WorkspaceSnapshot, mode: WorkspaceImportMode, renamed?: (name: string, n: number) => string) => Promise<StorageResult<WorkspaceImportSummary>>;
  close: () => void;
};

function describe(error: unknown): StorageError {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const message = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  if (name === 'QuotaExceededError') return { kind: 'quota', message };
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError') return { kind: 'unavailable', message };
  return { kind: 'failed', message: message || name || 'unknown error' };
}

async function attempt<T>(run: () => Promise<T>): Promise<StorageResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: describe(error) };
  }
}

/** Thrown inside a transaction to abort it with a result (caught by `inTransaction`). */
class Refusal extends Error {
  constructor(readonly error: StorageError) {
    super(error.message);
  }
}

function problemOf(key: string, error: z.core.$ZodError): RecordProblem {
  const first = error.issues[0];
  return { key, message: first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid record' };
}

/** Opens (creating or upgrading) the database. Fails with `unavailable` when IndexedDB is missing or blocked. */
export async function openMarsadStore(): Promise<StorageResult<MarsadStore>> {
  if (typeof indexedDB === 'undefined') return { ok: false, error: { kind: 'unavailable', message: 'IndexedDB is not available' } };
  const opened = await attempt(() =>
    openDB<MarsadSchema>(DB_NAME, DB_VERSION, {
      async upgrade(db, oldVersion, _newVersion, tx) {
        if (oldVersion < 1) {
          const datasets = db.createObjectStore('datasets', { keyPath: 'id' });
          datasets.createIndex('deletedAt', 'deletedAt');
          db.createObjectStore('settings');
        }
        if (oldVersion < 2) {
          db.createObjectStore('versions');
          db.createObjectStore('mappings');
          // First-release records become version 1 of their dataset; unreadable ones are left for listDatasets to report.
          const store = tx.objectStore('datasets');
          for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
            const parsed = StoredDatasetSchema.safeParse(cursor.value);
            if (parsed.success) await cursor.update(parsed.data);
          }
        }
      },
      // Another tab opens a newer version: let it upgrade (this tab's next write reports `unavailable`).
      blocking(_current, _blocked, event) {
        const target = event.target;
        if (target instanceof IDBDatabase) target.close();
      },
    }),
  );
  if (!opened.ok) return { ok: false, error: { ...opened.error, kind: opened.error.kind === 'failed' ? 'unavailable' : opened.error.kind } };
  return { ok: true, value: storeOn(opened.value) };
}

type Db = IDBPDatabase<MarsadSchema>;
type Tx<S extends ArrayLike<StoreNames<MarsadSchema>>> = IDBPTransaction<MarsadSchema, S, 'readwrite'>;

/**
 * Runs `body` in one read-write transaction and waits for it to commit. A `Refusal` thrown by the body
 * aborts the transaction and becomes the result; any other failure (a request error, quota) aborts it
 * too. Either way nothing the body wrote is kept.
 */
async function inTransaction<S extends ArrayLike<StoreNames<MarsadSchema>>, T>(
  db: Db,
  stores: S,
  durability: 'strict' | 'relaxed',
  body: (tx: Tx<S>) => Promise<T>,
): Promise<StorageResult<T>> {
  let tx: Tx<S>;
  try {
    tx = db.transaction(stores, 'readwrite', { durability });
  } catch (error) {
    return { ok: false, error: describe(error) };
  }
  try {
    const value = await body(tx);
    await tx.done;
    return { ok: true, value };
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished (aborted by the failed request).
    }
    await tx.done.catch(() => undefined);
    return { ok: false, error: error instanceof Refusal ? error.error : describe(error) };
  }
}

/** The live, readable record `id` inside a transaction, or a refusal. */
async function readLive(store: { get: (key: string) => Promise<unknown> }, id: string): Promise<DatasetRecord> {
  const parsed = StoredDatasetSchema.safeParse(await store.get(id));
  if (!parsed.success || parsed.data.deletedAt !== null) throw new Refusal({ kind: 'not_found', message: `no readable dataset "${id}"` });
  return parsed.data;
}

function versionRange(id: string): IDBKeyRange {
  return IDBKeyRange.bound([id, -Infinity], [id, Infinity]);
}

function storeOn(db: Db): MarsadStore {
  return {
    listDatasets: () =>
      attempt(async () => {
        const tx = db.transaction('datasets', 'readonly');
        const datasets: DatasetRecord[] = [];
        const problems: RecordProblem[] = [];
        for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
          const key = String(cursor.key);
          const parsed = StoredDatasetSchema.safeParse(cursor.value);
          if (!parsed.success) problems.push(problemOf(key, parsed.error));
          else if (parsed.data.deletedAt === null) datasets.push(parsed.data);
        }
        await tx.done;
        datasets.sort((a, b) => a.createdAt - b.createdAt);
        return { datasets, problems };
      }),

    saveDataset: async (record) => {
      const checked = DatasetRecordSchema.safeParse(record);
      if (!checked.success) return { ok: false, error: { kind: 'invalid', message: problemOf(record.id, checked.error).message } };
      return inTransaction(db, ['datasets'], 'strict', async (tx) => {
        // add (not put): an id clash fails the transaction instead of overwriting a dataset.
        await tx.objectStore('datasets').add(record);
      });
    },

    // New metadata (an Open SDG folder read again) replaces the old; an import without any keeps it.
    replaceDataset: (id, content, now = Date.now(), metadata) =>
      inTransaction(db, ['datasets', 'versions'], 'strict', async (tx) => {
        const datasets = tx.objectStore('datasets');
        const versions = tx.objectStore('versions');
        const old = await readLive(datasets, id);
        const number = old.latestNumber + 1;
        const next: DatasetRecord = {
          ...old,
          current: { ...content, number },
          history: [summarizeVersion(old.current, now), ...old.history],
          latestNumber: number,
          ...(metadata !== undefined ? { metadata } : {}),
        };
        const checked = DatasetRecordSchema.safeParse(next);
        if (!checked.success) throw new Refusal({ kind: 'invalid', message: problemOf(id, checked.error).message });
        const archived: ArchivedVersion = { ...old.current, datasetId: id, archivedAt: now };
        await versions.put(archived, [id, old.current.number]);
        // Keep the KEPT_VERSIONS most recently archived.
        for (const dropped of next.history.slice(KEPT_VERSIONS)) await versions.delete([id, dropped.number]);
        next.history = next.history.slice(0, KEPT_VERSIONS);
        await datasets.put(next);
        return next;
      }),

    readVersion: (id, number) =>
      attempt(async () => {
        const parsed = ArchivedVersionSchema.safeParse(await db.get('versions', [id, number]));
        if (!parsed.success || parsed.data.datasetId !== id || parsed.data.number !== number) throw new Error(`version ${number} of "${id}" is not available`);
        return parsed.data;
      }),

    restoreVersion: (id, number, now = Date.now()) =>
      inTransaction(db, ['datasets', 'versions'], 'strict', async (tx) => {
        const datasets = tx.objectStore('datasets');
        const versions = tx.objectStore('versions');
        const old = await readLive(datasets, id);
        const parsed = ArchivedVersionSchema.safeParse(await versions.get([id, number]));
        if (!parsed.success || parsed.data.datasetId !== id || parsed.data.number !== number)
          throw new Refusal({ kind: 'not_found', message: `version ${number} of "${id}" is not available` });
        const { datasetId: _d, archivedAt: _a, ...restored } = parsed.data;
        const next: DatasetRecord = {
          ...old,
          current: restored,
          history: [summarizeVersion(old.current, now), ...old.history.filter((h) => h.number !== number)],
        };
        await versions.delete([id, number]);
        await versions.put({ ...old.current, datasetId: id, archivedAt: now } satisfies ArchivedVersion, [id, old.current.number]);
        await datasets.put(next);
        return next;
      }),

    setIncluded: (id, included) =>
      inTransaction(db, ['datasets'], 'strict', async (tx) => {
        const store = tx.objectStore('datasets');
        const old = await readLive(store, id);
        await store.put({ ...old, included });
      }),

    describeDataset: (id, name, info) =>
      inTransaction(db, ['datasets'], 'strict', async (tx) => {
        const store = tx.objectStore('datasets');
        const old = await readLive(store, id);
        const cleaned = cleanInfo(info);
        const { info: _old, ...rest } = old;
        const next: DatasetRecord = Object.keys(cleaned).length > 0 ? { ...rest, name, info: cleaned } : { ...rest, name };
        await store.put(next);
        return next;
      }),

    setDeleted: (id, deleted, now = Date.now()) =>
      inTransaction(db, ['datasets'], 'strict', async (tx) => {
        const store = tx.objectStore('datasets');
        const parsed = StoredDatasetSchema.safeParse(await store.get(id));
        if (!parsed.success) throw new Refusal({ kind: 'not_found', message: `no readable dataset "${id}"` });
        await store.put({ ...parsed.data, deletedAt: deleted ? now : null });
      }),

    purgeDeleted: (before = Infinity) =>
      inTransaction(db, ['datasets', 'versions'], 'relaxed', async (tx) => {
        const datasets = tx.objectStore('datasets');
        const versions = tx.objectStore('versions');
        const range = Number.isFinite(before) ? IDBKeyRange.upperBound(before, true) : undefined;
        const ids: string[] = [];
        for (let cursor = await datasets.index('deletedAt').openKeyCursor(range); cursor; cursor = await cursor.continue()) ids.push(String(cursor.primaryKey));
        for (const id of ids) {
          await datasets.delete(id);
          await versions.delete(versionRange(id));
        }
        return ids.length;
      }),

    listMappings: () =>
      attempt(async () => {
        const all = await db.getAll('mappings');
        const out: SavedMapping[] = [];
        for (const v of all) {
          const parsed = SavedMappingSchema.safeParse(v);
          if (parsed.success) out.push(parsed.data);
        }
        return out.sort((a, b) => b.savedAt - a.savedAt);
      }),

    putMapping: async (mapping) => {
      const checked = SavedMappingSchema.safeParse(mapping);
      if (!checked.success) return { ok: false, error: { kind: 'invalid', message: problemOf(mapping.signature, checked.error).message } };
      return inTransaction(db, ['mappings'], 'strict', async (tx) => {
        await tx.objectStore('mappings').put(checked.data, checked.data.signature);
      });
    },

    deleteMapping: (signature) =>
      inTransaction(db, ['mappings'], 'strict', async (tx) => {
        await tx.objectStore('mappings').delete(signature);
      }),

    getSetting: async <T>(key: string, schema: z.core.$ZodType<T>) => {
      const read = await attempt(() => db.get('settings', key));
      if (!read.ok) return read;
      if (read.value === undefined) return { ok: true, value: undefined };
      const parsed = z.safeParse(schema, read.value);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: { kind: 'invalid', message: problemOf(key, parsed.error).message } };
    },

    putSetting: (key, value) =>
      inTransaction(db, ['settings'], 'relaxed', async (tx) => {
        await tx.objectStore('settings').put(value, key);
      }),

    exportWorkspace: (settingKeys) =>
      attempt(async () => {
        const tx = db.transaction(['datasets', 'versions', 'mappings', 'settings'], 'readonly');
        const datasets: WorkspaceDataset[] = [];
        for (let cursor = await tx.objectStore('datasets').openCursor(); cursor; cursor = await cursor.continue()) {
          const parsed = StoredDatasetSchema.safeParse(cursor.value);
          if (!parsed.success || parsed.data.deletedAt !== null) continue;
          datasets.push({ record: parsed.data, versions: [] });
        }
        for (const d of datasets) {
          for (const h of d.record.history) {
            const v = ArchivedVersionSchema.safeParse(await tx.objectStore('versions').get([d.record.id, h.number]));
            if (v.success) d.versions.push(v.data);
          }
          // The file lists only the versions it carries.
          const carried = new Set(d.versions.map((v) => v.number));
          d.record = { ...d.record, history: d.record.history.filter((h) => carried.has(h.number)) };
        }
        const mappings: SavedMapping[] = [];
        for (const v of await tx.objectStore('mappings').getAll()) {
          const parsed = SavedMappingSchema.safeParse(v);
          if (parsed.success) mappings.push(parsed.data);
        }
        const settings: WorkspaceSettings = {};
        for (const key of settingKeys) {
          const v: unknown = await tx.objectStore('settings').get(key);
          if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') settings[key] = v;
        }
        await tx.done;
        datasets.sort((a, b) => a.record.createdAt - b.record.createdAt);
        return { datasets, mappings, settings };
      }),

    importWorkspace: async (snapshot, mode, renamed = (name, n) => `${name} (${n})`) => {
      for (const d of snapshot.datasets) {
        const checked = DatasetRecordSchema.safeParse(d.record);
        if (!checked.success) return { ok: false, error: { kind: 'invalid', message: problemOf(d.record.id, checked.error).message } };
      }
      return inTransaction(db, ['datasets', 'versions', 'mappings', 'settings'], 'strict', async (tx) => {
        const datasets = tx.objectStore('datasets');
        const versions = tx.objectStore('versions');
        const mappings = tx.objectStore('mappings');
        const summary: WorkspaceImportSummary = { added: 0, skipped: 0, renamed: 0, mappings: 0 };
        const takenNames = new Set<string>();
        const takenIds = new Set<string>();
        if (mode === 'replace') {
          await Promise.all([datasets.clear(), versions.clear(), mappings.clear()]);
          for (const [key, value] of Object.entries(snapshot.settings)) await tx.objectStore('settings').put(value, key);
        } else {
          for (const v of await datasets.getAll()) {
            const parsed = StoredDatasetSchema.safeParse(v);
            if (!parsed.success) continue;
            takenIds.add(parsed.data.id);
            if (parsed.data.deletedAt === null) takenNames.add(datasetNameKey(parsed.data.name));
          }
        }
        for (const { record, versions: archived } of snapshot.datasets) {
          if (takenIds.has(record.id)) {
            summary.skipped++;
            continue;
          }
          let name = record.name;
          for (let n = 2; takenNames.has(datasetNameKey(name)); n++) name = renamed(record.name, n);
          if (name !== record.name) summary.renamed++;
          takenNames.add(datasetNameKey(name));
          takenIds.add(record.id);
          // add: two datasets of the file with one id fail the whole import.
          await datasets.add({ ...record, name });
          for (const v of archived) await versions.add({ ...v, datasetId: record.id }, [record.id, v.number]);
          summary.added++;
        }
        for (const m of snapshot.mappings) {
          if (mode === 'merge' && (await mappings.get(m.signature)) !== undefined) continue;
          await mappings.put(m, m.signature);
          summary.mappings++;
        }
        return summary;
      });
    },

    close: () => db.close(),
  };
}

/**
 * Asks the browser to keep this site's storage under pressure (call after the first successful import).
 * Resolves to whether storage is persistent; false when the API is missing or refuses. Never throws.
 */
export async function requestPersistentStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<boolean> {
  try {
    if (storage === undefined || typeof storage.persist !== 'function') return false;
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}

/** Storage used and allowed for this site, and whether it is persistent; undefined where the API is missing. Never throws. */
export async function readStorageEstimate(
  storage: StorageManager | undefined = globalThis.navigator?.storage,
): Promise<{ usage: number; quota: number; persisted: boolean } | undefined> {
  try {
    if (storage === undefined || typeof storage.estimate !== 'function') return undefined;
    const e = await storage.estimate();
    const persisted = typeof storage.persisted === 'function' ? await storage.persisted() : false;
    return { usage: e.usage ?? 0, quota: e.quota ?? 0, persisted };
  } catch {
    return undefined;
  }
}
