import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { z } from 'zod';
import { type DatasetRecord, DatasetRecordSchema } from './dataset-record';

/**
 * The browser database `marsad` (IndexedDB through `idb`), versioned:
 *  v1 — `datasets` (key `id`; index `deletedAt`, which holds only soft-deleted records because
 *       IndexedDB leaves null keys out of an index) and `settings` (key → value).
 * Values are typed `unknown` on purpose: every read goes through a zod schema, and a record that fails
 * is reported and skipped, never cast. No helper throws; each returns a result.
 */
export const DB_NAME = 'marsad';
export const DB_VERSION = 1;

interface MarsadSchema extends DBSchema {
  datasets: { key: string; value: unknown; indexes: { deletedAt: number } };
  settings: { key: string; value: unknown };
}

export type StorageErrorKind = 'unavailable' | 'quota' | 'not_found' | 'invalid' | 'failed';
export type StorageError = { kind: StorageErrorKind; message: string };
export type StorageResult<T> = { ok: true; value: T } | { ok: false; error: StorageError };
/** A stored record that did not pass its schema: skipped. */
export type RecordProblem = { key: string; message: string };

export type MarsadStore = {
  /** Live datasets (not soft-deleted), oldest first; invalid records are listed in `problems`. */
  listDatasets: () => Promise<StorageResult<{ datasets: DatasetRecord[]; problems: RecordProblem[] }>>;
  /** Saves a new dataset in one durable transaction: all of it or nothing. */
  saveDataset: (record: DatasetRecord) => Promise<StorageResult<void>>;
  /** Soft delete (`deleted: true`) or undo (`false`); the rest of the record is untouched. */
  setDeleted: (id: string, deleted: boolean, now?: number) => Promise<StorageResult<void>>;
  /** Removes the soft-deleted datasets deleted before `before` (all of them by default); returns how many. */
  purgeDeleted: (before?: number) => Promise<StorageResult<number>>;
  getSetting: <T>(key: string, schema: z.ZodType<T>) => Promise<StorageResult<T | undefined>>;
  putSetting: (key: string, value: unknown) => Promise<StorageResult<void>>;
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

function problemOf(key: string, error: z.ZodError): RecordProblem {
  const first = error.issues[0];
  return { key, message: first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid record' };
}

/** Opens (creating or upgrading) the database. Fails with `unavailable` when IndexedDB is missing or blocked. */
export async function openMarsadStore(): Promise<StorageResult<MarsadStore>> {
  if (typeof indexedDB === 'undefined') return { ok: false, error: { kind: 'unavailable', message: 'IndexedDB is not available' } };
  const opened = await attempt(() =>
    openDB<MarsadSchema>(DB_NAME, DB_VERSION, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          const datasets = db.createObjectStore('datasets', { keyPath: 'id' });
          datasets.createIndex('deletedAt', 'deletedAt');
          db.createObjectStore('settings');
        }
      },
    }),
  );
  if (!opened.ok) return { ok: false, error: { ...opened.error, kind: opened.error.kind === 'failed' ? 'unavailable' : opened.error.kind } };
  return { ok: true, value: storeOn(opened.value) };
}

function storeOn(db: IDBPDatabase<MarsadSchema>): MarsadStore {
  return {
    listDatasets: () =>
      attempt(async () => {
        const tx = db.transaction('datasets', 'readonly');
        const datasets: DatasetRecord[] = [];
        const problems: RecordProblem[] = [];
        for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
          const key = String(cursor.key);
          const parsed = DatasetRecordSchema.safeParse(cursor.value);
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
      return attempt(async () => {
        const tx = db.transaction('datasets', 'readwrite', { durability: 'strict' });
        // add (not put): an id clash fails the transaction instead of overwriting a dataset.
        await Promise.all([tx.store.add(record), tx.done]);
      });
    },

    setDeleted: async (id, deleted, now = Date.now()) => {
      const result = await attempt(async (): Promise<StorageResult<void>> => {
        const tx = db.transaction('datasets', 'readwrite', { durability: 'strict' });
        const parsed = DatasetRecordSchema.safeParse(await tx.store.get(id));
        if (!parsed.success) {
          tx.abort();
          await tx.done.catch(() => undefined);
          return { ok: false, error: { kind: 'not_found', message: `no readable dataset "${id}"` } };
        }
        await Promise.all([tx.store.put({ ...parsed.data, deletedAt: deleted ? now : null }), tx.done]);
        return { ok: true, value: undefined };
      });
      return result.ok ? result.value : result;
    },

    purgeDeleted: (before = Infinity) =>
      attempt(async () => {
        const tx = db.transaction('datasets', 'readwrite');
        let n = 0;
        const range = Number.isFinite(before) ? IDBKeyRange.upperBound(before, true) : undefined;
        for (let cursor = await tx.store.index('deletedAt').openKeyCursor(range); cursor; cursor = await cursor.continue()) {
          await tx.store.delete(cursor.primaryKey);
          n++;
        }
        await tx.done;
        return n;
      }),

    getSetting: async <T>(key: string, schema: z.ZodType<T>) => {
      const read = await attempt(() => db.get('settings', key));
      if (!read.ok) return read;
      if (read.value === undefined) return { ok: true, value: undefined };
      const parsed = schema.safeParse(read.value);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: { kind: 'invalid', message: problemOf(key, parsed.error).message } };
    },

    putSetting: (key, value) =>
      attempt(async () => {
        const tx = db.transaction('settings', 'readwrite', { durability: 'relaxed' });
        await Promise.all([tx.store.put(value, key), tx.done]);
      }),

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
