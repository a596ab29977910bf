import '@/domain/zod-setup';
import { readBoundaries } from './boundaries';

/**
 * The boundary worker: one file's bytes in, its shapes (validated, simplified) or the problem out, so
 * a 20 MB boundary file is parsed without freezing the page.
 */
type WorkerScope = {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
};
const scope: WorkerScope = self;

scope.addEventListener('message', (event: MessageEvent<unknown>) => {
  const data = event.data;
  if (typeof data !== 'object' || data === null || !('name' in data) || !('bytes' in data) || typeof data.name !== 'string' || !(data.bytes instanceof ArrayBuffer)) {
    scope.postMessage({ failed: 'invalid request' });
    return;
  }
  try {
    scope.postMessage(readBoundaries(data.name, new Uint8Array(data.bytes)));
  } catch (error) {
    scope.postMessage({ failed: error instanceof Error ? error.message : String(error) });
  }
});
