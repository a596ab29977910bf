import type { LineSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { fitLines } from './chart-text';

export type TrendOption = ComposeOption<
  LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | TitleComponentOption | MarkLineComponentOption | AriaComponentOption
>;

export type TrendPoint = { year: number; value: number };

export type TrendInput = {
  /** Chart title (the indicator, in the UI language). Drawn as text, never parsed as HTML. */
  title: string;
  /** Second title line (city, unit). */
  subtitle?: string;
  /** The line's name (the city) in legend and tooltip; the default tooltip escapes it. */
  seriesName: string;
  /** Headline values ordered by year; non-finite values are left out. */
  points: readonly TrendPoint[];
  /** The indicator's target: a dashed horizontal line labelled `label`. */
  target?: { value: number; label: string } | null;
  /** Unit shown as the value axis name. */
  unit?: string;
  /** What a screen reader announces for the chart (ECharts' own text is poor; platform-notes §2.2). */
  description: string;
  /** Number → display text in the UI language (plain text, no HTML). */
  formatValue: (value: number) => string;
  /** Width of the chart in pixels, to wrap the title (600 when unknown). */
  width?: number;
  animate?: boolean;
};

export type ChartDirection = 'ltr' | 'rtl';

const INK = '#1d2733';
const MUTED = '#4a5563';
const GRID = '#d5dbe3';
const LINE = '#1f5f8b';
const TARGET = '#a1261b';

/**
 * The option of a time-series line chart with an optional target line. Pure: no DOM, no ECharts
 * instance. ECharts has no RTL mode, so Arabic is mirrored through options (years run right to left,
 * value axis on the right, title and legend on the right; the chart container itself stays dir="ltr").
 * Safety: no HTML formatter anywhere; the tooltip is ECharts' default, which escapes names.
 */
export function buildTrendOption(input: TrendInput, direction: ChartDirection): TrendOption {
  const rtl = direction === 'rtl';
  // The chart box is dir="ltr"; right-to-left labels are isolated so mixed text ("% من السكان") keeps its order.
  const text = (s: string) => (rtl && s !== '' ? `\u2067${s}\u2069` : s);
  const points = input.points.filter((p) => Number.isFinite(p.value) && Number.isFinite(p.year));
  const years = points.map((p) => p.year);
  const minYear = years.length ? Math.min(...years) : 0;
  const maxYear = years.length ? Math.max(...years) : 1;
  const target = input.target && Number.isFinite(input.target.value) ? input.target : null;
  const side = rtl ? 'right' : 'left';
  const width = input.width !== undefined && input.width > 0 ? input.width : 600;
  const titleWidth = Math.max(120, width - 24);
  // A cautious line count for the wrapped bold title (≈ 0.75 em per character with word-wrap losses,
  // Arabic included), to keep the plot below it.
  const titleLines = Math.min(6, Math.max(1, Math.ceil((input.title.length * 15 * 0.75) / titleWidth)));
  const subtitleLines = input.subtitle ? 1 : 0;
  const gridTop = 14 + titleLines * 21 + subtitleLines * 20 + 30;

  const markLine: LineSeriesOption['markLine'] = target
    ? {
        silent: true,
        symbol: 'none',
        lineStyle: { type: 'dashed', color: TARGET, width: 2 },
        label: { show: true, position: rtl ? 'insideStartTop' : 'insideEndTop', color: TARGET, fontWeight: 'bold', formatter: text(escapeTemplate(target.label)) },
        data: [{ yAxis: target.value, name: text(target.label) }],
      }
    : undefined;

  return {
    animation: input.animate ?? true,
    animationDuration: 300,
    textStyle: { fontFamily: 'system-ui, "Segoe UI", "Noto Sans", "Noto Sans Arabic", Tahoma, sans-serif', color: INK },
    aria: { enabled: true, label: { enabled: true, description: input.description } },
    title: {
      text: text(fitLines(input.title, titleWidth, 15, (t, size) => Math.ceil(t.length * size * 0.75))),
      subtext: text(input.subtitle ?? ''),
      // The keyword (not a number) also right-aligns both title lines (ECharts derives textAlign from it).
      left: rtl ? 'right' : 8,
      padding: rtl ? [5, 10, 5, 5] : 5,
      top: 4,
      textStyle: { fontSize: 15, lineHeight: 21, fontWeight: 'bold', color: INK, width: titleWidth, overflow: 'break' },
      subtextStyle: { fontSize: 12, lineHeight: 16, color: MUTED, width: titleWidth, overflow: 'truncate' },
    },
    legend: { show: true, bottom: 4, [side]: 8, align: rtl ? 'right' : 'left', textStyle: { color: INK }, data: [text(input.seriesName)] },
    grid: { top: gridTop, bottom: 48, left: rtl ? 24 : 16, right: rtl ? 16 : 24, containLabel: true },
    tooltip: {
      trigger: 'axis',
      // A string-returning function here would be injected as HTML: only numbers we format go through it.
      valueFormatter: (v) => (typeof v === 'number' ? input.formatValue(v) : ''),
      textStyle: { color: INK },
    },
    xAxis: {
      type: 'value',
      min: minYear,
      max: maxYear,
      minInterval: 1,
      inverse: rtl,
      axisLabel: { color: MUTED, formatter: (v: number) => (Number.isInteger(v) ? String(v) : '') },
      axisLine: { lineStyle: { color: MUTED } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      position: rtl ? 'right' : 'left',
      ...valueRange(points.map((p) => p.value).concat(target ? [target.value] : [])),
      name: text(input.unit ?? ''),
      nameLocation: 'end',
      nameTextStyle: { color: MUTED, align: rtl ? 'right' : 'left' },
      axisLabel: { color: MUTED, formatter: (v: number) => input.formatValue(v) },
      splitLine: { lineStyle: { color: GRID } },
    },
    series: [
      {
        type: 'line',
        name: text(input.seriesName),
        data: points.map((p) => [p.year, p.value]),
        symbol: 'circle',
        symbolSize: 7,
        lineStyle: { width: 2.5, color: LINE },
        itemStyle: { color: LINE },
        emphasis: { focus: 'series' },
        ...(markLine ? { markLine } : {}),
      },
    ],
  };
}

/**
 * A value-axis range on round numbers that holds every value and the target (so the target line is
 * always in the plot), about five intervals; empty data leaves the range to ECharts.
 */
export function valueRange(values: readonly number[]): { min?: number; max?: number; interval?: number } {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return {};
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  const nonNegative = lo >= 0;
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const raw = (hi - lo) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const min = Math.floor(lo / step) * step;
  const max = Math.ceil(hi / step) * step;
  // All-positive data keeps an axis that does not dip under 0.
  return { min: nonNegative && min < 0 ? 0 : round(min, step), max: round(max, step), interval: step };
}

function round(x: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(x.toFixed(decimals));
}

/** ECharts label templates read `{a}`, `{b}`… and rich-text `{name|…}`: braces in our text are escaped. */
function escapeTemplate(s: string): string {
  return s.replace(/[{}]/g, (c) => (c === '{' ? '(' : ')'));
}
