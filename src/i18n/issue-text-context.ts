import type { Issue, IssueCode } from '@/domain/issue';
import { formatBytes, formatNumber } from './format-number';
import type { Digits, Lang } from './lang';

export type IssueText = { message: string; fix: string };

/**
 * What the issue writers of every language share: the context built from an issue (location, value,
 * params, number formatting) and the per-language words for quotes, locations, ranges and column roles.
 */

export type Ctx = {
  issue: Issue;
  /** Location prefix: "Row 14, column "Value": " (empty for file-level issues). */
  at: string;
  /** Row-only prefix: "Row 14: ". */
  atRow: string;
  /** The raw cell, quoted; undefined when the issue has none. */
  value: string | undefined;
  /** A string param (numbers formatted); undefined when absent or blank. */
  str: (key: string) => string | undefined;
  /** A number param; undefined when absent or not numeric. */
  num: (key: string) => number | undefined;
  /** A number formatted with grouping. */
  n: (x: number) => string;
  q: (s: string) => string;
  bytes: (x: number) => string;
  /** The prefix and the sentence, capitalised when there is no prefix. */
  at_: (prefix: string, body: string) => string;
};

export function context(issue: Issue, lang: Lang, digits: Digits | undefined): Ctx {
  const q = QUOTES[lang];
  const n = (x: number) => formatNumber(x, lang, { digits });
  const plain = (x: number) => formatNumber(x, lang, { digits, grouping: false });
  const row = issue.row === null || issue.row <= 0 ? undefined : plain(issue.row);
  const col = issue.column === null || issue.column === '' ? undefined : q(issue.column);
  const [rowWord, colWord, sep, colFirst, colon] = LOCATION_WORDS[lang];
  let at = '';
  if (row !== undefined && col !== undefined) at = `${rowWord} ${row}${sep}${colWord} ${col}${colon}`;
  else if (row !== undefined) at = `${rowWord} ${row}${colon}`;
  else if (col !== undefined) at = `${colFirst} ${col}${colon}`;
  const atRow = row === undefined ? '' : `${rowWord} ${row}${colon}`;
  const p = issue.params;
  const num = (key: string): number | undefined => {
    const v = p[key];
    if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
    return undefined;
  };
  const str = (key: string): string | undefined => {
    const v = p[key];
    if (typeof v === 'number') return Number.isFinite(v) ? n(v) : undefined;
    if (typeof v === 'string' && v.trim() !== '') return v;
    return undefined;
  };
  const at_ = (prefix: string, body: string) =>
    prefix === '' && lang !== 'ar' ? body.charAt(0).toUpperCase() + body.slice(1) : prefix + body;
  return {
    issue,
    at,
    atRow,
    value: issue.value === null ? undefined : q(issue.value),
    str,
    num,
    n,
    q,
    bytes: (x: number) => formatBytes(x, lang, { digits }),
    at_,
  };
}

/** Quotation marks around values and names: French ones hold no-break spaces (`« x »`). */
export const QUOTES: Readonly<Record<Lang, (s: string) => string>> = {
  en: (s) => `"${s}"`,
  ar: (s) => `«${s}»`,
  fr: (s) => `«\u00a0${s}\u00a0»`,
  es: (s) => `«${s}»`,
};
/** Row word, column word, separator, sentence-initial column word, colon (French: no-break space before it). */
export const LOCATION_WORDS: Readonly<Record<Lang, readonly [string, string, string, string, string]>> = {
  en: ['Row', 'column', ', ', 'Column', ': '],
  ar: ['الصف', 'العمود', '، ', 'العمود', ': '],
  fr: ['Ligne', 'colonne', ', ', 'Colonne', '\u00a0: '],
  es: ['Fila', 'columna', ', ', 'Columna', ': '],
};

export const ENCODING_NAMES: Readonly<Record<string, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1256': 'Windows-1256',
  'windows-1252': 'Windows-1252',
};
export function encodingName(c: Ctx): string | undefined {
  const e = c.str('encoding');
  return e === undefined ? undefined : (ENCODING_NAMES[e] ?? e);
}

/** "0 to 100", "at least 0", "at most 100" (min/max may be '−∞'/'∞' strings or absent). */
export function rangeText(c: Ctx, lang: Lang): string | undefined {
  const min = c.num('min');
  const max = c.num('max');
  const [between, atLeast, atMost] = RANGE_WORDS[lang];
  if (min !== undefined && max !== undefined) return between(c.n(min), c.n(max));
  if (min !== undefined) return atLeast(c.n(min));
  if (max !== undefined) return atMost(c.n(max));
  return undefined;
}
export const RANGE_WORDS: Readonly<Record<Lang, readonly [(a: string, b: string) => string, (a: string) => string, (b: string) => string]>> = {
  en: [(a, b) => `${a} to ${b}`, (a) => `at least ${a}`, (b) => `at most ${b}`],
  ar: [(a, b) => `من ${a} إلى ${b}`, (a) => `لا تقل عن ${a}`, (b) => `لا تزيد على ${b}`],
  fr: [(a, b) => `de ${a} à ${b}`, (a) => `au moins ${a}`, (b) => `au plus ${b}`],
  es: [(a, b) => `de ${a} a ${b}`, (a) => `al menos ${a}`, (b) => `como máximo ${b}`],
};

/** A number as the file would write it (no grouping: `1234`, `1.234`). */
export function rawNumber(c: Ctx, key: string): string | undefined {
  const v = c.num(key);
  return v === undefined ? undefined : String(v);
}

export function yearsOf(c: Ctx): string | undefined {
  const y = c.num('year');
  return y === undefined ? undefined : String(y);
}

export const ROLE_EN: Readonly<Record<string, string>> = {
  city: 'city',
  cityCode: 'city code',
  indicator: 'indicator',
  year: 'year',
  value: 'value',
};
export const ROLE_EXAMPLES: Readonly<Record<string, string>> = {
  city: '"city" (or المدينة, ville, ciudad)',
  cityCode: '"city_code"',
  indicator: '"indicator" (or المؤشر, indicateur, indicador)',
  year: '"year" (or السنة, année, año)',
  value: '"value" (or القيمة, valeur, valor)',
};
export const ROLE_AR: Readonly<Record<string, string>> = {
  city: 'المدينة',
  cityCode: 'رمز المدينة',
  indicator: 'المؤشر',
  year: 'السنة',
  value: 'القيمة',
};
export const ROLE_EXAMPLES_AR: Readonly<Record<string, string>> = {
  city: '«المدينة» (أو city)',
  cityCode: '«city_code»',
  indicator: '«المؤشر» (أو indicator)',
  year: '«السنة» (أو year)',
  value: '«القيمة» (أو value)',
};


export type Writer = Readonly<Record<IssueCode, (c: Ctx) => IssueText>>;


export function fileEn(c: Ctx): string {
  return c.issue.file === '' ? 'The file' : `The file ${c.q(c.issue.file)}`;
}
export function fileAr(c: Ctx): string {
  return c.issue.file === '' ? 'الملف' : `الملف ${c.q(c.issue.file)}`;
}


/** French role names: as written in a header, and with the article (“la colonne qui contient l’année”). */
export const ROLE_FR: Readonly<Record<string, readonly [name: string, withArticle: string]>> = {
  city: ['ville', 'la ville'],
  cityCode: ['code de la ville', 'le code de la ville'],
  indicator: ['indicateur', 'l’indicateur'],
  year: ['année', 'l’année'],
  value: ['valeur', 'la valeur'],
};
export const ROLE_EXAMPLES_FR: Readonly<Record<string, string>> = {
  city: '«\u00a0ville\u00a0» (ou city)',
  cityCode: '«\u00a0code ville\u00a0» (ou city_code)',
  indicator: '«\u00a0indicateur\u00a0» (ou indicator)',
  year: '«\u00a0année\u00a0» (ou year)',
  value: '«\u00a0valeur\u00a0» (ou value)',
};
/** Spanish role names: as written in a header, and with the article (“la columna que contiene el año”). */
export const ROLE_ES: Readonly<Record<string, readonly [name: string, withArticle: string]>> = {
  city: ['ciudad', 'la ciudad'],
  cityCode: ['código de la ciudad', 'el código de la ciudad'],
  indicator: ['indicador', 'el indicador'],
  year: ['año', 'el año'],
  value: ['valor', 'el valor'],
};
export const ROLE_EXAMPLES_ES: Readonly<Record<string, string>> = {
  city: '«ciudad» (o city)',
  cityCode: '«código ciudad» (o city_code)',
  indicator: '«indicador» (o indicator)',
  year: '«año» (o year)',
  value: '«valor» (o value)',
};


export function fileFr(c: Ctx): string {
  return c.issue.file === '' ? 'Le fichier' : `Le fichier ${c.q(c.issue.file)}`;
}
export function fileEs(c: Ctx): string {
  return c.issue.file === '' ? 'El archivo' : `El archivo ${c.q(c.issue.file)}`;
}

