import { disaggregationKey, type ObservationTable } from '../observation-table';
import type { Registry } from '../registry';
import { isRegistryUnit } from '../units';
import { emptyExplanation, insufficientResult } from './anchors';
import { aggregateOpenSdg, opensdgSeriesWith, opensdgStatusFromScore } from './opensdg';
import { createSdsnSeries } from './sdsn';
import { DEFAULT_BASE_YEAR, DEFAULT_TARGET_YEAR, type DuplicateYear, layoutSeriesSteps, type SeriesLayout, type SettingsOverride } from './series';
import { runSteps, type Steps } from '../steps';
import type {
  InsufficientReason,
  OpenSdgThresholds,
  ProgressMethod,
  ProgressResult,
  ProgressSettings,
  SdsnThresholds,
  SeriesMethod,
  UnsdThresholds,
} from './types';
import { createUnsdSeries } from './unsd';

/**
 * Progress of every series of a table, and the headline result of every city × indicator.
 *
 * Headline: by default the series with headline rows (no disaggregation) — when an indicator has
 * several series/unit combinations with headline rows for a city, which one is meant is ambiguous and
 * the headline is `insufficient_data` (`ambiguous_series`), as in Open SDG; each series still has its
 * own result. A dataset picks the series with `progressSeries` (Open SDG's `progress_calculation_options`:
 * series, unit, disaggregation, and groups). opensdg aggregates all the configured series the way Open
 * SDG does (mean score, groups first reduced to their mean); unsd and sdsn use the first one.
 */

/** Selects one series of an indicator, as an Open SDG progress option does. */
export type SeriesSpec = {
  /** The Series text; ignored when the indicator has no series for this city. */
  readonly series?: string;
  /** The Units text; ignored when the indicator has no units for this city. */
  readonly unit?: string;
  /** Disaggregation values (column → value); every other disaggregation must be blank. Omitted: the headline. */
  readonly disaggregation?: Readonly<Record<string, string>>;
};
/** A series, or a group whose members' mean counts as one item (nesting to any depth). */
export type SeriesSpecItem = SeriesSpec | { readonly group: readonly SeriesSpecItem[] };

/** What a dataset may configure per indicator: settings overrides and the series of the headline. */
export type IndicatorConfig = SettingsOverride & { readonly progressSeries?: readonly SeriesSpecItem[] };

export type ComputeProgressOptions = {
  readonly method: ProgressMethod;
  /** Per indicator code (or alias). */
  readonly overrides?: Readonly<Record<string, IndicatorConfig>>;
  /** Cut points replacing the defaults of a method (a per-indicator override still wins). */
  readonly thresholds?: { readonly opensdg?: Partial<OpenSdgThresholds>; readonly unsd?: UnsdThresholds; readonly sdsn?: SdsnThresholds };
};

/** The result of one series. */
export type SeriesProgress = {
  readonly city: string;
  readonly cityCode: string;
  readonly indicator: string;
  /** The Series text; null for the series the headline result is about. */
  readonly series: string | null;
  readonly unit: string;
  /** Disaggregation key ('' = the headline rows; see observation-table.ts). */
  readonly disaggregation: string;
  readonly method: ProgressMethod;
  readonly result: ProgressResult;
};

/** The headline result of one city × indicator. */
export type IndicatorProgress = {
  readonly city: string;
  readonly cityCode: string;
  readonly indicator: string;
  readonly method: ProgressMethod;
  readonly result: ProgressResult;
  /** Index in `series` of the series the headline is, −1 for an aggregate of several or none. */
  readonly headlineSeries: number;
  /** The indicator's series for this city: `series[first .. end)`. */
  readonly first: number;
  readonly end: number;
};

export type ProgressReport = {
  readonly method: ProgressMethod;
  readonly series: readonly SeriesProgress[];
  readonly indicators: readonly IndicatorProgress[];
  /** Years found twice in a series (the last-listed row was used); `series` indexes `series` above. */
  readonly duplicates: readonly DuplicateYear[];
};

/** The series grouping each report was computed on (kept beside the report, which stays plain data). */
const reportLayouts = new WeakMap<ProgressReport, SeriesLayout>();

/**
 * The series layout `computeProgress` grouped the table into for this report: series s of the layout
 * is `report.series[s]`. Views read points from it instead of grouping the table a second time.
 */
export function layoutOfReport(report: ProgressReport): SeriesLayout {
  const layout = reportLayouts.get(report);
  if (layout === undefined) throw new Error('layoutOfReport: the report was not made by computeProgress');
  return layout;
}

/** Stands in for the settings of an indicator nobody configured, so an explanation can still be built. */
const UNCONFIGURED: ProgressSettings = {
  direction: 'increase',
  target: null,
  baseYear: DEFAULT_BASE_YEAR,
  targetYear: DEFAULT_TARGET_YEAR,
  limit: null,
  bounds: null,
};

function seriesMethodFor(options: ComputeProgressOptions): SeriesMethod {
  switch (options.method) {
    case 'opensdg':
      return opensdgSeriesWith(options.thresholds?.opensdg);
    case 'unsd':
      return createUnsdSeries(options.thresholds?.unsd);
    case 'sdsn':
      return createSdsnSeries(options.thresholds?.sdsn);
    default:
      return assertNever(options.method);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected method ${String(x)}`);
}

function isGroup(item: SeriesSpecItem): item is { readonly group: readonly SeriesSpecItem[] } {
  return 'group' in item;
}

function firstLeaf(items: readonly SeriesSpecItem[]): SeriesSpec | undefined {
  for (const item of items) {
    const leaf = isGroup(item) ? firstLeaf(item.group) : item;
    if (leaf !== undefined) return leaf;
  }
  return undefined;
}

type Match = { readonly ok: true; readonly index: number } | { readonly ok: false; readonly reason: InsufficientReason };

/** The one series of city × indicator block b that a spec selects (Open SDG's step 1, on Marsad's series). */
export function matchSeriesSpec(spec: SeriesSpec, layout: SeriesLayout, b: number): Match {
  const plain = spec.series === undefined && spec.unit === undefined && spec.disaggregation === undefined;
  if (plain) {
    const headline = layout.blockHeadline[b] ?? -1;
    if (headline !== -1) return { ok: true, index: headline };
    return { ok: false, reason: (layout.blockHeadlineCandidates[b] ?? 0) > 1 ? 'ambiguous_series' : 'no_data' };
  }
  const d = layout.table.dict;
  const first = layout.blockFirst[b] ?? 0;
  const end = layout.blockFirst[b + 1] ?? 0;
  const key = spec.disaggregation === undefined ? '' : disaggregationKey(Object.entries(spec.disaggregation));
  // A filter on a column the data does not have (no series / no units for this city) is ignored.
  let hasSeries = false;
  let hasUnit = false;
  for (let k = first; k < end; k++) {
    hasSeries ||= (layout.series[k] ?? 0) !== 0;
    hasUnit ||= (layout.unit[k] ?? 0) !== 0;
  }
  let found = -1;
  let count = 0;
  for (let k = first; k < end; k++) {
    if ((d.disaggregation[layout.disaggregation[k] ?? 0] ?? '') !== key) continue;
    if (spec.series !== undefined && hasSeries && d.series[layout.series[k] ?? 0] !== spec.series) continue;
    if (spec.unit !== undefined && hasUnit && d.unit[layout.unit[k] ?? 0] !== spec.unit) continue;
    found = k;
    count++;
  }
  if (count === 1) return { ok: true, index: found };
  return { ok: false, reason: count > 1 ? 'ambiguous_series' : 'no_data' };
}

/** The items handed to Open SDG's aggregation: one result per matched series, groups kept as groups. */
type AggregateItem = ProgressResult | { readonly group: readonly AggregateItem[] };

function aggregateItems(items: readonly SeriesSpecItem[], layout: SeriesLayout, b: number, results: readonly ProgressResult[], used: number[]): AggregateItem[] {
  const out: AggregateItem[] = [];
  for (const item of items) {
    if (isGroup(item)) {
      out.push({ group: aggregateItems(item.group, layout, b, results, used) });
      continue;
    }
    const m = matchSeriesSpec(item, layout, b);
    const r = m.ok ? results[m.index] : undefined;
    if (m.ok && r !== undefined) {
      out.push(r);
      used.push(m.index);
    }
  }
  return out;
}

/**
 * The opensdg headline of one series: Open SDG's aggregation of a single item, i.e. the indicator
 * status from that series' score. Usually equal to the series' own result, which is then reused.
 */
function opensdgSingle(r: ProgressResult): ProgressResult {
  const score = r.score === null || Number.isNaN(r.score) ? null : r.score;
  const status = opensdgStatusFromScore(score, score !== null && r.status === 'target_achieved');
  return status === r.status && score === r.score ? r : { ...r, status, score };
}

/**
 * The opensdg headline of several configured series: Open SDG's aggregation. With one matched series
 * the result keeps its explanation and projection; otherwise the explanation says it is an aggregate.
 */
function opensdgAggregate(settings: ProgressSettings, items: readonly SeriesSpecItem[], layout: SeriesLayout, b: number, results: readonly ProgressResult[], reason: InsufficientReason): ProgressResult {
  const used: number[] = [];
  const aggregate = aggregateOpenSdg(aggregateItems(items, layout, b, results, used));
  const single = used.length === 1 ? results[used[0] ?? -1] : undefined;
  if (single !== undefined) return { ...single, status: aggregate.status, score: aggregate.score };
  if (aggregate.status === 'insufficient_data') return insufficientResult('opensdg', settings, reason);
  return {
    status: aggregate.status,
    score: aggregate.score,
    normalizedScore: null,
    projected: null,
    explanation: { ...emptyExplanation('opensdg', settings), measure: aggregate.score, notes: [`aggregate_of_${used.length}_series`] },
  };
}

/** Splits the per-indicator configuration into settings overrides and series selections (by canonical code). */
function splitOverrides(overrides: Readonly<Record<string, IndicatorConfig>>, registry: Registry) {
  const settings: Record<string, SettingsOverride> = {};
  const specs = new Map<string, readonly SeriesSpecItem[]>();
  for (const [code, config] of Object.entries(overrides)) {
    const { progressSeries, ...rest } = config;
    settings[code] = rest;
    if (progressSeries !== undefined) specs.set(registry.byCode.get(code)?.code ?? code, progressSeries);
  }
  return { settings, specs };
}

/**
 * Series whose unit is not the registry's definition of their indicator (a count of rough sleepers
 * filed under 11.1.1, tonnes under a percentage): the registry's target and range do not apply to them.
 * Indicators whose settings come with the data (an Open SDG repository's target, direction…) are not judged;
 * a choice of headline series alone does not count as such settings.
 */
function otherUnitSeries(layout: SeriesLayout, table: ObservationTable, registry: Registry, configured: Readonly<Record<string, object>>): Uint8Array {
  const out = new Uint8Array(layout.city.length);
  const verdicts = new Map<number, boolean>();
  for (let s = 0; s < out.length; s++) {
    const rank = layout.indicatorRank[s] ?? 0;
    const unitId = layout.unit[s] ?? 0;
    if (unitId === 0) continue;
    const key = rank * 2 ** 21 + unitId;
    let other = verdicts.get(key);
    if (other === undefined) {
      const code = layout.codes[rank] ?? '';
      const indicator = registry.byCode.get(code);
      other = indicator !== undefined && Object.keys(configured[code] ?? {}).length === 0 && isRegistryUnit(table.dict.unit[unitId] ?? '', indicator) !== 'same';
      verdicts.set(key, other);
    }
    if (other) out[s] = 1;
  }
  return out;
}

/** Series or blocks between two yields of computeProgressSteps. */
const PER_STEP = 2048;

/** Runs the method on every series. Not-configured series share one result object. */
function* assessAll(layout: SeriesLayout, method: ProgressMethod, assess: SeriesMethod, otherUnit: Uint8Array): Steps<ProgressResult[]> {
  const count = layout.city.length;
  const results = new Array<ProgressResult>(count);
  const notConfigured = insufficientResult(method, UNCONFIGURED, 'not_configured');
  const { starts, years, values } = layout;
  for (let s = 0; s < count; s++) {
    if (s % PER_STEP === PER_STEP - 1) yield;
    const settings = layout.settings[layout.indicatorRank[s] ?? 0] ?? null;
    if (settings === null) {
      results[s] = notConfigured;
      continue;
    }
    if (otherUnit[s] === 1) {
      results[s] = insufficientResult(method, settings, 'other_unit');
      continue;
    }
    const a = starts[s] ?? 0;
    const b = starts[s + 1] ?? 0;
    results[s] = assess({ years: years.subarray(a, b), values: values.subarray(a, b) }, settings);
  }
  return results;
}

/** Progress of every series and every city × indicator of a table (see the file comment). */
export function computeProgress(table: ObservationTable, registry: Registry, options: ComputeProgressOptions): ProgressReport {
  return runSteps(computeProgressSteps(table, registry, options));
}

/** `computeProgress` in steps (see domain/steps.ts), for the app to run without freezing the page. */
export function* computeProgressSteps(table: ObservationTable, registry: Registry, options: ComputeProgressOptions): Steps<ProgressReport> {
  const { method } = options;
  const { settings: settingsOverrides, specs } = splitOverrides(options.overrides ?? {}, registry);
  const layout = yield* layoutSeriesSteps(table, registry, settingsOverrides);
  const otherUnit = otherUnitSeries(layout, table, registry, settingsOverrides);
  yield;
  const results = yield* assessAll(layout, method, seriesMethodFor(options), otherUnit);
  const d = table.dict;
  const blocks = layout.blockFirst.length - 1;
  const isHeadline = new Uint8Array(layout.city.length);
  const indicators = new Array<IndicatorProgress>(blocks);
  const notConfigured = insufficientResult(method, UNCONFIGURED, 'not_configured');
  for (let b = 0; b < blocks; b++) {
    if (b % PER_STEP === PER_STEP - 1) yield;
    const first = layout.blockFirst[b] ?? 0;
    const code = layout.codes[layout.indicatorRank[first] ?? 0] ?? '';
    const settings = layout.settings[layout.indicatorRank[first] ?? 0] ?? null;
    const configured = specs.get(code);
    let headline: number;
    let result: ProgressResult;
    if (configured === undefined) {
      // The default: the block's headline series, found while grouping (no spec matching needed).
      headline = layout.blockHeadline[b] ?? -1;
      const r = headline === -1 ? undefined : results[headline];
      if (settings === null) result = notConfigured;
      else if (r === undefined) result = insufficientResult(method, settings, (layout.blockHeadlineCandidates[b] ?? 0) > 1 ? 'ambiguous_series' : 'no_data');
      else result = method === 'opensdg' ? opensdgSingle(r) : r;
    } else {
      const leafMatch = matchSeriesSpec(firstLeaf(configured) ?? {}, layout, b);
      const single = configured.length === 1 && !isGroup(configured[0] ?? {});
      headline = leafMatch.ok && (method !== 'opensdg' || single) ? leafMatch.index : -1;
      const reason = leafMatch.ok ? 'no_data' : leafMatch.reason;
      const r = leafMatch.ok ? results[leafMatch.index] : undefined;
      if (settings === null) result = notConfigured;
      else if (method === 'opensdg') result = opensdgAggregate(settings, configured, layout, b, results, reason);
      else result = r ?? insufficientResult(method, settings, reason);
    }
    if (headline !== -1) isHeadline[headline] = 1;
    indicators[b] = {
      city: d.city[layout.city[first] ?? 0] ?? '',
      cityCode: d.cityCode[layout.cityCode[first] ?? 0] ?? '',
      indicator: code,
      method,
      result,
      headlineSeries: headline,
      first,
      end: layout.blockFirst[b + 1] ?? first,
    };
  }
  const series = new Array<SeriesProgress>(results.length);
  for (let s = 0; s < results.length; s++) {
    if (s % PER_STEP === PER_STEP - 1) yield;
    series[s] = {
      city: d.city[layout.city[s] ?? 0] ?? '',
      cityCode: d.cityCode[layout.cityCode[s] ?? 0] ?? '',
      indicator: layout.codes[layout.indicatorRank[s] ?? 0] ?? '',
      series: isHeadline[s] === 1 ? null : (d.series[layout.series[s] ?? 0] ?? ''),
      unit: d.unit[layout.unit[s] ?? 0] ?? '',
      disaggregation: d.disaggregation[layout.disaggregation[s] ?? 0] ?? '',
      method,
      result: results[s] ?? notConfigured,
    };
  }
  const report: ProgressReport = { method, series, indicators, duplicates: layout.duplicates };
  reportLayouts.set(report, layout);
  return report;
}
