import type { BarSeriesOption } from 'echarts/charts';
import type { AriaComponentOption, GridComponentOption, LegendComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { CHART_FONT, type ChartDirection, type ChartLocale, chartNumber, estimateTextWidth, isolate, legendRows, type MeasureText } from '@/charts/chart-text';
import { PROGRESS_STATUSES, type ProgressStatus } from '@/domain/progress/types';
import { STATUS_STYLE } from './status-style';
import type { Digits, Lang } from '@/i18n/lang';

export type StatusFigureOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | AriaComponentOption>;

/** One bar: a group of indicators (all, or one NUA priority; in a partner edition, of one city) and its counts by status. */
export type StatusFigureBar = {
  readonly label: string;
  readonly counts: Readonly<Record<ProgressStatus, number>>;
};

export type StatusFigureInput = {
  readonly lang: Lang;
  readonly dir: ChartDirection;
  readonly digits: Digits;
  /** Top to bottom. */
  readonly bars: readonly StatusFigureBar[];
  /** The words of each status (legend). */
  readonly statusText: Readonly<Record<ProgressStatus, string>>;
  /** Name of the value axis ("Indicators"). */
  readonly axisName: string;
  /** What a screen reader announces for the chart. */
  readonly description: string;
  readonly width?: number;
  readonly measureText?: MeasureText;
};

const INK = '#1d2733';
const MUTED = '#4a5563';
const GRID = '#d5dbe3';
const BAND = 36;
const LEGEND_ROW = 24;
const DECAL_SCALE = 3;

/** The statuses the figure shows: those counted in some bar (all of them when nothing is counted), best first. */
function shownStatuses(bars: readonly StatusFigureBar[]): ProgressStatus[] {
  const shown = PROGRESS_STATUSES.filter((s) => bars.some((b) => b.counts[s] > 0));
  return shown.length > 0 ? shown : [...PROGRESS_STATUSES];
}

function plan(input: StatusFigureInput) {
  const width = input.width !== undefined && input.width > 0 ? input.width : 800;
  const statuses = shownStatuses(input.bars);
  const rows = legendRows(
    statuses.map((s) => isolate(input.statusText[s], input.dir)),
    width - 40,
    input.measureText,
  );
  return { width, statuses, rows, legendHeight: rows.length * LEGEND_ROW };
}

/** Pixel height the status figure's chart needs: the axis name, one band per bar, the value axis and the legend. */
export function statusFigureHeight(input: StatusFigureInput): number {
  const { legendHeight } = plan(input);
  return 34 + Math.max(1, input.bars.length) * BAND + 36 + legendHeight + 10;
}

/**
 * How many of a city's indicators are in each progress status, overall and by New Urban Agenda
 * implementation priority: one horizontal bar per group, stacked by status in the status colours with
 * each status's decal pattern (never colour alone), counts written in the segments, a legend with the
 * status words. Right-to-left: bars grow leftwards, group labels on the right, legend rows mirrored.
 * Pure (no DOM); drawn without animation or tooltip (it is made for export).
 */
export function buildStatusFigureOption(input: StatusFigureInput): StatusFigureOption {
  const rtl = input.dir === 'rtl';
  const locale: ChartLocale = { lang: input.lang, digits: input.digits };
  const text = (s: string) => isolate(s, input.dir);
  const { width, statuses, rows, legendHeight } = plan(input);
  const measure = input.measureText ?? estimateTextWidth;
  const labelWidth = Math.min(Math.round(width * 0.4), Math.max(60, ...input.bars.map((b) => measure(b.label, 12) + 10)));
  const total = Math.max(1, ...input.bars.map((b) => statuses.reduce((n, s) => n + b.counts[s], 0)));
  const side = rtl ? 'right' : 'left';

  const legend: LegendComponentOption[] = rows.map((row, i) => ({
    show: true,
    orient: 'horizontal',
    bottom: 6 + (rows.length - 1 - i) * LEGEND_ROW,
    [side]: 10,
    align: rtl ? 'right' : 'left',
    itemGap: 14,
    itemWidth: 25,
    itemHeight: 12,
    textStyle: { color: INK, fontSize: 12 },
    data: rtl ? [...row].reverse() : row,
  }));

  return {
    animation: false,
    textStyle: { fontFamily: CHART_FONT, color: INK },
    aria: { enabled: true, label: { enabled: true, description: input.description }, decal: { show: true } },
    legend,
    grid: {
      top: 34,
      bottom: legendHeight + 36,
      left: rtl ? 16 : 12,
      right: rtl ? 12 : 16,
      outerBoundsMode: 'auto',
      outerBounds: { left: 6, right: 6, top: 8, bottom: legendHeight + 8 },
      outerBoundsContain: 'all',
    },
    xAxis: {
      type: 'value',
      inverse: rtl,
      min: 0,
      max: total,
      minInterval: 1,
      name: text(input.axisName),
      nameLocation: 'middle',
      nameGap: 24,
      nameTextStyle: { color: MUTED },
      axisLabel: { color: MUTED, hideOverlap: true, formatter: (v: number) => (Number.isInteger(v) ? chartNumber(v, locale, 0) : '') },
      splitLine: { lineStyle: { color: GRID } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      position: rtl ? 'right' : 'left',
      data: input.bars.map((b) => text(b.label)),
      axisTick: { show: false },
      axisLabel: { color: INK, width: labelWidth, overflow: 'truncate', align: rtl ? 'left' : 'right' },
    },
    series: statuses.map((s): BarSeriesOption => {
      const style = STATUS_STYLE[s];
      return {
        type: 'bar',
        name: text(input.statusText[s]),
        stack: 'status',
        barWidth: 22,
        data: input.bars.map((b) => (b.counts[s] > 0 ? b.counts[s] : null)),
        itemStyle: {
          color: style.color,
          borderColor: '#ffffff',
          borderWidth: 1,
          // The status's pattern, drawn DECAL_SCALE times larger than on screen so that it survives print.
          decal: { ...style.decal, dashArrayX: style.decal.dashArrayX.map((n) => n * DECAL_SCALE), dashArrayY: style.decal.dashArrayY.map((n) => n * DECAL_SCALE), color: 'rgba(0,0,0,0.3)' },
        },
        label: {
          show: true,
          position: 'inside',
          color: INK,
          fontWeight: 'bold',
          textBorderColor: '#ffffff',
          textBorderWidth: 3,
          formatter: (p) => (typeof p.value === 'number' && p.value > 0 ? chartNumber(p.value, locale, 0) : ''),
        },
      };
    }),
  };
}
