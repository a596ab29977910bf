import { loadBundledRegistry } from './bundled-registry';
import type { IngestOptions, IngestResult } from './types';
import { type IngestResponse, IngestResponseSchema, toWireOptions } from './worker-protocol';

export type IngestOutcome =
  | { ok: true; result: IngestResult }
  | { ok: false; reason: 'cancelled' }
  | { ok: false; reason: 'failed'; message: string };

export type IngestJob = {
  /** Settles once: with the result, or with why there is none. Never rejects. */
  promise: Promise<IngestOutcome>;
  /** Stops the parse (terminates the worker). The promise settles with `cancelled`. */
  cancel: () => void;
};

let nextId = 1;

/**
 * Reads one file in the ingest worker (`ingest.worker.ts`). `options.onProgress` is called with the
 * worker's progress messages. When no Worker can be started (old browser, test runner, a worker script
 * blocked by policy), the same `ingestFile` runs on the main thread instead: slower, same result.
 * The worker gets the Blob itself and reads it there: the page never holds or copies the file's bytes
 * (copying a 45 MB file into the message was a 100–140 ms task on a machine slow to hand out memory),
 * and the fallback can still read it.
 */
export function startIngest(file: { name: string; blob: Blob }, options: IngestOptions = {}): IngestJob {
  const id = nextId++;
  let settle: (outcome: IngestOutcome) => void = () => {};
  let settled = false;
  const promise = new Promise<IngestOutcome>((resolve) => {
    settle = (outcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
  });

  let worker: Worker | undefined;
  let cancelled = false;
  const finish = (outcome: IngestOutcome) => {
    worker?.terminate();
    worker = undefined;
    settle(outcome);
  };

  const runOnMainThread = () => {
    // A timeout lets the caller paint its progress bar before the synchronous parse starts.
    setTimeout(() => {
      if (cancelled) return;
      Promise.all([import('./ingest-file'), file.blob.arrayBuffer()])
        .then(([{ ingestFile }, bytes]) => {
          if (cancelled) return;
          const result = ingestFile({ name: file.name, bytes: new Uint8Array(bytes) }, loadBundledRegistry().registry, options);
          finish({ ok: true, result });
        })
        .catch((error: unknown) => finish({ ok: false, reason: 'failed', message: error instanceof Error ? error.message : String(error) }));
    }, 0);
  };

  try {
    worker = typeof Worker === 'undefined' ? undefined : new Worker(new URL('./ingest.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = undefined;
  }

  if (worker === undefined) runOnMainThread();
  else {
    let heardFrom = false;
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      heardFrom = true;
      const parsed = IngestResponseSchema.safeParse(event.data);
      if (!parsed.success || parsed.data.id !== id) {
        finish({ ok: false, reason: 'failed', message: 'unexpected message from the ingest worker' });
        return;
      }
      handle(parsed.data);
    });
    worker.addEventListener('messageerror', () => finish({ ok: false, reason: 'failed', message: 'the ingest result could not be received' }));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      if (!heardFrom) {
        // The worker script never ran (blocked or unsupported): read on the main thread.
        worker?.terminate();
        worker = undefined;
        runOnMainThread();
      } else finish({ ok: false, reason: 'failed', message: event.message || 'the ingest worker stopped' });
    });
    worker.postMessage({ id, type: 'ingest', name: file.name, file: file.blob, options: toWireOptions(options) });
  }

  function handle(message: IngestResponse): void {
    switch (message.type) {
      case 'progress':
        options.onProgress?.({ done: message.done, total: message.total });
        return;
      case 'done':
        finish({ ok: true, result: message.result });
        return;
      case 'failed':
        finish({ ok: false, reason: 'failed', message: message.reason });
        return;
      default:
        assertNever(message);
    }
  }

  return {
    promise,
    cancel: () => {
      cancelled = true;
      finish({ ok: false, reason: 'cancelled' });
    },
  };
}

function assertNever(x: never): never {
  throw new Error(`unexpected value ${JSON.stringify(x)}`);
}
