import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { type Plugin, runnerImport } from 'vite';
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

/**
 * The app's registry (`src/ingest/bundled-registry.ts`), made at build time: `virtual:marsad/registry` is
 * every `indicators/*.json` validated by the domain schema, titles in English and units in every language;
 * `virtual:marsad/registry-texts-ar` (fr, es) is one language's texts, a chunk of its own fetched with that
 * language's catalogue, and `…-texts-en` the English definitions and sources, fetched with the views that
 * show them. So the page does not run the registry's validation, and its first load carries what the
 * overview shows (issue 14 §4). The sources come from `src/cli/registry-bundle.ts`, run by Vite's module
 * runner (the config imports no TypeScript of ours).
 */
let made: Promise<{ modules: RegistryModules; dependencies: string[] }> | undefined;

function bundledRegistry(): Plugin {
  const prefix = 'virtual:marsad/registry';
  const src = fileURLToPath(new URL('./src', import.meta.url));
  // Made once for the page and its workers' builds (one plugin each), again when a file changes.
  const make = async () => {
    const { module, dependencies } = await runnerImport<{ registryModules: () => RegistryModules }>(`${src}/cli/registry-bundle.ts`, {
      resolve: { alias: { '@': src } },
      logLevel: 'silent',
    });
    return { modules: module.registryModules(), dependencies };
  };
  return {
    name: 'marsad:bundled-registry',
    watchChange() {
      made = undefined;
    },
    // A new or removed indicator file is no module's dependency yet: the dev server makes the registry again.
    configureServer(server) {
      const indicators = fileURLToPath(new URL('./indicators/', import.meta.url));
      const changed = (file: string) => {
        if (!file.startsWith(indicators) || !file.endsWith('.json')) return;
        made = undefined;
        for (const m of [...server.moduleGraph.idToModuleMap.values()]) if (m.id?.startsWith(`\0${prefix}`)) server.moduleGraph.invalidateModule(m);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.add(indicators);
      server.watcher.on('add', changed);
      server.watcher.on('unlink', changed);
    },
    resolveId(source) {
      return source === prefix || source.startsWith(`${prefix}-texts-`) ? `\0${source}` : null;
    },
    async load(id) {
      if (!id.startsWith(`\0${prefix}`)) return null;
      made ??= make();
      const { modules, dependencies } = await made;
      for (const file of [...modules.files, ...dependencies]) this.addWatchFile(file);
      if (id === `\0${prefix}`) return modules.main;
      const lang = (['en', 'ar', 'fr', 'es'] as const).find((l) => id === `\0${prefix}-texts-${l}`);
      if (lang === undefined) this.error(`${id.slice(1)}: no such registry texts (en, ar, fr or es)`);
      return modules.texts[lang];
    },
  };
}
type RegistryModules = { main: string; texts: Record<'en' | 'ar' | 'fr' | 'es', string>; files: string[] };

export default defineConfig({
  // Relative base: the built site works from any folder of any static host.
  base: './',
  plugins: [react(), fflateWithoutWorkers(), bundledRegistry()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  worker: { format: 'es', plugins: () => [bundledRegistry()] },
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
