import '@/domain/zod-setup';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SPLIT_LANGS, type SplitLang, splitRegistryTexts } from '@/domain/registry-texts';
import { INDICATORS_DIR, loadRegistryFromDirs } from './load-registry';

/**
 * The app's bundled registry as module sources, made at build time by vite.config.ts (`bundledRegistry`,
 * through Vite's module runner): `main` is `virtual:marsad/registry` (every valid `indicators/*.json`,
 * parsed by the domain schema, titles in English and units in every language; the files that failed, as
 * problems), `texts[lang]` is `virtual:marsad/registry-texts-<lang>`. See `src/ingest/bundled-registry.ts`.
 */
export function registryModules(): { main: string; texts: Record<SplitLang, string>; files: string[] } {
  const { registry, problems } = loadRegistryFromDirs([INDICATORS_DIR]);
  const split = splitRegistryTexts(registry.indicators);
  // Problems name the file as the project does (`indicators/11-6-2.json`), not where this machine keeps it.
  const named = problems.map((p) => ({ ...p, file: `indicators/${basename(p.file)}` }));
  const texts = Object.fromEntries(SPLIT_LANGS.map((l) => [l, `export const texts = ${JSON.stringify(split.texts[l])};\n`])) as Record<SplitLang, string>;
  return {
    main: `export const indicators = ${JSON.stringify(split.indicators)};\nexport const problems = ${JSON.stringify(named)};\n`,
    texts,
    // Each file, for the dev server to make the registry again when one changes (a folder is no module).
    files: readdirSync(INDICATORS_DIR).filter((n) => n.endsWith('.json')).map((n) => join(INDICATORS_DIR, n)),
  };
}
