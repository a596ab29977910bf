import { type Digits, intlLocale, type Lang } from './lang';

/**
 * Invisible direction marks Intl puts around numbers (U+200E before `ar` numbers, U+061C before
 * `ar-JO` ones; platform-notes §0.6), and the isolates/embeddings. They are stripped from our output:
 * the UI isolates numbers itself (`<bdi dir="ltr">`), and the marks break copy-paste and tests.
 */
const BIDI_MARKS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function stripBidiMarks(s: string): string {
  return s.replace(BIDI_MARKS, '');
}

export type NumberFormatOptions = {
  digits?: Digits;
  /** Fixed number of decimals (an indicator's `decimals`); when absent, up to 3 as needed. */
  decimals?: number;
  /** Thousands grouping; off for years and row numbers. */
  grouping?: boolean;
};

const cache = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, o: NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${o.digits ?? 'latn'}|${o.decimals ?? ''}|${o.grouping ?? true}`;
  let f = cache.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(intlLocale(lang, o.digits), {
      minimumFractionDigits: o.decimals ?? 0,
      maximumFractionDigits: o.decimals ?? 3,
      useGrouping: o.grouping ?? true,
    });
    cache.set(key, f);
  }
  return f;
}

/**
 * A number for display in the UI language, without invisible bidi marks. Non-finite values give ''.
 * Digits: Latin unless the UI is Arabic and the user chose Arabic-Indic.
 */
export function formatNumber(value: number, lang: Lang, options: NumberFormatOptions = {}): string {
  if (!Number.isFinite(value)) return '';
  return stripBidiMarks(formatter(lang, options).format(Object.is(value, -0) ? 0 : value));
}

/** A byte count as B / KB / MB / GB (1 KB = 1024 B), e.g. `256 MB`. */
export function formatBytes(bytes: number, lang: Lang, options: Pick<NumberFormatOptions, 'digits'> = {}): string {
  const units = ['B', 'KB', 'MB', 'GB'] as const;
  let v = bytes;
  let u = 0;
  while (Math.abs(v) >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${formatNumber(v, lang, { ...options, decimals: u === 0 || v >= 10 ? 0 : 1 })} ${units[u] ?? 'B'}`;
}
