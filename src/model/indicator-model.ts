import type { Indicator } from '@/domain/indicator';
import { parseDisaggregationKey } from '@/domain/observation-table';
import type { IndicatorProgress } from '@/domain/progress/compute';
import type { SeriesLayout } from '@/domain/progress/series';
import type { ProgressResult } from '@/domain/progress/types';
import type { Registry } from '@/domain/registry';
import type { Dashboard, DashboardCity } from './dashboard-model';
import type { Lang } from '@/i18n/lang';
import { cityDisplayName, type CityNames } from './dashboard-model';
import { layoutOfReport } from '@/domain/progress/compute';
import { tableHas } from './table-pairs';

/**
 * The indicator detail view as data (no React): which city and indicator are shown, the series of that
 * city × indicator and their breakdowns (sex, age, district…), the points of the chosen series, the
 * comparison cities' series, and where the data came from. The progress results are the engine's
 * (`dashboard.report`); nothing here recomputes them. Explanations in words: explain-result.ts.
 *
 * Points come from the engine's own series layout, so the chart and table show exactly the values the
 * status was computed from (a year listed twice keeps the row the engine kept).
 */

/** Comparison lines beyond this many are not drawn (a chart of 1,000 lines says nothing). */
export const MAX_COMPARISON_CITIES = 8;

export { cityDisplayName, type CityNames };

export type CityChoice = DashboardCity & { readonly label: string };

/** The last orders per city list: the same cities, names and language sort the same (a thousand labels in a collation take tens of milliseconds). */
const sortedCities = new WeakMap<readonly DashboardCity[], Array<{ readonly names: CityNames; readonly lang: Lang; readonly sorted: CityChoice[] }>>();

/** The cities of the dashboard with their display names, sorted for the UI language. */
export function sortCities(cities: readonly DashboardCity[], names: CityNames, lang: Lang): CityChoice[] {
  let known = sortedCities.get(cities);
  if (known === undefined) sortedCities.set(cities, (known = []));
  const hit = known.find((k) => k.names === names && k.lang === lang);
  if (hit !== undefined) return hit.sorted;
  const sorted = sortCitiesNow(cities, names, lang);
  known.push({ names, lang, sorted });
  if (known.length > 4) known.shift();
  return sorted;
}

function sortCitiesNow(cities: readonly DashboardCity[], names: CityNames, lang: Lang): CityChoice[] {
  const collator = new Intl.Collator(lang, { numeric: true });
  return cities.map((c) => ({ ...c, label: cityDisplayName(c, names, lang) })).sort((a, b) => collator.compare(a.label, b.label) || collator.compare(a.key, b.key));
}

/**
 * The city a URL names: by key (code), else by name (a link may use either). Undefined when the
 * dashboard has no such city.
 */
export function resolveCity(dashboard: Pick<Dashboard, 'cityByKey' | 'cities'>, requested: string | undefined): DashboardCity | undefined {
  if (requested === undefined || requested === '') return undefined;
  return dashboard.cityByKey.get(requested) ?? dashboard.cities.find((c) => c.name === requested) ?? dashboard.cities.find((c) => c.name.toLowerCase() === requested.toLowerCase());
}

/** Indicator codes a city has data for, in registry order (the report's order). */
export function indicatorsOfCity(dashboard: Pick<Dashboard, 'byCity'>, cityKey: string): string[] {
  const list = dashboard.byCity.get(cityKey) ?? [];
  return [...new Set(list.map((p) => p.indicator))];
}

/**
 * The indicator to show: the requested one (by code or alias) when given, even without data for this
 * city (the page then says so); else the city's first SDG 11 indicator, else its first one.
 */
export function pickIndicator(registry: Registry, available: readonly string[], requested: string | undefined): string | undefined {
  if (requested !== undefined && requested !== '') return registry.byCode.get(requested)?.code ?? requested;
  return available.find((c) => c.startsWith('11.')) ?? available[0];
}

/** One (series, unit, breakdown) of a city × indicator, with the engine's result for it. */
export type SeriesChoice = {
  /** Index in `dashboard.report.series`. */
  readonly index: number;
  /** The Series text ('' when the data has none). */
  readonly series: string;
  readonly unit: string;
  /** Disaggregation key ('' = total). */
  readonly key: string;
  readonly pairs: ReadonlyArray<readonly [string, string]>;
  /** True for the series the headline status is about. */
  readonly isHeadline: boolean;
  readonly result: ProgressResult;
};

export type SeriesChoices = {
  /** The headline result of the city × indicator (undefined: no data). */
  readonly headline: IndicatorProgress | undefined;
  readonly choices: readonly SeriesChoice[];
};

/** The series layout behind a dashboard's report (the grouping `computeProgress` used; series s of the layout is series s of the report). */
export function layoutOf(dashboard: Pick<Dashboard, 'report'>): SeriesLayout {
  return layoutOfReport(dashboard.report);
}

/** Every series of a city × indicator (headline first, then in the engine's order). */
export function seriesChoices(dashboard: Pick<Dashboard, 'headlineOf' | 'report'>, layout: SeriesLayout, cityKey: string, indicator: string): SeriesChoices {
  const headline = dashboard.headlineOf(cityKey, indicator);
  if (headline === undefined) return { headline, choices: [] };
  const d = layout.table.dict;
  const choices: SeriesChoice[] = [];
  for (let s = headline.first; s < headline.end; s++) {
    const sp = dashboard.report.series[s];
    if (sp === undefined) continue;
    const key = sp.disaggregation;
    choices.push({
      index: s,
      series: d.series[layout.series[s] ?? 0] ?? '',
      unit: sp.unit,
      key,
      pairs: parseDisaggregationKey(key),
      isHeadline: s === headline.headlineSeries,
      result: sp.result,
    });
  }
  choices.sort((a, b) => Number(b.isHeadline) - Number(a.isHeadline) || Number(a.key !== '') - Number(b.key !== ''));
  return { headline, choices };
}

/**
 * How a series is named in the UI: its Series text if any, then its breakdown (`sex: Female ·
 * age: 15–24`), or `total` (the UI's word) for the total.
 */
export function seriesLabel(choice: Pick<SeriesChoice, 'series' | 'pairs'>, total: string): string {
  const parts: string[] = [];
  if (choice.series !== '') parts.push(choice.series);
  parts.push(choice.pairs.length === 0 ? total : choice.pairs.map(([c, v]) => `${c}: ${v}`).join(' · '));
  return parts.join(' · ');
}

/**
 * The series a view shows: the one `like` names (by index when given, else by Series, unit and
 * breakdown), or the default choice when it names none.
 */
export function pickChoice(choices: readonly SeriesChoice[], like: (Pick<SeriesChoice, 'series' | 'unit' | 'key'> & { readonly index?: number }) | undefined): SeriesChoice | undefined {
  if (like === undefined) return defaultChoice(choices);
  return choices.find((c) => (like.index !== undefined ? c.index === like.index : c.series === like.series && c.unit === like.unit && c.key === like.key));
}

/** The choice shown first: the headline series, else a total, else the first. */
export function defaultChoice(choices: readonly SeriesChoice[]): SeriesChoice | undefined {
  return choices.find((c) => c.isHeadline) ?? choices.find((c) => c.key === '') ?? choices[0];
}

/**
 * A dimension the user can choose along: a disaggregation column (values '' = all), or the series or
 * unit when a city × indicator has several.
 */
export type Dimension = {
  readonly id: string;
  readonly kind: 'column' | 'series' | 'unit';
  /** The column name as in the data (for 'column'). */
  readonly column: string;
  /** Values in display order; '' (all / total) first when present. */
  readonly values: readonly string[];
};

/** The value of a choice along a dimension ('' when its key does not name the column). */
export function valueOn(choice: SeriesChoice, dim: Pick<Dimension, 'kind' | 'column'>): string {
  if (dim.kind === 'series') return choice.series;
  if (dim.kind === 'unit') return choice.unit;
  return choice.pairs.find(([c]) => c === dim.column)?.[1] ?? '';
}

const valueCollator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** The dimensions present among the choices: series and unit when they vary, then each disaggregation column. */
export function dimensionsOf(choices: readonly SeriesChoice[]): Dimension[] {
  const dims: Dimension[] = [];
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : valueCollator.compare(a, b)));
  const series = sorted(choices.map((c) => c.series));
  if (series.length > 1) dims.push({ id: 'series', kind: 'series', column: '', values: series });
  const units = sorted(choices.map((c) => c.unit));
  if (units.length > 1) dims.push({ id: 'unit', kind: 'unit', column: '', values: units });
  const columns = sorted(choices.flatMap((c) => c.pairs.map(([col]) => col)));
  for (const column of columns) {
    if (column === '') continue;
    // '' (all) is a value of the column whenever some series does not break it down.
    dims.push({ id: `column:${column}`, kind: 'column', column, values: sorted(choices.map((c) => valueOn(c, { kind: 'column', column }))) });
  }
  return dims;
}

/**
 * The choice after the user sets `dim` to `value`: among the choices with that value, the one agreeing
 * with the current choice on the most other dimensions (ties: the engine's order). Undefined when no
 * series has that value.
 */
export function chooseAlong(choices: readonly SeriesChoice[], dims: readonly Dimension[], current: SeriesChoice | undefined, dim: Dimension, value: string): SeriesChoice | undefined {
  let best: SeriesChoice | undefined;
  let bestScore = -1;
  for (const c of choices) {
    if (valueOn(c, dim) !== value) continue;
    let score = 0;
    if (current !== undefined) for (const other of dims) if (other.id !== dim.id && valueOn(c, other) === valueOn(current, other)) score++;
    // Prefer fewer breakdowns (a total over a sub-group) when the rest is equal.
    const tie = score === bestScore && best !== undefined && c.pairs.length < best.pairs.length;
    if (score > bestScore || tie) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** One observation of a series, as the data table shows it. */
export type SeriesPoint = {
  readonly year: number;
  readonly value: number;
  /** The period as written (`2017-18`); '' when it is the year. */
  readonly period: string;
  readonly unit: string;
  readonly source: string;
  readonly note: string;
};

/** Rows left out of each series because a later row gave the same year (months of a year), by series. */
const DROPPED = new WeakMap<SeriesLayout, ReadonlyMap<number, readonly number[]>>();

function droppedRowsOf(layout: SeriesLayout, s: number): readonly number[] {
  let bySeries = DROPPED.get(layout);
  if (bySeries === undefined) {
    const m = new Map<number, number[]>();
    for (const d of layout.duplicates) {
      let list = m.get(d.series);
      if (list === undefined) m.set(d.series, (list = []));
      list.push(...d.droppedRows);
    }
    DROPPED.set(layout, (bySeries = m));
  }
  return bySeries.get(s) ?? [];
}

/**
 * The observations of report series `s`, by year (missing values are NaN): one per year, as progress uses
 * them. With `all`, every observation, also the earlier ones of a year that has several (the months of a
 * monthly series), in time order: what a chart or a data table shows, so no real number is hidden.
 */
export function pointsOf(layout: SeriesLayout, s: number, options: { readonly all?: boolean } = {}): SeriesPoint[] {
  const a = layout.starts[s] ?? 0;
  const b = layout.starts[s + 1] ?? a;
  const t = layout.table;
  const d = t.dict;
  const point = (row: number, year: number, value: number): SeriesPoint & { row: number } => {
    const period = d.period[t.period[row] ?? 0] ?? '';
    return {
      row,
      year,
      value,
      period,
      unit: d.unit[t.unit[row] ?? 0] ?? '',
      source: d.source[t.source[row] ?? 0] ?? '',
      note: d.note[t.note[row] ?? 0] ?? '',
    };
  };
  const out: Array<SeriesPoint & { row: number }> = [];
  for (let i = a; i < b; i++) out.push(point(layout.rows[i] ?? 0, layout.years[i] ?? 0, layout.values[i] ?? Number.NaN));
  const dropped = options.all === true ? droppedRowsOf(layout, s) : [];
  if (dropped.length === 0) return out.map(({ row: _row, ...p }) => p);
  for (const row of dropped) out.push(point(row, t.year[row] ?? 0, t.value[row] ?? Number.NaN));
  // By year, then as listed (the months of a year in file order; the row progress keeps is the last listed).
  return out.sort((p, q) => p.year - q.year || p.row - q.row).map(({ row: _row, ...p }) => p);
}

export type ComparisonSeries = {
  readonly city: DashboardCity;
  /** The other city's matching series (same breakdown, series and unit), or null when it has none. */
  readonly choice: SeriesChoice | null;
  readonly points: readonly SeriesPoint[];
};

/**
 * The comparison cities' series like the one shown: same breakdown, series and unit when they have it
 * (else the same breakdown, else for the headline the other city's headline). Unknown cities and the
 * shown city itself are left out; at most `max` cities.
 */
export function comparisonSeries(
  dashboard: Pick<Dashboard, 'cityByKey' | 'cities' | 'headlineOf' | 'report'>,
  layout: SeriesLayout,
  requested: readonly string[],
  cityKey: string,
  indicator: string,
  like: SeriesChoice | undefined,
  max: number = MAX_COMPARISON_CITIES,
): ComparisonSeries[] {
  const out: ComparisonSeries[] = [];
  const seen = new Set<string>([cityKey]);
  for (const r of requested) {
    if (out.length >= max) break;
    const city = resolveCity(dashboard, r);
    if (city === undefined || seen.has(city.key)) continue;
    seen.add(city.key);
    const { choices } = seriesChoices(dashboard, layout, city.key, indicator);
    const key = like?.key ?? '';
    const choice =
      choices.find((c) => c.key === key && c.series === like?.series && c.unit === like.unit) ??
      choices.find((c) => c.key === key && c.unit === like?.unit) ??
      (key === '' ? defaultChoice(choices) : choices.find((c) => c.key === key)) ??
      null;
    out.push({ city, choice, points: choice === null ? [] : pointsOf(layout, choice.index, { all: true }) });
  }
  return out;
}

type NamedDataset = { readonly name: string; readonly table: Dashboard['table']; readonly parts?: readonly NamedDataset[]; readonly info?: { readonly source?: string | undefined } };

/** The datasets themselves, a merged one (several in use) as the datasets it was made of. */
export function datasetParts(datasets: readonly NamedDataset[]): NamedDataset[] {
  return datasets.flatMap((ds) => (ds.parts !== undefined && ds.parts.length > 0 ? ds.parts : [ds]));
}

/**
 * The names of the datasets holding a city × indicator (the metadata's "source"), newest last. A
 * dataset's set of (city key, indicator) pairs is built once per table.
 */
export function datasetsWith(datasets: readonly NamedDataset[], registry: Registry, cityKey: string, indicator: string): string[] {
  return datasetParts(datasets)
    .filter((ds) => tableHas(ds.table, registry, cityKey, indicator))
    .map((ds) => ds.name);
}

/** As `datasetsWith`, each named with its source organisation when one is set ("Amman 2024 — Greater Amman Municipality"). */
export function datasetCredits(datasets: readonly NamedDataset[], registry: Registry, cityKey: string, indicator: string): string[] {
  return datasetParts(datasets)
    .filter((ds) => tableHas(ds.table, registry, cityKey, indicator))
    .map((ds) => (ds.info?.source === undefined ? ds.name : `${ds.name} — ${ds.info.source}`));
}

/** Distinct non-empty texts, in first-seen order (sources and notes of a series). */
export function distinctTexts(values: Iterable<string>): string[] {
  return [...new Set([...values].filter((v) => v !== ''))];
}

/** The indicator's text in the UI language (French and Spanish may be empty: English then). */
export function localized(text: Indicator['title'] | undefined, lang: Lang): string {
  if (text === undefined) return '';
  return text[lang] || text.en;
}
