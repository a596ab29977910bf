import { type ObservationTable, type PlaceKind, placeRows } from '@/domain/observation-table';
import type { Lang } from '@/i18n/lang';
import { type CityNames, cityDisplayName } from './dashboard-model';
import { foldCityText } from './find-city';
import { EMPTY_GAZETTEER, type Gazetteer, type PlaceRef, resolvePlace } from './gazetteer';

/**
 * The places of the data, for the Data view's place list and the place picker: every (name, code)
 * with its kind, parent, number of observations, and what the gazetteer says of it.
 */
export type PlaceEntry = {
  /** The code when the data has one, else the name (as the dashboard keys places). */
  readonly key: string;
  readonly name: string;
  readonly code: string;
  /** '' in data saved before places existed: a city. */
  readonly kind: PlaceKind | '';
  readonly parent: string;
  readonly observations: number;
  /** The place this one was merged into, if it was. */
  readonly mergedInto: PlaceRef | undefined;
};

/** Distinct places of the tables (first-seen order; merged places keep their own entry). O(rows), once per table. */
export function listPlaces(tables: readonly ObservationTable[], g: Gazetteer): PlaceEntry[] {
  const byKey = new Map<string, { name: string; code: string; kind: PlaceKind | ''; parent: string; observations: number }>();
  for (const t of tables) {
    const d = t.dict;
    for (const { row: i, rows: n } of placeRows(t)) {
      const name = d.city[t.city[i] ?? 0] ?? '';
      const code = d.cityCode[t.cityCode[i] ?? 0] ?? '';
      const key = code !== '' ? code : name;
      const prev = byKey.get(key);
      if (prev !== undefined) prev.observations += n;
      else
        byKey.set(key, {
          name,
          code,
          kind: (d.placeKind[t.placeKind[i] ?? 0] ?? '') as PlaceKind | '',
          parent: d.placeParent[t.placeParent[i] ?? 0] ?? '',
          observations: n,
        });
    }
  }
  return [...byKey].map(([key, p]) => ({ key, ...p, mergedInto: g.merges[key] }));
}

/** Whether a place is a city for the lists: not a district, region, country or aggregate. */
export function isCityEntry(p: Pick<PlaceEntry, 'kind'>): boolean {
  return p.kind === '' || p.kind === 'city';
}

/** A place's label for lists: its display name, with the code when another place has the same name. */
export function placeLabel(p: Pick<PlaceEntry, 'name' | 'code'>, names: CityNames, lang: Lang, sameName: ReadonlySet<string>): string {
  const shown = cityDisplayName(p, names, lang);
  return p.code !== '' && p.code !== shown && sameName.has(shown) ? `${shown} · ${p.code}` : shown;
}

/** Display names shared by two or more places (they need their code to be told apart). */
export function sharedNames(places: readonly Pick<PlaceEntry, 'name' | 'code'>[], names: CityNames, lang: Lang): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const p of places) {
    const n = cityDisplayName(p, names, lang);
    if (seen.has(n)) shared.add(n);
    seen.add(n);
  }
  return shared;
}

/** Folds case, accents, punctuation and Arabic letter variants, for type-ahead matching (the CLI's city matching fold). */
export function searchKey(s: string): string {
  return foldCityText(s);
}

/** Places matching a query by any of their names (data, display names in every language) or code. */
export function matchPlaces<T extends Pick<PlaceEntry, 'key' | 'name' | 'code'>>(places: readonly T[], names: CityNames, query: string): T[] {
  const q = searchKey(query);
  if (q === '') return [...places];
  return places.filter((p) => {
    const n = names[p.key];
    const all = [p.name, p.code, n?.en, n?.ar, n?.fr, n?.es];
    return all.some((s) => s !== undefined && s !== '' && searchKey(s).includes(q));
  });
}

/** The home city in use: the gazetteer's when the data has that place (after merges), else none. */
export function homeIn(g: Gazetteer, places: readonly Pick<PlaceEntry, 'key'>[]): string | undefined {
  if (g.home === undefined) return undefined;
  const home = resolvePlace(g, g.home);
  return places.some((p) => p.key === home) ? home : undefined;
}

/** The city an import is most about (most observations among its cities), for the first home city. */
export function mainCityOf(tables: readonly ObservationTable[]): string | undefined {
  let best: PlaceEntry | undefined;
  for (const p of listPlaces(tables, EMPTY_GAZETTEER)) if (isCityEntry(p) && (best === undefined || p.observations > best.observations)) best = p;
  return best?.key;
}
