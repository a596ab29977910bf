import { describe, expect, it } from 'vitest';
import { dirOf, intlLocale, LANGS } from '@/i18n/lang';
import { ar } from '@/i18n/messages-ar';
import { en } from '@/i18n/messages-en';
import { isCatalogueKey, t } from '@/i18n/translate';

describe('t(lang, key, params)', () => {
  it('returns the English message with its placeholders filled', () => {
    expect(t('en', 'upload.reading', { name: 'amman.csv' })).toBe('Reading amman.csv…');
  });

  it('returns the Arabic message for ar', () => {
    expect(t('ar', 'nav.data')).toBe('البيانات');
  });

  it('falls back to English for a key French lacks', () => {
    expect(t('fr', 'report.download')).toBe(en['report.download']);
    expect(t('fr', 'nav.data')).toBe('Données');
  });

  it.each([
    [0, 'Import 0 observations'],
    [1, 'Import 1 observation'],
    [2, 'Import 2 observations'],
    [1234, 'Import 1,234 observations'],
  ])('chooses the English plural form for %i', (count, expected) => {
    expect(t('en', 'import.button', { count })).toBe(expected);
  });

  it.each([
    [0, 'لا توجد مشاهدات للاستيراد'],
    [1, 'استيراد مشاهدة واحدة'],
    [2, 'استيراد مشاهدتين'],
    [3, 'استيراد 3 مشاهدات'],
    [11, 'استيراد 11 مشاهدة'],
    [100, 'استيراد 100 مشاهدة'],
  ])('chooses among the six Arabic plural forms for %i', (count, expected) => {
    expect(t('ar', 'import.button', { count })).toBe(expected);
  });

  it('writes Arabic-Indic digits only when asked', () => {
    expect(t('ar', 'import.button', { count: 12 }, { digits: 'arab' })).toBe('استيراد ١٢ مشاهدة');
  });

  it('never groups years', () => {
    expect(t('en', 'overview.targetFor', { year: 2030 })).toBe('Target for 2030');
  });

  it('leaves a placeholder without a param as written', () => {
    expect(t('en', 'upload.reading')).toBe('Reading {name}…');
  });

  it('has no invisible direction marks in any message', () => {
    for (const v of [...Object.values(en), ...Object.values(ar)]) expect(v).not.toMatch(/[\u200e\u200f\u061c]/);
  });
});

describe('catalogue helpers', () => {
  it('isCatalogueKey accepts catalogue keys only', () => {
    expect(isCatalogueKey('severity.error')).toBe(true);
    expect(isCatalogueKey('severity.fatal')).toBe(false);
    expect(isCatalogueKey('toString')).toBe(false);
  });

  it.each(LANGS)('dirOf(%s)', (lang) => {
    expect(dirOf(lang)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  });

  it('intlLocale pins the numbering system', () => {
    expect(intlLocale('ar')).toBe('ar-u-nu-latn');
    expect(intlLocale('ar', 'arab')).toBe('ar-u-nu-arab');
    expect(intlLocale('fr', 'arab')).toBe('fr-u-nu-latn');
  });
});
