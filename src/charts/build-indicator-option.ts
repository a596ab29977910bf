import type { LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Digits, Lang } from '@/i18n/lang';
import { valueRange } from './build-trend-option';
import { CHART_FONT, type ChartDirection, type ChartLocale, chartNumber, chartYear, estimateTextWidth, isolate, legendRows, type MeasureText, wrapLines } from './chart-text';
import { escapeHtml } from './escape-html';

export type IndicatorChartOption = ComposeOption<
  LineSeriesOption | ScatterSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | TitleComponentOption | AriaComponentOption
>;

export type ChartPoint = {
  readonly year: number;
  readonly value: number;
  /** Position on the time axis in years when the point is within its year (a month: 1993.1667); `year` else. */
  readonly x?: number;
  /** The period as written (`1993 03`, `2020/21`), shown in the tooltip instead of the year; '' or absent for a year. */
  readonly period?: string;
};

/** Where a point is drawn on the time axis. */
function xOf(p: ChartPoint): number {
  return p.x !== undefined && Number.isFinite(p.x) ? p.x : p.year;
}

export type IndicatorChartSeries = {
  /** City name (legend, tooltip). Drawn as text; escaped in the tooltip. */
  readonly name: string;
  /** Values by year; non-finite values are left out (a gap in the line). */
  readonly points: readonly ChartPoint[];
  /** The city the page is about: thick line in the brand colour; others are thin comparison lines. */
  readonly highlighted: boolean;
};

export type IndicatorChartInput = {
  readonly lang: Lang;
  readonly dir: ChartDirection;
  readonly digits: Digits;
  /** First title line (drawn, never parsed as HTML). */
  readonly title: string;
  /** Second title line (series, breakdown). */
  readonly subtitle?: string;
  /** Unit, shown as the value axis name. */
  readonly unit?: string;
  readonly series: readonly IndicatorChartSeries[];
  /** The target: a dashed line at `value` up to `year`, ending in a diamond; `label` names it in the legend. */
  readonly target?: { readonly value: number; readonly year: number; readonly label: string } | null;
  /** The base point the method used: a ring on the highlighted line. */
  readonly baseline?: { readonly year: number; readonly value: number; readonly label: string } | null;
  /** The method's projection: a dashed line from the latest point to the projected value. */
  readonly projection?: { readonly from: ChartPoint; readonly to: ChartPoint; readonly label: string } | null;
  /** Decimals of values in tooltips (the indicator's); axis labels use as many as their step needs. */
  readonly decimals?: number;
  /** What a screen reader announces for the chart (composed by the caller in the UI language). */
  readonly description: string;
  /** Size of the chart in CSS pixels, to plan title wrapping and legend rows (600 × 420 when unknown). */
  readonly width?: number;
  readonly height?: number;
  readonly animate?: boolean;
  /** Measures label widths to plan legend rows and title lines (the browser's canvas); a cautious estimate without. */
  readonly measureText?: MeasureText;
};

const INK = '#1d2733';
const MUTED = '#4a5563';
const GRID = '#d5dbe3';
/** The highlighted city (same blue as the overview chart). */
export const HIGHLIGHT_COLOR = '#1f5f8b';
const TARGET_COLOR = '#a1261b';
const BASELINE_COLOR = '#1d2733';
/** Comparison lines: distinct hues and distinct symbols, so no line is told apart by colour alone. */
export const COMPARISON_STYLES: ReadonlyArray<{ readonly color: string; readonly symbol: string }> = [
  { color: '#7b3294', symbol: 'triangle' },
  { color: '#a6611a', symbol: 'rect' },
  { color: '#1b7837', symbol: 'diamond' },
  { color: '#c51b7d', symbol: 'roundRect' },
  { color: '#5e3c99', symbol: 'pin' },
  { color: '#8c510a', symbol: 'arrow' },
  { color: '#01665e', symbol: 'emptyCircle' },
  { color: '#b2182b', symbol: 'emptyTriangle' },
];
const LEGEND_ROW = 24;

/** What each drawn series is, by series index (for the tooltip). */
export type SeriesRole = {
  readonly kind: 'city' | 'projection' | 'baseline' | 'target';
  readonly name: string;
  readonly color: string;
  /** A helper point not worth a tooltip row (the projection's start is the city's latest value). */
  readonly skipYear?: number;
  /** The page's city: listed first in the tooltip. */
  readonly highlighted?: boolean;
};

function finitePoints(points: readonly ChartPoint[]): ChartPoint[] {
  return points.filter((p) => Number.isFinite(p.year) && Number.isFinite(p.value));
}

function isFinitePoint(p: ChartPoint | null | undefined): p is ChartPoint {
  return p !== null && p !== undefined && Number.isFinite(p.year) && Number.isFinite(p.value);
}

/**
 * The option of the indicator detail chart: the city's time series (highlighted), other cities as
 * comparison lines, the target (value and year), the baseline point and the projection to the target
 * year. Pure: no DOM, no ECharts instance (renders the same in server-side rendering).
 *
 * Right-to-left (ECharts has no RTL mode; platform-notes §0.7): years run right to left
 * (`xAxis.inverse`), the value axis sits on the right, titles and legend rows are right-aligned with the
 * legend icon on the right and each row's items in reverse order, labels are isolated, and the tooltip
 * is HTML with `dir="rtl"`. Numbers and years are formatted for the UI language and digits setting.
 * Safety: the tooltip formatter returns HTML built from escaped text only.
 */
export function buildIndicatorChartOption(input: IndicatorChartInput): IndicatorChartOption {
  const rtl = input.dir === 'rtl';
  const locale: ChartLocale = { lang: input.lang, digits: input.digits };
  const text = (s: string) => isolate(s, input.dir);
  const width = input.width !== undefined && input.width > 0 ? input.width : 600;
  const side = rtl ? 'right' : 'left';

  const cities = input.series.map((s) => ({ ...s, points: finitePoints(s.points) }));
  // The highlighted city draws last among the cities, so its line sits on top.
  const ordered = [...cities.filter((s) => !s.highlighted), ...cities.filter((s) => s.highlighted)];
  const { target, baseline, projection } = usableMarks(input);

  const years = cities.flatMap((s) => s.points.map(xOf));
  if (baseline) years.push(baseline.year);
  if (projection) years.push(projection.to.year);
  if (target) years.push(target.year);
  const firstYear = years.length ? Math.min(...years) : 2015;
  const lastYear = years.length ? Math.max(...years) : 2030;
  // Whole-year ticks on a round step that leaves each label ~44 px, the axis ends on that step.
  const yearStep = yearInterval(lastYear - firstYear, width - 90);
  const minYear = Math.floor(firstYear / yearStep) * yearStep;
  const maxYear = Math.max(minYear + yearStep, Math.ceil(lastYear / yearStep) * yearStep);
  const values = cities.flatMap((s) => s.points.map((p) => p.value));
  if (target) values.push(target.value);
  if (baseline) values.push(baseline.value);
  if (projection) values.push(projection.to.value);

  const roles: SeriesRole[] = [];
  const series: Array<LineSeriesOption | ScatterSeriesOption> = [];
  let comparison = 0;
  for (const s of ordered) {
    const style = s.highlighted ? { color: HIGHLIGHT_COLOR, symbol: 'circle' } : (COMPARISON_STYLES[comparison++ % COMPARISON_STYLES.length] ?? { color: MUTED, symbol: 'circle' });
    roles.push({ kind: 'city', name: s.name, color: style.color, highlighted: s.highlighted });
    series.push({
      type: 'line',
      name: text(s.name),
      data: s.points.map((p) => (p.period !== undefined && p.period !== '' ? [xOf(p), p.value, p.period] : [xOf(p), p.value])),
      symbol: style.symbol,
      symbolSize: s.highlighted ? 8 : 6,
      // A long series (a monthly one) reads as a line; markers would merge into a band.
      showSymbol: s.points.length <= 60,
      connectNulls: false,
      z: s.highlighted ? 4 : 2,
      lineStyle: { width: s.highlighted ? 3 : 1.75, color: style.color, opacity: s.highlighted ? 1 : 0.9 },
      itemStyle: { color: style.color },
      emphasis: { focus: 'series' },
    });
  }
  // The base and latest points the method used sit where the highlighted line has them (a month of the year).
  const highlighted = cities.find((s) => s.highlighted)?.points ?? [];
  const placed = (p: ChartPoint) => xOf(highlighted.find((q) => q.year === p.year && q.value === p.value) ?? p);
  if (projection) {
    const color = HIGHLIGHT_COLOR;
    const fromX = placed(projection.from);
    roles.push({ kind: 'projection', name: projection.label, color, skipYear: fromX });
    series.push({
      type: 'line',
      name: text(projection.label),
      data: [
        { value: [fromX, projection.from.value], symbol: 'none' },
        { value: [projection.to.year, projection.to.value] },
      ],
      // Only the end point has a symbol; the legend icon shows it on the dashed line.
      symbol: 'emptyCircle',
      symbolSize: 9,
      z: 3,
      lineStyle: { type: 'dashed', width: 2.5, color },
      itemStyle: { color },
      emphasis: { disabled: true },
    });
  }
  if (baseline) {
    roles.push({ kind: 'baseline', name: baseline.label, color: BASELINE_COLOR });
    series.push({
      type: 'scatter',
      name: text(baseline.label),
      data: [[placed(baseline), baseline.value]],
      symbol: 'circle',
      symbolSize: 16,
      z: 5,
      itemStyle: { color: 'rgba(255,255,255,0)', borderColor: BASELINE_COLOR, borderWidth: 2.5 },
      emphasis: { disabled: true },
    });
  }
  if (target) {
    const start = Math.min(minYear, target.year);
    roles.push({ kind: 'target', name: target.label, color: TARGET_COLOR, ...(start !== target.year ? { skipYear: start } : {}) });
    series.push({
      type: 'line',
      name: text(target.label),
      data: [
        { value: [start, target.value], symbol: 'none' },
        { value: [target.year, target.value] },
      ],
      symbol: 'diamond',
      symbolSize: 12,
      z: 1,
      lineStyle: { type: 'dashed', width: 2, color: TARGET_COLOR },
      itemStyle: { color: TARGET_COLOR },
      emphasis: { disabled: true },
    });
  }

  // Layout, top to bottom: title lines, subtitle, room for the axis name; legend rows at the bottom.
  const { titleWidth, titleLines, titleBreaks, gridTop, rows, legendHeight } = planLayout({ ...input, target, baseline, projection }, width);
  const legend: LegendComponentOption[] = rows.map((row, i) => ({
    show: true,
    // A row the estimate got wrong pages (arrows) instead of wrapping over the next row.
    type: 'scroll',
    orient: 'horizontal',
    width: width - 20,
    bottom: 6 + (rows.length - 1 - i) * LEGEND_ROW,
    [side]: 10,
    align: rtl ? 'right' : 'left',
    itemGap: 14,
    itemWidth: 25,
    itemHeight: 12,
    // A city name of 9,000 characters is cut with "…" (it laid a legend item out 61,000 px away, which the PNG rasteriser crashed on).
    textStyle: { color: INK, fontSize: 12, width: Math.max(80, width - 80), overflow: 'truncate' },
    data: rtl ? [...row].reverse() : row,
  }));

  return {
    animation: input.animate ?? true,
    animationDuration: 300,
    textStyle: { fontFamily: CHART_FONT, color: INK },
    aria: { enabled: true, label: { enabled: true, description: input.description } },
    title: {
      // Wrapped here, each line isolated on its own ('break' only for a word wider than the chart).
      text: titleLines.map(text).join('\n'),
      subtext: text(input.subtitle ?? ''),
      // The keyword (not a number) also right-aligns both title lines (ECharts derives textAlign from it).
      left: rtl ? 'right' : 8,
      padding: rtl ? [5, 10, 5, 5] : 5,
      top: 4,
      itemGap: 4,
      textStyle: { fontSize: 15, lineHeight: 21, fontWeight: 'bold', color: INK, width: titleWidth, overflow: titleBreaks ? 'break' : 'none' },
      subtextStyle: { fontSize: 12, lineHeight: 16, color: MUTED, width: titleWidth, overflow: 'truncate' },
    },
    legend,
    grid: {
      top: gridTop,
      bottom: legendHeight + 40,
      left: rtl ? 16 : 12,
      right: rtl ? 12 : 16,
      // ECharts 6: axis labels and names are kept inside these bounds (the grid shrinks to fit them).
      outerBoundsMode: 'auto',
      outerBounds: { left: 6, right: 6, top: gridTop - (input.unit ? 26 : 10), bottom: legendHeight + 8 },
      outerBoundsContain: 'all',
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'line', lineStyle: { color: MUTED, type: 'dotted' } },
      textStyle: { color: INK },
      formatter: (params) => indicatorTooltipHtml(readTooltipParams(params), roles, { ...locale, dir: input.dir, decimals: input.decimals }),
    },
    xAxis: {
      type: 'value',
      min: minYear,
      max: maxYear,
      interval: yearStep,
      inverse: rtl,
      axisLabel: { color: MUTED, hideOverlap: true, formatter: (v: number) => (Number.isInteger(v) ? chartYear(v, locale) : '') },
      axisLine: { lineStyle: { color: MUTED } },
      axisTick: { show: true },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      position: rtl ? 'right' : 'left',
      ...valueRangeWithTarget(values, target?.value),
      name: text(input.unit ?? ''),
      nameLocation: 'end',
      nameGap: 12,
      nameTextStyle: { color: MUTED, align: rtl ? 'right' : 'left', width: Math.max(80, width - 60), overflow: 'truncate' },
      axisLabel: { color: MUTED, formatter: (v: number) => chartNumber(v, locale) },
      splitLine: { lineStyle: { color: GRID } },
    },
    series,
  };
}

/**
 * The height the chart needs at its width: title and legend rows (planned as the option plans them)
 * around a plot of at least 240 px (300 px from 600 px wide).
 */
export function indicatorChartHeight(input: Pick<IndicatorChartInput, 'title' | 'subtitle' | 'unit' | 'series' | 'target' | 'baseline' | 'projection' | 'width' | 'dir' | 'measureText'>): number {
  const width = input.width !== undefined && input.width > 0 ? input.width : 600;
  const layout = planLayout({ ...input, ...usableMarks(input) }, width);
  return layout.gridTop + (width >= 600 ? 300 : 240) + layout.legendHeight + 40;
}

/** The target, baseline and projection that can be drawn (finite; a projection going forward in time), else null. */
function usableMarks(input: Pick<IndicatorChartInput, 'target' | 'baseline' | 'projection'>) {
  const target = input.target && Number.isFinite(input.target.value) && Number.isFinite(input.target.year) ? input.target : null;
  const baseline = input.baseline && isFinitePoint(input.baseline) ? input.baseline : null;
  const p = input.projection;
  const projection = p && isFinitePoint(p.from) && isFinitePoint(p.to) && p.to.year > p.from.year ? p : null;
  return { target, baseline, projection };
}

/** Title height and legend rows, shared by the option and `indicatorChartHeight`. */
function planLayout(input: Pick<IndicatorChartInput, 'title' | 'subtitle' | 'unit' | 'series' | 'target' | 'baseline' | 'projection' | 'dir' | 'measureText'>, width: number) {
  const text = (s: string) => isolate(s, input.dir);
  const titleWidth = Math.max(120, width - 24);
  const titleLines = wrapLines(input.title, titleWidth, 15, input.measureText);
  // A word wider than the chart (a long URL) is still broken by ECharts, character by character, and
  // takes the lines its width needs.
  const measure = input.measureText ?? estimateTextWidth;
  const titleBreaks = titleLines.some((l) => measure(l, 15) > titleWidth);
  const titleRows = titleLines.reduce((n, l) => n + Math.max(1, Math.ceil((measure(l, 15) * 1.12) / Math.max(60, titleWidth))), 0);
  const subtitleLines = input.subtitle ? 1 : 0;
  const gridTop = 12 + Math.min(6, titleRows) * 21 + subtitleLines * 18 + (input.unit ? 30 : 16);
  // Legend in reading order: the city first, then the comparisons, then the reference marks.
  const cities = [...input.series.filter((s) => s.highlighted), ...input.series.filter((s) => !s.highlighted)].map((s) => s.name);
  const marks = [input.baseline?.label, input.projection?.label, input.target?.label].filter((l): l is string => l !== undefined);
  const rows = legendRows([...cities, ...marks].map(text), width - 40, input.measureText);
  return { titleWidth, titleLines, titleBreaks, gridTop, rows, legendHeight: rows.length * LEGEND_ROW };
}

/**
 * `valueRange` of the values, one more step beyond when the target sits on the edge (a target line on
 * the axis line would be lost), never below 0 for data that is all non-negative.
 */
export function valueRangeWithTarget(values: readonly number[], target: number | undefined): { min?: number; max?: number; interval?: number } {
  const r = valueRange(values);
  if (target === undefined || r.min === undefined || r.max === undefined || r.interval === undefined) return r;
  const nonNegative = values.every((v) => !Number.isFinite(v) || v >= 0);
  if (target <= r.min) return { ...r, min: nonNegative ? Math.max(0, r.min - r.interval) : r.min - r.interval };
  if (target >= r.max) return { ...r, max: r.max + r.interval };
  return r;
}

/** The step between year labels: 1, 2, 5, 10, 20… years, the smallest that leaves ~44 px per label. */
export function yearInterval(span: number, plotWidth: number): number {
  const fit = Math.max(2, Math.floor(plotWidth / 44));
  for (const step of [1, 2, 5, 10, 20, 25, 50, 100]) if (span / step <= fit - 1 || span <= 0) return step;
  return 100;
}

/** The part of ECharts' tooltip parameters the formatter reads. */
export type TooltipParam = { readonly seriesIndex: number; readonly value: unknown; readonly axisValue?: unknown };

/** Narrows ECharts' formatter parameters (one object or an array) to what we read, without casts. */
export function readTooltipParams(params: unknown): TooltipParam[] {
  const list: unknown[] = Array.isArray(params) ? params : [params];
  const out: TooltipParam[] = [];
  for (const p of list) {
    if (typeof p !== 'object' || p === null) continue;
    const seriesIndex = 'seriesIndex' in p && typeof p.seriesIndex === 'number' ? p.seriesIndex : -1;
    if (seriesIndex < 0) continue;
    out.push({ seriesIndex, value: 'value' in p ? p.value : undefined, axisValue: 'axisValue' in p ? p.axisValue : undefined });
  }
  return out;
}

/**
 * [x, value, period] of a data item as ECharts reports it (an array; `year` is the position on the axis,
 * fractional within a year), or null.
 */
function pointOf(value: unknown): ChartPoint | null {
  const v = Array.isArray(value) ? value : null;
  if (v === null) return null;
  const year = Number(v[0]);
  const val = Number(v[1]);
  const period: unknown = v[2];
  if (!Number.isFinite(year) || !Number.isFinite(val)) return null;
  return typeof period === 'string' && period !== '' ? { year, value: val, period } : { year, value: val };
}

/** CSS colours we put into the tooltip: only our own hex palette, never data. */
const HEX = /^#[0-9a-f]{3,8}$/i;

/**
 * The tooltip of one year: the year, then one row per series with a point in that year (city values,
 * the baseline, the projection's end, the target), as HTML from escaped text only. `dir` orders the
 * rows' text (name then value, read right to left in Arabic).
 */
export function indicatorTooltipHtml(
  params: readonly TooltipParam[],
  roles: readonly SeriesRole[],
  options: ChartLocale & { readonly dir: ChartDirection; readonly decimals?: number | undefined },
): string {
  const first = params[0];
  const axisValue = Number(first?.axisValue);
  const at = Number.isFinite(axisValue) ? axisValue : (pointOf(first?.value)?.year ?? NaN);
  if (!Number.isFinite(at)) return '';
  const same = (x: number) => Math.abs(x - at) < 1e-6;
  let head = Number.isInteger(at) ? chartYear(at, options) : '';
  const rows: string[] = [];
  // The page's city first, then the others in drawing order.
  const ordered = [...params].sort((a, b) => Number(roles[b.seriesIndex]?.highlighted === true) - Number(roles[a.seriesIndex]?.highlighted === true));
  for (const p of ordered) {
    const role = roles[p.seriesIndex];
    const point = pointOf(p.value);
    if (role === undefined || point === null || !same(point.year) || (role.skipYear !== undefined && same(role.skipYear))) continue;
    // A period other than a plain year (`1993 03`, `2020/21`) heads the tooltip as written.
    if (point.period !== undefined && point.period !== '' && (head === '' || role.highlighted === true)) head = point.period;
    const color = HEX.test(role.color) ? role.color : '#4a5563';
    rows.push(
      `<div class="chart-tip-row"><span class="chart-tip-mark" aria-hidden="true" style="background:${color}"></span>` +
        `<span class="chart-tip-name">${escapeHtml(role.name)}</span> ` +
        `<bdi class="chart-tip-value" dir="ltr">${escapeHtml(chartNumber(point.value, options, options.decimals))}</bdi></div>`,
    );
  }
  if (rows.length === 0) return '';
  if (head === '') head = chartYear(Math.floor(at), options);
  return `<div class="chart-tip" dir="${options.dir}"><div class="chart-tip-head">${escapeHtml(head)}</div>${rows.join('')}</div>`;
}
