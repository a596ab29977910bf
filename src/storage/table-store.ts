import * as z from 'zod/mini';
import type { DatasetMetadata } from '@/domain/dataset-indicator';
import type { DatasetRecord } from './dataset-record';
import type { MarsadStore, NewVersion, StorageResult } from './marsad-db';
import { TABLE_COLUMNS } from '@/domain/observation-table';
import { columnParts, ListResultSchema, ReplaceResultSchema, SaveResultSchema, TableStoreResponseSchema } from './table-store-protocol';

/** A request without its id (the client numbers them); the worker checks it with TableStoreRequestSchema. */
type Request =
  | { op: 'list' }
  | { op: 'save'; record: DatasetRecord }
  | { op: 'replace'; datasetId: string; content: NewVersion; now?: number; metadata?: DatasetMetadata };

/**
 * The store the app uses: `store` itself, except that the three operations moving whole tables
 * (listing the datasets, saving one, saving a new version) run in the storage worker
 * (`table-store.worker.ts`), whose answers are checked here with the same schemas. When no worker can
 * be started (a test runner, a blocked worker script) or it stops, they run on `store` as before.
 */
/**
 * Tables this long and longer are saved by the worker (a copy of ~10 MB or more would hold the page for
 * tens of milliseconds); shorter ones are saved at once on the page, with no worker to start. Once one
 * has been saved, the setting below makes the next visits list the datasets in the worker too.
 */
const BIG_TABLE_ROWS = 100_000;
const BIG_TABLES_SETTING = 'bigTablesSaved';

/** What a request settles with when the worker did not run it, or stopped without answering. */
const NOT_RUN = Symbol('not run');
const LOST = Symbol('lost');

export function withTableWorker(store: MarsadStore): MarsadStore {
  if (typeof Worker === 'undefined') return store;
  // Started when first needed: a first visit, with nothing saved, never loads it.
  let worker: Worker | undefined;
  /** Settles a request with the worker's answer, or `NOT_RUN` when the worker did not (or may not have) run it. */
  const pending = new Map<number, (data: unknown) => void>();
  let nextId = 1;
  let broken = false;
  const failAll = () => {
    broken = true;
    worker?.terminate();
    for (const settle of pending.values()) settle(LOST);
    pending.clear();
  };
  const started = (): Worker | undefined => {
    if (broken) return undefined;
    if (worker !== undefined) return worker;
    try {
      worker = new Worker(new URL('./table-store.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      broken = true;
      return undefined;
    }
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      const parsed = TableStoreResponseSchema.safeParse(event.data);
      if (!parsed.success) return;
      const settle = pending.get(parsed.data.id);
      pending.delete(parsed.data.id);
      settle?.(parsed.data.notRun === true ? NOT_RUN : parsed.data.result);
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      failAll();
    });
    worker.addEventListener('messageerror', failAll);
    return worker;
  };

  /**
   * Asks the worker. Undefined when the page's own store should do it instead: no worker, the request
   * could not be sent, the worker could not open the database, or (a read only) the worker stopped
   * before answering. A write the worker may have done before it stopped is reported as failed, never
   * done a second time. A request with a table sends its columns first, one message per task (see
   * table-store-protocol.ts).
   */
  async function ask<T>(request: Request, schema: z.ZodMiniType<StorageResult<T>>): Promise<StorageResult<T> | undefined> {
    const w = started();
    if (w === undefined) return undefined;
    const id = nextId++;
    const answer = new Promise<unknown>((resolve) => pending.set(id, resolve));
    const table = request.op === 'save' ? request.record.current.table : request.op === 'replace' ? request.content.table : undefined;
    try {
      let message: unknown = { ...request, id };
      if (table !== undefined) {
        for (const column of TABLE_COLUMNS) {
          for (const { part, transfer } of columnParts(id, column, table[column])) {
            if (broken) throw new Error('the storage worker stopped');
            w.postMessage(part, [transfer]);
            await new Promise((resolve) => setTimeout(resolve, 0));
          }
        }
        const shell = { length: table.length, dict: table.dict };
        message =
          request.op === 'save'
            ? { ...request, id, record: { ...request.record, current: { ...request.record.current, table: shell } } }
            : request.op === 'replace'
              ? { ...request, id, content: { ...request.content, table: shell } }
              : message;
      }
      if (broken) throw new Error('the storage worker stopped');
      w.postMessage(message);
    } catch {
      // Not sent (a copy that failed, a worker that stopped): nothing was written.
      pending.delete(id);
      return undefined;
    }
    const data = await answer;
    if (data === NOT_RUN) return undefined;
    if (data === LOST) return request.op === 'list' ? undefined : { ok: false, error: { kind: 'failed', message: 'the storage worker stopped before it answered' } };
    const checked = schema.safeParse(data);
    return checked.success ? checked.data : { ok: false, error: { kind: 'failed', message: `the storage worker's answer is not valid: ${checked.error.issues[0]?.message ?? ''}` } };
  }

  return {
    ...store,
    listDatasets: async () => {
      // Only when a big table was ever saved here: small ones are read at once on the page.
      const big = await store.getSetting(BIG_TABLES_SETTING, z.boolean());
      if (!big.ok || big.value !== true) return store.listDatasets();
      return (await ask({ op: 'list' }, ListResultSchema)) ?? store.listDatasets();
    },
    saveDataset: async (record) => {
      if (record.current.table.length < BIG_TABLE_ROWS) return store.saveDataset(record);
      await store.putSetting(BIG_TABLES_SETTING, true);
      return (await ask({ op: 'save', record }, SaveResultSchema)) ?? store.saveDataset(record);
    },
    replaceDataset: async (datasetId, content, now, metadata) => {
      if (content.table.length < BIG_TABLE_ROWS) return store.replaceDataset(datasetId, content, now, metadata);
      await store.putSetting(BIG_TABLES_SETTING, true);
      return (
        (await ask(
          { op: 'replace', datasetId, content, ...(now === undefined ? {} : { now }), ...(metadata === undefined ? {} : { metadata }) },
          ReplaceResultSchema,
        )) ?? store.replaceDataset(datasetId, content, now, metadata)
      );
    },
    importWorkspace: async (snapshot, mode, renamed) => {
      if (snapshot.datasets.some((d) => d.record.current.table.length >= BIG_TABLE_ROWS)) await store.putSetting(BIG_TABLES_SETTING, true);
      return store.importWorkspace(snapshot, mode, renamed);
    },
    close: () => {
      failAll();
      store.close();
    },
  };
}
