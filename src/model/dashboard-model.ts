import type { ObservationTable } from '@/domain/observation-table';
import { computeProgress, type IndicatorProgress, type ProgressReport } from '@/domain/progress/compute';
import { type CityRollup, rollUpByCity } from '@/domain/progress/rollups';
import type { ProgressMethod } from '@/domain/progress/types';
import type { Registry } from '@/domain/registry';
import type { Lang } from '@/i18n/lang';
import { mergeTables } from '@/storage/merge-tables';

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
  /** Cities in first-seen order. */
  readonly cities: readonly DashboardCity[];
  readonly cityByKey: ReadonlyMap<string, DashboardCity>;
  /** Headline results of a city (key), in the report's order (registry order of indicators). */
  readonly byCity: ReadonlyMap<string, readonly IndicatorProgress[]>;
  /** Headline result of one city × indicator: `headlineOf(cityKey, code)`. */
  readonly headlineOf: (cityKey: string, indicator: string) => IndicatorProgress | undefined;
  /** Headline results of one indicator across cities. */
  readonly byIndicator: ReadonlyMap<string, readonly IndicatorProgress[]>;
  readonly rollups: ReadonlyMap<string, CityRollup>;
};

export type DashboardCity = { readonly key: string; readonly name: string; readonly code: string };

export function cityKey(p: { city: string; cityCode: string }): string {
  return p.cityCode !== '' ? p.cityCode : p.city;
}

export function buildDashboard(tables: readonly ObservationTable[], registry: Registry, method: ProgressMethod): Dashboard {
  const table = tables.length === 0 ? mergeTables([]) : mergeTables(tables);
  const report = computeProgress(table, registry, { method });
  const cityByKey = new Map<string, DashboardCity>();
  const byCity = new Map<string, IndicatorProgress[]>();
  const byIndicator = new Map<string, IndicatorProgress[]>();
  const headline = new Map<string, IndicatorProgress>();
  for (const p of report.indicators) {
    const key = cityKey(p);
    if (!cityByKey.has(key)) cityByKey.set(key, { key, name: p.city || key, code: p.cityCode });
    let list = byCity.get(key);
    if (list === undefined) byCity.set(key, (list = []));
    list.push(p);
    let across = byIndicator.get(p.indicator);
    if (across === undefined) byIndicator.set(p.indicator, (across = []));
    across.push(p);
    headline.set(`${key}\u0000${p.indicator}`, p);
  }
  // Roll-ups group by the city key, so cities sharing a name are not merged.
  const rollups = new Map<string, CityRollup>();
  for (const r of rollUpByCity(report.indicators.map((p) => ({ city: cityKey(p), cityCode: p.cityCode, indicator: p.indicator, result: p.result })), registry))
    rollups.set(r.city, r);
  return {
    table,
    method,
    report,
    cities: [...cityByKey.values()],
    cityByKey,
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

/** Display names of cities by code, per language (the demo's fictional cities; `public/demo/cities.json`). */
export type CityNames = Readonly<Record<string, { readonly en: string; readonly ar: string }>>;

/** A city's name in the UI language (Arabic in Arabic, English otherwise), else the name in the data. */
export function cityDisplayName(city: Pick<DashboardCity, 'name' | 'code'>, names: CityNames, lang: Lang): string {
  const n = city.code === '' ? undefined : names[city.code];
  if (n === undefined) return city.name;
  return (lang === 'ar' ? n.ar : n.en) || city.name;
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
