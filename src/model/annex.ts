import { describedIndicator, indicatorName, ownUnit } from './indicator-text';
import { layoutOfReport } from '@/domain/progress/compute';
import type { IndicatorProgress } from '@/domain/progress/compute';
import type { SeriesLayout } from '@/domain/progress/series';
import type { ProgressResult, ProgressStatus } from '@/domain/progress/types';
import { compareIndicatorCodes, type Registry } from '@/domain/registry';
import { cityDisplayName, type CityNames, type Dashboard } from './dashboard-model';
import { datasetCredits, distinctTexts, localized, pointsOf } from './indicator-model';
import type { Digits, Lang } from '@/i18n/lang';
import { t } from '@/i18n/translate';
import { type CsvCell, toCsv } from '@/ingest/write-csv';
import type { LoadedDataset } from '@/storage/dataset-record';

/**
 * The statistical annex of a city (a VLR's indicator table): one row per indicator the city has data
 * for, with its baseline and latest values, target (and where the target comes from), status, trend,
 * score and source. Rows are data;
 * the same rows give the on-screen table (annex-table.tsx), the CSV (`annexCsv`) and the workbook
 * (`annexSheet`, written by annex-xlsx-node.ts / annex-xlsx-browser.ts). Nothing here recomputes
 * progress: status, score, base and latest points are the engine's (`dashboard.report`).
 */

/**
 * How the value moved from the baseline to the latest year, judged by the indicator's desired
 * direction (`increase` / `decrease`):
 * - `improving`: it moved the desired way; `worsening`: the other way;
 * - `stable`: the two values are equal at the indicator's display precision (its `decimals`; exact
 *   comparison when the registry does not know the indicator), i.e. the table shows no change.
 * This is the plain direction of change between the two points the row shows, not the method's
 * status (a series can be improving yet too slowly: `limited_progress`). No trend (null) without two
 * distinct years, or when the desired direction is unknown (an indicator the registry does not know).
 */
export type AnnexTrend = 'improving' | 'stable' | 'worsening';

export type AnnexRow = {
  /** City name in the annex language (`cityDisplayName`). */
  readonly city: string;
  /** City code as in the data ('' when the data has none). */
  readonly cityCode: string;
  /** Canonical indicator code (an alias in the data is resolved to its indicator). */
  readonly indicator: string;
  /** Registry title in the annex language; '' for an indicator the registry does not know. */
  readonly title: string;
  /** Registry unit in the annex language, else the data's unit of the headline series, else ''. */
  readonly unit: string;
  /**
   * Baseline: the engine's base point (the base year or the nearest later year with a value). When the
   * engine has none (insufficient data) the first value in or after the indicator's base year, else the
   * first value at all; with a single observation baseline and latest are that observation.
   */
  readonly baselineYear: number | null;
  readonly baselineValue: number | null;
  /** Latest: the engine's latest point, else the last value of the headline series. */
  readonly latestYear: number | null;
  readonly latestValue: number | null;
  /** The numeric target the engine used (dataset override), else the registry's; null when none. */
  readonly target: number | null;
  readonly targetYear: number | null;
  /**
   * Where the target comes from (the registry's `goalTarget.source`: "WHO Air Quality Guidelines 2021"),
   * in the annex language, English when that language has none; '' when the row states no target or a
   * target other than the registry's (the source would not be its own).
   */
  readonly targetSource: string;
  readonly status: ProgressStatus;
  readonly trend: AnnexTrend | null;
  /** The method's score (opensdg/unsd −5…5, sdsn 0–100); null when none. Not rounded. */
  readonly score: number | null;
  /** The observations' source texts, then the dataset (file) names in brackets; '' when neither. */
  readonly source: string;
  /** Decimals the registry shows this indicator with (formatting only; absent when unknown). */
  readonly decimals?: number;
  /**
   * Set when the city reports several series of the indicator and none is the headline (PM2.5 and PM10;
   * UN-Habitat's 11.7.1 [a] and [b]): the annex then has one row per series, its Series text here and
   * appended to the title, each with that series' own status.
   */
  readonly series?: string;
};

export type AnnexContext = {
  readonly dashboard: Dashboard;
  readonly registry: Registry;
  /** The datasets behind the dashboard (for the source column). */
  readonly datasets: readonly LoadedDataset[];
  readonly names: CityNames;
  readonly lang: Lang;
  readonly digits: Digits;
};

type Point = { readonly year: number; readonly value: number };

const DEFAULT_BASE_YEAR = 2015;

function finitePoint(p: Point | null | undefined): Point | null {
  return p !== null && p !== undefined && Number.isFinite(p.year) && Number.isFinite(p.value) ? { year: p.year, value: p.value } : null;
}

function finiteOrNull(n: number | null | undefined): number | null {
  return n === null || n === undefined || !Number.isFinite(n) ? null : n;
}

/** Finite points of a report series, years ascending. */
function seriesPoints(layout: SeriesLayout, s: number): Point[] {
  if (s < 0) return [];
  return pointsOf(layout, s).filter((p) => Number.isFinite(p.year) && Number.isFinite(p.value));
}

/** Source texts of every observation of a city × indicator (all its series), first-seen order. */
function sourceTexts(layout: SeriesLayout, p: IndicatorProgress): string[] {
  const t = layout.table;
  const a = layout.starts[p.first] ?? 0;
  const b = layout.starts[p.end] ?? a;
  const ids = new Set<number>();
  for (let i = a; i < b; i++) ids.add(t.source[layout.rows[i] ?? 0] ?? 0);
  return distinctTexts([...ids].map((id) => t.dict.source[id] ?? ''));
}

/** Trend of a row (see AnnexTrend). */
export function annexTrend(baseline: Point | null, latest: Point | null, direction: 'increase' | 'decrease' | null, decimals: number | undefined): AnnexTrend | null {
  if (baseline === null || latest === null || direction === null || latest.year <= baseline.year) return null;
  const round = (v: number) => (decimals === undefined ? v : Number(v.toFixed(decimals)));
  const change = round(latest.value) - round(baseline.value);
  if (change === 0) return 'stable';
  return (change > 0) === (direction === 'increase') ? 'improving' : 'worsening';
}

/**
 * The series a row is about: the headline, or when the headline is ambiguous (several undisaggregated
 * series, none chosen) each of those series on its own row.
 */
function rowSources(report: Dashboard['report'], p: IndicatorProgress): { series: number; result: ProgressResult; name: string | null }[] {
  if (p.headlineSeries !== -1 || p.result.explanation.insufficientReason !== 'ambiguous_series') return [{ series: p.headlineSeries, result: p.result, name: null }];
  const out: { series: number; result: ProgressResult; name: string | null }[] = [];
  for (let s = p.first; s < p.end; s++) {
    const sp = report.series[s];
    if (sp === undefined || sp.disaggregation !== '') continue;
    out.push({ series: s, result: sp.result, name: sp.series === null || sp.series === '' ? sp.unit : sp.series });
  }
  return out.length > 1 ? out : [{ series: p.headlineSeries, result: p.result, name: null }];
}

function toAnnexRow(ctx: AnnexContext, layout: SeriesLayout, city: string, cityKey: string, p: IndicatorProgress, series: number, result: ProgressResult, seriesName: string | null): AnnexRow {
  const ind = ctx.registry.byCode.get(p.indicator);
  const ex = result.explanation;
  const points = seriesPoints(layout, series);
  const latest = finitePoint(ex.latest) ?? points[points.length - 1] ?? null;
  const baseYear = ind?.baseYear ?? DEFAULT_BASE_YEAR;
  const baseline = finitePoint(ex.base) ?? points.find((x) => x.year >= baseYear) ?? points[0] ?? null;
  const goal = ind?.goalTarget ?? null;
  const used = finitePoint(ex.target);
  // opensdg computes with 0.001 for a target of 0 (Open SDG's rule); the annex states the target itself.
  const target = used !== null && ex.notes.includes('target_zero_replaced') ? { year: used.year, value: 0 } : (used ?? (goal === null ? null : { year: goal.year, value: goal.value }));
  const direction = ex.insufficientReason === 'not_configured' ? (ind?.direction ?? null) : ex.direction;
  const dataUnit = series >= 0 ? (ctx.dashboard.report.series[series]?.unit ?? '') : '';
  const sources = sourceTexts(layout, p);
  const files = datasetCredits(ctx.datasets, ctx.registry, cityKey, p.indicator);
  const source = [sources.join('; '), files.length === 0 ? '' : sources.length === 0 ? files.join(', ') : `(${files.join(', ')})`].filter((s) => s !== '').join(' ');
  return {
    city,
    cityCode: p.cityCode,
    indicator: p.indicator,
    title: [ind === undefined ? (indicatorName(ctx.registry, p.indicator, ctx.lang) ?? '') : localized(ind.title, ctx.lang), seriesName ?? ''].filter((x) => x !== '').join(' — '),
    // One row per series: each series' own unit when the data gives one (they may differ); the dataset's metadata's when it states none.
    unit: ind === undefined ? ownUnit(describedIndicator(ctx.registry, p.indicator), dataUnit, ctx.lang) : seriesName !== null && dataUnit !== '' ? dataUnit : localized(ind.unit, ctx.lang) || dataUnit,
    baselineYear: baseline?.year ?? null,
    baselineValue: baseline?.value ?? null,
    latestYear: latest?.year ?? null,
    latestValue: latest?.value ?? null,
    target: target?.value ?? null,
    targetYear: target?.year ?? null,
    targetSource: goal !== null && target !== null && target.value === goal.value && target.year === goal.year ? localized(goal.source, ctx.lang) : '',
    status: result.status,
    trend: annexTrend(baseline, latest, direction, ind?.decimals),
    score: finiteOrNull(result.score),
    source,
    ...(ind === undefined ? {} : { decimals: ind.decimals }),
    ...(seriesName === null ? {} : { series: seriesName }),
  };
}

/**
 * The annex rows of one city (by dashboard key): one per indicator (one per series when the headline is
 * ambiguous, see `AnnexRow.series`), registry order, then the codes the registry does not know (by
 * code). An unknown city gives no rows.
 */
export function buildAnnex(ctx: AnnexContext, cityKey: string): AnnexRow[] {
  const city = ctx.dashboard.cityByKey.get(cityKey);
  const results = ctx.dashboard.byCity.get(cityKey) ?? [];
  if (city === undefined || results.length === 0) return [];
  const layout = layoutOfReport(ctx.dashboard.report);
  const name = cityDisplayName(city, ctx.names, ctx.lang);
  const rank = new Map<string, number>(ctx.registry.indicators.map((ind, i) => [ind.code, i]));
  const ordered = [...results].sort((a, b) => {
    const ra = rank.get(a.indicator) ?? Infinity;
    const rb = rank.get(b.indicator) ?? Infinity;
    return ra !== rb ? (ra < rb ? -1 : 1) : compareIndicatorCodes(a.indicator, b.indicator);
  });
  return ordered.flatMap((p) => rowSources(ctx.dashboard.report, p).map((r) => toAnnexRow(ctx, layout, name, cityKey, p, r.series, r.result, r.name)));
}

/** The annex columns, in order (CSV, workbook and on-screen table). */
export const ANNEX_COLUMNS = [
  'city',
  'cityCode',
  'indicator',
  'title',
  'unit',
  'baselineYear',
  'baselineValue',
  'latestYear',
  'latestValue',
  'target',
  'targetYear',
  'targetSource',
  'status',
  'trend',
  'score',
  'source',
] as const;
export type AnnexColumn = (typeof ANNEX_COLUMNS)[number];

/** Columns holding numbers; years among them are whole numbers. */
export const ANNEX_NUMBER_COLUMNS: ReadonlySet<AnnexColumn> = new Set(['baselineYear', 'baselineValue', 'latestYear', 'latestValue', 'target', 'targetYear', 'score']);
export const ANNEX_YEAR_COLUMNS: ReadonlySet<AnnexColumn> = new Set(['baselineYear', 'latestYear', 'targetYear']);

/** Column headings in `lang`. */
export function annexHeader(lang: Lang): string[] {
  return ANNEX_COLUMNS.map((c) => t(lang, `annex.col.${c}`));
}

/** A row's cell of one column: numbers stay numbers, status and trend become words in `lang`. */
export function annexCell(row: AnnexRow, column: AnnexColumn, lang: Lang): string | number | null {
  switch (column) {
    case 'status':
      return t(lang, `status.${row.status}`);
    case 'trend':
      return row.trend === null ? null : t(lang, `annex.trend.${row.trend}`);
    default:
      return row[column];
  }
}

/**
 * The annex as CSV (`toCsv`: UTF-8 BOM, CRLF, formula-safe text, numbers as plain numbers with '.'
 * and full precision, never localized digits). Header, status and trend in `lang`; missing values empty.
 */
export function annexCsv(rows: readonly AnnexRow[], lang: Lang): string {
  const data: CsvCell[][] = rows.map((r) => ANNEX_COLUMNS.map((c) => annexCell(r, c, lang)));
  return toCsv(annexHeader(lang), data);
}

/** A workbook cell, in write-excel-file's cell-object shape (structurally; no import of the library here). */
export type AnnexSheetCell =
  | { readonly type: StringConstructor; readonly value: string; readonly fontWeight?: 'bold'; readonly wrap?: boolean; readonly alignVertical?: 'top'; readonly backgroundColor?: string; readonly bottomBorderStyle?: 'thin' }
  | { readonly type: NumberConstructor; readonly value: number; readonly format: string }
  | null;

/** Everything a workbook writer needs: the sheet's cells (header first) and its options. */
export type AnnexSheet = {
  readonly data: AnnexSheetCell[][];
  readonly options: {
    /** Sheet name in `lang` (at most 31 characters, none of `[]:*?/\`). */
    readonly sheet: string;
    readonly columns: { readonly width: number }[];
    /** Right-to-left sheet for Arabic. */
    readonly rightToLeft: boolean;
    /** The header row stays in view (Excel's "freeze panes"). */
    readonly stickyRowsCount: number;
  };
  /** Text cells cut to Excel's limit (EXCEL_CELL_CHARS, ending in "…"); the sheet then says so below the table. */
  readonly truncatedCells: number;
};

/** The most characters Excel keeps in a cell: a longer text makes Excel report the workbook as damaged. */
export const EXCEL_CELL_CHARS = 32_767;

/** A text within Excel's cell limit: cut, ending in "…", never inside a surrogate pair. */
export function excelText(v: string): string {
  if (v.length <= EXCEL_CELL_CHARS) return v;
  let end = EXCEL_CELL_CHARS - 1;
  const last = v.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${v.slice(0, end)}…`;
}

/** Excel number format for a value with `decimals` places ('General' when unknown). */
function numberFormat(decimals: number | undefined): string {
  return decimals === undefined ? 'General' : decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`;
}

/** An Excel sheet name: at most 31 characters, none of the forbidden ones. */
export function sheetName(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, ' ').trim();
  return [...clean].slice(0, 31).join('') || 'Annex';
}

/**
 * The annex as workbook data (write-excel-file's input, library-agnostic in type): bold header row,
 * frozen; text as text cells (a cell typed as text is never evaluated, so no formula escaping is needed);
 * numbers as number cells shown with the indicator's decimals, years as whole numbers, scores with two
 * decimals (the stored value keeps full precision); column widths from the content; right to left in Arabic.
 */
export function annexSheet(rows: readonly AnnexRow[], lang: Lang): AnnexSheet {
  const header = annexHeader(lang);
  const headRow: AnnexSheetCell[] = header.map((h) => ({ type: String, value: h, fontWeight: 'bold', wrap: true, alignVertical: 'top', backgroundColor: '#EEEEEE', bottomBorderStyle: 'thin' }));
  const widths = header.map((h) => Math.min(Math.max(h.length, 8), 24));
  const data: AnnexSheetCell[][] = [headRow];
  let truncatedCells = 0;
  for (const r of rows) {
    const line: AnnexSheetCell[] = ANNEX_COLUMNS.map((c, i) => {
      const v = annexCell(r, c, lang);
      if (v === null) return null;
      if (typeof v === 'number') {
        const format = ANNEX_YEAR_COLUMNS.has(c) ? '0' : c === 'score' ? '0.00' : numberFormat(r.decimals);
        widths[i] = Math.max(widths[i] ?? 0, Math.min(String(Math.round(v)).length + 4, 16));
        return { type: Number, value: v, format };
      }
      const max = c === 'title' || c === 'source' ? 60 : c === 'targetSource' ? 40 : 30;
      widths[i] = Math.min(Math.max(widths[i] ?? 0, v.length > max ? max : [...v].length + 1), max);
      const text = excelText(v);
      if (text !== v) truncatedCells++;
      return { type: String, value: text };
    });
    data.push(line);
  }
  // Said in the workbook itself, below the table (the CSV annex keeps every text whole).
  if (truncatedCells > 0) data.push([], [{ type: String, value: t(lang, 'annex.truncatedCells', { count: truncatedCells, limit: EXCEL_CELL_CHARS }) }]);
  return {
    data,
    options: { sheet: sheetName(t(lang, 'annex.sheet')), columns: widths.map((width) => ({ width })), rightToLeft: lang === 'ar', stickyRowsCount: 1 },
    truncatedCells,
  };
}
