import { createContext, type ReactNode, use, useMemo } from 'react';
import { formatNumber, type NumberFormatOptions } from './format-number';
import { type Digits, type Direction, dirOf, intlLocale, type Lang } from './lang';
import type { MessageKey } from './messages-en';
import { type MessageParams, t } from './translate';

/** Everything a component needs to write text: bound to the current language and digits setting. */
export type I18n = {
  lang: Lang;
  dir: Direction;
  digits: Digits;
  t: (key: MessageKey, params?: MessageParams) => string;
  formatNumber: (value: number, options?: Omit<NumberFormatOptions, 'digits'>) => string;
  formatDate: (epochMs: number) => string;
  /**
   * A calendar day written `YYYY-MM-DD` (a publication date), as a date without time in the language;
   * an archive's `YYYY-MM-DD-2` (a second publication that day) gets " (2)". Other text is returned as is.
   */
  formatDay: (isoDay: string) => string;
};

const I18nContext = createContext<I18n | null>(null);

export function createI18n(lang: Lang, digits: Digits): I18n {
  // Made on first use: a date formatter costs a few milliseconds to set up, and most views never show a date.
  let dateFormat: Intl.DateTimeFormat | undefined;
  let dayFormat: Intl.DateTimeFormat | undefined;
  return {
    lang,
    dir: dirOf(lang),
    digits,
    t: (key, params) => t(lang, key, params, { digits }),
    formatNumber: (value, options) => formatNumber(value, lang, { ...options, digits }),
    formatDate: (ms) => {
      dateFormat ??= new Intl.DateTimeFormat(intlLocale(lang, digits), { dateStyle: 'medium', timeStyle: 'short' });
      return dateFormat.format(new Date(ms)).replace(/[\u061C\u200E\u200F]/g, '');
    },
    formatDay: (isoDay) => {
      const m = /^(\d{4}-\d{2}-\d{2})(?:-(\d{1,3}))?$/.exec(isoDay);
      const ms = m?.[1] === undefined ? NaN : Date.parse(`${m[1]}T00:00:00Z`);
      if (m === null || Number.isNaN(ms)) return isoDay;
      dayFormat ??= new Intl.DateTimeFormat(intlLocale(lang, digits), { dateStyle: 'long', timeZone: 'UTC' });
      const day = dayFormat.format(new Date(ms)).replace(/[\u061C\u200E\u200F]/g, '');
      return m[2] === undefined ? day : `${day} (${formatNumber(Number(m[2]), lang, { digits })})`;
    },
  };
}

export function I18nProvider({ lang, digits, children }: { lang: Lang; digits: Digits; children: ReactNode }) {
  const value = useMemo(() => createI18n(lang, digits), [lang, digits]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

/** The current language's helpers. Outside a provider (tests), English with Latin digits. */
export function useI18n(): I18n {
  return use(I18nContext) ?? FALLBACK;
}

const FALLBACK = createI18n('en', 'latn');
