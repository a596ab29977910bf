import type { DistrictTone } from '@/charts/build-district-option';
import type { Direction } from '@/domain/indicator';
import type { SeriesLayout } from '@/domain/progress/series';
import type { ProgressStatus } from '@/domain/progress/types';
import type { Lang } from '@/i18n/lang';
import type { BoundarySet } from '@/storage/boundary-record';
import { type BoundaryJoin, joinBoundaries, shapeLabel } from './boundary-join';
import { cityDisplayName, type CityNames, type Dashboard, type DashboardCity, displayNamesOf } from './dashboard-model';
import { compareWithCity, type DistrictComparison, districtModel, type LatestValue, latestValue, type SeriesLike, toneOf } from './district-model';
import { defaultChoice, pointsOf, seriesChoices } from './indicator-model';
import { type ClassMethod, classify, classOf, type MapClass, mapDecimals } from './map-classes';

/**
 * The indicator view's district map as data (no React; shared with the exported figure, the report and
 * the CLI): the shapes of a boundary set joined to the city's districts, each with its value of the
 * series shown for the city (same Series, unit and breakdown) in the year chosen ('latest': each
 * district's latest value, its year said), coloured by one of three modes:
 *  - `value`: classes of the values (quantiles or natural breaks, at the indicator's decimals);
 *  - `compare`: better / worse / the same as the city's own value in the same year, in the indicator's
 *    desired direction (higher / lower when it is not known);
 *  - `status`: the district's progress status for that series.
 * A map is never blank without a reason: `empty` says why nothing is coloured.
 */

export type MapMode = 'value' | 'compare' | 'status';
export const MAP_MODES: readonly MapMode[] = ['value', 'compare', 'status'];
export type MapYear = 'latest' | number;

export type MapRegion = {
  readonly feature: number;
  /** The district's name in the UI language; the shape's own label when it has no district. */
  readonly name: string;
  readonly district: DashboardCity | null;
  /** The value drawn and its year; null: no data (drawn hatched, labelled "no data"). */
  readonly value: number | null;
  readonly year: number | null;
  /** Index into `classes` in `value` mode, else -1. */
  readonly klass: number;
  readonly comparison: DistrictComparison;
  readonly tone: DistrictTone | null;
  readonly status: ProgressStatus | null;
  /** The series drawn for this district (index in `dashboard.report.series`), null when none. */
  readonly seriesIndex: number | null;
  /** A map of cities: the unit of a city left uncoloured because its data is in another unit. */
  readonly otherUnit?: string;
};

/** Why a map has no coloured district: no shape matches a district, or no district has a value (in that year). */
export type MapEmpty = 'no_match' | 'no_district_data' | 'no_data_in_year' | null;

export type MapModel = {
  readonly mode: MapMode;
  readonly year: MapYear;
  /** Years in which at least one district has a value, ascending. */
  readonly years: readonly number[];
  readonly regions: readonly MapRegion[];
  readonly classes: readonly MapClass[];
  readonly method: ClassMethod;
  /** The city's value compared with (its latest, or in the year chosen); null when it has none. */
  readonly cityValue: LatestValue | null;
  readonly direction: Direction | null;
  readonly withData: number;
  readonly empty: MapEmpty;
  readonly join: BoundaryJoin<DashboardCity>;
  /** Report series drawn (the city's first when compared), for the figure's CSV. */
  readonly series: readonly number[];
};

export type MapModelOptions = {
  readonly mode: MapMode;
  readonly year: MapYear;
  readonly method: ClassMethod;
  readonly classCount: number;
  readonly direction: Direction | null;
  readonly decimals?: number | undefined;
  readonly names: CityNames;
  readonly lang: Lang;
};

/** The join of a boundary set with the districts of `city` (display names count as names). */
export function joinDistricts(dashboard: Pick<Dashboard, 'districtsOf'>, city: DashboardCity, set: BoundarySet, names: CityNames): BoundaryJoin<DashboardCity> {
  return joinBoundaries(set.features, dashboard.districtsOf(city.name), { property: set.property, namesOf: (p) => displayNamesOf(p, names) });
}

function valueIn(layout: SeriesLayout, seriesIndex: number, year: MapYear): LatestValue | null {
  const points = pointsOf(layout, seriesIndex);
  if (year === 'latest') return latestValue(points);
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i];
    if (p !== undefined && p.year === year && Number.isFinite(p.value)) return { year: p.year, value: p.value };
  }
  return null;
}

export function mapModel(
  dashboard: Pick<Dashboard, 'districtsOf' | 'headlineOf' | 'report'>,
  layout: SeriesLayout,
  city: DashboardCity,
  indicator: string,
  like: (SeriesLike & { readonly index?: number }) | undefined,
  set: BoundarySet,
  options: MapModelOptions,
): MapModel {
  // Without a series chosen: the city's default (its headline), so the districts are compared with it.
  const shown = like ?? defaultChoice(seriesChoices(dashboard, layout, city.key, indicator).choices);
  const districts = districtModel(dashboard, layout, city, indicator, shown, { direction: options.direction, decimals: options.decimals, names: options.names, lang: options.lang });
  const join = joinDistricts(dashboard, city, set, options.names);
  const rowOf = new Map(districts.rows.map((r) => [r.district.key, r]));
  const yearSet = new Set<number>();
  for (const r of districts.rows) if (r.seriesIndex !== null) for (const p of pointsOf(layout, r.seriesIndex)) if (Number.isFinite(p.value)) yearSet.add(p.year);
  const years = [...yearSet].sort((a, b) => a - b);
  const year: MapYear = options.year !== 'latest' && !yearSet.has(options.year) ? 'latest' : options.year;
  const cityValue = districts.cityIndex === null ? null : year === 'latest' ? districts.cityLatest : valueIn(layout, districts.cityIndex, year);

  const base = set.features.map((f, feature) => {
    const district = join.placeOf[feature] ?? null;
    const row = district === null ? undefined : rowOf.get(district.key);
    const seriesIndex = row?.seriesIndex ?? null;
    const v = seriesIndex === null ? null : valueIn(layout, seriesIndex, year);
    const comparison = compareWithCity(v?.value ?? null, cityValue?.value ?? null, options.direction, options.decimals);
    return {
      feature,
      name: district === null ? shapeLabel(f.properties, join.property, feature) : cityDisplayName(district, options.names, options.lang),
      district,
      value: v?.value ?? null,
      year: v?.year ?? null,
      comparison,
      seriesIndex,
    };
  });
  const classes = options.mode === 'value' ? classify(base.flatMap((r) => (r.value === null ? [] : [r.value])), options.method, options.classCount, options.decimals) : [];
  const regions: MapRegion[] = base.map((r) => ({
    ...r,
    klass: options.mode === 'value' && r.value !== null ? classOf(r.value, classes, options.decimals) : -1,
    tone: options.mode === 'compare' && r.value !== null ? toneOf(r.comparison) : null,
    status: options.mode === 'status' && r.value !== null && r.seriesIndex !== null ? (dashboard.report.series[r.seriesIndex]?.result.status ?? null) : null,
  }));
  const withData = new Set(regions.filter((r) => r.value !== null).map((r) => r.feature)).size;
  const anyDistrictValue = districts.rows.some((r) => r.latest !== null && join.placeOf.includes(r.district));
  const empty: MapEmpty = withData > 0 ? null : join.matched === 0 ? 'no_match' : !anyDistrictValue ? 'no_district_data' : 'no_data_in_year';
  const drawn = [...new Set(regions.flatMap((r) => (r.value === null || r.seriesIndex === null ? [] : [r.seriesIndex])))];
  return {
    mode: options.mode,
    year,
    years,
    regions,
    classes,
    method: options.method,
    cityValue,
    direction: options.direction,
    withData,
    empty,
    join,
    series: [...(districts.cityIndex === null ? [] : [districts.cityIndex]), ...drawn],
  };
}

/** Whether a city × indicator has a map at all: a boundary set of the city, and a district with data. */
export function hasDistrictData(dashboard: Pick<Dashboard, 'districtsOf' | 'headlineOf'>, city: DashboardCity, indicator: string): boolean {
  return dashboard.districtsOf(city.name).some((d) => dashboard.headlineOf(d.key, indicator) !== undefined);
}

/**
 * The boundary sets that may draw the districts of `city`: those saved for it, and those saved without
 * a city (dropped with a folder before its data was imported, or matching no district yet). Best match
 * first; a set that matches nothing is still listed, so the map says why it is not drawn.
 */
export function boundarySetsFor(dashboard: Pick<Dashboard, 'districtsOf' | 'cities'>, city: DashboardCity, sets: readonly BoundarySet[], names: CityNames): BoundarySet[] {
  return sets
    .filter((s) => s.city === city.key || s.city === '' || (s.published === true && (s.city === city.name || (city.code !== '' && s.city === city.code))))
    .map((s) => ({ s, matched: joinDistricts(dashboard, city, s, names).matched }))
    // A set without a city that matches cities rather than these districts is a map of the cities.
    .filter((x) => x.s.city !== '' || x.matched > 0 || joinCities(dashboard, x.s, names).matched === 0)
    .sort((a, b) => b.matched - a.matched || b.s.addedAt - a.s.addedAt)
    .map((x) => x.s);
}

/** `BoundarySet.city` of a set whose shapes are cities (one per city), not the districts of one. */
export const CITIES_LEVEL = '*cities';

/** The join of a boundary set with the cities of the data (display names count as names). */
export function joinCities(dashboard: Pick<Dashboard, 'cities'>, set: BoundarySet, names: CityNames): BoundaryJoin<DashboardCity> {
  return joinBoundaries(set.features, dashboard.cities, { property: set.property, namesOf: (p) => displayNamesOf(p, names) });
}

/** The sets that draw the cities: saved as cities, or saved without a city and matching some city. Best match first. */
export function citySetsFor(dashboard: Pick<Dashboard, 'cities'>, sets: readonly BoundarySet[], names: CityNames): BoundarySet[] {
  return sets
    .filter((s) => s.city === CITIES_LEVEL || s.city === '')
    .map((s) => ({ s, matched: joinCities(dashboard, s, names).matched }))
    .filter((x) => x.s.city === CITIES_LEVEL || x.matched > 0)
    .sort((a, b) => b.matched - a.matched || b.s.addedAt - a.s.addedAt)
    .map((x) => x.s);
}

/**
 * The map of the cities: each shape's city with its headline series of `indicator` (its latest value or
 * the year chosen), by value classes or progress status (there is no city to compare with). Cities
 * whose headline is in another unit than most cities' are not coloured (their number is not in the
 * legend's unit): `otherUnit` says which, and they are drawn as without data.
 */
export function citiesMapModel(
  dashboard: Pick<Dashboard, 'cities' | 'headlineOf' | 'report'>,
  layout: SeriesLayout,
  indicator: string,
  set: BoundarySet,
  options: MapModelOptions,
): MapModel & { readonly unit: string; readonly otherUnit: ReadonlyMap<number, string> } {
  const join = joinCities(dashboard, set, options.names);
  const choices = set.features.map((_, feature) => {
    const city = join.placeOf[feature] ?? null;
    return city === null ? undefined : defaultChoice(seriesChoices(dashboard, layout, city.key, indicator).choices);
  });
  const units = new Map<string, number>();
  for (const c of choices) if (c !== undefined) units.set(c.unit, (units.get(c.unit) ?? 0) + 1);
  const unit = [...units.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const otherUnit = new Map<number, string>();
  const yearSet = new Set<number>();
  choices.forEach((c) => {
    if (c !== undefined && c.unit === unit) for (const p of pointsOf(layout, c.index)) if (Number.isFinite(p.value)) yearSet.add(p.year);
  });
  const years = [...yearSet].sort((a, b) => a - b);
  const year: MapYear = options.year !== 'latest' && !yearSet.has(options.year) ? 'latest' : options.year;
  const mode: MapMode = options.mode === 'compare' ? 'value' : options.mode;
  const base = set.features.map((f, feature) => {
    const city = join.placeOf[feature] ?? null;
    const c = choices[feature];
    if (c !== undefined && c.unit !== unit) otherUnit.set(feature, c.unit);
    const v = c === undefined || c.unit !== unit ? null : valueIn(layout, c.index, year);
    return {
      feature,
      name: city === null ? shapeLabel(f.properties, join.property, feature) : cityDisplayName(city, options.names, options.lang),
      district: city,
      value: v?.value ?? null,
      year: v?.year ?? null,
      comparison: v === null ? ('no_value' as const) : ('no_city_value' as const),
      seriesIndex: c === undefined || c.unit !== unit ? null : c.index,
    };
  });
  const classes = mode === 'value' ? classify(base.flatMap((r) => (r.value === null ? [] : [r.value])), options.method, options.classCount, options.decimals) : [];
  const regions: MapRegion[] = base.map((r) => ({
    ...r,
    ...(otherUnit.has(r.feature) ? { otherUnit: otherUnit.get(r.feature) ?? '' } : {}),
    klass: mode === 'value' && r.value !== null ? classOf(r.value, classes, options.decimals) : -1,
    tone: null,
    status: mode === 'status' && r.value !== null && r.seriesIndex !== null ? (dashboard.report.series[r.seriesIndex]?.result.status ?? null) : null,
  }));
  const withData = regions.filter((r) => r.value !== null).length;
  const anyValue = choices.some((c) => c !== undefined);
  return {
    mode,
    year,
    years,
    regions,
    classes,
    method: options.method,
    cityValue: null,
    direction: options.direction,
    withData,
    empty: withData > 0 ? null : join.matched === 0 ? 'no_match' : !anyValue ? 'no_district_data' : 'no_data_in_year',
    join,
    series: [...new Set(regions.flatMap((r) => (r.value === null || r.seriesIndex === null ? [] : [r.seriesIndex])))],
    unit,
    otherUnit,
  };
}

/**
 * A map model at the registry's decimals, or — for an indicator without them — built again at the
 * decimals its own values need (`mapDecimals`), so classes and legend never show a raw file's 8 decimals.
 */
export function atMapDecimals<M extends MapModel>(registryDecimals: number | undefined, build: (decimals: number | undefined) => M): { model: M; decimals: number } {
  const first = build(registryDecimals);
  const decimals = mapDecimals(registryDecimals, first.regions.flatMap((r) => (r.value === null ? [] : [r.value])));
  return { model: decimals === registryDecimals ? first : build(decimals), decimals };
}
