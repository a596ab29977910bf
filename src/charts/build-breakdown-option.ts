import type { BarSeriesOption } from 'echarts/charts';
import type { AriaComponentOption, GridComponentOption, TitleComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Digits, Lang } from '@/i18n/lang';
import { valueRange } from './build-trend-option';
import { CHART_FONT, type ChartDirection, type ChartLocale, chartNumber, chartYear, estimateLines, estimateTextWidth, fitLines, isolate, type MeasureText } from './chart-text';
import { escapeHtml } from './escape-html';

export type BreakdownChartOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption | TitleComponentOption | AriaComponentOption>;

/** An ECharts decal (pattern drawn over a bar's colour). */
export type BarDecal = {
  readonly symbol: string;
  readonly rotation: number;
  readonly dashArrayX: readonly number[];
  readonly dashArrayY: readonly number[];
};

export type BreakdownBar = {
  /** Category label ("Female", "15–24 · Female"): drawn as text, escaped in the tooltip. */
  readonly label: string;
  readonly value: number;
  readonly year: number;
  /** Words for the bar's status (tooltip), e.g. "On track". */
  readonly statusText: string;
  /** Colour and pattern of the bar's status: never colour alone. */
  readonly color: string;
  readonly decal: BarDecal;
  /** The selected breakdown: drawn with a dark outline. */
  readonly selected: boolean;
};

export type BreakdownChartInput = {
  readonly lang: Lang;
  readonly dir: ChartDirection;
  readonly digits: Digits;
  readonly title: string;
  readonly subtitle?: string;
  readonly bars: readonly BreakdownBar[];
  readonly decimals?: number;
  readonly description: string;
  readonly width?: number;
  readonly animate?: boolean;
  /** Measures label widths (the browser's canvas); a cautious estimate without. */
  readonly measureText?: MeasureText;
};

const INK = '#1d2733';
const MUTED = '#4a5563';
const GRID = '#d5dbe3';
/** Height of one bar's band, in pixels. */
export const BREAKDOWN_BAND = 34;

/** Pixel height the breakdown chart needs for its bars, title and axis. */
export function breakdownHeight(input: Pick<BreakdownChartInput, 'bars' | 'title' | 'subtitle' | 'width' | 'measureText'>): number {
  const width = input.width !== undefined && input.width > 0 ? input.width : 600;
  const top = 14 + estimateLines(input.title, width - 24, 14, input.measureText) * 20 + (input.subtitle ? 18 : 0) + 10;
  return top + Math.max(1, input.bars.length) * BREAKDOWN_BAND + 44;
}

/**
 * Latest value of each breakdown (sex, age group, district…) as horizontal bars, each in the colour and
 * decal pattern of its own progress status (`aria.decal.show`), with values at the bar ends.
 * Right-to-left: bars grow leftwards (value axis inverse), category labels on the right.
 * Pure; the tooltip is HTML from escaped text only.
 */
export function buildBreakdownOption(input: BreakdownChartInput): BreakdownChartOption {
  const rtl = input.dir === 'rtl';
  const locale: ChartLocale = { lang: input.lang, digits: input.digits };
  const text = (s: string) => isolate(s, input.dir);
  const width = input.width !== undefined && input.width > 0 ? input.width : 600;
  const bars = input.bars.filter((b) => Number.isFinite(b.value));
  const titleWidth = Math.max(120, width - 24);
  const top = 14 + estimateLines(input.title, titleWidth, 14, input.measureText) * 20 + (input.subtitle ? 18 : 0) + 10;
  // Category labels get at most 40 % of the width; longer ones are truncated (the table has them whole).
  const measure = input.measureText ?? estimateTextWidth;
  const labelWidth = Math.min(Math.round(width * 0.4), Math.max(40, ...bars.map((b) => measure(b.label, 12) + 8)));
  // Bars read top to bottom in the order given: the category axis runs downwards.
  const categories = bars.map((b) => text(b.label));
  const range = valueRange(bars.map((b) => b.value).concat([0]));

  return {
    animation: input.animate ?? true,
    animationDuration: 300,
    textStyle: { fontFamily: CHART_FONT, color: INK },
    aria: { enabled: true, label: { enabled: true, description: input.description }, decal: { show: true } },
    title: {
      text: text(fitLines(input.title, titleWidth, 14, input.measureText)),
      subtext: text(input.subtitle ?? ''),
      left: rtl ? 'right' : 8,
      padding: rtl ? [5, 10, 5, 5] : 5,
      top: 4,
      itemGap: 4,
      textStyle: { fontSize: 14, lineHeight: 20, fontWeight: 'bold', color: INK, width: titleWidth, overflow: 'break' },
      subtextStyle: { fontSize: 12, lineHeight: 16, color: MUTED, width: titleWidth, overflow: 'truncate' },
    },
    grid: {
      top,
      bottom: 30,
      left: rtl ? 56 : 12,
      right: rtl ? 12 : 56,
      outerBoundsMode: 'auto',
      outerBounds: { left: 6, right: 6, top: 0, bottom: 0 },
      outerBoundsContain: 'axisLabel',
    },
    tooltip: {
      trigger: 'item',
      confine: true,
      textStyle: { color: INK },
      formatter: (params) => {
        const index = Array.isArray(params) ? -1 : typeof params === 'object' && params !== null && 'dataIndex' in params && typeof params.dataIndex === 'number' ? params.dataIndex : -1;
        const bar = bars[index];
        if (bar === undefined) return '';
        return (
          `<div class="chart-tip" dir="${input.dir}"><div class="chart-tip-head">${escapeHtml(bar.label)}</div>` +
          `<div class="chart-tip-row"><bdi class="chart-tip-value" dir="ltr">${escapeHtml(chartNumber(bar.value, locale, input.decimals))}</bdi> ` +
          `(${escapeHtml(chartYear(bar.year, locale))})</div><div class="chart-tip-row">${escapeHtml(bar.statusText)}</div></div>`
        );
      },
    },
    xAxis: {
      type: 'value',
      inverse: rtl,
      ...range,
      axisLabel: { color: MUTED, hideOverlap: true, formatter: (v: number) => chartNumber(v, locale) },
      splitLine: { lineStyle: { color: GRID } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      position: rtl ? 'right' : 'left',
      data: categories,
      axisTick: { show: false },
      axisLabel: { color: INK, width: labelWidth, overflow: 'truncate', align: rtl ? 'left' : 'right' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        data: bars.map((b) => ({
          value: b.value,
          itemStyle: {
            color: b.color,
            decal: { ...b.decal, dashArrayX: [...b.decal.dashArrayX], dashArrayY: [...b.decal.dashArrayY], color: 'rgba(0,0,0,0.35)' },
            borderColor: b.selected ? INK : b.color,
            borderWidth: b.selected ? 2 : 0,
          },
        })),
        label: {
          show: true,
          position: rtl ? 'left' : 'right',
          color: INK,
          formatter: (p) => (typeof p.value === 'number' ? chartNumber(p.value, locale, input.decimals) : ''),
        },
      },
    ],
  };
}
