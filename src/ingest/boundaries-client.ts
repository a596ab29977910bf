import { type BoundaryRead, BoundaryReadSchema, MAX_BOUNDARY_BYTES } from './boundary-schema';

/** A boundary file read, or why not (`failed`: the worker or the browser could not read it at all). */
export type BoundaryOutcome = BoundaryRead | { readonly ok: false; readonly failed: string };

/**
 * Reads a boundary file in the boundary worker (main thread when no worker can start). The size is
 * checked before the file is read; the worker's answer goes through its schema.
 */
export async function readBoundaryFile(file: Pick<File, 'name' | 'size' | 'arrayBuffer'>): Promise<BoundaryOutcome> {
  if (file.size > MAX_BOUNDARY_BYTES) return { ok: false, problem: { code: 'boundary_too_large', bytes: file.size, limit: MAX_BOUNDARY_BYTES } };
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch (error) {
    return { ok: false, failed: error instanceof Error ? error.message : String(error) };
  }
  return readBoundaryBytes(file.name, bytes);
}

/** Reads a boundary file's bytes in the boundary worker (on this thread when no worker can start). */
export async function readBoundaryBytes(name: string, bytes: ArrayBuffer): Promise<BoundaryOutcome> {
  if (bytes.byteLength > MAX_BOUNDARY_BYTES) return { ok: false, problem: { code: 'boundary_too_large', bytes: bytes.byteLength, limit: MAX_BOUNDARY_BYTES } };
  const file = { name };
  let worker: Worker | undefined;
  try {
    worker = typeof Worker === 'undefined' ? undefined : new Worker(new URL('./boundaries.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    worker = undefined;
  }
  if (worker === undefined) return readHere(file.name, bytes);
  const w = worker;
  return new Promise<BoundaryOutcome>((resolve) => {
    let heard = false;
    w.addEventListener('message', (event: MessageEvent<unknown>) => {
      heard = true;
      w.terminate();
      const parsed = BoundaryReadSchema.safeParse(event.data);
      if (parsed.success) resolve(parsed.data);
      else {
        const failed = typeof event.data === 'object' && event.data !== null && 'failed' in event.data && typeof event.data.failed === 'string' ? event.data.failed : 'unexpected answer from the boundary worker';
        resolve({ ok: false, failed });
      }
    });
    w.addEventListener('error', (event) => {
      event.preventDefault();
      w.terminate();
      // The worker script never ran (blocked or unsupported): read here.
      if (!heard) void readHere(file.name, bytes).then(resolve);
      else resolve({ ok: false, failed: event.message || 'the boundary worker stopped' });
    });
    // A copy goes to the worker, so the fallback can still read the bytes.
    const copy = bytes.slice(0);
    w.postMessage({ name: file.name, bytes: copy }, [copy]);
  });
}

/** The parser on this thread, loaded when first needed (it stays out of the app's first load). */
async function readHere(name: string, bytes: ArrayBuffer): Promise<BoundaryOutcome> {
  const { readBoundaries } = await import('./boundaries');
  return readBoundaries(name, new Uint8Array(bytes));
}
