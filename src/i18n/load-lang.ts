import { useEffect, useState } from 'react';
import { registerRegistryTexts } from '@/ingest/bundled-registry';
import { registerIssueWriter } from './issue-writers';
import type { Lang } from './lang';
import { hasCatalogue, hasEnglishViews, registerCatalogue, registerEnglishViews } from './translate';

/**
 * The non-English catalogues (messages, issue texts and the registry's texts, ~30 KB gzip each language)
 * are separate chunks, fetched when the language is chosen: the first load carries English only. The
 * `import()` calls name each file, so the bundler makes one chunk per language file.
 */
const LOADERS: Readonly<Record<Exclude<Lang, 'en'>, () => Promise<void>>> = {
  ar: async () => {
    const [m, w, r] = await Promise.all([import('./messages-ar'), import('./issue-text-ar'), import('virtual:marsad/registry-texts-ar')]);
    registerRegistryTexts('ar', r.texts);
    registerCatalogue('ar', m.ar);
    registerIssueWriter('ar', w.AR);
  },
  fr: async () => {
    const [m, w, r] = await Promise.all([import('./messages-fr'), import('./issue-text-fr'), import('virtual:marsad/registry-texts-fr')]);
    registerRegistryTexts('fr', r.texts);
    registerCatalogue('fr', m.fr);
    registerIssueWriter('fr', w.FR);
  },
  es: async () => {
    const [m, w, r] = await Promise.all([import('./messages-es'), import('./issue-text-es'), import('virtual:marsad/registry-texts-es')]);
    registerRegistryTexts('es', r.texts);
    registerCatalogue('es', m.es);
    registerIssueWriter('es', w.ES);
  },
};

const loading = new Map<Lang | 'en-views', Promise<void>>();

/**
 * Runs `load` once at a time per `part` (later calls share the pending promise). A failed fetch (offline
 * after a deployment) is forgotten, so a later call tries again.
 */
function loadOnce(part: Lang | 'en-views', load: () => Promise<void>): Promise<void> {
  let promise = loading.get(part);
  if (promise === undefined) {
    promise = load().finally(() => loading.delete(part));
    loading.set(part, promise);
  }
  return promise;
}

/**
 * Loads the English catalogue's second part (`messages-en-views.ts`: what the views other than the overview
 * say) with the registry's English definitions and sources; a view's chunk is loaded with it.
 */
export function loadEnglishViews(): Promise<void> {
  if (hasEnglishViews()) return Promise.resolve();
  return loadOnce('en-views', async () => {
    const [m, r] = await Promise.all([import('./messages-en-views'), import('virtual:marsad/registry-texts-en')]);
    registerRegistryTexts('en', r.texts);
    registerEnglishViews(m.enViews);
  });
}

/** True when `lang` can be shown now (English always can). */
export function isLangLoaded(lang: Lang): boolean {
  return hasCatalogue(lang);
}

/** Loads `lang`'s catalogues once (see `loadOnce`); after a failed fetch the language stays English meanwhile. */
export function loadLang(lang: Lang): Promise<void> {
  if (lang === 'en' || hasCatalogue(lang)) return Promise.resolve();
  return loadOnce(lang, LOADERS[lang]);
}

/**
 * The language to show for the `wanted` one: `wanted` once its catalogues are loaded, until then the
 * language shown before (`undefined` before anything is shown). So a page never flashes English while
 * Arabic loads, and a language switch takes effect when its words are there.
 */
export function useLoadedLang(wanted: Lang): Lang | undefined {
  const [shown, setShown] = useState<Lang | undefined>(() => (isLangLoaded(wanted) ? wanted : undefined));
  useEffect(() => {
    let live = true;
    loadLang(wanted).then(
      () => {
        if (live) setShown(wanted);
      },
      () => {
        if (live) setShown((s) => s ?? 'en');
      },
    );
    return () => {
      live = false;
    };
  }, [wanted]);
  return shown;
}
