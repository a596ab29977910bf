import * as z from 'zod/mini';

/** The UI languages. English is the source catalogue; Arabic, French and Spanish are complete (checked at compile time). */
export const LANGS = ['en', 'ar', 'fr', 'es'] as const;
export const LangSchema = z.enum(LANGS);
export type Lang = z.infer<typeof LangSchema>;

/** Which digits numbers are written with. Latin is the default; Arabic-Indic applies to the Arabic UI only. */
export const DIGITS = ['latn', 'arab'] as const;
export const DigitsSchema = z.enum(DIGITS);
export type Digits = z.infer<typeof DigitsSchema>;

export type Direction = 'ltr' | 'rtl';

/** Writing direction of a UI language (Arabic is right-to-left). */
export function dirOf(lang: Lang): Direction {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** Each language's name written in that language, for the language switcher. */
export const LANG_NAMES: Readonly<Record<Lang, string>> = {
  en: 'English',
  ar: 'العربية',
  fr: 'Français',
  es: 'Español',
};

/** True for a string that names a UI language. */
export function isLang(value: unknown): value is Lang {
  return LangSchema.safeParse(value).success;
}

/**
 * BCP 47 tag for Intl: the digits setting is written as a `-u-nu-` extension so the output does not
 * depend on the region (ar-JO would switch to Arabic-Indic digits on its own; platform-notes §2.5).
 */
export function intlLocale(lang: Lang, digits: Digits = 'latn'): string {
  return `${lang}-u-nu-${lang === 'ar' ? digits : 'latn'}`;
}
