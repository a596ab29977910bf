import { clamp, directionSign, findAnchors, insufficientResult, type Point, safeRatio, shownProjection } from './anchors';
import {
  type MethodSettings,
  type ProgressResult,
  type ProgressStatus,
  type SeriesMethod,
  type SeriesPoints,
  UNSD_DEFAULT_THRESHOLDS,
  type UnsdThresholds,
} from './types';

/**
 * The unsd method: the UN Statistics Division's Progress Chart 2023 (technical note as adopted by
 * EUSTAT's Open SDG site; progress-methodology.md §2).
 *
 * With a target y* for year T (base y0 in year t0, latest yt in year t):
 *   ŷ(T) = yt · (1 + CAGR(t0→t))^(T − t),  Q = (ŷ(T) − y0) / (y* − y0)
 *   latest value meets the target → target_achieved (whatever the trend);
 *   Q ≥ 0.95 on_track · 0.10 ≤ Q < 0.95 acceleration_needed · Q < 0.10 "stagnation or regression",
 *   which Marsad splits into limited_progress (0 ≤ Q: no move away from the base) and deterioration
 *   (Q < 0: the projection is worse than the base value).
 * Without a target, the direction-adjusted CAGR r: r ≥ 2 % on_track · 0.5 % ≤ r < 2 % acceleration_needed
 *   · 0 ≤ r < 0.5 % limited_progress · r < 0 deterioration.
 *
 * Choices the note leaves open (documented in the README):
 * - Growth is compound when the base and latest values are non-zero with the same sign (for two
 *   negative values it is the growth of their magnitude, signed so that "up" means the value rose).
 *   With a zero, or values of opposite signs, CAGR is undefined and the linear annual change is used
 *   instead, relative to |y0| (or |yt| when y0 = 0); the note `linear_growth` says so.
 * - A target year already passed (T < t) is assessed at the latest year: ŷ = yt, no extrapolation.
 * - A base value that already met the target while the latest does not is deterioration (UNSD 2022 rule).
 * - Percent indicators (`unitIsPercent`): a 0 % or 100 % target counts as met within 1 point.
 * - The projection reported for charts stays within 0–100 % and the natural limit; Q uses the uncapped
 *   extrapolation, as the note defines it.
 * Score (same −5…5 scale as opensdg, so roll-ups read alike): each status is one band — deterioration
 * [−5, −2.5), limited_progress [−2.5, 0), acceleration_needed [0, 2.5), on_track [2.5, 5], target
 * achieved 5 — and the measure (Q, or r without a target) is interpolated linearly inside its band:
 * 0 → −2.5, fair → 0, onTrack → 2.5, 2·onTrack → 5, −onTrack → −5 (saturating beyond).
 */

/** The unsd method with the given default cut points (a series' `unsdThresholds` still wins). */
export function createUnsdSeries(defaults: UnsdThresholds = UNSD_DEFAULT_THRESHOLDS): SeriesMethod {
  return (points: SeriesPoints, settings: MethodSettings) => assessUnsd(points, settings, settings.unsdThresholds ?? defaults);
}

/** The unsd method with UNSD_DEFAULT_THRESHOLDS. */
export const unsdSeries: SeriesMethod = createUnsdSeries();

/** True when a compound growth rate between a and b exists (both non-zero, same sign). */
function isCompound(a: number, b: number): boolean {
  return a !== 0 && b !== 0 && a > 0 === b > 0;
}

/**
 * Annual growth from (ta, a) to (tb, b), positive when the value rises: the CAGR when it exists,
 * else the linear annual change relative to |a| (|b| when a is 0).
 */
export function annualGrowth(a: number, ta: number, b: number, tb: number): number {
  const years = tb - ta;
  if (isCompound(a, b)) return Math.sign(a) * (Math.pow(b / a, 1 / years) - 1);
  const scale = a !== 0 ? Math.abs(a) : b !== 0 ? Math.abs(b) : 1;
  return (b - a) / (years * scale);
}

/** The value in `year`, continuing the trend from (ta, a) to (tb, b): compound when it exists, else linear. */
export function projectValue(a: number, ta: number, b: number, tb: number, year: number): number {
  const k = (year - tb) / (tb - ta);
  return isCompound(a, b) ? b * Math.pow(b / a, k) : b + (b - a) * k;
}

/** Whether a value meets the target, the 1-point tolerance applying to 0 % and 100 % targets of percent indicators. */
function meetsTarget(value: number, target: number, sign: 1 | -1, percent: boolean): boolean {
  if (sign > 0 ? value >= target : value <= target) return true;
  return percent && (target === 0 || target === 100) && Math.abs(value - target) <= 1;
}

/** The status of a measure (Q, or the direction-adjusted growth) against one pair of cut points. */
function statusOf(measure: number, cut: { onTrack: number; fair: number }): ProgressStatus {
  if (measure >= cut.onTrack) return 'on_track';
  if (measure >= cut.fair) return 'acceleration_needed';
  return measure >= 0 ? 'limited_progress' : 'deterioration';
}

/** The measure placed on the −5…5 scale: one 2.5-wide band per status, linear inside it (see above). */
export function unsdBandScore(measure: number, cut: { onTrack: number; fair: number }): number {
  const { onTrack, fair } = cut;
  if (measure >= onTrack) return 2.5 + 2.5 * clamp(safeRatio(measure - onTrack, onTrack, 1), 0, 1);
  if (measure >= fair) return 2.5 * clamp(safeRatio(measure - fair, onTrack - fair, 0), 0, 1);
  if (measure >= 0) return -2.5 + 2.5 * clamp(safeRatio(measure, fair, 0), 0, 1);
  return -2.5 - 2.5 * clamp(safeRatio(-measure, onTrack, 1), 0, 1);
}

function assessUnsd(points: SeriesPoints, settings: MethodSettings, cuts: UnsdThresholds): ProgressResult {
  const target = settings.target;
  const cut = target === null ? cuts.noTarget : cuts.target;
  // The cut points are recorded as they are (one shared object, not a copy per series).
  const thresholds: Readonly<Record<string, number>> = cut;
  const anchors = findAnchors(points, settings.baseYear);
  if (!anchors.ok) return insufficientResult('unsd', settings, anchors.reason, { latest: anchors.latest, thresholds });
  const { base, latest } = anchors;
  const d = directionSign(settings);
  const observed = d * annualGrowth(base.value, base.year, latest.value, latest.year);
  if (Number.isNaN(observed)) return insufficientResult('unsd', settings, 'no_data', { latest, thresholds, notes: ['not_computable'] });
  const linear = !isCompound(base.value, latest.value);

  if (target === null) {
    const year = Math.max(settings.targetYear, latest.year);
    const value = projectValue(base.value, base.year, latest.value, latest.year, year);
    const projected = shownProjection(year, value, latest, settings);
    return assessed(settings, statusOf(observed, cut), unsdBandScore(observed, cut), projected, base, latest, observed, null, observed, thresholds, linear ? LINEAR : NO_NOTES);
  }

  const percent = settings.unitIsPercent === true;
  // A target year already passed is assessed at the latest year (no extrapolation backwards).
  const year = Math.max(target.year, latest.year);
  const yhat = projectValue(base.value, base.year, latest.value, latest.year, year);
  const projected = shownProjection(year, yhat, latest, settings);
  const requiredRaw = target.year > base.year ? d * annualGrowth(base.value, base.year, target.value, target.year) : NaN;
  const required = Number.isFinite(requiredRaw) ? requiredRaw : null;
  const achieved = meetsTarget(latest.value, target.value, d, percent);
  const baseMet = meetsTarget(base.value, target.value, d, percent);
  const passed = target.year < latest.year;
  if (!achieved && baseMet) {
    // Q is meaningless when the base already met the target; the series moved away from it.
    const notes = [...(linear ? LINEAR : NO_NOTES), ...(passed ? PASSED : NO_NOTES), 'base_met_target'];
    const score = -2.5 - 2.5 * clamp(safeRatio(-observed, cuts.noTarget.onTrack, 1), 0, 1);
    return assessed(settings, 'deterioration', score, projected, base, latest, observed, required, null, thresholds, notes);
  }
  const notes = linear || passed ? [...(linear ? LINEAR : NO_NOTES), ...(passed ? PASSED : NO_NOTES)] : NO_NOTES;
  // Here y0 does not meet the target (or the latest does), so y* ≠ y0 unless both meet it.
  const q = baseMet ? null : (yhat - base.value) / (target.value - base.value);
  if (achieved) return assessed(settings, 'target_achieved', 5, projected, base, latest, observed, required, q !== null && Number.isFinite(q) ? q : null, thresholds, notes);
  if (q === null || Number.isNaN(q)) return insufficientResult('unsd', settings, 'no_data', { latest, thresholds, notes: ['not_computable'] });
  return assessed(settings, statusOf(q, cut), unsdBandScore(q, cut), projected, base, latest, observed, required, q, thresholds, notes);
}

/** Shared note lists: most series have no note, and a shared empty list costs nothing per series. */
const NO_NOTES: readonly string[] = Object.freeze([]);
const LINEAR: readonly string[] = Object.freeze(['linear_growth']);
const PASSED: readonly string[] = Object.freeze(['target_year_passed']);

/** A computed unsd result, built in one go (tens of thousands of series: no intermediate copies). */
function assessed(
  settings: MethodSettings,
  status: ProgressStatus,
  score: number,
  projected: ProgressResult['projected'],
  base: Point,
  latest: Point,
  observedGrowth: number,
  requiredGrowth: number | null,
  measure: number | null,
  thresholds: Readonly<Record<string, number>>,
  notes: readonly string[],
): ProgressResult {
  return {
    status,
    score,
    normalizedScore: null,
    projected,
    explanation: {
      method: 'unsd',
      direction: settings.direction,
      base,
      latest,
      target: settings.target,
      observedGrowth,
      requiredGrowth,
      measure,
      thresholds,
      limitCoefficient: null,
      insufficientReason: null,
      notes,
    },
  };
}
