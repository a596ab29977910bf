import type { DistrictBar, DistrictChartInput, DistrictTone } from '@/charts/build-district-option';
import type { MeasureText } from '@/charts/chart-text';
import type { Direction } from '@/domain/indicator';
import type { SeriesLayout } from '@/domain/progress/series';
import { formatNumber } from '@/i18n/format-number';
import { type Digits, dirOf, type Lang } from '@/i18n/lang';
import type { MessageKey } from '@/i18n/messages-en';
import { type MessageParams, t as translate } from '@/i18n/translate';
import { cityDisplayName, type CityNames, type Dashboard, type DashboardCity } from './dashboard-model';
import { pointsOf, type SeriesChoice, seriesChoices } from './indicator-model';

/**
 * The indicator view's "by district" panel as data (no React): the districts of a city with a value of
 * the series shown for the city (same Series, unit and breakdown), each with its latest value and year,
 * ranked best first in the indicator's desired direction, and compared with the city's own latest value
 * (better, worse or the same, at the indicator's decimals). The chart input for the panel and for its
 * exported figure is built here too, in the UI language (`districtChartInput`).
 */

/** A latest value: the last year of a series with a finite value. */
export type LatestValue = { readonly year: number; readonly value: number };

/**
 * How a district compares with its city: `better` / `worse` / `same` in the desired direction;
 * `higher` / `lower` / `same` when the direction is not known; `no_city_value` when the city has no value
 * of the series; `no_value` when the district has none.
 */
export type DistrictComparison = 'better' | 'worse' | 'same' | 'higher' | 'lower' | 'no_city_value' | 'no_value';

export type DistrictRow = {
  readonly district: DashboardCity;
  /** The district's name in the UI language. */
  readonly name: string;
  /** The district's series matching the city's (index in `dashboard.report.series`); null when it has none. */
  readonly seriesIndex: number | null;
  readonly latest: LatestValue | null;
  /** 1-based rank among the districts with a value (ties share a rank: 1, 2, 2, 4); null without a value. */
  readonly rank: number | null;
  readonly comparison: DistrictComparison;
  /** The district's latest year is not the city's latest year (the year is then said next to the value). */
  readonly otherYear: boolean;
};

export type DistrictPanelModel = {
  /** The city's latest value of the shown series; null when it has none. */
  readonly cityLatest: LatestValue | null;
  /** The city's series shown (index in `dashboard.report.series`); null when the city has none. */
  readonly cityIndex: number | null;
  /** The indicator's desired direction; null when it is not in the registry (ranked by value, highest first). */
  readonly direction: Direction | null;
  /** Ranked districts first (best first), then the districts without a value (by name). */
  readonly rows: readonly DistrictRow[];
  /** How many districts have a value (drawn as bars). */
  readonly ranked: number;
  /** Report series drawn: the city's, then each ranked district's (the data behind the chart). */
  readonly series: readonly number[];
};

/** The series a district is matched on: the city's shown Series, unit and breakdown. */
export type SeriesLike = Pick<SeriesChoice, 'series' | 'unit' | 'key'>;

/** The last point with a finite value (missing values are NaN), or null. */
export function latestValue(points: ReadonlyArray<{ readonly year: number; readonly value: number }>): LatestValue | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i];
    if (p !== undefined && Number.isFinite(p.value)) return { year: p.year, value: p.value };
  }
  return null;
}

/** A value at the indicator's decimals (so "same" means the same number on screen). */
function rounded(value: number, decimals: number | undefined): number {
  return decimals === undefined ? value : Number(value.toFixed(decimals));
}

/**
 * A district's value against the city's, in the desired direction (`null`: not known, then higher or
 * lower), compared at `decimals` when given.
 */
export function compareWithCity(value: number | null, city: number | null, direction: Direction | null, decimals?: number): DistrictComparison {
  if (value === null || !Number.isFinite(value)) return 'no_value';
  if (city === null || !Number.isFinite(city)) return 'no_city_value';
  const a = rounded(value, decimals);
  const b = rounded(city, decimals);
  if (a === b) return 'same';
  if (direction === null) return a > b ? 'higher' : 'lower';
  return (a > b) === (direction === 'increase') ? 'better' : 'worse';
}

/**
 * Entries ordered best first: by value, descending when an increase is desired or the direction is not
 * known, ascending when a decrease is; ties by name (`lang`'s collation). Entries without a value come
 * last, by name. Ranks are competition ranks at `decimals` (equal values share one: 1, 2, 2, 4).
 */
export function rankDistricts<T extends { readonly name: string; readonly latest: LatestValue | null }>(
  entries: readonly T[],
  direction: Direction | null,
  lang: Lang,
  decimals?: number,
): Array<T & { readonly rank: number | null }> {
  const collator = new Intl.Collator(lang, { numeric: true });
  const sign = direction === 'decrease' ? 1 : -1;
  const withValue = entries.filter((e) => e.latest !== null && Number.isFinite(e.latest.value));
  const without = entries.filter((e) => !withValue.includes(e));
  withValue.sort((a, b) => sign * (rounded(a.latest?.value ?? 0, decimals) - rounded(b.latest?.value ?? 0, decimals)) || collator.compare(a.name, b.name));
  without.sort((a, b) => collator.compare(a.name, b.name));
  const out: Array<T & { rank: number | null }> = [];
  let previous: number | undefined;
  let rank = 0;
  withValue.forEach((e, i) => {
    const v = rounded(e.latest?.value ?? 0, decimals);
    if (v !== previous) rank = i + 1;
    previous = v;
    out.push({ ...e, rank });
  });
  for (const e of without) out.push({ ...e, rank: null });
  return out;
}

export type DistrictModelOptions = {
  /** The indicator's desired direction (registry); null when not in the registry. */
  readonly direction: Direction | null;
  readonly decimals?: number | undefined;
  readonly names: CityNames;
  readonly lang: Lang;
};

/**
 * The districts of `city` for `indicator`, matched on the series `like` the city shows (undefined: each
 * district's own headline, and no city value). Districts without data for the indicator are left out;
 * districts with data but not this series, or only missing values, are listed without a value.
 */
export function districtModel(
  dashboard: Pick<Dashboard, 'districtsOf' | 'headlineOf' | 'report'>,
  layout: SeriesLayout,
  city: DashboardCity,
  indicator: string,
  like: (SeriesLike & { readonly index?: number }) | undefined,
  options: DistrictModelOptions,
): DistrictPanelModel {
  const cityChoice = like === undefined ? undefined : seriesChoices(dashboard, layout, city.key, indicator).choices.find((c) => (like.index !== undefined ? c.index === like.index : matches(c, like)));
  const cityLatest = cityChoice === undefined ? null : latestValue(pointsOf(layout, cityChoice.index));
  const entries: Array<{ district: DashboardCity; name: string; seriesIndex: number | null; latest: LatestValue | null }> = [];
  for (const district of dashboard.districtsOf(city.name)) {
    const { headline, choices } = seriesChoices(dashboard, layout, district.key, indicator);
    if (headline === undefined) continue;
    const choice = like === undefined ? (choices.find((c) => c.isHeadline) ?? choices.find((c) => c.key === '')) : choices.find((c) => matches(c, like));
    entries.push({
      district,
      name: cityDisplayName(district, options.names, options.lang),
      seriesIndex: choice?.index ?? null,
      latest: choice === undefined ? null : latestValue(pointsOf(layout, choice.index)),
    });
  }
  const ranked = rankDistricts(entries, options.direction, options.lang, options.decimals);
  const rows: DistrictRow[] = ranked.map((e) => ({
    district: e.district,
    name: e.name,
    seriesIndex: e.seriesIndex,
    latest: e.latest,
    rank: e.rank,
    comparison: compareWithCity(e.latest?.value ?? null, cityLatest?.value ?? null, options.direction, options.decimals),
    otherYear: e.latest !== null && cityLatest !== null && e.latest.year !== cityLatest.year,
  }));
  const drawn = rows.filter((r) => r.rank !== null);
  return {
    cityLatest,
    cityIndex: cityChoice?.index ?? null,
    direction: options.direction,
    rows,
    ranked: drawn.length,
    series: [...(cityChoice === undefined ? [] : [cityChoice.index]), ...drawn.flatMap((r) => (r.seriesIndex === null ? [] : [r.seriesIndex]))],
  };
}

function matches(c: SeriesLike, like: SeriesLike): boolean {
  return c.series === like.series && c.unit === like.unit && c.key === like.key;
}

/** Whether the panel is shown: at least one district has a value of the shown series. */
export function hasDistrictPanel(model: DistrictPanelModel): boolean {
  return model.ranked > 0;
}

/** The drawn tone of a comparison. */
export function toneOf(comparison: DistrictComparison): DistrictTone {
  switch (comparison) {
    case 'better':
      return 'better';
    case 'worse':
      return 'worse';
    case 'same':
      return 'same';
    case 'higher':
    case 'lower':
    case 'no_city_value':
    case 'no_value':
      return 'neutral';
    default:
      return assertNever(comparison);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected ${String(x)}`);
}

/** The texts the chart needs besides the model. */
export type DistrictChartText = {
  readonly lang: Lang;
  readonly digits: Digits;
  /** The city's name in the UI language (reference line, legend, description). */
  readonly cityName: string;
  /** The indicator as the page titles it (`11.6.2 Annual mean levels…`). */
  readonly indicatorTitle: string;
  /** The chart's own title and subtitle ('' in an exported figure: the frame draws them). */
  readonly title: string;
  readonly subtitle?: string;
  readonly decimals?: number | undefined;
  readonly width?: number;
  readonly animate?: boolean;
  readonly measureText?: MeasureText | undefined;
};

function tr(text: Pick<DistrictChartText, 'lang' | 'digits'>, key: MessageKey, params: MessageParams = {}): string {
  return translate(text.lang, key, params, { digits: text.digits });
}

/** A value at the indicator's decimals, in the UI language and digits. */
export function districtNumber(value: number, text: Pick<DistrictChartText, 'lang' | 'digits' | 'decimals'>): string {
  return formatNumber(value, text.lang, text.decimals === undefined ? { digits: text.digits } : { digits: text.digits, decimals: text.decimals });
}

function yearText(year: number, text: Pick<DistrictChartText, 'lang' | 'digits'>): string {
  return formatNumber(year, text.lang, { digits: text.digits, grouping: false, decimals: 0 });
}

/** A comparison in words for the table and tooltip ("Better than the city"). */
export function comparisonText(comparison: DistrictComparison, text: Pick<DistrictChartText, 'lang' | 'digits'>): string {
  return tr(text, `indicator.districts.comparison.${comparison}`);
}

/** The sentence saying how the districts are ordered (above the chart, and in its description). */
export function orderText(direction: Direction | null, text: Pick<DistrictChartText, 'lang' | 'digits'>): string {
  return tr(text, direction === 'increase' ? 'indicator.districts.orderIncrease' : direction === 'decrease' ? 'indicator.districts.orderDecrease' : 'indicator.districts.orderUnranked');
}

/** The chart input of the panel (and of its figure, with `title: ''`). */
export function districtChartInput(model: DistrictPanelModel, text: DistrictChartText): DistrictChartInput {
  const bars: DistrictBar[] = [];
  const items: string[] = [];
  for (const r of model.rows) {
    if (r.latest === null || r.rank === null) continue;
    const words = comparisonText(r.comparison, text);
    bars.push({ label: r.name, value: r.latest.value, year: r.latest.year, showYear: r.otherYear, tone: toneOf(r.comparison), comparisonText: words });
    items.push(tr(text, 'indicator.districts.item', { district: r.name, value: districtNumber(r.latest.value, text), year: yearText(r.latest.year, text), comparison: words }));
  }
  const city = model.cityLatest;
  const params = { city: text.cityName };
  const legend: Partial<Record<DistrictTone, string>> =
    city === null
      ? { neutral: tr(text, 'indicator.districts.legend.districts') }
      : model.direction === null
        ? { same: tr(text, 'indicator.districts.legend.same', params), neutral: tr(text, 'indicator.districts.legend.unranked', params) }
        : { better: tr(text, 'indicator.districts.legend.better', params), same: tr(text, 'indicator.districts.legend.same', params), worse: tr(text, 'indicator.districts.legend.worse', params) };
  const description = [
    tr(text, model.direction === null ? 'indicator.districts.descriptionUnranked' : 'indicator.districts.description', { indicator: text.indicatorTitle, city: text.cityName, items: items.join('; ') }),
    city === null
      ? tr(text, 'indicator.districts.noCityValue', params)
      : tr(text, 'indicator.districts.descriptionCity', { city: text.cityName, value: districtNumber(city.value, text), year: yearText(city.year, text) }),
  ].join(' ');
  return {
    lang: text.lang,
    dir: dirOf(text.lang),
    digits: text.digits,
    title: text.title,
    ...(text.subtitle === undefined ? {} : { subtitle: text.subtitle }),
    bars,
    reference: city === null ? null : { value: city.value, label: tr(text, 'indicator.districts.reference', { city: text.cityName, value: districtNumber(city.value, text) }) },
    legend,
    ...(text.decimals === undefined ? {} : { decimals: text.decimals }),
    description,
    ...(text.width === undefined ? {} : { width: text.width }),
    ...(text.animate === undefined ? {} : { animate: text.animate }),
    ...(text.measureText === undefined ? {} : { measureText: text.measureText }),
  };
}
