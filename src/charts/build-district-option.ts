import type { BarSeriesOption } from 'echarts/charts';
import type { AriaComponentOption, GridComponentOption, LegendComponentOption, MarkLineComponentOption, TitleComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Digits, Lang } from '@/i18n/lang';
import type { BarDecal } from './build-breakdown-option';
import { valueRange } from './build-trend-option';
import { CHART_FONT, type ChartDirection, type ChartLocale, chartNumber, chartYear, estimateLines, estimateTextWidth, fitLines, isolate, legendRows, type MeasureText } from './chart-text';
import { escapeHtml, escapeTemplate } from './escape-html';

export type DistrictChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | TitleComponentOption | LegendComponentOption | MarkLineComponentOption | AriaComponentOption
>;

/**
 * How a district compares with its city, as drawn: better or worse in the indicator's desired direction,
 * the same, or `neutral` (no direction known, or no city value to compare with).
 */
export type DistrictTone = 'better' | 'worse' | 'same' | 'neutral';

/** Legend order of the tones. */
export const DISTRICT_TONES: readonly DistrictTone[] = ['better', 'same', 'worse', 'neutral'];

/**
 * Colour and decal pattern of each tone: never colour alone (the words are in the legend, the tooltip and
 * the table). Okabe–Ito blue and vermillion, both at least 3:1 against white (WCAG 1.4.11); `same` and
 * `neutral` are greys with no pattern.
 */
export const DISTRICT_TONE_STYLE: Readonly<Record<DistrictTone, { readonly color: string; readonly decal: BarDecal; readonly decalColor: string }>> = {
  better: { color: '#0072B2', decal: { symbol: 'circle', rotation: 0, dashArrayX: [1, 0], dashArrayY: [2, 5] }, decalColor: 'rgba(255,255,255,0.7)' },
  worse: { color: '#D55E00', decal: { symbol: 'rect', rotation: -Math.PI / 4, dashArrayX: [1, 0], dashArrayY: [3, 4] }, decalColor: 'rgba(255,255,255,0.7)' },
  same: { color: '#6b7785', decal: { symbol: 'none', rotation: 0, dashArrayX: [1, 0], dashArrayY: [1, 0] }, decalColor: 'rgba(0,0,0,0)' },
  neutral: { color: '#5b7fa3', decal: { symbol: 'none', rotation: 0, dashArrayX: [1, 0], dashArrayY: [1, 0] }, decalColor: 'rgba(0,0,0,0)' },
};

export type DistrictBar = {
  /** District name: drawn as text, escaped in the tooltip. */
  readonly label: string;
  readonly value: number;
  readonly year: number;
  /** Says the year next to the value (the district's latest year is not the city's). */
  readonly showYear: boolean;
  readonly tone: DistrictTone;
  /** The comparison in words ("Better than the city"), for the tooltip. */
  readonly comparisonText: string;
};

export type DistrictChartInput = {
  readonly lang: Lang;
  readonly dir: ChartDirection;
  readonly digits: Digits;
  /** '' in an exported figure (the frame draws the title). */
  readonly title: string;
  readonly subtitle?: string;
  /** Best first: drawn top to bottom in this order. */
  readonly bars: readonly DistrictBar[];
  /** The city's latest value, drawn as a labelled vertical line; null when the city has none. */
  readonly reference: { readonly value: number; readonly label: string } | null;
  /** Legend text of each tone drawn (a tone without text is left out of the legend). */
  readonly legend: Readonly<Partial<Record<DistrictTone, string>>>;
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
const REFERENCE = '#1d2733';
const LEGEND_ROW = 22;
/** Room above the plot for the reference line's label. */
const REFERENCE_ROOM = 22;
/** Height of one district's band, in pixels: tighter beyond 40 districts so 120 stay one readable column. */
export function districtBand(count: number): number {
  return count > 40 ? 24 : 32;
}

type Layout = { width: number; titleWidth: number; titleHeight: number; legend: string[][]; gridTop: number; bars: readonly DistrictBar[] };

function legendNames(input: Pick<DistrictChartInput, 'bars' | 'legend'>): Array<{ tone: DistrictTone; name: string }> {
  return DISTRICT_TONES.filter((tone) => input.bars.some((b) => b.tone === tone && Number.isFinite(b.value)))
    .map((tone) => ({ tone, name: input.legend[tone] ?? '' }))
    .filter((l) => l.name !== '');
}

function plan(input: Pick<DistrictChartInput, 'bars' | 'legend' | 'title' | 'subtitle' | 'width' | 'measureText' | 'reference'>): Layout {
  const width = input.width !== undefined && input.width > 0 ? input.width : 600;
  const titleWidth = Math.max(120, width - 24);
  const titleHeight = input.title === '' ? 0 : 8 + estimateLines(input.title, titleWidth, 14, input.measureText) * 20 + (input.subtitle ? 18 : 0);
  const bars = input.bars.filter((b) => Number.isFinite(b.value));
  const legend = legendRows(
    legendNames({ bars, legend: input.legend }).map((l) => l.name),
    width - 20,
    input.measureText,
  );
  const gridTop = titleHeight + 6 + legend.length * LEGEND_ROW + (input.reference === null ? 6 : REFERENCE_ROOM + 4);
  return { width, titleWidth, titleHeight, legend, gridTop, bars };
}

/** Pixel height the district chart needs: title, legend, reference label, one band per district, the axis. */
export function districtChartHeight(input: Pick<DistrictChartInput, 'bars' | 'legend' | 'title' | 'subtitle' | 'width' | 'measureText' | 'reference'>): number {
  const layout = plan(input);
  return layout.gridTop + Math.max(1, layout.bars.length) * districtBand(layout.bars.length) + 34;
}

/**
 * The districts of a city ranked by their latest value, as horizontal bars (best at the top), each
 * coloured and patterned by how it compares with the city (`DISTRICT_TONE_STYLE`, with a legend), the
 * value at the bar end (with the year when it is not the city's), and the city's own latest value as a
 * vertical reference line labelled with its name. Right-to-left: bars grow leftwards (value axis
 * inverse), district names on the right, legend and title right-aligned. Pure; the tooltip is HTML
 * from escaped text only.
 */
export function buildDistrictOption(input: DistrictChartInput): DistrictChartOption {
  const rtl = input.dir === 'rtl';
  const locale: ChartLocale = { lang: input.lang, digits: input.digits };
  const text = (s: string) => isolate(s, input.dir);
  const layout = plan(input);
  const { width, bars } = layout;
  const measure = input.measureText ?? estimateTextWidth;
  const valueText = (b: DistrictBar) => chartNumber(b.value, locale, input.decimals) + (b.showYear ? ` (${chartYear(b.year, locale)})` : '');
  // District names get at most 40 % of the width (truncated; the table has them whole).
  // Measured as drawn (with the isolates, which ECharts' server-side measure counts as letters).
  const labelWidth = Math.min(Math.round(width * 0.4), Math.max(40, ...bars.map((b) => measure(text(b.label), 12) + 8)));
  // Room at the bar ends for the value labels. A negative bar's label sits on the zero side of it (each
  // band holds one bar), so the labels always need room on the side bars grow to only.
  const endRoom = Math.min(Math.round(width * 0.3), Math.max(36, ...bars.map((b) => measure(valueText(b), 12) + 12)));
  const reference = input.reference !== null && Number.isFinite(input.reference.value) ? input.reference : null;
  const range = valueRange(bars.map((b) => b.value).concat([0], reference === null ? [] : [reference.value]));
  const legend = legendNames({ bars, legend: input.legend });
  const side = rtl ? 'right' : 'left';

  // The reference label sits above the line; near an end of the axis it is aligned inwards so it stays in the chart.
  const min = range.min ?? 0;
  const max = range.max ?? 1;
  const at = reference === null || max === min ? 0.5 : (reference.value - min) / (max - min);
  const fromStart = rtl ? 1 - at : at;
  const referenceAlign = fromStart > 0.66 ? 'right' : fromStart < 0.34 ? 'left' : 'center';

  // Three layers on the same band of each district (barGap -100%): the bars, one series per tone (for
  // the legend), at z 2; the reference line above them at z 3; the value labels, on a white ground, at
  // z 4, so the line never runs through a number.
  const bar = (extra: BarSeriesOption): BarSeriesOption => ({ type: 'bar', barGap: '-100%', barMaxWidth: 20, emphasis: { disabled: true }, ...extra });
  const series: BarSeriesOption[] = DISTRICT_TONES.filter((tone) => bars.some((b) => b.tone === tone)).map((tone) => {
    const style = DISTRICT_TONE_STYLE[tone];
    return bar({
      name: text(legend.find((l) => l.tone === tone)?.name ?? tone),
      z: 2,
      itemStyle: {
        color: style.color,
        // Explicit, so aria.decal gives no tone a pattern of its own (the plain tones draw an empty one).
        decal: { ...style.decal, dashArrayX: [...style.decal.dashArrayX], dashArrayY: [...style.decal.dashArrayY], color: style.decalColor },
      },
      data: bars.map((b) => (b.tone !== tone ? '-' : b.value)),
    });
  });
  if (reference !== null)
    series.push(
      bar({
        id: 'reference',
        z: 3,
        data: bars.map(() => '-'),
        markLine: {
          // A marker has a z of its own (5 by default, above the labels).
          z: 3,
          silent: false,
          symbol: 'none',
          animation: false,
          lineStyle: { color: REFERENCE, type: 'dashed', width: 2 },
          label: {
            show: true,
            position: 'start',
            distance: 6,
            color: INK,
            fontWeight: 'bold',
            fontSize: 12,
            align: referenceAlign,
            formatter: escapeTemplate(text(reference.label)),
          },
          emphasis: { disabled: true },
          data: [{ xAxis: reference.value }],
        },
      }),
    );
  series.push(
    bar({
      id: 'values',
      z: 4,
      // Invisible bars carrying the labels; hovering goes through them to the coloured bars.
      silent: true,
      itemStyle: { color: 'rgba(0,0,0,0)', decal: { symbol: 'none', color: 'rgba(0,0,0,0)' } },
      data: bars.map((b) => b.value),
      label: {
        show: true,
        position: rtl ? 'left' : 'right',
        color: INK,
        fontSize: 12,
        // A white ground as tall as the text, so the reference line stops at the number instead of crossing it.
        backgroundColor: 'rgba(255,255,255,0.92)',
        lineHeight: 14,
        padding: [2, 3],
        formatter: (p) => {
          const b = typeof p.dataIndex === 'number' ? bars[p.dataIndex] : undefined;
          return b === undefined ? '' : escapeTemplate(valueText(b));
        },
      },
    }),
  );

  return {
    animation: input.animate ?? true,
    animationDuration: 300,
    textStyle: { fontFamily: CHART_FONT, color: INK },
    aria: { enabled: true, label: { enabled: true, description: input.description }, decal: { show: true } },
    title: {
      show: input.title !== '',
      text: text(fitLines(input.title, layout.titleWidth, 14, input.measureText)),
      subtext: text(input.subtitle ?? ''),
      left: rtl ? 'right' : 8,
      padding: rtl ? [5, 10, 5, 5] : 5,
      top: 4,
      itemGap: 4,
      textStyle: { fontSize: 14, lineHeight: 20, fontWeight: 'bold', color: INK, width: layout.titleWidth, overflow: 'break' },
      subtextStyle: { fontSize: 12, lineHeight: 16, color: MUTED, width: layout.titleWidth, overflow: 'truncate' },
    },
    legend: layout.legend.map((row, i) => ({
      show: true,
      type: 'scroll',
      orient: 'horizontal',
      top: layout.titleHeight + 4 + i * LEGEND_ROW,
      [side]: 10,
      width: width - 20,
      align: rtl ? 'right' : 'left',
      itemGap: 14,
      itemWidth: 25,
      itemHeight: 12,
      selectedMode: false,
      textStyle: { color: INK, fontSize: 12 },
      data: (rtl ? [...row].reverse() : row).map(text),
    })),
    grid: {
      top: layout.gridTop,
      bottom: 30,
      left: rtl ? endRoom : 12,
      right: rtl ? 12 : endRoom,
      outerBoundsMode: 'auto',
      outerBounds: { left: 6, right: 6, top: 0, bottom: 0 },
      outerBoundsContain: 'axisLabel',
    },
    tooltip: {
      trigger: 'item',
      confine: true,
      textStyle: { color: INK },
      formatter: (params) => {
        if (Array.isArray(params) || typeof params !== 'object' || params === null) return '';
        if ('componentType' in params && params.componentType === 'markLine')
          return reference === null ? '' : `<div class="chart-tip" dir="${input.dir}"><div class="chart-tip-head">${escapeHtml(reference.label)}</div></div>`;
        const index = 'dataIndex' in params && typeof params.dataIndex === 'number' ? params.dataIndex : -1;
        const bar = bars[index];
        if (bar === undefined) return '';
        return (
          `<div class="chart-tip" dir="${input.dir}"><div class="chart-tip-head">${escapeHtml(bar.label)}</div>` +
          `<div class="chart-tip-row"><bdi class="chart-tip-value" dir="ltr">${escapeHtml(chartNumber(bar.value, locale, input.decimals))}</bdi> ` +
          `(${escapeHtml(chartYear(bar.year, locale))})</div><div class="chart-tip-row">${escapeHtml(bar.comparisonText)}</div></div>`
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
      data: bars.map((b) => text(escapeTemplate(b.label))),
      axisTick: { show: false },
      axisLabel: { color: INK, width: labelWidth, overflow: 'truncate', align: rtl ? 'left' : 'right', interval: 0 },
    },
    series,
  };
}
