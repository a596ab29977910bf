import type { MapSeriesOption } from 'echarts/charts';
import type { AriaComponentOption, GraphicComponentOption, TitleComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Lang } from '@/i18n/lang';
import type { BarDecal } from './build-breakdown-option';
import { CHART_FONT, type ChartDirection, estimateLines, estimateTextWidth, isolate, type MeasureText } from './chart-text';
import { escapeHtml } from './escape-html';

export type MapChartOption = ComposeOption<MapSeriesOption | TooltipComponentOption | TitleComponentOption | GraphicComponentOption | AriaComponentOption>;

/** A pattern drawn over a fill: ECharts decal on the shapes, drawn by hand in the legend swatch. */
export type MapPattern = { readonly decal: BarDecal; readonly color: string } | null;

export type MapArea = {
  /** The shape's name in the registered map (`f0`, `f1`…; see `mapGeoJson`). */
  readonly key: string;
  readonly fill: string;
  readonly pattern: MapPattern;
  /** Tooltip lines, plain text (escaped here): the district's name first. */
  readonly tip: readonly string[];
};

export type MapLegendEntry = { readonly label: string; readonly fill: string; readonly pattern: MapPattern };

export type MapChartInput = {
  readonly lang: Lang;
  readonly dir: ChartDirection;
  /** '' in an exported figure (the frame draws the title). */
  readonly title: string;
  readonly subtitle?: string;
  /** Name under which the shapes are registered (`ensureMap`). */
  readonly map: string;
  /** Longitude/latitude extent, to keep the shapes' proportions ([west, south, east, north]). */
  readonly bbox: readonly [number, number, number, number];
  readonly areas: readonly MapArea[];
  /** Legend heading (the unit, or "Compared with Bristol"), then one entry per class or tone. */
  readonly legendTitle: string;
  readonly legend: readonly MapLegendEntry[];
  readonly description: string;
  readonly width?: number;
  readonly animate?: boolean;
  readonly measureText?: MeasureText;
};

const INK = '#1d2733';
const MUTED = '#4a5563';
const BORDER = '#ffffff';
/** Districts without data: light grey with grey hatching. */
export const NO_DATA_FILL = '#f1f3f5';
export const NO_DATA_PATTERN: MapPattern = { decal: { symbol: 'rect', rotation: Math.PI / 4, dashArrayX: [1, 0], dashArrayY: [2, 4] }, color: 'rgba(74,85,99,0.55)' };

const SWATCH_W = 22;
const SWATCH_H = 14;
const LEGEND_ROW = 22;
const LEGEND_FONT = 12;

type LegendCell = { entry: MapLegendEntry; x: number; row: number; width: number };

function plan(input: Pick<MapChartInput, 'width' | 'title' | 'subtitle' | 'legend' | 'legendTitle' | 'measureText' | 'bbox'>) {
  const width = input.width !== undefined && input.width > 0 ? input.width : 600;
  const measure = input.measureText ?? estimateTextWidth;
  const titleWidth = Math.max(120, width - 24);
  const titleHeight = input.title === '' ? 0 : 8 + estimateLines(input.title, titleWidth, 14, input.measureText) * 20 + (input.subtitle ? 18 : 0);
  const usable = width - 20;
  const cells: LegendCell[] = [];
  let row = 0;
  let x = 0;
  for (const entry of input.legend) {
    const w = Math.min(usable, SWATCH_W + 6 + measure(entry.label, LEGEND_FONT) + 16);
    if (x > 0 && x + w > usable) {
      row++;
      x = 0;
    }
    cells.push({ entry, x, row, width: w });
    x += w;
  }
  const legendTop = titleHeight + 4;
  const headingRows = input.legendTitle === '' ? 0 : 1;
  const legendHeight = headingRows * 18 + (cells.length === 0 ? 0 : (row + 1) * LEGEND_ROW);
  const mapTop = legendTop + legendHeight + 8;
  // The shapes' own proportions: a degree of longitude is cos(latitude) of a degree of latitude.
  const [west, south, east, north] = input.bbox;
  const aspect = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const ratio = Math.max(0.2, Math.min(2.5, (north - south) / Math.max(1e-9, (east - west) * aspect)));
  const mapHeight = Math.round(Math.min(width * ratio, 600, Math.max(220, width * 1.3)));
  return { width, titleWidth, titleHeight, cells, legendTop, mapTop, mapHeight, aspect, height: mapTop + mapHeight + 8 };
}

/** Pixel height the map chart needs: title, legend, the shapes in their proportions. */
export function mapChartHeight(input: Pick<MapChartInput, 'width' | 'title' | 'subtitle' | 'legend' | 'legendTitle' | 'measureText' | 'bbox'>): number {
  return plan(input).height;
}

/** The pattern of a swatch, drawn with lines or dots inside it (the graphic component has no decal). */
function swatchMarks(pattern: MapPattern, x: number, y: number): GraphicElement[] {
  if (pattern === null || pattern.decal.symbol === 'none') return [];
  const color = pattern.color;
  if (pattern.decal.symbol === 'circle')
    return [4, 11, 18].flatMap((dx) => [4, 10].map((dy) => ({ type: 'circle' as const, silent: true, shape: { cx: x + dx, cy: y + dy, r: 1.3 }, style: { fill: color } })));
  // Diagonal strokes, rising or falling as the decal rotates.
  const rising = pattern.decal.rotation > 0;
  return [-6, 0, 6, 12, 18].map((dx) => ({
    type: 'line' as const,
    silent: true,
    shape: rising ? { x1: x + dx, y1: y + SWATCH_H, x2: x + dx + SWATCH_H, y2: y } : { x1: x + dx, y1: y, x2: x + dx + SWATCH_H, y2: y + SWATCH_H },
    style: { stroke: color, lineWidth: 1.2 },
  }))
    .map((l) => clipLine(l, x))
    .filter((l): l is NonNullable<typeof l> => l !== null);
}

type ElementsOf<T> = T extends { elements?: infer E } ? NonNullable<E> : never;
type GraphicElement = ElementsOf<GraphicComponentOption> extends ReadonlyArray<infer X> ? X : never;
type LineElement = { type: 'line'; silent: boolean; shape: { x1: number; y1: number; x2: number; y2: number }; style: { stroke: string; lineWidth: number } };

/** A 45° line clipped to the swatch box (so the marks stay inside it). */
function clipLine(l: LineElement, x: number): LineElement | null {
  const { x1, y1, x2, y2 } = l.shape;
  const t0 = Math.max(0, (x - x1) / (x2 - x1));
  const t1 = Math.min(1, (x + SWATCH_W - x1) / (x2 - x1));
  if (t1 <= t0) return null;
  const at = (t: number) => ({ px: Math.round((x1 + (x2 - x1) * t) * 10) / 10, py: Math.round((y1 + (y2 - y1) * t) * 10) / 10 });
  const a = at(t0);
  const b = at(t1);
  return { ...l, shape: { x1: a.px, y1: a.py, x2: b.px, y2: b.py } };
}

/**
 * A choropleth of districts (or cities): each shape filled with its class or tone colour and pattern,
 * districts without data light grey and hatched; a legend drawn with the graphic component (heading,
 * then swatches with their words, wrapped to the width, right-aligned and flowing right to left in
 * Arabic). The shapes keep their proportions (aspect scale = cos of the mid latitude). Tooltips are
 * plain text escaped into the tip box. Pure: `ensureMap` must have registered `input.map`.
 */
export function buildMapOption(input: MapChartInput): MapChartOption {
  const rtl = input.dir === 'rtl';
  const text = (s: string) => isolate(s, input.dir);
  const layout = plan(input);
  const { width } = layout;
  const elements: GraphicElement[] = [];
  let y = layout.legendTop;
  if (input.legendTitle !== '') {
    elements.push({
      type: 'text',
      silent: true,
      x: rtl ? width - 10 : 10,
      y,
      style: { text: text(input.legendTitle), fill: MUTED, fontSize: 12, fontWeight: 'bold', fontFamily: CHART_FONT, align: rtl ? 'right' : 'left', verticalAlign: 'top' },
    });
    y += 18;
  }
  for (const cell of layout.cells) {
    const top = y + cell.row * LEGEND_ROW + 2;
    const sx = rtl ? width - 10 - cell.x - SWATCH_W : 10 + cell.x;
    elements.push({ type: 'rect', silent: true, shape: { x: sx, y: top, width: SWATCH_W, height: SWATCH_H }, style: { fill: cell.entry.fill, stroke: '#8a95a3', lineWidth: 0.8 } });
    elements.push(...swatchMarks(cell.entry.pattern, sx, top));
    elements.push({
      type: 'text',
      silent: true,
      x: rtl ? sx - 6 : sx + SWATCH_W + 6,
      y: top + SWATCH_H / 2,
      style: {
        text: text(cell.entry.label),
        fill: INK,
        fontSize: LEGEND_FONT,
        fontFamily: CHART_FONT,
        align: rtl ? 'right' : 'left',
        verticalAlign: 'middle',
        width: cell.width - SWATCH_W - 10,
        overflow: 'truncate',
      },
    });
  }

  const tips = new Map(input.areas.map((a) => [a.key, a.tip]));
  return {
    animation: input.animate ?? true,
    animationDuration: 300,
    textStyle: { fontFamily: CHART_FONT, color: INK },
    aria: { enabled: true, label: { enabled: true, description: input.description } },
    title: {
      show: input.title !== '',
      text: text(input.title),
      subtext: text(input.subtitle ?? ''),
      left: rtl ? 'right' : 8,
      padding: rtl ? [5, 10, 5, 5] : 5,
      top: 4,
      itemGap: 4,
      textStyle: { fontSize: 14, lineHeight: 20, fontWeight: 'bold', color: INK, width: layout.titleWidth, overflow: 'break' },
      subtextStyle: { fontSize: 12, lineHeight: 16, color: MUTED, width: layout.titleWidth, overflow: 'truncate' },
    },
    graphic: { elements },
    tooltip: {
      trigger: 'item',
      confine: true,
      textStyle: { color: INK },
      formatter: (params) => {
        if (Array.isArray(params) || typeof params !== 'object' || params === null) return '';
        const name = 'name' in params && typeof params.name === 'string' ? params.name : '';
        const lines = tips.get(name);
        if (lines === undefined || lines.length === 0) return '';
        const [head, ...rest] = lines;
        return `<div class="chart-tip" dir="${input.dir}"><div class="chart-tip-head">${escapeHtml(head ?? '')}</div>${rest.map((l) => `<div class="chart-tip-row">${escapeHtml(l)}</div>`).join('')}</div>`;
      },
    },
    series: [
      {
        type: 'map',
        map: input.map,
        roam: false,
        selectedMode: false,
        aspectScale: layout.aspect,
        top: layout.mapTop,
        bottom: 8,
        left: 8,
        right: 8,
        label: { show: false },
        emphasis: { label: { show: false }, itemStyle: { borderColor: INK, borderWidth: 2 } },
        itemStyle: { borderColor: BORDER, borderWidth: 0.8, areaColor: NO_DATA_FILL },
        data: input.areas.map((a) => ({
          name: a.key,
          value: 0,
          // Hovered or walked to with the keyboard: the same fill, a dark outline (not ECharts' yellow).
          emphasis: { itemStyle: { areaColor: a.fill, borderColor: INK, borderWidth: 2 } },
          itemStyle: {
            areaColor: a.fill,
            ...(a.pattern === null ? {} : { decal: { ...a.pattern.decal, dashArrayX: [...a.pattern.decal.dashArrayX], dashArrayY: [...a.pattern.decal.dashArrayY], color: a.pattern.color } }),
          },
        })),
      } as MapSeriesOption,
    ],
  };
}
