import { shownProjection } from '@/domain/progress/anchors';
import {
  OPENSDG_DEFAULT_THRESHOLDS,
  type InsufficientReason,
  type MethodSettings,
  type OpenSdgThresholds,
  type ProgressResult,
  type ProgressSettings,
  type ProgressStatus,
  type SeriesMethod,
  type SeriesPoints,
} from '@/domain/progress/types';

/**
 * The opensdg method: Open SDG's progress measure (sdg-build ≥ 2.4, Statistics Canada's methodology),
 * exactly as progress-methodology.md §1 specifies it, including its "Rules confirmed against Open SDG's
 * real output". Pure and total: no input makes these functions throw.
 *
 * Glossary (the names of the methodology and of sdg-build's ProgressMeasure.py)
 * - t0, v0: base year and value (the base year, or the first data year after it); t1, v1: latest.
 * - s: sign, −1 when v0 < 0 (all-negative series); d: direction, +1 increase, −1 decrease.
 * - P: the progress value. Method 1 (no target): s·d·CAGR. Method 2 (target): s·d·CAGR / |required CAGR|.
 * - C: the natural-limit coefficient (method 1 with a limit), scaling the thresholds.
 * - Score: P mapped piecewise-linearly onto [−5, 5]; indicators average their series' scores.
 */

/** Open SDG's status keys (the values of OPENSDG_STATUS_KEYS). */
export type OpenSdgStatusKey =
  | 'target_achieved'
  | 'substantial_progress'
  | 'moderate_progress'
  | 'limited_progress'
  | 'deterioration'
  | 'not_available';

/** Open SDG's status key of a Marsad status. */
export function toOpenSdgStatusKey(status: ProgressStatus): OpenSdgStatusKey {
  switch (status) {
    case 'target_achieved':
      return 'target_achieved';
    case 'on_track':
      return 'substantial_progress';
    case 'acceleration_needed':
      return 'moderate_progress';
    case 'limited_progress':
      return 'limited_progress';
    case 'deterioration':
      return 'deterioration';
    case 'insufficient_data':
      return 'not_available';
    default:
      return assertNever(status);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected status ${String(x)}`);
}

/** What sdg-build puts in place of a base value or a target of exactly 0 (a growth rate needs a non-zero base). */
export const OPENSDG_ZERO_REPLACEMENT = 0.001;

/**
 * The calculation components sdg-build caches per series (`indicator_calculation_components.yml`),
 * with its names and conventions: direction and sign as ±1, base_value after the 0 → 0.001 replacement,
 * base_year the configured one when no data point anchors it.
 */
export type OpenSdgComponents = {
  readonly base_value: number | null;
  readonly base_year: number | null;
  readonly current_value: number | null;
  readonly current_year: number | null;
  /** The target (0 replaced by 0.001), null for method 1. */
  readonly target: number | null;
  readonly target_year: number;
  readonly direction: 1 | -1;
  /** −1 when the base value is negative; null when there is no base value. */
  readonly sign: 1 | -1 | null;
  readonly limit: number | null;
  /** P. */
  readonly progress_value: number | null;
  readonly status: OpenSdgStatusKey;
  readonly score: number | null;
};

/** The full calculation of one series: the Marsad result plus Open SDG's own components. */
export type OpenSdgSeriesComputation = {
  readonly result: ProgressResult;
  /** 1: no target (observed growth); 2: target (ratio of observed to required growth). */
  readonly method: 1 | 2;
  /** Raw latest value meets the target (method 2 only). The status is then target_achieved, score 5. */
  readonly targetAchieved: boolean;
  readonly components: OpenSdgComponents;
};

/** Usable points as parallel arrays, years ascending (views of the input when it is already clean). */
type Usable = { readonly years: ArrayLike<number>; readonly values: ArrayLike<number>; readonly n: number; readonly dropped: number };

/**
 * The usable points, sorted by year. A NaN value is a missing value (pandas' NaN) and is dropped, as
 * sdg-build drops NA values; ±Infinity values are kept, as pandas keeps them (they give P = ±∞ or NaN).
 * Points without a finite year cannot be placed in time and are dropped. The usual input (series from
 * the engine: finite years, strictly ascending, no NaN) is used as it is, without copying: this runs for
 * every one of tens of thousands of series.
 */
function usablePoints(points: SeriesPoints): Usable {
  const n = Math.min(points.years.length, points.values.length);
  const { years, values } = points;
  let clean = true;
  for (let i = 0; i < n && clean; i++) {
    const y = years[i] ?? NaN;
    clean = Number.isFinite(y) && !Number.isNaN(values[i] ?? NaN) && (i === 0 || y > (years[i - 1] ?? NaN));
  }
  if (clean) return { years, values, n, dropped: 0 };
  const kept: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(Number(years[i])) && !Number.isNaN(Number(values[i]))) kept.push(i);
  kept.sort((x, y) => Number(years[x]) - Number(years[y]) || x - y);
  return { years: kept.map((i) => Number(years[i])), values: kept.map((i) => Number(values[i])), n: kept.length, dropped: n - kept.length };
}

function hasDuplicateYears(pts: Usable): boolean {
  for (let i = 1; i < pts.n; i++) if (pts.years[i] === pts.years[i - 1]) return true;
  return false;
}

/** Compound annual growth rate from (tb, b) to (ta, a): (a / b)^(1 / (ta − tb)) − 1, as sdg-build's growth_calculation. */
export function cagr(a: number, b: number, ta: number, tb: number): number {
  return Math.pow(a / b, 1 / (ta - tb)) - 1;
}

/**
 * The natural-limit coefficient C (method 1 with a limit): 1 far from the limit, falling to 0 at it, so
 * a series close to its ceiling or floor needs less growth to count as progress. b = |v0|, L = |limit|,
 * α = 4.44. The b ≥ 2L test comes first so that b = L = 0 gives C = 1 (as in sdg-build).
 */
export function limitCoefficient(baseValue: number, limit: number): number {
  const b = Math.abs(baseValue);
  const l = Math.abs(limit);
  const alpha = OPENSDG_DEFAULT_THRESHOLDS.limitAlpha;
  if (b >= 2 * l) return 1;
  if (b <= l) return 1 - Math.pow(b / l, alpha);
  return 1 - Math.pow((2 * l - b) / l, alpha);
}

/** Default cut points of a method, replaced key by key by a configured `progress_thresholds`. */
type Thresholds = { readonly high: number; readonly med: number; readonly low: number };
/** Shared, frozen: most series use the defaults unchanged, and need no object of their own. */
const DEFAULT_NO_TARGET: Thresholds = Object.freeze({ ...OPENSDG_DEFAULT_THRESHOLDS.noTarget });
const DEFAULT_TARGET: Thresholds = Object.freeze({ ...OPENSDG_DEFAULT_THRESHOLDS.target });

function finiteOr(v: number | undefined, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

function baseThresholds(method: 1 | 2, override: Partial<OpenSdgThresholds> | undefined): Thresholds {
  const defaults = method === 1 ? DEFAULT_NO_TARGET : DEFAULT_TARGET;
  if (override === undefined) return defaults;
  return { high: finiteOr(override.high, defaults.high), med: finiteOr(override.med, defaults.med), low: finiteOr(override.low, defaults.low) };
}

/** Series status from P and the applied thresholds (sdg-build's get_progress_status). NaN thresholds give no status. */
function statusFromMeasure(p: number | null, t: { high: number; med: number; low: number }, targetAchieved: boolean): ProgressStatus {
  if (targetAchieved) return 'target_achieved';
  if (p === null) return 'insufficient_data';
  if (p >= t.high) return 'on_track';
  if (p >= t.med) return 'acceleration_needed';
  if (p >= t.low) return 'limited_progress';
  if (p < t.low) return 'deterioration';
  return 'insufficient_data';
}

/**
 * Method-1 score. The formulas are hard-coded to the default thresholds (1.5 %, 0.5 %, 0), scaled by C:
 * P = −2 % → −5; 0 → −2.5; 0.5 %·C → 0; 1.5 %·C → 2.5; ≥ 2 %·C → 5. C = 0 (base value at the limit)
 * with P ≥ 0 means the limit is held: 5.
 */
export function scoreNoTarget(p: number, c: number): number {
  const d = OPENSDG_DEFAULT_THRESHOLDS.noTarget;
  if (p < d.low) return Math.max(125 * p - 2.5, -5);
  if (c === 0) return 5;
  if (p >= d.high * c) return Math.min((500 * p) / c - 5, 5);
  if (p >= d.med * c) return (250 * p) / c - 1.25;
  return (500 * p) / c - 2.5;
}

/**
 * Method-2 score, with sdg-build's rounded constants: R = −0.6 → −5; 0 → −2.5; 0.6 → 0; 0.95 → 2.5; ≥ 1.3 → 5.
 */
export function scoreWithTarget(p: number): number {
  if (p >= OPENSDG_DEFAULT_THRESHOLDS.target.med) return Math.min(7.1429 * p - 4.2857, 5);
  return Math.max(4.1667 * p - 2.5, -5);
}

function sameSignViolated(a: number, b: number): boolean {
  return (a > 0 && b < 0) || (a < 0 && b > 0);
}

/** −0 (from s·d·0) as 0: one "no change", whether read with Object.is or written as JSON. */
function withoutNegativeZero(x: number): number {
  return x === 0 ? 0 : x;
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? withoutNegativeZero(x) : null;
}

/** Stands in for the components when the caller asked not to keep them (see computeOpenSdgSeries). */
const COMPONENTS_NOT_KEPT: OpenSdgComponents = Object.freeze({
  base_value: null,
  base_year: null,
  current_value: null,
  current_year: null,
  target: null,
  target_year: 2030,
  direction: -1,
  sign: null,
  limit: null,
  progress_value: null,
  status: 'not_available',
  score: null,
});

/** The computation of a series that cannot be assessed (and why). */
function unavailableComputation(
  ctx: { method: 1 | 2; settings: ProgressSettings; target: number | null; targetYear: number; d: 1 | -1; notes: string[] },
  reason: InsufficientReason,
  extra: Partial<OpenSdgComponents>,
): OpenSdgSeriesComputation {
  const { method, settings, target, targetYear, d, notes } = ctx;
  const components: OpenSdgComponents = {
    base_value: null,
    base_year: settings.baseYear,
    current_value: null,
    current_year: null,
    target,
    target_year: targetYear,
    direction: d,
    sign: null,
    limit: settings.limit,
    progress_value: null,
    status: 'not_available',
    score: null,
    ...extra,
  };
  const latest = components.current_year !== null && components.current_value !== null ? { year: components.current_year, value: components.current_value } : null;
  return {
    method,
    targetAchieved: false,
    components,
    result: {
      status: 'insufficient_data',
      score: null,
      normalizedScore: null,
      projected: null,
      explanation: {
        method: 'opensdg',
        direction: settings.direction,
        base: null,
        latest,
        target: target === null ? null : { year: targetYear, value: target },
        observedGrowth: null,
        requiredGrowth: null,
        measure: null,
        thresholds: {},
        limitCoefficient: null,
        insufficientReason: reason,
        notes,
      },
    },
  };
  }

/**
 * Open SDG's calculation for one series (progress-methodology.md §1 steps 2–6).
 *
 * Order of operations (rule 7): the sign and the limit coefficient use the original base value; the
 * target-achieved test compares the raw latest value with the target (0 having become 0.001); a base
 * value of 0 becomes 0.001 for the growth and the opposite-sign test. Target achieved does not stop P
 * being computed (rule 6), so a series can be achieved with P null (e.g. one data point).
 *
 * `thresholds` is Open SDG's `progress_thresholds`: it moves the status cut points, never the score formulas.
 */
export function computeOpenSdgSeries(
  points: SeriesPoints,
  settings: MethodSettings,
  thresholds?: Partial<OpenSdgThresholds>,
  /** False when only `result` is used (the engine's tens of thousands of series): skips one object per series. */
  withComponents = true,
): OpenSdgSeriesComputation {
  const notes: string[] = [];
  const d: 1 | -1 = settings.direction === 'increase' ? 1 : -1;
  const method: 1 | 2 = settings.target === null ? 1 : 2;
  const targetYear = settings.target === null ? settings.targetYear : settings.target.year;
  let target: number | null = null;
  if (settings.target !== null) {
    target = settings.target.value;
    if (target === 0) {
      target = OPENSDG_ZERO_REPLACEMENT;
      notes.push('target_zero_replaced');
    }
  }

  const pts = usablePoints(points);
  if (pts.dropped > 0) notes.push('missing_points_dropped');

  if (pts.n === 0) return unavailableComputation({ method, settings, target, targetYear, d, notes }, 'no_data', {});
  // sdg-build raises on duplicate years; a series that cannot be told apart is not available.
  if (hasDuplicateYears(pts)) return unavailableComputation({ method, settings, target, targetYear, d, notes }, 'ambiguous_series', {});
  const t1 = Number(pts.years[pts.n - 1]);
  const v1 = Number(pts.values[pts.n - 1]);
  // Points are sorted: the first at or after the base year is the base year itself or the next data year.
  let baseIndex = 0;
  while (baseIndex < pts.n && Number(pts.years[baseIndex]) < settings.baseYear) baseIndex++;
  if (baseIndex === pts.n) return unavailableComputation({ method, settings, target, targetYear, d, notes }, 'no_data_since_base_year', { current_value: v1, current_year: t1 });
  const t0 = Number(pts.years[baseIndex]);
  const v0 = Number(pts.values[baseIndex]);
  if (t0 !== settings.baseYear) notes.push('base_year_moved');

  // Sign and limit coefficient: from the original base value (rule 7).
  const s: 1 | -1 = v0 < 0 ? -1 : 1;
  let applied = baseThresholds(method, thresholds);
  let c: number | null = null;
  if (method === 1 && settings.limit !== null) {
    c = limitCoefficient(v0, settings.limit);
    applied = { high: applied.high * c, med: applied.med * c, low: applied.low * c };
    if ((d === -1 && v0 < settings.limit) || (d === 1 && v0 > settings.limit)) notes.push('base_value_beyond_limit');
  }
  if (method === 2 && settings.limit !== null) notes.push('limit_ignored_with_target');

  const targetAchieved = target !== null && (d === -1 ? v1 <= target : v1 >= target);

  let b = v0;
  if (b === 0) {
    b = OPENSDG_ZERO_REPLACEMENT;
    notes.push('base_value_zero_replaced');
  }

  let reason: InsufficientReason | null = null;
  let observed: number | null = null;
  let required: number | null = null;
  let p: number | null = null;
  if (sameSignViolated(b, v1)) reason = 'opposite_signs';
  else if (t1 - t0 < 1) reason = 'one_point';
  else {
    observed = cagr(v1, b, t1, t0);
    if (method === 1) p = withoutNegativeZero(s * d * observed);
    else if (target !== null) {
      if (sameSignViolated(target, b)) reason = 'target_opposite_sign';
      else {
        required = cagr(target, b, targetYear, t0);
        // Required growth 0 (base value = target) or undefined (target year = base year): no ratio.
        if (required === 0 || Number.isNaN(required) || targetYear === t0) reason = 'zero_required_growth';
        else p = withoutNegativeZero((s * d * observed) / Math.abs(required));
      }
    }
  }
  if (p !== null && Number.isNaN(p)) {
    // Only infinite data values get here (∞/∞); pandas' NaN compares false everywhere: not available.
    p = null;
    notes.push('measure_not_a_number');
  }

  const status = statusFromMeasure(p, applied, targetAchieved);
  let score: number | null = null;
  if (targetAchieved) score = 5;
  // NaN thresholds (a NaN limit): sdg-build finds no status and no score either.
  else if (p !== null && status !== 'insufficient_data') {
    const raw = method === 1 ? scoreNoTarget(p, c ?? 1) : scoreWithTarget(p);
    score = Number.isNaN(raw) ? null : raw;
  }
  if (status === 'insufficient_data' && reason === null && p !== null) notes.push('thresholds_not_a_number');

  let projected: ProgressResult['projected'] = null;
  if (observed !== null) {
    // Open SDG draws no projection; ours is the observed pace carried on, shown within what the indicator can reach.
    const value = v1 * Math.pow(1 + observed, targetYear - t1);
    projected = shownProjection(targetYear, value, { year: t1, value: v1 }, settings);
    if (projected !== null && projected.value !== value) notes.push('projection_capped');
  }

  const components: OpenSdgComponents = !withComponents
    ? COMPONENTS_NOT_KEPT
    : {
    base_value: b,
    base_year: t0,
    current_value: v1,
    current_year: t1,
    target,
    target_year: targetYear,
    direction: d,
    sign: s,
    limit: settings.limit,
    progress_value: p,
    status: toOpenSdgStatusKey(status),
    score,
  };
  return {
    method,
    targetAchieved,
    components,
    result: {
      status,
      score,
      normalizedScore: null,
      projected,
      explanation: {
        method: 'opensdg',
        direction: settings.direction,
        base: { year: t0, value: v0 },
        latest: { year: t1, value: v1 },
        target: target === null ? null : { year: targetYear, value: target },
        observedGrowth: observed === null ? null : finiteOrNull(s * d * observed),
        requiredGrowth: required === null ? null : finiteOrNull(s * d * required),
        measure: p,
        thresholds: applied,
        limitCoefficient: c,
        insufficientReason: p === null ? reason : null,
        notes,
      },
    },
  };
}

/** The opensdg method with a deployment's `progress_thresholds` (status cut points only). */
export function opensdgSeriesWith(thresholds?: Partial<OpenSdgThresholds>): SeriesMethod {
  return (points, settings) => computeOpenSdgSeries(points, settings, thresholds, false).result;
}

/** The opensdg method with Open SDG's default thresholds. */
export const opensdgSeries: SeriesMethod = opensdgSeriesWith();

/** A group of Open SDG progress items: reduced to the mean of its scored members, then counted as one item. */
export type OpenSdgGroup = { readonly group: readonly OpenSdgItem[] };
/** What an indicator aggregates: series results and groups, nesting to any depth. */
export type OpenSdgItem = ProgressResult | OpenSdgGroup;

function isOpenSdgGroup(item: OpenSdgItem): item is OpenSdgGroup {
  return 'group' in item;
}

/** Score of a list of items: the mean of the scored ones; a group without a scored member is left out. */
export type OpenSdgGroupScore = {
  readonly score: number | null;
  /** Every scored series at any depth achieved its target (false when none is scored). */
  readonly targetAchieved: boolean;
  /** Scored series at any depth. */
  readonly scoredSeries: number;
};

/**
 * Mean score of items (rule 8): series with a score count once each, a group counts once with the mean
 * of its own scored members; identical items listed twice count twice.
 */
export function scoreOpenSdgItems(items: readonly OpenSdgItem[]): OpenSdgGroupScore {
  let sum = 0;
  let count = 0;
  let scoredSeries = 0;
  let allAchieved = true;
  for (const item of items) {
    if (isOpenSdgGroup(item)) {
      const g = scoreOpenSdgItems(item.group);
      if (g.score === null) continue;
      sum += g.score;
      count++;
      scoredSeries += g.scoredSeries;
      allAchieved &&= g.targetAchieved;
    } else if (item.score !== null && !Number.isNaN(item.score)) {
      sum += item.score;
      count++;
      scoredSeries++;
      allAchieved &&= item.status === 'target_achieved';
    }
  }
  if (count === 0) return { score: null, targetAchieved: false, scoredSeries: 0 };
  return { score: sum / count, targetAchieved: allAchieved, scoredSeries };
}

/**
 * Indicator status from its score (sdg-build's get_progress_status_from_score): all achieved →
 * target_achieved; 2.5 ≤ S → on_track; 0 ≤ S < 2.5 → acceleration_needed; −2.5 ≤ S < 0 →
 * limited_progress (so exactly −2.5 is limited progress); S < −2.5 → deterioration; no score → insufficient_data.
 */
export function opensdgStatusFromScore(score: number | null, targetAchieved: boolean): ProgressStatus {
  if (targetAchieved) return 'target_achieved';
  if (score === null || Number.isNaN(score)) return 'insufficient_data';
  if (score >= 2.5) return 'on_track';
  if (score >= 0) return 'acceleration_needed';
  if (score >= -2.5) return 'limited_progress';
  return 'deterioration';
}

export type OpenSdgAggregate = OpenSdgGroupScore & { readonly status: ProgressStatus };

/** Open SDG's indicator result from its configured series and groups (progress-methodology.md §1 step 7). */
export function aggregateOpenSdg(items: readonly OpenSdgItem[]): OpenSdgAggregate {
  const g = scoreOpenSdgItems(items);
  return { ...g, status: opensdgStatusFromScore(g.score, g.targetAchieved) };
}
