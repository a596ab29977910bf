import type { DataText } from '@/domain/dataset-indicator';
import { type Indicator, type LocalizedText, NuaPrioritySchema } from '@/domain/indicator';
import type { ObservationTable } from '@/domain/observation-table';
import type { IndicatorProgress } from '@/domain/progress/compute';
import type { RollupGroup, StatusCounts } from '@/domain/progress/rollups';
import { DEFAULT_TARGET_YEAR } from '@/domain/progress/series';
import { PROGRESS_STATUSES, type ProgressStatus } from '@/domain/progress/types';
import { compareIndicatorCodes, type Registry } from '@/domain/registry';
import { type CityPair, type Dashboard, resolveCityPair } from './dashboard-model';
import { explainResult, type Sentence } from './explain-result';
import { goalOfCode } from './sdg-colors';
import type { Lang } from '@/i18n/lang';

/**
 * The printable city report as data: what the report page lays out (and tests read without React).
 * For the cities of the report (one, or two in the partner-city edition):
 * - a summary per city: the period its data covers, counts by status, counts by NUA priority;
 * - one section per SDG target that any of the cities reports (registry order: 11.1 < 11.6 < 16.7),
 *   then local indicators (no SDG target), then indicators unknown to the registry;
 * - per indicator, each city's headline result and the explanation sentences of "how was this computed".
 * Pure: it reads the shared dashboard model and never recomputes progress.
 */

export type ReportPeriod = { readonly from: number; readonly to: number };

/** One city's result for one indicator: undefined `progress` when the city does not report it. */
export type ReportCityResult = {
  readonly cityKey: string;
  readonly progress: IndicatorProgress | undefined;
  /** The explanation (data: message keys and parameters); empty when the city does not report the indicator. */
  readonly sentences: readonly Sentence[];
};

export type ReportIndicator = {
  /** The registry's code (an alias in the data is shown under its indicator), else the code in the data. */
  readonly code: string;
  readonly indicator: Indicator | undefined;
  /** The title the dataset's own metadata gives an indicator the registry does not know; undefined when none. */
  readonly ownTitle?: DataText;
  /** One entry per city of the report, in the report's city order. */
  readonly results: readonly ReportCityResult[];
};

export type ReportSectionKind = 'target' | 'local' | 'unregistered';

export type ReportSection = {
  readonly kind: ReportSectionKind;
  /** The SDG target (`11.6`) of a target section; '' for the local and unregistered sections. */
  readonly key: string;
  /** The SDG goal of a target section (for its colour mark); undefined otherwise. */
  readonly goal: number | undefined;
  readonly indicators: readonly ReportIndicator[];
};

export type ReportCitySummary = {
  readonly cityKey: string;
  /** First and last year of any of the city's observations; null when it has none. */
  readonly period: ReportPeriod | null;
  /** All the city's indicators by status. */
  readonly overall: RollupGroup;
  /** Governance, planning, finance: always all three, in that order (zero counts where none is reported). */
  readonly byPriority: readonly RollupGroup[];
};

export type ReportModel = {
  readonly cities: readonly ReportCitySummary[];
  readonly sections: readonly ReportSection[];
  /** First–last data year across the report's cities; null without data. */
  readonly period: ReportPeriod | null;
};

function zeroCounts(): StatusCounts {
  const counts = {} as Record<ProgressStatus, number>;
  for (const s of PROGRESS_STATUSES) counts[s] = 0;
  return counts;
}

function emptyGroup(key: string): RollupGroup {
  return { key, indicators: 0, counts: zeroCounts(), meanScore: null, scored: 0 };
}

/** Text in the report's language, English when the translation is empty. */
export function localized(text: LocalizedText, lang: Lang): string {
  return text[lang] || text.en;
}

/**
 * The first and last year of a city's observations (any indicator, series or disaggregation). A row is
 * the city's when its code is the key, or it has no code and its name is the key (the dashboard's rule).
 */
export function cityPeriod(table: ObservationTable, cityKey: string): ReportPeriod | null {
  const d = table.dict;
  const codeMatch = new Uint8Array(d.cityCode.length);
  for (let i = 1; i < d.cityCode.length; i++) if (d.cityCode[i] === cityKey) codeMatch[i] = 1;
  const nameMatch = new Uint8Array(d.city.length);
  for (let i = 0; i < d.city.length; i++) if (d.city[i] === cityKey) nameMatch[i] = 1;
  let from = Infinity;
  let to = -Infinity;
  for (let i = 0; i < table.length; i++) {
    const codeId = table.cityCode[i] ?? 0;
    if (codeId !== 0 ? codeMatch[codeId] !== 1 : nameMatch[table.city[i] ?? 0] !== 1) continue;
    const year = table.year[i] ?? 0;
    if (year < from) from = year;
    if (year > to) to = year;
  }
  return from <= to ? { from, to } : null;
}

/** The explanation sentences of one result, with the registry's settings of its indicator. */
export function explainProgress(p: IndicatorProgress, indicator: Indicator | undefined): Sentence[] {
  const target = indicator?.goalTarget ?? null;
  return explainResult(p.result, {
    baseYear: indicator?.baseYear ?? 2015,
    targetYear: DEFAULT_TARGET_YEAR,
    target: target === null ? null : { value: target.value, year: target.year },
    limit: indicator?.naturalLimit ?? null,
  });
}

/**
 * The report of one city, or of partner cities side by side (`cityKeys` in the order shown). Unknown
 * city keys give a summary without data and no results.
 */
export function buildReport(dashboard: Pick<Dashboard, 'byCity' | 'rollups' | 'table'>, registry: Registry, cityKeys: readonly string[]): ReportModel {
  const cities: ReportCitySummary[] = cityKeys.map((cityKey) => {
    const rollup = dashboard.rollups.get(cityKey);
    return {
      cityKey,
      period: cityPeriod(dashboard.table, cityKey),
      overall: rollup?.overall ?? emptyGroup('all'),
      byPriority: NuaPrioritySchema.options.map((key) => rollup?.byPriority.find((g) => g.key === key) ?? emptyGroup(key)),
    };
  });

  // Every indicator any city reports, by its registry code, with each city's result.
  const byCode = new Map<string, { indicator: Indicator | undefined; results: Map<string, IndicatorProgress> }>();
  for (const cityKey of cityKeys) {
    for (const p of dashboard.byCity.get(cityKey) ?? []) {
      const indicator = registry.byCode.get(p.indicator);
      const code = indicator?.code ?? p.indicator;
      let entry = byCode.get(code);
      if (entry === undefined) byCode.set(code, (entry = { indicator, results: new Map() }));
      if (!entry.results.has(cityKey)) entry.results.set(cityKey, p);
    }
  }

  const buckets = new Map<string, ReportIndicator[]>();
  const local: ReportIndicator[] = [];
  const unregistered: ReportIndicator[] = [];
  const codes = [...byCode.keys()].sort(compareIndicatorCodes);
  for (const code of codes) {
    const entry = byCode.get(code);
    if (entry === undefined) continue;
    const ownTitle = entry.indicator === undefined ? registry.described?.get(code)?.title : undefined;
    const row: ReportIndicator = {
      code,
      indicator: entry.indicator,
      ...(ownTitle !== undefined ? { ownTitle } : {}),
      results: cityKeys.map((cityKey) => {
        const progress = entry.results.get(cityKey);
        return { cityKey, progress, sentences: progress === undefined ? [] : explainProgress(progress, entry.indicator) };
      }),
    };
    const target = entry.indicator?.target ?? null;
    if (entry.indicator === undefined) unregistered.push(row);
    else if (target === null) local.push(row);
    else {
      let list = buckets.get(target);
      if (list === undefined) buckets.set(target, (list = []));
      list.push(row);
    }
  }
  const sections: ReportSection[] = [...buckets.keys()]
    .sort(compareIndicatorCodes)
    .map((key) => ({ kind: 'target' as const, key, goal: goalOfCode(key), indicators: buckets.get(key) ?? [] }));
  if (local.length > 0) sections.push({ kind: 'local', key: '', goal: undefined, indicators: local });
  if (unregistered.length > 0) sections.push({ kind: 'unregistered', key: '', goal: undefined, indicators: unregistered });

  const periods = cities.map((c) => c.period).filter((p): p is ReportPeriod => p !== null);
  const period = periods.length === 0 ? null : { from: Math.min(...periods.map((p) => p.from)), to: Math.max(...periods.map((p) => p.to)) };
  return { cities, sections, period };
}

export type ReportCities = CityPair;

/** The report's city and partner from the URL (see resolveCityPair). */
export const resolveReportCities = resolveCityPair;
