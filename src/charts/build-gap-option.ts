import type { BarSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { AriaComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Digits, Lang } from '@/i18n/lang';
import { valueRange } from './build-trend-option';
import { CHART_FONT, type ChartDirection, type ChartLocale, chartNumber, chartYear, isolate } from './chart-text';
import { escapeHtml, escapeTemplate } from './escape-html';

export type GapChartOption = ComposeOption<BarSeriesOption | ScatterSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | AriaComponentOption>;

/** One year of the gap: the best and the worst group, drawn as two marks joined by a bar. */
export type GapRow = { readonly year: number; readonly best: { readonly label: string; readonly value: number }; readonly worst: { readonly label: string; readonly value: number } };

export type GapChartInput = {
  readonly lang: Lang;
  readonly dir: ChartDirection;
  readonly digits: Digits;
  /** The base year first, then the latest. */
  readonly rows: readonly GapRow[];
  /** Legend words of the two marks ("Best group" / "Worst group", or "Highest" / "Lowest"). */
  readonly bestName: string;
  readonly worstName: string;
  readonly decimals?: number;
  readonly description: string;
  readonly animate?: boolean;
};

const INK = '#1d2733';
const MUTED = '#4a5563';
const BEST = '#0072B2';
const WORST = '#D55E00';
const ROW = 64;

/** Pixel height of the gap chart: a band per year, the legend and the axis. */
export function gapChartHeight(input: Pick<GapChartInput, 'rows'>): number {
  return 40 + input.rows.length * ROW + 40;
}

/**
 * The gap between the best and the worst group, one band per year (the base year above the latest): a
 * grey bar from one to the other, the best group a blue circle and the worst a vermillion diamond, each
 * labelled with its group and value (shapes and words, never colour alone). Right-to-left: the value
 * axis runs leftwards and the years sit on the right. Pure; tooltips are escaped text.
 */
export function buildGapOption(input: GapChartInput): GapChartOption {
  const rtl = input.dir === 'rtl';
  const locale: ChartLocale = { lang: input.lang, digits: input.digits };
  const text = (s: string) => isolate(s, input.dir);
  const num = (v: number) => chartNumber(v, locale, input.decimals);
  const rows = input.rows;
  const range = valueRange(rows.flatMap((r) => [r.best.value, r.worst.value]).concat([0]));
  const low = rows.map((r) => Math.min(r.best.value, r.worst.value));
  const span = rows.map((r) => Math.abs(r.best.value - r.worst.value));
  const mark = (name: string, color: string, symbol: string, values: ReadonlyArray<{ label: string; value: number }>, position: 'top' | 'bottom'): ScatterSeriesOption => ({
    type: 'scatter',
    name: text(name),
    symbol,
    symbolSize: 14,
    z: 3,
    itemStyle: { color, borderColor: '#ffffff', borderWidth: 1 },
    label: {
      show: true,
      position,
      distance: 6,
      color: INK,
      fontSize: 12,
      formatter: (p) => {
        const v = typeof p.dataIndex === 'number' ? values[p.dataIndex] : undefined;
        return v === undefined ? '' : escapeTemplate(text(`${v.label} ${num(v.value)}`));
      },
    },
    data: values.map((v, i) => [v.value, i]),
  });
  return {
    animation: input.animate ?? true,
    textStyle: { fontFamily: CHART_FONT, color: INK },
    aria: { enabled: true, label: { enabled: true, description: input.description } },
    legend: { top: 4, [rtl ? 'right' : 'left']: 10, selectedMode: false, itemGap: 16, textStyle: { color: INK, fontSize: 12 }, data: [text(input.bestName), text(input.worstName)] },
    // Room on both sides: a mark at either end of the axis has its group and value written across it.
    grid: { top: 40, bottom: 30, left: rtl ? 72 : 80, right: rtl ? 80 : 72 },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params) => {
        if (Array.isArray(params) || typeof params !== 'object' || params === null) return '';
        const i = 'dataIndex' in params && typeof params.dataIndex === 'number' ? params.dataIndex : -1;
        const r = rows[i];
        if (r === undefined) return '';
        return (
          `<div class="chart-tip" dir="${input.dir}"><div class="chart-tip-head">${escapeHtml(chartYear(r.year, locale))}</div>` +
          `<div class="chart-tip-row">${escapeHtml(input.bestName)}: ${escapeHtml(r.best.label)} <bdi dir="ltr">${escapeHtml(num(r.best.value))}</bdi></div>` +
          `<div class="chart-tip-row">${escapeHtml(input.worstName)}: ${escapeHtml(r.worst.label)} <bdi dir="ltr">${escapeHtml(num(r.worst.value))}</bdi></div></div>`
        );
      },
    },
    xAxis: { type: 'value', inverse: rtl, ...range, axisLabel: { color: MUTED, hideOverlap: true, formatter: (v: number) => chartNumber(v, locale) }, splitLine: { lineStyle: { color: '#d5dbe3' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      position: rtl ? 'right' : 'left',
      data: rows.map((r) => chartYear(r.year, locale)),
      axisTick: { show: false },
      axisLabel: { color: INK, fontWeight: 'bold' },
    },
    series: [
      // The joining bar is a transparent offset plus the gap, stacked: only for values at or above 0
      // (a stack starts from 0); below 0 the two marks are drawn alone.
      ...(low.some((v) => v < 0)
        ? []
        : [
            { type: 'bar' as const, stack: 'gap', silent: true, barWidth: 6, itemStyle: { color: 'rgba(0,0,0,0)' }, data: low, z: 1 },
            { type: 'bar' as const, stack: 'gap', silent: true, barWidth: 6, itemStyle: { color: '#b8c2cc' }, data: span, z: 1 },
          ]),
      mark(input.bestName, BEST, 'circle', rows.map((r) => r.best), 'top'),
      mark(input.worstName, WORST, 'diamond', rows.map((r) => r.worst), 'bottom'),
    ],
  };
}
