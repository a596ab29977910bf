import type { Indicator } from './indicator';

/**
 * The registry's texts in one language, split from the registry so that the app's first load carries one
 * language (issue 14 §4: the four languages' texts were 21 KB gzip, English alone 5 KB). Keyed by
 * indicator code, then by the path of a text (`title`, `goalTarget.source`, `bounds.source`, …).
 */
export type RegistryTexts = Record<string, Record<string, string>>;

/** The languages whose registry texts can be split off (English is the fallback and always kept). */
export type SplitLang = 'ar' | 'fr' | 'es';
export const SPLIT_LANGS: readonly SplitLang[] = ['ar', 'fr', 'es'];

/**
 * Paths whose texts stay in every language: the unit is compared with the units data state in any
 * language (`isRegistryUnit`), whatever the language shown.
 */
const KEPT: ReadonlySet<string> = new Set(['unit']);

type Texts = Record<'en' | SplitLang, string>;

function isTexts(value: unknown): value is Texts {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.en === 'string' && SPLIT_LANGS.every((l) => typeof v[l] === 'string');
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
 * Splits parsed indicators into the registry the first load carries (texts in English, and units in
 * every language; the other languages' texts empty) and each language's texts. Pure: `indicators` is
 * not changed. Used at build time.
 */
export function splitRegistryTexts(indicators: readonly Indicator[]): { indicators: Indicator[]; texts: Record<SplitLang, RegistryTexts> } {
  const texts: Record<SplitLang, RegistryTexts> = { ar: {}, fr: {}, es: {} };
  const out = indicators.map((ind) => {
    const copy = structuredClone(ind);
    for (const [path, t] of textsOf(copy, '')) {
      if (KEPT.has(path)) continue;
      for (const lang of SPLIT_LANGS) {
        if (t[lang] === '') continue;
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
