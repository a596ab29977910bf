import { describe, expect, it } from 'vitest';
import { dirOf, intlLocale, LANGS } from '@/i18n/lang';
import { ar } from '@/i18n/messages-ar';
import { en as enFirst } from '@/i18n/messages-en';
import { enViews } from '@/i18n/messages-en-views';
import { es } from '@/i18n/messages-es';
import { fr } from '@/i18n/messages-fr';
import { isCatalogueKey, t } from '@/i18n/translate';

/** The whole English catalogue: the first load's part, then the views' part. */
const en = { ...enFirst, ...enViews };

describe('t(lang, key, params)', () => {
  it('returns the English message with its placeholders filled', () => {
    expect(t('en', 'upload.reading', { name: 'amman.csv' })).toBe('Reading amman.csv…');
  });

  it('returns the Arabic message for ar', () => {
    expect(t('ar', 'nav.data')).toBe('البيانات');
  });

  it('returns the French and Spanish messages for fr and es', () => {
    expect(t('fr', 'nav.data')).toBe('Données');
    expect(t('es', 'nav.data')).toBe('Datos');
    expect(t('fr', 'overview.targetFor', { year: 2030 })).toBe('Cible pour 2030');
    expect(t('es', 'overview.targetFor', { year: 2030 })).toBe('Meta para 2030');
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

  it.each([
    [0, 'Importer 0 observation'],
    [1, 'Importer 1 observation'],
    [2, 'Importer 2 observations'],
    [1234, 'Importer 1\u202f234 observations'],
    // CLDR "many" (exact millions): no _many form, so _other is used.
    [1_000_000, 'Importer 1\u202f000\u202f000 observations'],
  ])('chooses the French plural form for %i (0 is singular)', (count, expected) => {
    expect(t('fr', 'import.button', { count })).toBe(expected);
  });

  it.each([
    [0, 'Importar 0 observaciones'],
    [1, 'Importar 1 observación'],
    [2, 'Importar 2 observaciones'],
    [12345, 'Importar 12.345 observaciones'],
    [1_000_000, 'Importar 1.000.000 observaciones'],
  ])('chooses the Spanish plural form for %i', (count, expected) => {
    expect(t('es', 'import.button', { count })).toBe(expected);
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
    for (const v of [...Object.values(en), ...Object.values(ar), ...Object.values(fr), ...Object.values(es)])
      expect(v).not.toMatch(/[\u200e\u200f\u061c]/);
  });
});

describe('the French and Spanish catalogues', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it.each([
    ['fr', fr],
    ['es', es],
  ] as const)('%s has every English key, in the English order, and no other', (_lang, cat) => {
    expect(Object.keys(cat)).toEqual(Object.keys(en));
  });

  it.each([
    ['fr', fr],
    ['es', es],
  ] as const)('%s keeps the placeholders of every English message', (_lang, cat) => {
    for (const [key, value] of Object.entries(en)) {
      const own = (cat as Readonly<Record<string, string>>)[key] ?? '';
      expect(own.trim(), key).not.toBe('');
      expect(placeholders(own), key).toEqual(placeholders(value));
    }
  });

  it('French puts a no-break space before : ; ? ! and inside « »', () => {
    for (const v of Object.values(fr)) expect(v).not.toMatch(/ [:;?!»]|« |[^\s\u00a0\u202f(][:;?!](?!\S)|«[^\u00a0]|[^\u00a0]»/);
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

describe('the English catalogue in two parts (the first load carries the first)', () => {
  it('has no key in both parts', () => {
    expect(Object.keys(enFirst).filter((k) => Object.hasOwn(enViews, k))).toEqual([]);
  });

  it('keeps the plural forms of a message in one part', () => {
    const base = (k: string) => k.replace(/_(one|other)$/, '');
    const firstBases = new Set(Object.keys(enFirst).map(base));
    expect(Object.keys(enViews).filter((k) => k !== base(k) && firstBases.has(base(k)))).toEqual([]);
  });

  it('gives the views’ words and their plural forms once the second part is registered (the test setup does)', () => {
    expect(t('en', 'upload.reading', { name: 'x.csv' })).toBe('Reading x.csv…');
    expect(t('en', 'import.button', { count: 2 })).toBe(enViews['import.button_other'].replace('{count}', '2'));
  });
});
