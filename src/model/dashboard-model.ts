import { type ObservationTable, type PlaceKind, placeRows } from '@/domain/observation-table';
import { computeProgressSteps, type IndicatorConfig, type IndicatorProgress, type ProgressReport } from '@/domain/progress/compute';
import { type CityRollup, type HeadlineResult, rollUpByCity } from '@/domain/progress/rollups';
import type { ProgressMethod } from '@/domain/progress/types';
import type { Registry } from '@/domain/registry';
import type { Lang } from '@/i18n/lang';
import { runSteps, type Steps } from '@/domain/steps';
import { mergeTablesSteps } from '@/storage/merge-tables';
import { tablePairsSteps } from './table-pairs';

/**
 * What every dashboard view reads: the datasets in use merged into one table, the progress of every
 * series for the chosen method, and lookups by city. Computed once per (datasets, method) and shared by
 * the views, so switching city or indicator only reads from these maps.
 *
 * A city's key is its code when the data has one, else its name (two San Juans with different codes
 * stay apart; a file with names only still works).
 */
export type Dashboard = {
  readonly table: ObservationTable;
  readonly method: ProgressMethod;
  readonly report: ProgressReport;
  /**
   * Cities in first-seen order: the places the views list and open by default. Districts (listed under
   * their city in `districtsOf`) and aggregates (World, Total) are never cities.
   */
  readonly cities: readonly DashboardCity[];
  /** Every place with data by key: cities, districts, regions, countries, aggregates (links may name any). */
  readonly cityByKey: ReadonlyMap<string, DashboardCity>;
  /** The districts of a city (by the city's name, as the data names parents), in first-seen order. */
  readonly districtsOf: (cityName: string) => readonly DashboardCity[];
  /** Headline results of a city (key), in the report's order (registry order of indicators). */
  readonly byCity: ReadonlyMap<string, readonly IndicatorProgress[]>;
  /** Headline result of one city × indicator: `headlineOf(cityKey, code)`. */
  readonly headlineOf: (cityKey: string, indicator: string) => IndicatorProgress | undefined;
  /** Headline results of one indicator across cities (districts and aggregates left out). */
  readonly byIndicator: ReadonlyMap<string, readonly IndicatorProgress[]>;
  readonly rollups: ReadonlyMap<string, CityRollup>;
};

export type DashboardCity = {
  readonly key: string;
  readonly name: string;
  readonly code: string;
  /** What the place is; '' for data saved before places existed (a city). */
  readonly kind: PlaceKind | '';
  /** The place it belongs to (a district's city), by name; '' when the data names none. */
  readonly parent: string;
};

/** Results between two yields of buildDashboardSteps. */
const PER_STEP = 1 << 12;
/** Results rolled up between two yields: a roll-up costs more per result (8–37 ms per 4,096 on the benchmark). */
const ROLLUP_PER_STEP = 1 << 10;

/** Kind and parent of every place key of a table (first row wins): one look per place (see placeRows). */
function placesOf(table: ObservationTable): Map<string, { kind: PlaceKind | ''; parent: string }> {
  const out = new Map<string, { kind: PlaceKind | ''; parent: string }>();
  const d = table.dict;
  for (const { row: i } of placeRows(table)) {
    const key = cityKey({ city: d.city[table.city[i] ?? 0] ?? '', cityCode: d.cityCode[table.cityCode[i] ?? 0] ?? '' });
    if (!out.has(key)) out.set(key, { kind: (d.placeKind[table.placeKind[i] ?? 0] ?? '') as PlaceKind | '', parent: d.placeParent[table.placeParent[i] ?? 0] ?? '' });
  }
  return out;
}

/** Whether a place is listed as a city: not a district of one, not an aggregate. */
export function isListedAsCity(c: DashboardCity): boolean {
  return c.kind !== 'district' && c.kind !== 'aggregate';
}

export function cityKey(p: { city: string; cityCode: string }): string {
  return p.cityCode !== '' ? p.cityCode : p.city;
}

export function buildDashboard(
  tables: readonly ObservationTable[],
  registry: Registry,
  method: ProgressMethod,
  /** Headline series chosen per indicator (see headline-choices.ts); none by default. */
  overrides?: Readonly<Record<string, IndicatorConfig>>,
): Dashboard {
  return runSteps(buildDashboardSteps(tables, registry, method, overrides));
}

/** `buildDashboard` in steps (see domain/steps.ts): the app runs it in slices, the page never freezes. */
export function* buildDashboardSteps(
  tables: readonly ObservationTable[],
  registry: Registry,
  method: ProgressMethod,
  overrides?: Readonly<Record<string, IndicatorConfig>>,
): Steps<Dashboard> {
  const table = yield* mergeTablesSteps(tables);
  const report = yield* computeProgressSteps(table, registry, overrides === undefined ? { method } : { method, overrides });
  const cityByKey = new Map<string, DashboardCity>();
  const byCity = new Map<string, IndicatorProgress[]>();
  const byIndicator = new Map<string, IndicatorProgress[]>();
  const headline = new Map<string, IndicatorProgress>();
  const places = placesOf(table);
  const districts = new Map<string, DashboardCity[]>();
  for (const [i, p] of report.indicators.entries()) {
    if (i % PER_STEP === PER_STEP - 1) yield;
    const key = cityKey(p);
    let place = cityByKey.get(key);
    if (place === undefined) {
      const info = places.get(key);
      place = { key, name: p.city || key, code: p.cityCode, kind: info?.kind ?? '', parent: info?.parent ?? '' };
      cityByKey.set(key, place);
      if (place.kind === 'district') {
        let list = districts.get(place.parent);
        if (list === undefined) districts.set(place.parent, (list = []));
        list.push(place);
      }
    }
    let list = byCity.get(key);
    if (list === undefined) byCity.set(key, (list = []));
    list.push(p);
    if (isListedAsCity(place)) {
      let across = byIndicator.get(p.indicator);
      if (across === undefined) byIndicator.set(p.indicator, (across = []));
      across.push(p);
    }
    headline.set(`${key}\u0000${p.indicator}`, p);
  }
  // Roll-ups group by the city key, so cities sharing a name are not merged; a thousand results or so
  // at a time (each city's results whole), yielding between.
  yield;
  const rollups = new Map<string, CityRollup>();
  let chunk: HeadlineResult[] = [];
  for (const [key, results] of byCity) {
    for (const p of results) chunk.push({ city: key, cityCode: p.cityCode, indicator: p.indicator, result: p.result });
    if (chunk.length < ROLLUP_PER_STEP) continue;
    for (const r of rollUpByCity(chunk, registry)) rollups.set(r.city, r);
    chunk = [];
    yield;
  }
  for (const r of rollUpByCity(chunk, registry)) rollups.set(r.city, r);
  // Which places and indicators each dataset holds (the indicator view's sources), made here in steps.
  for (const t of tables) {
    yield;
    yield* tablePairsSteps(t, registry);
  }
  return {
    table,
    method,
    report,
    cities: [...cityByKey.values()].filter(isListedAsCity),
    cityByKey,
    districtsOf: (name) => districts.get(name) ?? [],
    byCity,
    headlineOf: (c, indicator) => headline.get(`${c}\u0000${indicator}`),
    byIndicator,
    rollups,
  };
}

/** The cities of a view that shows one city, or two side by side (NUA priorities, city report). */
export type CityPair = {
  /** The city shown; undefined only when the data has no city. */
  readonly primary: DashboardCity | undefined;
  /** The city beside it (partner edition). */
  readonly partner: DashboardCity | undefined;
  /** URL parameters that name no city of the data (said on the page; the primary city is shown instead). */
  readonly missing: readonly string[];
};

/**
 * Which cities a one-or-two-city view shows, from the URL: with two or more `cities`, the first two side
 * by side; otherwise `city` (else the one listed in `cities`, else the first city of the data) alone, or
 * beside the one in `cities` when that is another city. A parameter names a city by key (code), else by
 * its name in the data.
 */
export function resolveCityPair(dashboard: Pick<Dashboard, 'cities' | 'cityByKey'>, city: string | undefined, cities: readonly string[] | undefined): CityPair {
  const missing: string[] = [];
  const find = (param: string) => {
    const found = dashboard.cityByKey.get(param) ?? dashboard.cities.find((c) => c.name === param);
    if (found === undefined && !missing.includes(param)) missing.push(param);
    return found;
  };
  const listed: DashboardCity[] = [];
  for (const c of cities ?? []) {
    const found = find(c);
    if (found !== undefined && !listed.includes(found)) listed.push(found);
  }
  if (listed.length >= 2) return { primary: listed[0], partner: listed[1], missing };
  const fromCity = city === undefined || city === '' ? undefined : find(city);
  const primary = fromCity ?? listed[0] ?? dashboard.cities[0];
  const other = listed[0];
  return { primary, partner: other !== undefined && other !== primary ? other : undefined, missing };
}

/**
 * Display names of places by key (code, else name), per language: the demo's names file
 * (`public/demo/cities.json`, en/ar) and the names the user gave in the workspace gazetteer.
 */
export type CityNames = Readonly<Record<string, PlaceNames>>;
export type PlaceNames = { readonly en?: string | undefined; readonly ar?: string | undefined; readonly fr?: string | undefined; readonly es?: string | undefined };

/** The display names of a place: by its code, else by its name (the place's key). */
export function placeNamesOf(city: Pick<DashboardCity, 'name' | 'code'>, names: CityNames): PlaceNames | undefined {
  return names[city.code !== '' ? city.code : city.name];
}

/** Every display name a place was given (en, ar, fr, es), for matching what people and files call it. */
export function displayNamesOf(city: Pick<DashboardCity, 'name' | 'code'>, names: CityNames): string[] {
  const n = placeNamesOf(city, names);
  return n === undefined ? [] : [n.en ?? '', n.ar ?? '', n.fr ?? '', n.es ?? ''].filter((x) => x !== '');
}

/** A name in a language from a place's display names: Arabic in Arabic; French and Spanish fall back to English. */
export function pickPlaceName(n: PlaceNames | undefined, lang: Lang | string): string {
  if (n === undefined) return '';
  if (lang === 'ar') return n.ar ?? '';
  if (lang === 'fr') return n.fr || n.en || '';
  if (lang === 'es') return n.es || n.en || '';
  return n.en ?? '';
}

/** A city's name in the UI language, else the name in the data. */
export function cityDisplayName(city: Pick<DashboardCity, 'name' | 'code'>, names: CityNames, lang: Lang): string {
  return pickPlaceName(placeNamesOf(city, names), lang) || city.name;
}

/**
 * What a link to another view sets: structurally the app's `Partial<UrlState>` (src/app/url-state.ts),
 * written out because features do not import the app.
 */
export type ViewLink = {
  view?: 'overview' | 'indicator' | 'compare' | 'nua' | 'report' | 'data';
  city?: string;
  cities?: string[];
  indicator?: string;
};
