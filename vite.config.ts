import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * write-excel-file zips workbook parts over 160 KB with fflate's `zip`, which starts a `blob:` worker that
 * the README's Content-Security-Policy (`worker-src 'self'`) blocks: "Download all figures (ZIP)" then hung.
 * Its import of fflate gets src/model/fflate-sync-zip.ts instead (fflate, with `zip` on the calling thread).
 */
function fflateWithoutWorkers(): Plugin {
  const shim = fileURLToPath(new URL('./src/model/fflate-sync-zip.ts', import.meta.url));
  return {
    name: 'marsad:fflate-without-workers',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === 'fflate' && importer !== undefined && importer.replace(/\\/g, '/').includes('/node_modules/write-excel-file/') ? shim : null;
    },
  };
}

export default defineConfig({
  // Relative base: the built site works from any folder of any static host.
  base: './',
  plugins: [react(), fflateWithoutWorkers()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 900 },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Every UI language registered synchronously, as in the CLI (the app loads them on demand).
    setupFiles: ['test/setup-langs.ts'],
    testTimeout: 20000,
  },
});
