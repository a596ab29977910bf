import type { z } from 'zod';
import type { DatasetMetadata } from '@/domain/dataset-indicator';
import type { DatasetRecord } from './dataset-record';
import type { MarsadStore, NewVersion, StorageResult } from './marsad-db';
import { ListResultSchema, ReplaceResultSchema, SaveResultSchema, TABLE_COLUMNS, TableStoreResponseSchema } from './table-store-protocol';

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
export function withTableWorker(store: MarsadStore): MarsadStore {
  let worker: Worker | undefined;
  try {
    worker = typeof Worker === 'undefined' ? undefined : new Worker(new URL('./table-store.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = undefined;
  }
  if (worker === undefined) return store;
  const pending = new Map<number, (data: unknown) => void>();
  let nextId = 1;
  let broken = false;
  const failAll = () => {
    broken = true;
    worker?.terminate();
    for (const settle of pending.values()) settle(undefined);
    pending.clear();
  };
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    const parsed = TableStoreResponseSchema.safeParse(event.data);
    if (!parsed.success) return;
    const settle = pending.get(parsed.data.id);
    pending.delete(parsed.data.id);
    settle?.(parsed.data.result);
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    failAll();
  });
  worker.addEventListener('messageerror', failAll);

  /**
   * Asks the worker; undefined when it could not answer (the caller then uses the page's store). A
   * request with a table sends its columns first, one message per task (see table-store-protocol.ts).
   */
  async function ask<T>(request: Request, schema: z.ZodType<StorageResult<T>>): Promise<StorageResult<T> | undefined> {
    if (broken || worker === undefined) return undefined;
    const id = nextId++;
    const answer = new Promise<unknown>((resolve) => pending.set(id, resolve));
    const table = request.op === 'save' ? request.record.current.table : request.op === 'replace' ? request.content.table : undefined;
    let message: unknown = { ...request, id };
    if (table !== undefined) {
      for (const column of TABLE_COLUMNS) {
        if (broken) return undefined;
        worker.postMessage({ id, op: 'part', column, array: table[column] });
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      const shell = { length: table.length, dict: table.dict };
      message =
        request.op === 'save'
          ? { ...request, id, record: { ...request.record, current: { ...request.record.current, table: shell } } }
          : request.op === 'replace'
            ? { ...request, id, content: { ...request.content, table: shell } }
            : message;
    }
    if (broken) return undefined;
    worker.postMessage(message);
    return answer.then((data) => {
      if (data === undefined) return undefined;
      const checked = schema.safeParse(data);
      return checked.success ? checked.data : { ok: false, error: { kind: 'failed', message: `the storage worker's answer is not valid: ${checked.error.issues[0]?.message ?? ''}` } };
    });
  }

  return {
    ...store,
    listDatasets: async () => (await ask({ op: 'list' }, ListResultSchema)) ?? store.listDatasets(),
    saveDataset: async (record) => (await ask({ op: 'save', record }, SaveResultSchema)) ?? store.saveDataset(record),
    replaceDataset: async (datasetId, content, now, metadata) =>
      (await ask(
        { op: 'replace', datasetId, content, ...(now === undefined ? {} : { now }), ...(metadata === undefined ? {} : { metadata }) },
        ReplaceResultSchema,
      )) ?? store.replaceDataset(datasetId, content, now, metadata),
    close: () => {
      failAll();
      store.close();
    },
  };
}
