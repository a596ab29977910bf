import '@/domain/zod-setup';
import { transferablesOf } from '@/ingest/worker-protocol';
import type { DatasetRecord } from './dataset-record';
import { type MarsadStore, openMarsadStore, type StorageResult } from './marsad-db';
import { PartsInbox, RequestEnvelopeSchema, TablePartSchema, type TableStoreResponse, TableStoreRequestSchema, withColumns } from './table-store-protocol';

/**
 * The storage worker: reads and writes the dataset records that hold whole tables (listing them at
 * start, saving an import, a new version), so that turning 50 MB of typed arrays into IndexedDB values
 * and back happens here, not on the page's thread. It opens its own connection to the same database;
 * everything else the app stores goes through the page's connection. Tables it sends back are
 * transferred, not copied.
 */
type WorkerScope = {
  postMessage(message: unknown, options: { transfer: Transferable[] }): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
};
// The project compiles with the DOM library; the worker global has the same two methods.
const scope: WorkerScope = self;

let opened: Promise<StorageResult<MarsadStore>> | undefined;

function buffersOf(records: readonly DatasetRecord[]): ArrayBuffer[] {
  return [...new Set(records.flatMap((r) => transferablesOf(r.current.table)))];
}

/** Columns received for a request, by request id, until the request itself arrives. */
const parts = new PartsInbox();

scope.addEventListener('message', (event: MessageEvent<unknown>) => {
  const envelope = RequestEnvelopeSchema.safeParse(event.data);
  if (!envelope.success) return;
  const post = (message: TableStoreResponse, transfer: ArrayBuffer[] = []) => scope.postMessage(message, { transfer });
  if (envelope.data.op === 'part') {
    const part = TablePartSchema.safeParse(event.data);
    if (part.success) parts.add(part.data);
    return;
  }
  const columns = parts.take(envelope.data.id);
  const parsed = TableStoreRequestSchema.safeParse(withColumns(event.data, columns));
  if (!parsed.success) {
    post({ id: envelope.data.id, result: { ok: false, error: { kind: 'invalid', message: `${parsed.error.issues[0]?.path.join('.') ?? ''}: ${parsed.error.issues[0]?.message ?? 'invalid request'}` } } });
    return;
  }
  const request = parsed.data;
  void (async () => {
    opened ??= openMarsadStore();
    const store = await opened;
    if (!store.ok) {
      // Tried again next time; this time the page's own connection does it.
      opened = undefined;
      post({ id: request.id, result: undefined, notRun: true });
      return;
    }
    switch (request.op) {
      case 'list': {
        const result = await store.value.listDatasets();
        post({ id: request.id, result }, result.ok ? buffersOf(result.value.datasets) : []);
        return;
      }
      case 'save':
        post({ id: request.id, result: await store.value.saveDataset(request.record) });
        return;
      case 'replace': {
        const result = await store.value.replaceDataset(request.datasetId, request.content, request.now, request.metadata);
        post({ id: request.id, result }, result.ok ? buffersOf([result.value]) : []);
        return;
      }
    }
  })().catch((error: unknown) => post({ id: request.id, result: { ok: false, error: { kind: 'failed', message: error instanceof Error ? error.message : String(error) } } }));
});
