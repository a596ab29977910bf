import { indicatorName } from './indicator-text';
import { DISTRICT_TONE_STYLE } from '@/charts/build-district-option';
import { buildMapOption, type MapArea, type MapChartInput, type MapLegendEntry, mapChartHeight, NO_DATA_FILL, NO_DATA_PATTERN } from '@/charts/build-map-option';
import type { MeasureText } from '@/charts/chart-text';
import { areaKey, ensureMap } from '@/charts/map-registry';
import { PROGRESS_STATUSES } from '@/domain/progress/types';
import { isRegistryUnit } from '@/domain/units';
import type { Indicator } from '@/domain/indicator';
import { formatNumber } from '@/i18n/format-number';
import { type Digits, dirOf, type Lang } from '@/i18n/lang';
import type { MessageKey } from '@/i18n/messages-en';
import { type MessageParams, t as translate } from '@/i18n/translate';
import type { BoundarySet } from '@/storage/boundary-record';
import { type CityFigure, type FigureContext, footerLines, seriesCsv } from './city-figures';
import { cityDisplayName } from './dashboard-model';
import { comparisonText, type DistrictComparison, type SeriesLike } from './district-model';
import { figureFileBase } from './figure-names';
import { datasetsWith, pickChoice, layoutOf, localized, seriesChoices, seriesLabel } from './indicator-model';
import { classColor } from './map-classes';
import { atMapDecimals, boundarySetsFor, citiesMapModel, hasDistrictData, type MapModel, mapModel, type MapModelOptions, type MapRegion } from './map-model';
import { STATUS_STYLE } from './status-style';
import { shownUnit, unitLabel } from './unit-label';

/**
 * The district map in words and colours, in the UI language: the chart input of the indicator view's
 * map and of its exported figure (framed with title, subtitle and footer: the city's value, the
 * boundaries and their source, data sources, method, date). File name `bristol_11-1-1-c_map_en`.
 */

export type MapText = {
  readonly lang: Lang;
  readonly digits: Digits;
  readonly cityName: string;
  readonly indicatorTitle: string;
  /** The unit in words ('' when none). */
  readonly unit: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly decimals?: number | undefined;
  readonly width?: number;
  readonly animate?: boolean;
  readonly measureText?: MeasureText | undefined;
};

function tr(text: Pick<MapText, 'lang' | 'digits'>, key: MessageKey, params: MessageParams = {}): string {
  return translate(text.lang, key, params, { digits: text.digits });
}

function num(value: number, text: Pick<MapText, 'lang' | 'digits' | 'decimals'>): string {
  return formatNumber(value, text.lang, text.decimals === undefined ? { digits: text.digits } : { digits: text.digits, decimals: text.decimals });
}

export function mapYearText(year: number, text: Pick<MapText, 'lang' | 'digits'>): string {
  return formatNumber(year, text.lang, { digits: text.digits, grouping: false, decimals: 0 });
}

/** The name of the registered shapes of a boundary set. */
export function mapNameOf(set: Pick<BoundarySet, 'id'>): string {
  return `marsad-boundaries-${set.id}`;
}

/** Comparisons in legend order: in the desired direction, else higher / lower (no good or bad implied). */
const COMPARISONS: readonly DistrictComparison[] = ['better', 'same', 'worse', 'higher', 'lower', 'no_city_value'];

/**
 * The fill and pattern of a comparison with the city: better / the same / worse as the district chart
 * draws them; higher and lower (direction not known) in two hues that say nothing of good or bad, each
 * with its own pattern so they differ without colour.
 */
export function comparisonLook(comparison: DistrictComparison): { fill: string; pattern: MapArea['pattern'] } {
  const tone = comparison === 'better' ? 'better' : comparison === 'worse' ? 'worse' : comparison === 'same' ? 'same' : 'neutral';
  if (comparison === 'higher') return { fill: '#7b5ea7', pattern: { decal: { symbol: 'circle', rotation: 0, dashArrayX: [1, 0], dashArrayY: [2, 5] }, color: 'rgba(255,255,255,0.7)' } };
  if (comparison === 'lower') return { fill: '#4f8f8b', pattern: { decal: { symbol: 'rect', rotation: -Math.PI / 4, dashArrayX: [1, 0], dashArrayY: [3, 4] }, color: 'rgba(255,255,255,0.7)' } };
  const style = DISTRICT_TONE_STYLE[tone];
  return { fill: style.color, pattern: style.decal.symbol === 'none' ? null : { decal: style.decal, color: style.decalColor } };
}

/** What a region is filled with, and the words of its class, tone or status. */
function look(model: MapModel, r: MapRegion, text: MapText): { fill: string; pattern: MapArea['pattern']; words: string } {
  if (r.value === null) return { fill: NO_DATA_FILL, pattern: NO_DATA_PATTERN, words: tr(text, 'map.legend.noData') };
  if (model.mode === 'value') {
    const c = model.classes[r.klass];
    return { fill: classColor(r.klass, model.classes.length), pattern: null, words: c === undefined ? '' : classLabel(c.from, c.to, text) };
  }
  if (model.mode === 'compare') {
    const style = comparisonLook(r.comparison);
    return { fill: style.fill, pattern: style.pattern, words: comparisonText(r.comparison, text) };
  }
  if (r.status === null) return { fill: '#cfd6de', pattern: null, words: tr(text, 'map.legend.noStatus') };
  const style = STATUS_STYLE[r.status];
  return { fill: style.color, pattern: style.decal.symbol === 'none' ? null : { decal: style.decal, color: 'rgba(0,0,0,0.45)' }, words: `${style.icon} ${tr(text, `status.${r.status}`)}` };
}

export function classLabel(from: number, to: number, text: Pick<MapText, 'lang' | 'digits' | 'decimals'>): string {
  return from === to ? num(from, text) : `${num(from, text)} – ${num(to, text)}`;
}

/** The legend: heading and one entry per class, tone or status drawn, then "No data" when a shape has none. */
export function mapLegend(model: MapModel, text: MapText): { title: string; entries: MapLegendEntry[] } {
  const entries: MapLegendEntry[] = [];
  const year = model.year === 'latest' ? tr(text, 'map.year.latestShort') : mapYearText(model.year, text);
  let title: string;
  if (model.mode === 'value') {
    title = tr(text, 'map.legend.value', { unit: text.unit === '' ? tr(text, 'map.legend.valueNoUnit') : text.unit, year });
    model.classes.forEach((c, i) => entries.push({ label: classLabel(c.from, c.to, text), fill: classColor(i, model.classes.length), pattern: null }));
  } else if (model.mode === 'compare') {
    title =
      model.cityValue === null
        ? tr(text, 'indicator.districts.noCityValue', { city: text.cityName })
        : tr(text, 'map.legend.compare', { city: text.cityName, value: num(model.cityValue.value, text), year: mapYearText(model.cityValue.year, text) });
    for (const comparison of COMPARISONS) {
      if (!model.regions.some((x) => x.value !== null && x.comparison === comparison)) continue;
      entries.push({ label: comparisonText(comparison, text), ...comparisonLook(comparison) });
    }
  } else {
    title = tr(text, 'map.legend.status');
    for (const status of PROGRESS_STATUSES) {
      if (!model.regions.some((r) => r.value !== null && r.status === status)) continue;
      const style = STATUS_STYLE[status];
      entries.push({ label: `${style.icon} ${tr(text, `status.${status}`)}`, fill: style.color, pattern: style.decal.symbol === 'none' ? null : { decal: style.decal, color: 'rgba(0,0,0,0.45)' } });
    }
  }
  if (model.regions.some((r) => r.value === null)) entries.push({ label: tr(text, 'map.legend.noData'), fill: NO_DATA_FILL, pattern: NO_DATA_PATTERN });
  return { title, entries };
}

/** One region's tooltip lines: name, value and year (or "No data"), class, comparison or status. */
export function regionTip(model: MapModel, r: MapRegion, text: MapText): string[] {
  if (r.value === null || r.year === null) return [r.name, r.otherUnit === undefined ? tr(text, 'map.legend.noData') : tr(text, 'map.otherUnit', { unit: r.otherUnit || '—' })];
  const value = `${num(r.value, text)}${text.unit === '' ? '' : ` ${text.unit}`} (${mapYearText(r.year, text)})`;
  return [r.name, value, look(model, r, text).words].filter((l) => l !== '');
}

/** The chart input of the map (the view's, and the figure's with `title: ''`). */
export function mapChartInput(model: MapModel, set: BoundarySet, text: MapText): MapChartInput {
  const legend = mapLegend(model, text);
  const areas: MapArea[] = model.regions.map((r) => {
    const l = look(model, r, text);
    return { key: areaKey(r.feature), fill: l.fill, pattern: l.pattern, tip: regionTip(model, r, text) };
  });
  const items = model.regions
    .filter((r) => r.value !== null && r.district !== null)
    .map((r) => regionTip(model, r, text).join(', '))
    .join('; ');
  const description = tr(text, 'map.description', {
    indicator: text.indicatorTitle,
    city: text.cityName,
    year: model.year === 'latest' ? tr(text, 'map.year.latestShort') : mapYearText(model.year, text),
    count: model.withData,
    total: model.regions.length,
    items,
  });
  return {
    lang: text.lang,
    dir: dirOf(text.lang),
    title: text.title,
    ...(text.subtitle === undefined ? {} : { subtitle: text.subtitle }),
    map: mapNameOf(set),
    bbox: set.bbox,
    areas,
    legendTitle: legend.title,
    legend: legend.entries,
    description,
    ...(text.width === undefined ? {} : { width: text.width }),
    ...(text.animate === undefined ? {} : { animate: text.animate }),
    ...(text.measureText === undefined ? {} : { measureText: text.measureText }),
  };
}

/** The boundaries named for a footer: "Boundaries: Wards 2020 (file.geojson), source". */
export function boundaryLine(set: BoundarySet, text: Pick<MapText, 'lang' | 'digits'>): string {
  const name = set.date === '' || set.name.includes(set.date) ? set.name : `${set.name}, ${set.date}`;
  return tr(text, 'map.boundarySource', { name, file: set.fileName, source: set.source === '' ? '' : ` — ${set.source}` });
}

export type MapFigure = CityFigure & { readonly kind: 'map'; readonly indicator: string };

export type MapFigureOptions = Pick<MapModelOptions, 'mode' | 'year' | 'method' | 'classCount'>;

export const DEFAULT_MAP_OPTIONS: MapFigureOptions = { mode: 'value', year: 'latest', method: 'quantile', classCount: 5 };

/**
 * The map of `cityKey` × `indicator` for the series `like` (undefined: the city's headline) on the
 * shapes of `set`, as a framed figure; undefined when the city is unknown or no shape has a value.
 */
export function mapFigure(ctx: FigureContext, set: BoundarySet, cityKey: string, indicator: string, like: (SeriesLike & { readonly index?: number }) | undefined, options: MapFigureOptions = DEFAULT_MAP_OPTIONS): MapFigure | undefined {
  const { dashboard, registry, lang, digits } = ctx;
  const city = dashboard.cityByKey.get(cityKey);
  if (city === undefined) return undefined;
  const layout = layoutOf(dashboard);
  const meta = registry.byCode.get(indicator);
  const code = meta?.code ?? indicator;
  const { choices } = seriesChoices(dashboard, layout, cityKey, code);
  const current = pickChoice(choices, like);
  const { model, decimals } = atMapDecimals(meta?.decimals, (d) => mapModel(dashboard, layout, city, code, current ?? like, set, { ...options, direction: meta?.direction ?? null, decimals: d, names: ctx.names, lang }));
  if (model.withData === 0) return undefined;
  const cityName = cityDisplayName(city, ctx.names, lang);
  const unit = shownUnit(meta, current?.unit ?? like?.unit ?? '', current?.result, lang, (key) => tr({ lang, digits }, key));
  const series = current === undefined || (current.key === '' && current.series === '') ? '' : seriesLabel(current, tr(ctx, 'indicator.total'));
  const places = [city, ...model.regions.flatMap((r) => (r.district === null || r.value === null ? [] : [r.district]))];
  return framedMap(ctx, set, model, {
    code,
    cityName,
    unit,
    decimals,
    subtitle: [cityName, series],
    fileBase: figureFileBase({ city: cityDisplayName(city, ctx.names, 'en'), cityCode: city.code, indicator: code, kind: 'map', lang }),
    datasetNames: places.flatMap((place) => datasetsWith(ctx.datasets, registry, place.key, code)),
    notes: model.join.placesWithoutShape.length > 0 ? [tr(ctx, 'map.withoutShape', { count: model.join.placesWithoutShape.length })] : [],
  });
}

/** A map model framed as a figure: title, subtitle (with the year and unit), legend, shapes and footer. */
function framedMap(
  ctx: FigureContext,
  set: BoundarySet,
  model: MapModel,
  parts: { code: string; cityName: string; unit: string; decimals: number; subtitle: readonly string[]; fileBase: string; datasetNames: readonly string[]; notes: readonly string[] },
): MapFigure {
  const { registry, lang, digits } = ctx;
  // The code kept left to right inside an Arabic title ("11.1.1.c", not "c.11.1.1").
  const codeText = dirOf(lang) === 'rtl' ? `\u2066${parts.code}\u2069` : parts.code;
  const name = indicatorName(registry, parts.code, lang);
  const indicatorTitle = name === undefined ? codeText : `${codeText} ${name}`;
  const width = ctx.width ?? 800;
  const text: MapText = { lang, digits, cityName: parts.cityName, indicatorTitle, unit: parts.unit, title: '', decimals: parts.decimals, width, animate: false, measureText: ctx.measureText };
  ensureMap(mapNameOf(set), set.features);
  const chartInput = mapChartInput(model, set, text);
  const t = (key: MessageKey, params: MessageParams = {}) => tr(text, key, params);
  const footer = [
    model.withData === model.regions.length ? t('map.coverageAll', { total: model.regions.length }) : t('map.coverage', { count: model.withData, total: model.regions.length }),
    ...parts.notes,
    boundaryLine(set, text),
    ...footerLines(ctx, parts.datasetNames),
  ];
  const year = model.year === 'latest' ? '' : mapYearText(model.year, text);
  return {
    kind: 'map',
    indicator: parts.code,
    fileBase: parts.fileBase,
    input: {
      lang,
      dir: dirOf(lang),
      width,
      chartHeight: mapChartHeight(chartInput),
      option: buildMapOption(chartInput),
      text: { title: `${t('map.chartTitle')} — ${indicatorTitle}`, subtitle: [...parts.subtitle, year, parts.unit].filter((s) => s !== '').join(' · '), footer },
      ...(ctx.measureText === undefined ? {} : { measureText: ctx.measureText }),
    },
    csv: () => seriesCsv(ctx.dashboard, model.series),
  };
}

/** The unit of a map of cities: the registry's when most cities' data is in it, else the data's own. */
export function citiesMapUnit(unit: string, meta: Indicator | undefined, lang: Lang, t: (key: MessageKey) => string): string {
  return meta !== undefined && isRegistryUnit(unit, meta) === 'same' ? localized(meta.unit, lang) : unitLabel(unit, t);
}

/**
 * The map of the cities for `indicator` on the shapes of `set` (a set of cities), as a framed figure;
 * undefined when no shape has a value. File name `cities_11-6-2_map_en`.
 */
export function citiesMapFigure(ctx: FigureContext, set: BoundarySet, indicator: string, options: MapFigureOptions = DEFAULT_MAP_OPTIONS): MapFigure | undefined {
  const { dashboard, registry, lang } = ctx;
  const layout = layoutOf(dashboard);
  const meta = registry.byCode.get(indicator);
  const code = meta?.code ?? indicator;
  const { model, decimals } = atMapDecimals(meta?.decimals, (d) => citiesMapModel(dashboard, layout, code, set, { ...options, direction: meta?.direction ?? null, decimals: d, names: ctx.names, lang }));
  if (model.withData === 0) return undefined;
  const unit = citiesMapUnit(model.unit, meta, lang, (key) => tr(ctx, key));
  const places = model.regions.flatMap((r) => (r.district === null || r.value === null ? [] : [r.district]));
  return framedMap(ctx, set, model, {
    code,
    cityName: '',
    unit,
    decimals,
    subtitle: [tr(ctx, 'map.citiesSubtitle', { count: model.withData })],
    fileBase: figureFileBase({ city: 'cities', cityCode: '', indicator: code, kind: 'map', lang }),
    datasetNames: places.flatMap((place) => datasetsWith(ctx.datasets, registry, place.key, code)),
    notes: model.otherUnit.size > 0 ? [tr(ctx, 'map.otherUnitNote', { count: model.otherUnit.size, unit })] : [],
  });
}

/**
 * The map of every indicator of `cityKey` with a district value on the shapes of the city's best
 * matching boundary set (the report's maps, the CLI's `--boundaries`), in code order; [] without one.
 */
export function cityMapFigures(ctx: FigureContext, sets: readonly BoundarySet[], cityKey: string): MapFigure[] {
  const city = ctx.dashboard.cityByKey.get(cityKey);
  if (city === undefined) return [];
  const set = boundarySetsFor(ctx.dashboard, city, sets, ctx.names)[0];
  if (set === undefined) return [];
  const codes = [...new Set((ctx.dashboard.byCity.get(cityKey) ?? []).map((p) => p.indicator))].sort();
  return codes.filter((code) => hasDistrictData(ctx.dashboard, city, code)).flatMap((code) => mapFigure(ctx, set, cityKey, code, undefined) ?? []);
}
