import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ObservationTableBuilder, TABLE_COLUMNS } from '@/domain/observation-table';
import { type MarsadStore, openMarsadStore } from '@/storage/marsad-db';
import { withTableWorker } from '@/storage/table-store';
import { PartsInbox, TablePartSchema, TableStoreRequestSchema, withColumns } from '@/storage/table-store-protocol';
import { record, ROW } from './fixtures';

/**
 * A stand-in for the storage worker: it does what table-store.worker.ts does (columns kept by request,
 * the request checked by its schema, run on its own connection), answering asynchronously; it can also
 * stop right after running a request, as a crashed worker would.
 */
class FakeWorker {
  static made = 0;
  static requests: string[] = [];
  static crashAfterRun = false;
  static parts = 0;
  private listeners = new Map<string, Array<(e: unknown) => void>>();
  private parts = new PartsInbox();
  private store: Promise<MarsadStore>;
  constructor() {
    FakeWorker.made++;
    this.store = openMarsadStore().then((r) => {
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    });
  }
  addEventListener(type: string, f: (e: unknown) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), f]);
  }
  terminate() {}
  private emit(type: string, event: unknown) {
    for (const f of this.listeners.get(type) ?? []) f(event);
  }
  postMessage(message: { id: number; op: string }) {
    if (message.op === 'part') {
      FakeWorker.parts++;
      this.parts.add(TablePartSchema.parse(message));
      return;
    }
    FakeWorker.requests.push(message.op);
    const request = TableStoreRequestSchema.parse(withColumns(message, this.parts.take(message.id)));
    void (async () => {
      const store = await this.store;
      const result =
        request.op === 'list' ? await store.listDatasets() : request.op === 'save' ? await store.saveDataset(request.record) : await store.replaceDataset(request.datasetId, request.content, request.now);
      if (FakeWorker.crashAfterRun) this.emit('error', { preventDefault: () => undefined, message: 'crashed' });
      else this.emit('message', { data: { id: request.id, result } });
    })();
  }
}

function bigRecord(id: string) {
  const b = new ObservationTableBuilder(100_000);
  for (let i = 0; i < 100_000; i++) b.push({ ...ROW, city: `City ${i % 1000}`, year: 2000 + (i % 25), value: i, line: i + 2 });
  return { ...record(id), current: { ...record(id).current, table: b.finish() } };
}

let page: MarsadStore;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  Object.assign(globalThis, { Worker: FakeWorker });
  FakeWorker.made = 0;
  FakeWorker.requests = [];
  FakeWorker.crashAfterRun = false;
  FakeWorker.parts = 0;
  const r = await openMarsadStore();
  if (!r.ok) throw new Error(r.error.message);
  page = r.value;
});
afterEach(() => {
  Reflect.deleteProperty(globalThis, 'Worker');
});

describe('withTableWorker', () => {
  it('saves and lists small datasets on the page: no worker is started', async () => {
    const store = withTableWorker(page);
    expect(await store.saveDataset(record('small'))).toEqual({ ok: true, value: undefined });
    const list = await store.listDatasets();
    expect(list.ok && list.value.datasets.map((d) => d.id)).toEqual(['small']);
    expect(FakeWorker.made).toBe(0);
  });

  it('saves a big table in the worker, column by column, and lists through the worker from then on, identical', async () => {
    const store = withTableWorker(page);
    const big = bigRecord('big');
    expect(await store.saveDataset(big)).toEqual({ ok: true, value: undefined });
    expect(FakeWorker.requests).toEqual(['save']);
    // One piece per column here (each under 1 MB); the page's own columns stay whole (copies were sent).
    expect(FakeWorker.parts).toBe(TABLE_COLUMNS.length);
    expect(big.current.table.value.length).toBe(100_000);
    const list = await store.listDatasets();
    expect(FakeWorker.requests).toEqual(['save', 'list']);
    const saved = list.ok ? list.value.datasets[0] : undefined;
    expect(saved?.current.table.length).toBe(100_000);
    expect(saved?.current.table.value).toEqual(big.current.table.value);
    // A later visit (a new wrapper) lists in the worker too.
    const next = withTableWorker(page);
    await next.listDatasets();
    expect(FakeWorker.requests.at(-1)).toBe('list');
  });

  it('reports a write the worker may have done before it stopped as failed, and does not write it a second time', async () => {
    const store = withTableWorker(page);
    FakeWorker.crashAfterRun = true;
    const result = await store.saveDataset(bigRecord('big'));
    expect(result.ok).toBe(false);
    // The page's store was not asked to save it again (an id clash would have said "failed" too, so count the records).
    const list = await page.listDatasets();
    expect(list.ok && list.value.datasets.map((d) => d.id)).toEqual(['big']);
    // A read after the crash is done by the page itself.
    const again = await store.listDatasets();
    expect(again.ok && again.value.datasets.map((d) => d.id)).toEqual(['big']);
  });

  it('is the page store itself where there is no Worker', () => {
    Reflect.deleteProperty(globalThis, 'Worker');
    expect(withTableWorker(page)).toBe(page);
  });
});
