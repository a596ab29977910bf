import { type AsyncZipOptions, type AsyncZippable, type AsyncTerminable, type FlateCallback, type Zippable, zipSync } from 'fflate';

/**
 * fflate as write-excel-file sees it in the built site (vite.config.ts, `fflateWithoutWorkers`): the same
 * module, but `zip` compresses on the calling thread. fflate's own `zip` moves any file over 160 KB to a
 * worker made from a `blob:` URL, which the documented Content-Security-Policy (`worker-src 'self'`)
 * blocks without an error: the annex workbook of a large city, and the report's ZIP with it, never
 * finished. A workbook is a few megabytes at most; compressing it here takes milliseconds.
 */
export * from 'fflate';

export function zip(data: AsyncZippable, optsOrCallback: AsyncZipOptions | FlateCallback, callback?: FlateCallback): AsyncTerminable {
  const cb = typeof optsOrCallback === 'function' ? optsOrCallback : callback;
  const opts = typeof optsOrCallback === 'function' ? {} : optsOrCallback;
  let cancelled = false;
  // Asynchronous like fflate's: the callback never runs before `zip` returns.
  setTimeout(() => {
    if (cancelled || cb === undefined) return;
    let out: ReturnType<typeof zipSync>;
    try {
      // AsyncZippable differs from Zippable only in per-file options that zipSync takes as well.
      out = zipSync(data as Zippable, opts);
    } catch (e) {
      cb(e instanceof Error ? Object.assign(e, { code: 0 }) : Object.assign(new Error(String(e)), { code: 0 }), new Uint8Array(0));
      return;
    }
    cb(null, new Uint8Array(out));
  }, 0);
  return () => {
    cancelled = true;
  };
}
