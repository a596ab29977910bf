import { dataTerm } from '@/i18n/data-terms';
import { indicatorName } from './indicator-text';
import { buildGapOption, gapChartHeight, type GapChartInput } from '@/charts/build-gap-option';
import type { Direction } from '@/domain/indicator';
import { formatNumber } from '@/i18n/format-number';
import { type Digits, dirOf, type Lang } from '@/i18n/lang';
import { t as translate } from '@/i18n/translate';
import { type CityFigure, type FigureContext, footerLines, seriesCsv } from './city-figures';
import { cityDisplayName } from './dashboard-model';
import { figureFileBase } from './figure-names';
import type { GapDimension, GapGroup } from './gap-model';
import { gapModel } from './gap-model';
import { datasetsWith, layoutOf, localized } from './indicator-model';

/**
 * "Leave no one behind" in words and as a figure, in the UI language: per breakdown, the sentence
 * saying which group does best and worst and how far apart they are, then how the gap changed since
 * the base year; the figure draws both years (the exported figure, the report's, the view's).
 */

export type GapText = { readonly lang: Lang; readonly digits: Digits; readonly decimals?: number | undefined; readonly unit: string; readonly direction: Direction | null };

function tr(text: Pick<GapText, 'lang' | 'digits'>, key: Parameters<typeof translate>[1], params: Parameters<typeof translate>[2] = {}): string {
  return translate(text.lang, key, params, { digits: text.digits });
}

/**
 * In a right-to-left sentence a number is a left-to-right run (LRI…PDI) and a group's or column's name
 * keeps its own direction (FSI…PDI), so "Male (73.0 % …)" does not come apart around the Arabic words.
 */
function ltr(s: string, text: Pick<GapText, 'lang'>): string {
  return dirOf(text.lang) === 'rtl' ? `\u2066${s}\u2069` : s;
}
function own(s: string, text: Pick<GapText, 'lang'>): string {
  return dirOf(text.lang) === 'rtl' ? `\u2068${s}\u2069` : s;
}

function value(v: number, text: GapText): string {
  const n = ltr(formatNumber(v, text.lang, text.decimals === undefined ? { digits: text.digits } : { digits: text.digits, decimals: text.decimals }), text);
  return text.unit === '' ? n : `${n} ${text.unit}`;
}

function year(y: number, text: GapText): string {
  return formatNumber(y, text.lang, { digits: text.digits, grouping: false, decimals: 0 });
}

/** The two sentences of a breakdown: where the gap stands, and how it changed (or that one year cannot tell). */
export function gapSentences(dim: GapDimension, text: GapText): string[] {
  const unknown = text.direction === null;
  const stands = tr(text, unknown ? 'gap.standsUnranked' : 'gap.stands', {
    column: own(dataTerm(dim.column, text.lang), text),
    year: year(dim.latest.year, text),
    best: own(dataTerm(dim.latest.best.label, text.lang), text),
    bestValue: value(dim.latest.best.value, text),
    worst: own(dataTerm(dim.latest.worst.label, text.lang), text),
    worstValue: value(dim.latest.worst.value, text),
    gap: value(dim.latest.gap, text),
  });
  if (dim.base === null || dim.change === null || dim.delta === null) return [stands, tr(text, 'gap.noBase')];
  return [stands, tr(text, `gap.change.${dim.change}`, { baseYear: year(dim.base.year, text), baseGap: value(dim.base.gap, text), delta: value(Math.abs(dim.delta), text) })];
}

/** The chart input of one breakdown's gap. */
export function gapChartInput(dim: GapDimension, text: GapText, description: string, animate = true): GapChartInput {
  // Well-known breakdown words in the figure's language (Female → إناث); other labels as the data writes them.
  const named = (g: GapGroup) => ({ ...g, label: dataTerm(g.label, text.lang) });
  const rows = [...(dim.base === null ? [] : [dim.base]), dim.latest].map((g) => ({ year: g.year, best: named(g.best), worst: named(g.worst) }));
  return {
    lang: text.lang,
    dir: dirOf(text.lang),
    digits: text.digits,
    rows,
    bestName: tr(text, text.direction === null ? 'gap.legend.highest' : 'gap.legend.best'),
    worstName: tr(text, text.direction === null ? 'gap.legend.lowest' : 'gap.legend.worst'),
    ...(text.decimals === undefined ? {} : { decimals: text.decimals }),
    description,
    animate,
  };
}

/**
 * The gap figures of a city × indicator, one per breakdown with two groups or more (`column` picks
 * one), framed with title, subtitle and footer. File name `amman_11-2-1_gap-sex_en`.
 */
export function gapFigures(ctx: FigureContext, cityKey: string, indicator: string, column?: string): CityFigure[] {
  const { dashboard, registry, lang, digits } = ctx;
  const city = dashboard.cityByKey.get(cityKey);
  if (city === undefined) return [];
  const meta = registry.byCode.get(indicator);
  const code = meta?.code ?? indicator;
  const direction = meta?.direction ?? null;
  const dims = gapModel(dashboard, layoutOf(dashboard), cityKey, code, undefined, direction, meta?.decimals).filter((d) => column === undefined || d.column === column);
  const cityName = cityDisplayName(city, ctx.names, lang);
  const unit = meta ? localized(meta.unit, lang) : '';
  const text: GapText = { lang, digits, decimals: meta?.decimals, unit, direction };
  const codeText = dirOf(lang) === 'rtl' ? `\u2066${code}\u2069` : code;
  // An indicator the registry does not know: named as its dataset's metadata names it (Bristol's 11.1.1.c).
  const name = indicatorName(registry, code, lang);
  const indicatorTitle = name === undefined || name === '' ? codeText : `${codeText} ${name}`;
  return dims.map((dim) => {
    const sentences = gapSentences(dim, text);
    const input = gapChartInput(dim, text, sentences.join(' '), false);
    return {
      kind: 'gap' as const,
      indicator: code,
      fileBase: figureFileBase({ city: cityDisplayName(city, ctx.names, 'en'), cityCode: city.code, indicator: code, kind: `gap-${dim.column}`, lang }),
      input: {
        lang,
        dir: dirOf(lang),
        width: ctx.width ?? 800,
        chartHeight: gapChartHeight(input),
        option: buildGapOption(input),
        text: {
          title: `${tr(text, 'gap.chartTitle', { column: dataTerm(dim.column, lang) })} — ${indicatorTitle}`,
          subtitle: [cityName, unit].filter((s) => s !== '').join(' · '),
          footer: [...sentences, ...footerLines(ctx, datasetsWith(ctx.datasets, registry, cityKey, code))],
        },
        ...(ctx.measureText === undefined ? {} : { measureText: ctx.measureText }),
      },
      csv: () => seriesCsv(dashboard, dim.series),
    };
  });
}

/** The gap figures of every indicator of `cityKey` (the report's and the CLI's), in the city's indicator order. */
export function cityGapFigures(ctx: FigureContext, cityKey: string): CityFigure[] {
  return [...new Set((ctx.dashboard.byCity.get(cityKey) ?? []).map((p) => p.indicator))].flatMap((code) => gapFigures(ctx, cityKey, code));
}
