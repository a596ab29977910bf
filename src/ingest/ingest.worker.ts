import '@/domain/zod-setup';
import { loadBundledRegistry } from './bundled-registry';
import { ingestFile } from './ingest-file';
import { type IngestResponse, IngestRequestSchema, transferablesOf } from './worker-protocol';

/**
 * The ingest worker: one request, then progress messages and one `done` (typed-array buffers
 * transferred, not copied) or `failed`. Cancelling is `worker.terminate()` from the app, since the
 * parse is synchronous in here.
 */
type WorkerScope = {
  postMessage(message: unknown, options: { transfer: Transferable[] }): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
};
// The project compiles with the DOM library; the worker global has the same two methods.
const scope: WorkerScope = self;

function post(message: IngestResponse, transfer: Transferable[] = []): void {
  scope.postMessage(message, { transfer });
}

scope.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = IngestRequestSchema.safeParse(event.data);
  if (!parsed.success) {
    const id = typeof event.data === 'object' && event.data !== null && 'id' in event.data && typeof event.data.id === 'number' ? event.data.id : -1;
    post({ id, type: 'failed', reason: `invalid request: ${parsed.error.issues[0]?.message ?? 'unknown'}` });
    return;
  }
  const { id, name, file, options } = parsed.data;
  post({ id, type: 'progress', done: 0, total: file.size });
  void file
    .arrayBuffer()
    .then((bytes) => {
      const { registry } = loadBundledRegistry();
      const result = ingestFile({ name, bytes: new Uint8Array(bytes) }, registry, {
        ...options,
        onProgress: ({ done, total }) => post({ id, type: 'progress', done, total }),
      });
      post({ id, type: 'done', result }, transferablesOf(result.table));
    })
    .catch((error: unknown) => post({ id, type: 'failed', reason: error instanceof Error ? error.message : String(error) }));
});
