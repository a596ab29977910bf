import { type CityNames, placeNamesOf } from './dashboard-model';
import type { Lang } from '@/i18n/lang';

/**
 * File names that say what a figure is: `<city>_<indicator>_<kind>_<lang>` in ASCII
 * (`amman_11-6-2_trend_ar`, `amman-zurich_11-6-2_trend_en` for a partner edition, `amman_status_fr`
 * when the figure is about no single indicator). Safe on every file system and in URLs.
 */

/** The parts of a figure's name: a city by its Latin (English or data) name and code. */
export type FigureNameParts = {
  /** English display name, or the name in the data. */
  readonly city: string;
  readonly cityCode: string;
  /** The partner city of a partner edition (Amman–Zurich). */
  readonly partner?: { readonly city: string; readonly cityCode: string } | undefined;
  /** Indicator code (`11.6.2`); null for a figure about all indicators. */
  readonly indicator: string | null;
  /** What the figure shows: `trend`, `status`… */
  readonly kind: string;
  readonly lang: Lang;
};

/**
 * ASCII slug: accents stripped (NFKD), lower case, every run of other characters → '-', no leading or
 * trailing '-'. '' when nothing Latin or numeric is left (an Arabic-only name).
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[œŒ]/g, 'oe')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The slug of a name and code: the name's, else the code's (a name without Latin letters), else `city`. */
function nameSlug(name: string, code: string): string {
  const fromName = slugify(name);
  return (/[a-z]/.test(fromName) ? fromName : '') || slugify(code) || 'city';
}

/** A dashboard city's slug, from its English display name (`names`) when it has one, else its name in the data. */
export function citySlug(city: { readonly name: string; readonly code: string }, names: CityNames = {}): string {
  const en = placeNamesOf(city, names)?.en;
  return nameSlug(en !== undefined && en !== '' ? en : city.name, city.code);
}

/** The file name of a figure without extension (see the module comment). */
export function figureFileBase(parts: FigureNameParts): string {
  const city = nameSlug(parts.city, parts.cityCode);
  const who = parts.partner === undefined ? city : `${city}-${nameSlug(parts.partner.city, parts.partner.cityCode)}`;
  const indicator = parts.indicator === null ? '' : slugify(parts.indicator);
  const kind = slugify(parts.kind) || 'figure';
  return [who.slice(0, 80), indicator, kind, parts.lang].filter((p) => p !== '').join('_');
}
