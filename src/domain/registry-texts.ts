import type { Indicator } from './indicator';

/**
 * The registry's texts in one language, split from the registry so that the app's first load carries
 * what the overview shows (issue 14 §4: the four languages' texts were 21 KB gzip). Keyed by indicator
 * code, then by the path of a text (`title`, `goalTarget.source`, `bounds.source`, …).
 */
export type RegistryTexts = Record<string, Record<string, string>>;

/**
 * The texts split off: every language's but English, and English's beyond the titles and units (the
 * definitions, sources and custodians the other views show, fetched with their words).
 */
export type SplitLang = 'en' | 'ar' | 'fr' | 'es';
export const SPLIT_LANGS: readonly SplitLang[] = ['en', 'ar', 'fr', 'es'];

/**
 * Paths whose texts stay in every language: the unit is compared with the units data state in any
 * language (`isRegistryUnit`), whatever the language shown.
 */
const KEPT: ReadonlySet<string> = new Set(['unit']);
/** Paths whose English stays too: what the overview shows. */
const KEPT_IN_ENGLISH: ReadonlySet<string> = new Set(['title']);

type Texts = Record<SplitLang, string>;

function isTexts(value: unknown): value is Texts {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return SPLIT_LANGS.every((l) => typeof v[l] === 'string');
}

/** Every `{ en, ar, fr, es }` text of an indicator, with its path; nested objects are walked. */
function* textsOf(value: unknown, path: string): Generator<[string, Texts]> {
  if (isTexts(value)) {
    yield [path, value];
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  for (const [k, v] of Object.entries(value)) yield* textsOf(v, path === '' ? k : `${path}.${k}`);
}

/**
 * Splits parsed indicators into the registry the first load carries (titles in English, units in every
 * language, the other texts empty) and each language's texts. Pure: `indicators` is not changed. Used at
 * build time.
 */
export function splitRegistryTexts(indicators: readonly Indicator[]): { indicators: Indicator[]; texts: Record<SplitLang, RegistryTexts> } {
  const texts: Record<SplitLang, RegistryTexts> = { en: {}, ar: {}, fr: {}, es: {} };
  const out = indicators.map((ind) => {
    const copy = structuredClone(ind);
    for (const [path, t] of textsOf(copy, '')) {
      if (KEPT.has(path)) continue;
      for (const lang of SPLIT_LANGS) {
        if (t[lang] === '' || (lang === 'en' && KEPT_IN_ENGLISH.has(path))) continue;
        (texts[lang][ind.code] ??= {})[path] = t[lang];
        t[lang] = '';
      }
    }
    return copy;
  });
  return { indicators: out, texts };
}

/**
 * Puts `lang`'s texts back into the indicators, in place (the views read `indicator.title[lang]`, and every
 * derived registry shares these text objects). A code or path the indicators lack is ignored.
 */
export function fillRegistryTexts(indicators: readonly Indicator[], lang: SplitLang, texts: RegistryTexts): void {
  for (const ind of indicators) {
    const own = texts[ind.code];
    if (own === undefined) continue;
    for (const [path, t] of textsOf(ind, '')) {
      const text = own[path];
      if (text !== undefined) t[lang] = text;
    }
  }
}
