import { codeAndName, describedIndicator, ownUnit } from './indicator-text';
import { onTimeAxis } from './time-axis';
import { buildIndicatorChartOption, type IndicatorChartInput, indicatorChartHeight } from '@/charts/build-indicator-option';
import type { MeasureText } from '@/charts/chart-text';
import type { FigureInput } from '@/charts/figure';
import type { Registry } from '@/domain/registry';
import { PROGRESS_STATUSES, type ProgressStatus } from '@/domain/progress/types';
import type { IndicatorProgress } from '@/domain/progress/compute';
import type { SeriesLayout } from '@/domain/progress/series';
import { cityDisplayName, type CityNames, type Dashboard, type DashboardCity } from './dashboard-model';
import {
  comparisonSeries,
  datasetsWith,
  defaultChoice,
  distinctTexts,
  layoutOf,
  localized,
  MAX_COMPARISON_CITIES,
  pointsOf,
  type SeriesChoice,
  seriesChoices,
  seriesLabel,
} from './indicator-model';
import { formatNumber, stripBidiMarks } from '@/i18n/format-number';
import { type Digits, dirOf, intlLocale, type Lang } from '@/i18n/lang';
import type { MessageKey } from '@/i18n/messages-en';
import { type MessageParams, t as translate } from '@/i18n/translate';
import { normalizedCsv } from '@/ingest/canonical-csv';
import type { LoadedDataset } from '@/storage/dataset-record';
import { figureFileBase } from './figure-names';
import { buildStatusFigureOption, type StatusFigureBar, type StatusFigureInput, statusFigureHeight } from './status-figure';

/**
 * The figures of a city report, as data ready to render (`renderFigureSvg(figure.input)`) and the CSV
 * of the observations each one draws: the status figure (indicators by progress status, overall and by
 * NUA implementation priority), then one trend figure per indicator with data for the city, in
 * registry order. A partner edition (Amman–Zurich) draws both cities in every figure.
 * Titles, units, legends, footers, numbers and dates are in `ctx.lang`; nothing here renders or
 * touches the DOM, so the app, the report page and the CLI share it.
 */

/** `map`: an indicator on the map of the city's districts (map-figure.ts). */
export type FigureKind = 'status' | 'trend' | 'map' | 'gap';

export type CityFigure = {
  readonly kind: FigureKind;
  /** The indicator drawn; null for the status figure. */
  readonly indicator: string | null;
  /** File name without extension: `amman_11-6-2_trend_ar` (figure-names.ts). */
  readonly fileBase: string;
  readonly input: FigureInput;
  /** The observations drawn, as Marsad's canonical long CSV (UTF-8 BOM, formula-safe; re-imports as is). */
  readonly csv: () => string;
};

export type FigureContext = {
  readonly dashboard: Dashboard;
  readonly registry: Registry;
  readonly datasets: readonly LoadedDataset[];
  readonly names: CityNames;
  readonly lang: Lang;
  readonly digits: Digits;
  /** When the figures are computed (the footer's date). */
  readonly computedAt: Date;
  readonly measureText?: MeasureText;
  /** Figure width in pixels (800 by default). */
  readonly width?: number;
};

const DEFAULT_WIDTH = 800;
/** Dataset files named in a footer before "…". */
const MAX_FILES = 3;

function tr(ctx: Pick<FigureContext, 'lang' | 'digits'>, key: MessageKey, params: MessageParams = {}): string {
  return translate(ctx.lang, key, params, { digits: ctx.digits });
}

/** A date in the figure's language and digits ("12 March 2026", "١٢ مارس ٢٠٢٦"), without bidi marks. */
export function figureDate(date: Date | number, lang: Lang, digits: Digits): string {
  return stripBidiMarks(new Intl.DateTimeFormat(intlLocale(lang, digits), { dateStyle: 'long' }).format(date));
}

function cityOf(ctx: FigureContext, key: string): DashboardCity {
  return ctx.dashboard.cityByKey.get(key) ?? { key, name: key, code: '', kind: '', parent: '' };
}

function nameOf(ctx: FigureContext, city: DashboardCity): string {
  return cityDisplayName(city, ctx.names, ctx.lang);
}

/** The name a file is given: the English display name, else the name in the data. */
function latinName(ctx: FigureContext, city: DashboardCity): string {
  return cityDisplayName(city, ctx.names, 'en');
}

function fileBaseOf(ctx: FigureContext, city: DashboardCity, partner: DashboardCity | undefined, indicator: string | null, kind: FigureKind): string {
  return figureFileBase({
    city: latinName(ctx, city),
    cityCode: city.code,
    partner: partner === undefined ? undefined : { city: latinName(ctx, partner), cityCode: partner.code },
    indicator,
    kind,
    lang: ctx.lang,
  });
}

/**
 * A name the user gave (a dataset, a file, a data source) inside a right-to-left figure line: isolated with its
 * own direction (FSI…PDI), so `2024-data.csv` does not read `data.csv-2024` and an English name keeps its full stop.
 */
function ownText(ctx: Pick<FigureContext, 'lang'>, text: string): string {
  return dirOf(ctx.lang) === 'rtl' && text !== '' ? `\u2068${text}\u2069` : text;
}

/**
 * The footer of a figure: where the data comes from (each dataset's name and provenance), the progress
 * method, and when the figure was computed, in `ctx.lang`.
 */
export function footerLines(ctx: FigureContext, datasetNames: readonly string[]): string[] {
  const parts = ctx.datasets.flatMap((d) => d.parts ?? [d]);
  const described = [...new Set(datasetNames)].map((rawName) => {
    const ds = parts.find((d) => d.name === rawName);
    const name = ownText(ctx, rawName);
    if (ds === undefined) return name;
    // The source organisation and licence the user (or the publisher) gave, instead of file names.
    const org = ds.info?.source;
    const licence = ds.info?.licence;
    if (org !== undefined && licence !== undefined) return tr(ctx, 'figure.footer.orgLicence', { name, org: ownText(ctx, org), licence: ownText(ctx, licence) });
    if (org !== undefined) return tr(ctx, 'figure.footer.org', { name, org: ownText(ctx, org) });
    if (licence !== undefined) return tr(ctx, 'figure.footer.licence', { name, licence: ownText(ctx, licence) });
    const files = ds.files
      .map((f) => f.name.split(/[\\/]/).pop() ?? f.name)
      .filter((f) => f !== '' && f !== rawName)
      .map((f) => ownText(ctx, f));
    const fileList = files.length > MAX_FILES ? `${files.slice(0, MAX_FILES).join(tr(ctx, 'list.separator'))}…` : files.join(tr(ctx, 'list.separator'));
    const date = ds.importedAt > 0 ? figureDate(ds.importedAt, ctx.lang, ctx.digits) : '';
    switch (ds.source) {
      case 'demo':
        return tr(ctx, 'figure.footer.demo', { name });
      case 'published':
        return fileList === '' ? tr(ctx, 'figure.footer.published', { name }) : tr(ctx, 'figure.footer.publishedFiles', { name, files: fileList });
      case 'upload':
        if (date === '') return fileList === '' ? name : tr(ctx, 'figure.footer.files', { name, files: fileList });
        return fileList === '' ? tr(ctx, 'figure.footer.imported', { name, date }) : tr(ctx, 'figure.footer.importedFiles', { name, files: fileList, date });
      default:
        return name;
    }
  });
  return [
    described.length > 0 ? tr(ctx, 'figure.footer.source', { sources: described.join('; ') }) : tr(ctx, 'figure.footer.noSource'),
    tr(ctx, 'figure.footer.method', { method: tr(ctx, `method.${ctx.dashboard.method}`) }),
    tr(ctx, 'figure.footer.computed', { date: figureDate(ctx.computedAt, ctx.lang, ctx.digits) }),
  ];
}

/** Canonical long CSV of the given rows of the dashboard's table. */
function rowsCsv(layout: SeriesLayout, rows: ReadonlySet<number>): string {
  return normalizedCsv([layout.table], { include: (_, row) => rows.has(row) }).csv;
}

function addSeriesRows(layout: SeriesLayout, s: number, into: Set<number>): void {
  const a = layout.starts[s] ?? 0;
  const b = layout.starts[s + 1] ?? a;
  for (let i = a; i < b; i++) into.add(layout.rows[i] ?? 0);
}

/** The data behind a chart drawing some series of the dashboard's report (by series index), as canonical long CSV. */
export function seriesCsv(dashboard: Dashboard, series: readonly number[]): string {
  const layout = layoutOf(dashboard);
  const rows = new Set<number>();
  for (const s of series) addSeriesRows(layout, s, rows);
  return rowsCsv(layout, rows);
}

/**
 * The data behind a chart about the headline results of some city × indicator pairs (the compare
 * view's score dumbbells and lines), as canonical long CSV: each pair's headline series, or all its
 * series when it has no single headline. Also the names of the datasets they come from (for the footer).
 */
export function headlineData(ctx: Pick<FigureContext, 'dashboard' | 'registry' | 'datasets'>, pairs: ReadonlyArray<{ readonly cityKey: string; readonly indicator: string }>): { csv: () => string; datasetNames: string[] } {
  const layout = layoutOf(ctx.dashboard);
  const rows = new Set<number>();
  const datasetNames: string[] = [];
  for (const { cityKey, indicator } of pairs) {
    const p = ctx.dashboard.headlineOf(cityKey, indicator);
    if (p === undefined) continue;
    if (p.headlineSeries >= 0) addSeriesRows(layout, p.headlineSeries, rows);
    else for (let s = p.first; s < p.end; s++) addSeriesRows(layout, s, rows);
    datasetNames.push(...datasetsWith(ctx.datasets, ctx.registry, cityKey, indicator));
  }
  return { csv: () => rowsCsv(layout, rows), datasetNames };
}

/**
 * The trend figure of one city × indicator: the headline series (the indicator page's default choice)
 * with the target, the baseline and the projection of the progress method, and in a partner edition
 * the partner's matching series as a comparison line. Undefined when the city has no value to draw.
 */
export type TrendFigureOptions = {
  /** Partner edition: the partner's matching series as a comparison line. */
  readonly partnerKey?: string | undefined;
  /** The indicator page's comparison cities (instead of a partner): up to MAX_COMPARISON_CITIES lines. */
  readonly compare?: readonly string[] | undefined;
  /** The series the user picked (breakdown, series, unit) instead of the headline. */
  readonly choice?: SeriesChoice | undefined;
};

export function trendFigure(ctx: FigureContext, cityKey: string, indicator: string, opts: TrendFigureOptions = {}): CityFigure | undefined {
  const { dashboard, registry, lang, digits } = ctx;
  const layout = layoutOf(dashboard);
  const width = ctx.width ?? DEFAULT_WIDTH;
  const city = cityOf(ctx, cityKey);
  const { choices } = seriesChoices(dashboard, layout, cityKey, indicator);
  const current = (opts.choice === undefined ? undefined : choices.find((c) => c.index === opts.choice?.index)) ?? defaultChoice(choices);
  if (current === undefined) return undefined;
  const shown = pointsOf(layout, current.index, { all: true }).filter((p) => Number.isFinite(p.value));
  const first = shown[0];
  const last = shown[shown.length - 1];
  if (first === undefined || last === undefined) return undefined;
  const partnerKey = opts.partnerKey !== undefined && opts.partnerKey !== cityKey ? opts.partnerKey : undefined;
  const requested = partnerKey !== undefined ? [partnerKey] : (opts.compare ?? []);
  const compared = requested.length === 0 ? [] : comparisonSeries(dashboard, layout, requested, cityKey, indicator, current, partnerKey !== undefined ? 1 : MAX_COMPARISON_CITIES);
  const others = compared.filter((c) => c.points.some((p) => Number.isFinite(p.value)));
  // A file name and a subtitle name one partner; with several comparison cities the legend names them.
  const partner = partnerKey !== undefined ? dashboard.cityByKey.get(partnerKey) : others.length === 1 ? others[0]?.city : undefined;

  const meta = registry.byCode.get(indicator);
  const code = meta?.code ?? indicator;
  const decimals = meta?.decimals;
  const fmt = (v: number) => formatNumber(v, lang, decimals === undefined ? { digits } : { digits, decimals });
  const fmtYear = (y: number) => formatNumber(y, lang, { digits, grouping: false, decimals: 0 });
  const cityName = nameOf(ctx, city);
  const partnerName = partner === undefined ? undefined : nameOf(ctx, partner);
  const unit = meta ? localized(meta.unit, lang) : ownUnit(describedIndicator(registry, indicator), current.unit, lang);
  const result = current.result;
  const explanation = result.explanation;
  const projected = result.projected;
  const latest = explanation.latest ?? { year: last.year, value: last.value };
  const target = meta?.goalTarget ?? null;
  const title = codeAndName(registry, code, lang);

  const description = [
    tr(ctx, 'indicator.chart.description', { indicator: title, city: cityName, first: fmtYear(first.year), firstValue: fmt(first.value), last: fmtYear(last.year), lastValue: fmt(last.value) }),
    target ? tr(ctx, 'indicator.chart.descriptionTarget', { year: fmtYear(target.year), value: fmt(target.value) }) : '',
    projected && projected.year > latest.year ? tr(ctx, 'indicator.chart.descriptionProjection', { year: fmtYear(projected.year), value: fmt(projected.value) }) : '',
    others.length > 0 ? tr(ctx, 'indicator.chart.descriptionCompared', { cities: others.map((c) => nameOf(ctx, c.city)).join(tr(ctx, 'list.separator')) }) : '',
    tr(ctx, 'indicator.chart.descriptionStatus', { status: tr(ctx, `status.${result.status}`) }),
  ];
  const chartInput: IndicatorChartInput = {
    lang,
    dir: dirOf(lang),
    digits,
    // The frame draws the title and subtitle (figure.ts); the chart keeps the unit on its axis.
    title: '',
    unit,
    series: [
      { name: cityName, highlighted: true, points: onTimeAxis(shown) },
      ...others.map((c) => ({ name: nameOf(ctx, c.city), highlighted: false, points: onTimeAxis(c.points) })),
    ],
    target: target ? { value: target.value, year: target.year, label: tr(ctx, 'indicator.chart.target', { year: fmtYear(target.year), value: fmt(target.value) }) } : null,
    baseline: explanation.base ? { ...explanation.base, label: tr(ctx, 'indicator.chart.baseline', { year: fmtYear(explanation.base.year) }) } : null,
    projection: projected ? { from: latest, to: projected, label: tr(ctx, 'indicator.chart.projection', { year: fmtYear(projected.year) }) } : null,
    ...(decimals === undefined ? {} : { decimals }),
    description: description.filter(Boolean).join(' '),
    width,
    animate: false,
    ...(ctx.measureText === undefined ? {} : { measureText: ctx.measureText }),
  };

  const who = partnerName === undefined || others.length === 0 ? cityName : tr(ctx, 'figure.pair', { city: cityName, partner: partnerName });
  const series = current.key === '' && current.series === '' ? '' : seriesLabel(current, tr(ctx, 'indicator.total'));
  const subtitle = [who, series, unit].filter((s) => s !== '').join(' · ');

  const drawnRows = new Set<number>();
  addSeriesRows(layout, current.index, drawnRows);
  for (const c of others) if (c.choice !== null) addSeriesRows(layout, c.choice.index, drawnRows);
  const datasetNames = [...datasetsWith(ctx.datasets, registry, cityKey, code), ...others.flatMap((c) => datasetsWith(ctx.datasets, registry, c.city.key, code))];
  const sources = distinctTexts([...drawnRows].map((row) => layout.table.dict.source[layout.table.source[row] ?? 0] ?? ''));
  const footer = [
    ...(sources.length > 0 ? [tr(ctx, 'figure.footer.dataSource', { sources: sources.map((x) => ownText(ctx, x)).join('; ') })] : []),
    ...(target ? [tr(ctx, 'figure.footer.target', { value: fmt(target.value), year: fmtYear(target.year), source: localized(target.source, lang) })] : []),
    ...footerLines(ctx, datasetNames),
  ];

  return {
    kind: 'trend',
    indicator: code,
    fileBase: fileBaseOf(ctx, city, partner, code, 'trend'),
    input: {
      lang,
      dir: dirOf(lang),
      width,
      chartHeight: indicatorChartHeight(chartInput),
      option: buildIndicatorChartOption(chartInput),
      text: { title, subtitle, footer },
      ...(ctx.measureText === undefined ? {} : { measureText: ctx.measureText }),
    },
    csv: () => rowsCsv(layout, drawnRows),
  };
}

function emptyCounts(): Record<ProgressStatus, number> {
  return Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, 0])) as Record<ProgressStatus, number>;
}

/** Bars of one city: all indicators, then each NUA implementation priority its indicators carry. */
function statusBars(ctx: FigureContext, headlines: readonly IndicatorProgress[], suffix: string): StatusFigureBar[] {
  const all = emptyCounts();
  const byPriority = new Map<string, Record<ProgressStatus, number>>();
  for (const priority of ['governance', 'planning', 'finance'] as const) byPriority.set(priority, emptyCounts());
  for (const p of headlines) {
    all[p.result.status]++;
    const priority = ctx.registry.byCode.get(p.indicator)?.nua.priority;
    const counts = priority === undefined ? undefined : byPriority.get(priority);
    if (counts !== undefined) counts[p.result.status]++;
  }
  const label = (text: string) => (suffix === '' ? text : `${text} — ${suffix}`);
  return [
    { label: label(tr(ctx, 'figure.allIndicators')), counts: all },
    ...(['governance', 'planning', 'finance'] as const).map((priority) => ({ label: label(tr(ctx, `nua.priority.${priority}`)), counts: byPriority.get(priority) ?? emptyCounts() })),
  ];
}

/** The status figure: the city's (and partner's) indicators by progress status, overall and by NUA priority. */
function statusFigure(ctx: FigureContext, cityKey: string, partnerKey: string | undefined): CityFigure {
  const { dashboard, lang, digits } = ctx;
  const layout = layoutOf(dashboard);
  const width = ctx.width ?? DEFAULT_WIDTH;
  const city = cityOf(ctx, cityKey);
  const partner = partnerKey === undefined || partnerKey === cityKey ? undefined : dashboard.cityByKey.get(partnerKey);
  const cityName = nameOf(ctx, city);
  const partnerName = partner === undefined ? undefined : nameOf(ctx, partner);
  const headlines = dashboard.byCity.get(cityKey) ?? [];
  const partnerHeadlines = partner === undefined ? [] : (dashboard.byCity.get(partner.key) ?? []);

  let bars: StatusFigureBar[];
  if (partner === undefined || partnerName === undefined) bars = statusBars(ctx, headlines, '');
  else {
    // Each group's two bars side by side: the city, then the partner.
    const mine = statusBars(ctx, headlines, cityName);
    const theirs = statusBars(ctx, partnerHeadlines, partnerName);
    bars = mine.flatMap((b, i) => [b, ...(theirs[i] === undefined ? [] : [theirs[i]])]);
  }
  const statusText = Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, tr(ctx, `status.${s}`)])) as Record<ProgressStatus, string>;
  const fmt = (n: number) => formatNumber(n, lang, { digits, decimals: 0 });
  const items = bars.map((b) => `${b.label}: ${PROGRESS_STATUSES.filter((s) => b.counts[s] > 0).map((s) => `${statusText[s]} ${fmt(b.counts[s])}`).join(tr(ctx, 'list.separator')) || fmt(0)}`);
  const statusInput: StatusFigureInput = {
    lang,
    dir: dirOf(lang),
    digits,
    bars,
    statusText,
    axisName: tr(ctx, 'figure.status.axis'),
    description: tr(ctx, 'figure.status.description', { items: items.join('; ') }),
    width,
    ...(ctx.measureText === undefined ? {} : { measureText: ctx.measureText }),
  };

  const rows = new Set<number>();
  const datasetNames: string[] = [];
  for (const [key, list] of [[city.key, headlines], ...(partner === undefined ? [] : [[partner.key, partnerHeadlines] as const])] as const) {
    for (const p of list) {
      if (p.headlineSeries >= 0) addSeriesRows(layout, p.headlineSeries, rows);
      else for (let s = p.first; s < p.end; s++) addSeriesRows(layout, s, rows);
      datasetNames.push(...datasetsWith(ctx.datasets, ctx.registry, key, p.indicator));
    }
  }
  const title = partnerName === undefined ? tr(ctx, 'figure.status.title', { city: cityName }) : tr(ctx, 'figure.status.titlePair', { city: cityName, partner: partnerName });

  return {
    kind: 'status',
    indicator: null,
    fileBase: fileBaseOf(ctx, city, partner, null, 'status'),
    input: {
      lang,
      dir: dirOf(lang),
      width,
      chartHeight: statusFigureHeight(statusInput),
      option: buildStatusFigureOption(statusInput),
      text: { title, subtitle: tr(ctx, 'figure.status.subtitle'), footer: footerLines(ctx, datasetNames) },
      ...(ctx.measureText === undefined ? {} : { measureText: ctx.measureText }),
    },
    csv: () => rowsCsv(layout, rows),
  };
}

/**
 * Every figure of a city report: the status figure, then one trend figure per indicator with values
 * for the city, in registry order. With `partnerKey`, the partner edition (both cities in every figure).
 */
export function cityFigures(ctx: FigureContext, cityKey: string, partnerKey?: string): CityFigure[] {
  const figures: CityFigure[] = [statusFigure(ctx, cityKey, partnerKey)];
  const codes = [...new Set((ctx.dashboard.byCity.get(cityKey) ?? []).map((p) => p.indicator))];
  for (const code of codes) {
    const figure = trendFigure(ctx, cityKey, code, { partnerKey });
    if (figure !== undefined) figures.push(figure);
  }
  return figures;
}
