import { formatNumber } from './format-number';
import { type Digits, intlLocale, type Lang } from './lang';
import { type CatalogueKey, en, type MessageKey } from './messages-en';

export type MessageParams = Readonly<Record<string, string | number>>;
export type TranslateOptions = { digits?: Digits };

type Catalogue = Readonly<Partial<Record<string, string>>>;

/**
 * The catalogues in memory. English is always there (the source of keys and the fallback): its first part
 * from the start, the views' part once registered (`registerEnglishViews`); the other languages when
 * loaded (`load-lang.ts` in the app, `all-langs.ts` in the CLI and tests), so the app's first load
 * carries only the English the overview says.
 */
const ENGLISH: Record<string, string> = { ...en };
const CATALOGUES: Partial<Record<Lang, Catalogue>> = { en: ENGLISH };
let englishViews = false;
const PLURAL_BASES = new Set<string>(
  Object.keys(en)
    .filter((k) => k.endsWith('_other'))
    .map((k) => k.slice(0, -'_other'.length)),
);

/** Makes `lang`'s messages available to `t` (until then it falls back to English). */
export function registerCatalogue(lang: Lang, messages: Catalogue): void {
  CATALOGUES[lang] = messages;
}

/** True when `lang`'s messages are in memory. */
export function hasCatalogue(lang: Lang): boolean {
  return CATALOGUES[lang] !== undefined;
}

/** Adds the English catalogue's second part (`messages-en-views.ts`), which the views other than the overview use. */
export function registerEnglishViews(messages: Readonly<Record<string, string>>): void {
  Object.assign(ENGLISH, messages);
  for (const k of Object.keys(messages)) if (k.endsWith('_other')) PLURAL_BASES.add(k.slice(0, -'_other'.length));
  englishViews = true;
}

/** True once the English catalogue's second part is in memory. */
export function hasEnglishViews(): boolean {
  return englishViews;
}

const pluralRules = new Map<Lang, Intl.PluralRules>();
function pluralCategory(lang: Lang, n: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (rules === undefined) {
    rules = new Intl.PluralRules(intlLocale(lang));
    pluralRules.set(lang, rules);
  }
  return rules.select(n);
}

function lookup(lang: Lang, key: string): string | undefined {
  return CATALOGUES[lang]?.[key] ?? ENGLISH[key];
}

function pluralLookup(lang: Lang, base: string, count: number): string | undefined {
  const own = CATALOGUES[lang] ?? {};
  const cat = pluralCategory(lang, count);
  const found = own[`${base}_${cat}`] ?? own[`${base}_other`];
  if (found !== undefined) return found;
  // The language lacks this message: English, with English plural rules.
  return ENGLISH[`${base}_${pluralCategory('en', count)}`] ?? ENGLISH[`${base}_other`];
}

/**
 * The message `key` in `lang` with `{placeholders}` filled from `params`. Plural keys choose their form
 * from `params.count` with Intl.PluralRules (Arabic: zero, one, two, few, many, other). A message missing
 * in French or Spanish falls back to English. Number params are formatted for the language
 * (`options.digits`: Latin by default); a placeholder without a param is left as written.
 */
export function t(lang: Lang, key: MessageKey, params: MessageParams = {}, options: TranslateOptions = {}): string {
  const count = params.count;
  const template =
    PLURAL_BASES.has(key) && typeof count === 'number' ? pluralLookup(lang, key, count) : lookup(lang, key);
  if (template === undefined) {
    // A key no loaded catalogue has: a view that did not wait for `loadEnglishViews`, or a key built at
    // run time that does not exist. Said on the console (the browser tests fail on it), shown as the key.
    console.error(`Marsad: no message "${key}" in the loaded catalogues`);
    return key;
  }
  return interpolate(template, lang, params, options);
}

/** Params that hold years or line numbers: never grouped (2020, not 2,020). */
const UNGROUPED: ReadonlySet<string> = new Set(['year', 'first', 'last', 'row', 'firstRow', 'index']);

function interpolate(template: string, lang: Lang, params: MessageParams, options: TranslateOptions): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(v, lang, { ...options, grouping: !UNGROUPED.has(name) }) : v;
  });
}

/** True when `key` is a catalogue key (for keys built at run time, such as `severity.${s}`). */
export function isCatalogueKey(key: string): key is CatalogueKey {
  return Object.hasOwn(ENGLISH, key);
}
