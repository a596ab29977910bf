import { clamp, directionSign, findAnchors, insufficientResult, shownProjection } from './anchors';
import {
  type MethodSettings,
  type ProgressResult,
  type ProgressSettings,
  type ProgressStatus,
  SDSN_DEFAULT_THRESHOLDS,
  type SdsnThresholds,
  type SeriesMethod,
  type SeriesPoints,
} from './types';

/**
 * The sdsn method: the SDSN Sustainable Development Report dashboards (progress-methodology.md §3).
 *
 * Level: x' = (x − lower) / (optimum − lower) · 100, censored to [0, 100] (the same formula reverses
 * the scale of a lower-is-better indicator, whose optimum is below its lower bound). The colour compares
 * x' with the normalised thresholds: green at or beyond the green threshold, red at or beyond the red
 * one, and between them yellow on the green side of the midpoint (the midpoint itself included), orange
 * on the red side. The colour is recorded in the explanation's notes (`level_green` …).
 * Trend: the observed linear annual change of x' from the base year (or the nearest later year) to the
 * latest year, with values above the green threshold counted as the threshold ("movements above green
 * are ignored"), against the change required to go from the base to the green threshold by the target
 * year (2030): latest at or above green → on_track (maintaining achievement); falling → deterioration;
 * flat → limited_progress; otherwise the ratio observed / required: ≥ 1 on_track, ≥ 0.5
 * acceleration_needed, less limited_progress.
 * Score: x' of the latest value (0–100), also when the trend cannot be assessed. No bounds → insufficient
 * data (`no_bounds`).
 */

export const SDSN_LEVELS = ['green', 'yellow', 'orange', 'red'] as const;
export type SdsnLevel = (typeof SDSN_LEVELS)[number];

type Bounds = NonNullable<ProgressSettings['bounds']>;

/** x' on the 0–100 scale of the bounds, censored; NaN when the bounds are degenerate (optimum = lower). */
export function normalizeToBounds(x: number, bounds: Bounds): number {
  const span = bounds.optimum - bounds.lower;
  if (span === 0 || !Number.isFinite(span)) return NaN;
  return clamp(((x - bounds.lower) / span) * 100, 0, 100);
}

/** The uncensored position of a threshold on the 0–100 scale (thresholds may sit outside it). */
function thresholdPosition(x: number, bounds: Bounds): number {
  return ((x - bounds.lower) / (bounds.optimum - bounds.lower)) * 100;
}

/** The dashboard colour of a normalised score. */
export function sdsnLevel(score: number, bounds: Bounds): SdsnLevel {
  const green = thresholdPosition(bounds.green, bounds);
  const red = thresholdPosition(bounds.red, bounds);
  if (score >= green) return 'green';
  if (score <= red) return 'red';
  return score >= (green + red) / 2 ? 'yellow' : 'orange';
}

function hasUsableBounds(bounds: ProgressSettings['bounds']): bounds is Bounds {
  if (bounds === null) return false;
  const { optimum, green, red, lower } = bounds;
  // The span must be a finite non-zero number too (two huge bounds of opposite signs overflow).
  return [optimum, green, red, lower, optimum - lower].every(Number.isFinite) && optimum !== lower;
}

/** The sdsn method with the given default cut points (a series' `sdsnThresholds` still wins). */
export function createSdsnSeries(defaults: SdsnThresholds = SDSN_DEFAULT_THRESHOLDS): SeriesMethod {
  return (points: SeriesPoints, settings: MethodSettings) => assessSdsn(points, settings, settings.sdsnThresholds ?? defaults);
}

/** The sdsn method with SDSN_DEFAULT_THRESHOLDS. */
export const sdsnSeries: SeriesMethod = createSdsnSeries();

/** The trend status; `ratio` is observed / required where that comparison decided it, else null. */
function trendStatus(observed: number, required: number, latestAboveGreen: boolean, cut: SdsnThresholds): ProgressStatus {
  if (latestAboveGreen) return 'on_track';
  if (observed < 0) return 'deterioration';
  if (observed === 0) return 'limited_progress';
  // observed > 0 and the latest value is below green, so the base was below green too: required > 0.
  const ratio = observed / required;
  if (ratio >= cut.onTrack) return 'on_track';
  if (ratio >= cut.moderate) return 'acceleration_needed';
  return 'limited_progress';
}

/**
 * The thresholds recorded in the explanation, shared by every series with the same bounds and cut
 * points (settings are shared per indicator, so this is one object per indicator, not per series).
 */
const thresholdCache = new WeakMap<Bounds, WeakMap<SdsnThresholds, Readonly<Record<string, number>>>>();

function thresholdsFor(bounds: Bounds, cut: SdsnThresholds): Readonly<Record<string, number>> {
  let byCut = thresholdCache.get(bounds);
  if (byCut === undefined) {
    byCut = new WeakMap();
    thresholdCache.set(bounds, byCut);
  }
  let t = byCut.get(cut);
  if (t === undefined) {
    const green = thresholdPosition(bounds.green, bounds);
    const red = thresholdPosition(bounds.red, bounds);
    t = Object.freeze({ onTrack: cut.onTrack, moderate: cut.moderate, green, red, midpoint: (green + red) / 2 });
    byCut.set(cut, t);
  }
  return t;
}

/** Note lists, one frozen array per combination (level × above green × bounds against direction). */
const NOTE_LISTS: ReadonlyArray<readonly string[]> = SDSN_LEVELS.flatMap((level) =>
  [0, 1, 2, 3].map((flags) =>
    Object.freeze([...((flags & 1) === 1 ? ['bounds_disagree_with_direction'] : []), `level_${level}`, ...((flags & 2) === 2 ? ['above_green'] : [])]),
  ),
);

function notesFor(level: SdsnLevel, aboveGreen: boolean, mismatch: boolean): readonly string[] {
  return NOTE_LISTS[SDSN_LEVELS.indexOf(level) * 4 + (aboveGreen ? 2 : 0) + (mismatch ? 1 : 0)] ?? [];
}

function assessSdsn(points: SeriesPoints, settings: MethodSettings, cut: SdsnThresholds): ProgressResult {
  const bounds = settings.bounds;
  if (!hasUsableBounds(bounds)) {
    const anchors = findAnchors(points, settings.baseYear);
    return insufficientResult('sdsn', settings, 'no_bounds', { latest: anchors.latest });
  }
  const thresholds = thresholdsFor(bounds, cut);
  const green = thresholds.green ?? NaN;
  // The bounds' orientation decides the scale; a registry whose bounds contradict its direction is flagged.
  const mismatch = Math.sign(bounds.optimum - bounds.lower) !== directionSign(settings);

  const anchors = findAnchors(points, settings.baseYear);
  if (anchors.latest === null) return insufficientResult('sdsn', settings, 'no_data', { thresholds, notes: mismatch ? ['bounds_disagree_with_direction'] : [] });
  const latestScore = normalizeToBounds(anchors.latest.value, bounds);
  const aboveGreen = latestScore >= green;
  const notes = notesFor(sdsnLevel(latestScore, bounds), aboveGreen, mismatch);
  if (!anchors.ok) {
    return insufficientResult('sdsn', settings, anchors.reason, { latest: anchors.latest, score: latestScore, normalizedScore: latestScore, thresholds, notes: [...notes] });
  }
  const { base, latest } = anchors;
  const years = latest.year - base.year;
  // Movements above green are ignored: a score above the threshold counts as the threshold.
  const baseCapped = Math.min(normalizeToBounds(base.value, bounds), green);
  const latestCapped = Math.min(latestScore, green);
  const observed = (latestCapped - baseCapped) / years;
  const required = (green - baseCapped) / Math.max(settings.targetYear - base.year, 1);
  const status = trendStatus(observed, required, aboveGreen, cut);
  const ratio = aboveGreen || observed < 0 ? null : observed / required;
  const slope = (latest.value - base.value) / years;
  const year = Math.max(settings.targetYear, latest.year);
  const projectedValue = latest.value + slope * (year - latest.year);
  return {
    status,
    score: latestScore,
    normalizedScore: latestScore,
    projected: shownProjection(year, projectedValue, latest, settings),
    explanation: {
      method: 'sdsn',
      direction: settings.direction,
      base,
      latest,
      target: settings.target,
      observedGrowth: observed,
      requiredGrowth: required,
      measure: ratio,
      thresholds,
      limitCoefficient: null,
      insufficientReason: null,
      notes,
    },
  };
}
