import type { CustomSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { valueRange } from '@/charts/build-trend-option';
import { echarts } from './compare-echarts';
import type { DumbbellRow } from '@/model/compare-model';

/**
 * Option builders of the Compare view's charts (pure: no DOM, no instance). ECharts has no RTL mode,
 * so Arabic mirrors through options: the value axis runs right to left, the category/value labels sit
 * on the right, the legend is right-aligned, and tooltips are written right to left. Safety: city names
 * are user data. Axis labels, legend and series names are drawn as text (never parsed); the only HTML
 * is the dumbbell tooltip, built from `encodeHTML`-escaped pieces; the lines chart uses ECharts' default
 * tooltip, which escapes names.
 */

export type CompareChartOption = ComposeOption<
  | LineSeriesOption
  | ScatterSeriesOption
  | CustomSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | AriaComponentOption
>;

export type ChartDirection = 'ltr' | 'rtl';

const INK = '#1d2733';
const MUTED = '#4a5563';
const GRID = '#d5dbe3';
const TARGET = '#a1261b';
const CONNECTOR = '#8a94a3';
const FONT = 'system-ui, "Segoe UI", "Noto Sans", "Noto Sans Arabic", Tahoma, sans-serif';

/**
 * One colour and one marker shape per compared city, so cities are told apart without colour. The
 * colours avoid the status palette (Okabe–Ito), so a city never reads as a status.
 */
export const CITY_COLORS = ['#1f4e79', '#b3450e', '#6a3d9a', '#1e7560', '#7d6608', '#b0306f', '#3b3b3b', '#00798c', '#7a4a2a', '#4d7a12', '#9c2c2c', '#4b5fa6'] as const;
export const CITY_SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'pin', 'roundRect', 'arrow'] as const;

export function cityColor(i: number): string {
  return CITY_COLORS[i % CITY_COLORS.length] ?? INK;
}
export function citySymbol(i: number): string {
  return CITY_SYMBOLS[i % CITY_SYMBOLS.length] ?? 'circle';
}

/** Right-to-left text drawn in the dir="ltr" chart box is isolated so mixed text keeps its order. */
function isolate(rtl: boolean) {
  return (s: string) => (rtl && s !== '' ? `\u2067${s}\u2069` : s);
}

/** ECharts label templates read `{a}`, `{b}`… and rich-text `{name|…}`: braces in our text are neutralised. */
function escapeTemplate(s: string): string {
  return s.replace(/[{}]/g, (c) => (c === '{' ? '(' : ')'));
}

// ---------------------------------------------------------------------------------------------------
// Dumbbell: normalised 0–100 scores of partner cities per indicator

export type DumbbellInput = {
  readonly rows: readonly DumbbellRow[];
  /** The compared cities (aligned with each row's scores), with unique display names. */
  readonly cities: readonly string[];
  /** Category label of a row (the indicator code, marked when the score is a progress score); codes in a left-to-right isolate. */
  readonly rowLabel: (row: DumbbellRow) => string;
  /** Tooltip heading of a row (code and title). */
  readonly rowTitle: (row: DumbbellRow) => string;
  /** Tooltip line saying where the row's scores come from. */
  readonly basisText: (row: DumbbellRow) => string;
  /** Shown for a city without a score. */
  readonly noScore: string;
  readonly axisName: string;
  readonly description: string;
  readonly formatValue: (v: number) => string;
  readonly animate?: boolean;
};

/** Pixels per indicator row of the dumbbell chart, and the space around the rows. */
export const DUMBBELL_ROW = 30;
export function dumbbellHeight(rows: number, cities: number, width: number): number {
  // The legend wraps: about 150 px per city name.
  const legendLines = Math.max(1, Math.ceil((cities * 150) / Math.max(200, width)));
  return 70 + legendLines * 24 + Math.max(1, rows) * DUMBBELL_ROW;
}

function rowIndexOf(params: unknown): number | null {
  const list = Array.isArray(params) ? params : [params];
  for (const p of list) {
    if (typeof p !== 'object' || p === null || !('value' in p)) continue;
    const v: unknown = p.value;
    if (Array.isArray(v) && typeof v[1] === 'number') return v[1];
  }
  return null;
}

/**
 * Dumbbells: one row per indicator, a point per city on a 0–100 axis, a grey bar from the lowest to the
 * highest city. Rows run top to bottom in the order given.
 */
export function buildDumbbellOption(input: DumbbellInput, direction: ChartDirection): CompareChartOption {
  const rtl = direction === 'rtl';
  const text = isolate(rtl);
  const enc = echarts.format.encodeHTML;
  const categories = input.rows.map((r) => text(input.rowLabel(r)));
  const names = input.cities.map((c) => text(c));

  const connector: CustomSeriesOption = {
    type: 'custom',
    name: 'range',
    silent: true,
    z: 1,
    tooltip: { show: false },
    encode: { x: [1, 2], y: 0 },
    data: input.rows.map((r, i) => [i, r.min, r.max]),
    renderItem: (_params, api) => {
      const i = Number(api.value(0));
      const lo = api.coord([Number(api.value(1)), i]);
      const hi = api.coord([Number(api.value(2)), i]);
      return {
        type: 'line',
        shape: { x1: lo[0] ?? 0, y1: lo[1] ?? 0, x2: hi[0] ?? 0, y2: hi[1] ?? 0 },
        style: { stroke: CONNECTOR, lineWidth: 4, lineCap: 'round' },
      };
    },
  };

  // Cities with equal scores would hide each other: each city's points sit slightly above or below the row's line.
  const spread = Math.min(4, 16 / Math.max(1, input.cities.length));
  const points: ScatterSeriesOption[] = input.cities.map((_, k) => ({
    type: 'scatter',
    name: names[k],
    symbol: citySymbol(k),
    symbolSize: 13,
    symbolOffset: [0, (k - (input.cities.length - 1) / 2) * spread],
    z: 3,
    itemStyle: { color: cityColor(k), borderColor: '#ffffff', borderWidth: 1.5, opacity: 1 },
    emphasis: { scale: 1.4 },
    data: input.rows.flatMap((r, i) => {
      const v = r.scores[k];
      return v === null || v === undefined ? [] : [[v, i]];
    }),
  }));

  return {
    animation: input.animate ?? true,
    animationDuration: 300,
    textStyle: { fontFamily: FONT, color: INK },
    aria: { enabled: true, label: { enabled: true, description: input.description }, decal: { show: true } },
    legend: {
      show: true,
      top: 4,
      [rtl ? 'right' : 'left']: 8,
      align: rtl ? 'right' : 'left',
      // Long city names are cut with "…" (the tooltip and the table keep them whole).
      textStyle: { color: INK, width: 240, overflow: 'truncate' },
      // Legend items are laid out left to right: reversed, the first city reads first in Arabic.
      data: rtl ? [...names].reverse() : names,
    },
    grid: {
      top: 16 + Math.max(1, Math.ceil(input.cities.length / 3)) * 24,
      bottom: 44,
      left: rtl ? 20 : 8,
      right: rtl ? 8 : 20,
      containLabel: true,
    },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow', axis: 'y' },
      confine: true,
      textStyle: { color: INK },
      // HTML from escaped pieces only (platform-notes §0.1): every data-derived string goes through encodeHTML.
      formatter: (params: unknown) => {
        const i = rowIndexOf(params);
        const row = i === null ? undefined : input.rows[i];
        if (row === undefined) return '';
        const lines = input.cities.map((c, k) => {
          const v = row.scores[k];
          return `<div>${enc(c)}: <b>${enc(v === null || v === undefined ? input.noScore : input.formatValue(v))}</b></div>`;
        });
        return `<div dir="${rtl ? 'rtl' : 'ltr'}"><div><b>${enc(input.rowTitle(row))}</b></div><div>${enc(input.basisText(row))}</div>${lines.join('')}</div>`;
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 25,
      inverse: rtl,
      name: text(input.axisName),
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { color: MUTED },
      axisLabel: { color: MUTED, formatter: (v: number) => input.formatValue(v) },
      splitLine: { lineStyle: { color: GRID } },
    },
    yAxis: {
      type: 'category',
      data: categories,
      inverse: true,
      position: rtl ? 'right' : 'left',
      axisTick: { show: false },
      axisLine: { lineStyle: { color: MUTED } },
      axisLabel: { color: INK, fontWeight: 'bold' },
    },
    series: [connector, ...points],
  };
}

// ---------------------------------------------------------------------------------------------------
// Lines: one indicator over time for several cities

export type LinesInput = {
  readonly lines: readonly { readonly name: string; readonly points: readonly { readonly year: number; readonly value: number }[] }[];
  /** The indicator's target: a dashed horizontal line labelled `label`. */
  readonly target: { readonly value: number; readonly label: string } | null;
  readonly unit: string;
  readonly description: string;
  readonly formatValue: (v: number) => string;
  readonly formatYear: (y: number) => string;
  readonly animate?: boolean;
};

/** Lines of several cities over the years, with the target as a dashed line. */
export function buildLinesOption(input: LinesInput, direction: ChartDirection): CompareChartOption {
  const rtl = direction === 'rtl';
  const text = isolate(rtl);
  const years = input.lines.flatMap((l) => l.points.map((p) => p.year));
  const minYear = years.length ? Math.min(...years) : 0;
  const maxYear = years.length ? Math.max(...years) : 1;
  const target = input.target !== null && Number.isFinite(input.target.value) ? input.target : null;
  const values = input.lines.flatMap((l) => l.points.map((p) => p.value)).concat(target ? [target.value] : []);
  const names = input.lines.map((l) => text(l.name));
  const series: LineSeriesOption[] = input.lines.map((l, k) => ({
    type: 'line',
    name: names[k],
    data: l.points.map((p) => [p.year, p.value]),
    symbol: citySymbol(k),
    symbolSize: 8,
    lineStyle: { width: 2.5, color: cityColor(k), type: k >= CITY_COLORS.length ? 'dashed' : 'solid' },
    itemStyle: { color: cityColor(k) },
    emphasis: { focus: 'series' },
    ...(k === 0 && target
      ? {
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { type: 'dashed', color: TARGET, width: 2 },
            label: { show: true, position: rtl ? 'insideStartTop' : 'insideEndTop', color: TARGET, fontWeight: 'bold', formatter: text(escapeTemplate(target.label)) },
            data: [{ yAxis: target.value, name: text(target.label) }],
          },
        }
      : {}),
  }));
  return {
    animation: input.animate ?? true,
    animationDuration: 300,
    textStyle: { fontFamily: FONT, color: INK },
    aria: { enabled: true, label: { enabled: true, description: input.description }, decal: { show: true } },
    legend: {
      show: true,
      type: 'scroll',
      bottom: 4,
      [rtl ? 'right' : 'left']: 8,
      align: rtl ? 'right' : 'left',
      textStyle: { color: INK },
      data: rtl ? [...names].reverse() : names,
    },
    grid: { top: 36, bottom: 52, left: rtl ? 24 : 12, right: rtl ? 12 : 24, containLabel: true },
    tooltip: {
      trigger: 'axis',
      confine: true,
      // Only numbers we format pass through a function; the default tooltip escapes the names.
      valueFormatter: (v) => (typeof v === 'number' ? input.formatValue(v) : ''),
      textStyle: { color: INK },
      // A constant (never data): right-to-left tooltips in Arabic.
      ...(rtl ? { extraCssText: 'direction:rtl;text-align:right;' } : {}),
    },
    xAxis: {
      type: 'value',
      min: minYear,
      max: maxYear,
      minInterval: 1,
      inverse: rtl,
      axisLabel: { color: MUTED, formatter: (v: number) => (Number.isInteger(v) ? input.formatYear(v) : '') },
      axisLine: { lineStyle: { color: MUTED } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      position: rtl ? 'right' : 'left',
      ...valueRange(values),
      name: text(input.unit),
      nameLocation: 'end',
      nameTextStyle: { color: MUTED, align: rtl ? 'right' : 'left' },
      axisLabel: { color: MUTED, formatter: (v: number) => input.formatValue(v) },
      splitLine: { lineStyle: { color: GRID } },
    },
    series,
  };
}
