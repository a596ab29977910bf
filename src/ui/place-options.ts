import type { Lang } from '@/i18n/lang';
import { cityDisplayName, type CityNames, type DashboardCity } from '@/model/dashboard-model';
import { placeLabel, searchKey, sharedNames } from '@/model/places-model';

/**
 * The place picker's pure half: every place labelled, grouped and ordered once per list (and
 * language), then filtered on each keystroke by a scan of precomputed folded names, so a list of a
 * thousand places stays instant. No React here; the component is `place-picker.tsx`.
 */

/** What the picker needs of a place: a DashboardCity, or a PlaceEntry of the Data view, fits. */
export type PickerPlace = Pick<DashboardCity, 'key' | 'name' | 'code' | 'kind' | 'parent'>;

/** Group kinds in the order the list shows them: the cities first, each city's districts under them. */
export const PLACE_GROUP_KINDS = ['city', 'district', 'region', 'country', 'aggregate'] as const;
export type PlaceGroupKind = (typeof PLACE_GROUP_KINDS)[number];

/** A heading of the list: a kind, and for districts the display name of their city ('' when none is named). */
export type PlaceGroup = { readonly kind: PlaceGroupKind; readonly parent: string };

export type PlaceOption = {
  readonly key: string;
  /** Display name in the UI language, with the code when another place shows the same name ("Birmingham · E08000025"). */
  readonly label: string;
  /** Index into `PlaceIndex.groups`. */
  readonly group: number;
};

export type PlaceIndex = {
  /** Every place once, in display order (by group, then by label). */
  readonly options: readonly PlaceOption[];
  /** The groups, in display order; only one when every place is of one kind (the list then shows no headings). */
  readonly groups: readonly PlaceGroup[];
  /** Label by key, for the closed picker. */
  readonly labels: ReadonlyMap<string, string>;
  /** Folded names (data name, code, display names in every language) per option, built on the first search. */
  readonly searchKeys: () => readonly (readonly string[])[];
};

/** Most options the open list draws; more matches are said in a line ("Type to narrow: 100 of 460 shown"). */
export const PLACE_LIMIT = 100;

function groupKind(p: PickerPlace): PlaceGroupKind {
  return p.kind === '' ? 'city' : p.kind;
}

/**
 * Labels, groups and orders places for the picker. Places of one kind form one group; districts form
 * one group per city (by the city's display name). Within a group: by label in the language's
 * collation (numbers by value), then by key, so equal names keep a stable order. O(n log n).
 */
export function indexPlaces(places: readonly PickerPlace[], names: CityNames, lang: Lang): PlaceIndex {
  // The same list (by content) is often indexed several times: two pickers of a view, a view drawn
  // again with a new array of the same places. Sorting a thousand labels in a collation costs tens of
  // milliseconds, so the last few indexes are kept.
  const key = `${lang}\u0001${places.map((p) => `${p.key}\u0000${p.name}\u0000${p.code}\u0000${p.kind}\u0000${p.parent}`).join('\u0001')}`;
  const known = recentIndexes.find((r) => r.key === key && r.names === names);
  if (known !== undefined) return known.index;
  const index = buildIndex(places, names, lang);
  recentIndexes.unshift({ key, names, index });
  recentIndexes.length = Math.min(recentIndexes.length, 8);
  return index;
}

const recentIndexes: Array<{ readonly key: string; readonly names: CityNames; readonly index: PlaceIndex }> = [];

function buildIndex(places: readonly PickerPlace[], names: CityNames, lang: Lang): PlaceIndex {
  const shared = sharedNames(places, names, lang);
  const collator = new Intl.Collator(lang, { numeric: true });
  // A district names its city by the data's name: show the city's display name when the list has it.
  const cityByName = new Map<string, PickerPlace>();
  for (const p of places) if (groupKind(p) === 'city' && !cityByName.has(p.name)) cityByName.set(p.name, p);
  const parentLabel = (name: string) => {
    const city = cityByName.get(name);
    return city === undefined ? name : cityDisplayName(city, names, lang);
  };

  const groupIds = new Map<string, number>();
  const groups: PlaceGroup[] = [];
  const rows = places.map((p) => {
    const kind = groupKind(p);
    const parent = kind === 'district' ? parentLabel(p.parent) : '';
    const id = `${kind}\u0000${parent}`;
    let g = groupIds.get(id);
    if (g === undefined) {
      g = groups.length;
      groups.push({ kind, parent });
      groupIds.set(id, g);
    }
    return { place: p, label: placeLabel(p, names, lang, shared), group: g };
  });
  // Groups by kind, districts by their city's name; then the rows by group and label.
  const order = groups.map((g, i) => i).sort((a, b) => {
    const ga = groups[a] as PlaceGroup;
    const gb = groups[b] as PlaceGroup;
    return PLACE_GROUP_KINDS.indexOf(ga.kind) - PLACE_GROUP_KINDS.indexOf(gb.kind) || collator.compare(ga.parent, gb.parent);
  });
  const rank = new Map(order.map((g, i) => [g, i]));
  rows.sort((a, b) => (rank.get(a.group) ?? 0) - (rank.get(b.group) ?? 0) || collator.compare(a.label, b.label) || collator.compare(a.place.key, b.place.key));

  const sortedGroups = order.map((g) => groups[g] as PlaceGroup);
  const options: PlaceOption[] = rows.map((r) => ({ key: r.place.key, label: r.label, group: rank.get(r.group) ?? 0 }));
  let keys: string[][] | undefined;
  return {
    options,
    groups: sortedGroups,
    labels: new Map(options.map((o) => [o.key, o.label])),
    searchKeys: () =>
      (keys ??= rows.map(({ place: p }) => {
        const n = names[p.key];
        return [p.name, p.code, n?.en, n?.ar, n?.fr, n?.es].filter((s): s is string => s !== undefined && s !== '').map(searchKey);
      })),
  };
}

/** One run of options under a heading (`group` undefined: no heading, the list has one group). */
export type PlaceSection = { readonly group: PlaceGroup | undefined; readonly options: readonly PlaceOption[] };

export type PlaceMatches = {
  /** The options drawn, by group, at most `limit` in all. */
  readonly sections: readonly PlaceSection[];
  /** The same options in one list, in the order the keyboard walks them. */
  readonly shown: readonly PlaceOption[];
  /** Every match, drawn or not. */
  readonly total: number;
};

/** Whether a folded name starts with the query, or has a word that does ("new york" for "york"). */
function startsWord(key: string, q: string): boolean {
  if (key.startsWith(q)) return true;
  for (let i = key.indexOf(q); i > 0; i = key.indexOf(q, i + 1)) if (/[\s\-'’(/,.·]/.test(key[i - 1] ?? '')) return true;
  return false;
}

/**
 * The places matching a query by any of their names or code, ignoring case, accents and Arabic
 * letter variants (the rule of `matchPlaces`), without the `exclude`d keys. Within each group, names
 * that start with the query (or have a word that does) come first, each part in display order.
 * At most `limit` are drawn; `total` counts them all. An empty query matches every place; the drawn
 * part is then the one around the place `around` (the chosen one, as a native list scrolls to it).
 */
export function findPlaces(
  index: PlaceIndex,
  query: string,
  options: { exclude?: ReadonlySet<string> | undefined; limit?: number; around?: string | undefined } = {},
): PlaceMatches {
  const { exclude, limit = PLACE_LIMIT, around } = options;
  const q = searchKey(query);
  const keys = q === '' ? undefined : index.searchKeys();
  // Per group: the matches starting a word, then the others.
  const first: PlaceOption[][] = index.groups.map(() => []);
  const rest: PlaceOption[][] = index.groups.map(() => []);
  index.options.forEach((o, i) => {
    if (exclude?.has(o.key)) return;
    if (keys !== undefined) {
      const k = keys[i] ?? [];
      if (!k.some((s) => s.includes(q))) return;
      (k.some((s) => startsWord(s, q)) ? first : rest)[o.group]?.push(o);
    } else first[o.group]?.push(o);
  });
  const all = index.groups.flatMap((_, g) => [...(first[g] ?? []), ...(rest[g] ?? [])]);
  const at = keys === undefined && around !== undefined ? all.findIndex((o) => o.key === around) : -1;
  const from = at < limit ? 0 : Math.max(0, Math.min(at - Math.floor(limit / 2), all.length - limit));
  const shown = all.slice(from, from + limit);
  const headed = index.groups.length > 1;
  const sections: { group: PlaceGroup | undefined; options: PlaceOption[] }[] = [];
  let last = -1;
  for (const o of shown) {
    if (o.group !== last) sections.push({ group: headed ? index.groups[o.group] : undefined, options: [] });
    last = o.group;
    sections[sections.length - 1]?.options.push(o);
  }
  return { sections, shown, total: all.length };
}

/**
 * The places a picker offers, with the chosen one added when it is not among them (a link may open a
 * view on a district or region while the list holds cities), so the picker can still name it.
 */
export function withChosen<T extends { readonly key: string }>(places: readonly T[], chosen: T | undefined): readonly T[] {
  return chosen === undefined || places.some((p) => p.key === chosen.key) ? places : [...places, chosen];
}
