import type { InsufficientReason, ProgressExplanation, ProgressMethod, ProgressResult, ProgressSettings, SeriesPoints } from './types';

/**
 * Helpers shared by the unsd and sdsn methods: picking the base and latest points of a series and
 * building the "could not assess" result. Pure and total: no input makes them throw.
 */

/** A (year, value) pair of a series. */
export type Point = { readonly year: number; readonly value: number };

/** The base and latest points of a series, or why there are not two of them. */
export type Anchors =
  | { readonly ok: true; readonly base: Point; readonly latest: Point }
  | { readonly ok: false; readonly reason: InsufficientReason; readonly latest: Point | null };

/**
 * The latest point is the last one with a finite year and value. The base point is the first such
 * point in or after the base year ("the base year or the nearest later year"), and it must be earlier
 * than the latest point: a trend needs two years. Missing values (NaN) are skipped, never used.
 */
export function findAnchors(points: SeriesPoints, baseYear: number): Anchors {
  const { years, values } = points;
  const n = Math.min(years.length, values.length);
  let latest = -1;
  let base = -1;
  for (let i = 0; i < n; i++) {
    const y = years[i] ?? NaN;
    const v = values[i] ?? NaN;
    if (!Number.isFinite(y) || !Number.isFinite(v)) continue;
    // Years are ascending by contract; comparing keeps an unsorted input total instead of wrong-footed.
    if (latest === -1 || y >= (years[latest] ?? -Infinity)) latest = i;
    if (y >= baseYear && (base === -1 || y < (years[base] ?? Infinity))) base = i;
  }
  if (latest === -1) return { ok: false, reason: 'no_data', latest: null };
  const latestPoint = { year: years[latest] ?? NaN, value: values[latest] ?? NaN };
  if (base === -1) return { ok: false, reason: 'no_data_since_base_year', latest: latestPoint };
  const basePoint = { year: years[base] ?? NaN, value: values[base] ?? NaN };
  if (basePoint.year >= latestPoint.year) return { ok: false, reason: 'one_point', latest: latestPoint };
  return { ok: true, base: basePoint, latest: latestPoint };
}

/** +1 when higher values are better, −1 when lower values are better. */
export function directionSign(settings: Pick<ProgressSettings, 'direction'>): 1 | -1 {
  return settings.direction === 'increase' ? 1 : -1;
}

/** An explanation with every measured field empty; methods fill in what they computed. */
export function emptyExplanation(method: ProgressMethod, settings: ProgressSettings): ProgressExplanation {
  return {
    method,
    direction: settings.direction,
    base: null,
    latest: null,
    target: settings.target === null ? null : { year: settings.target.year, value: settings.target.value },
    observedGrowth: null,
    requiredGrowth: null,
    measure: null,
    thresholds: {},
    limitCoefficient: null,
    insufficientReason: null,
    notes: [],
  };
}

/** The result of a series that could not be assessed, with the facts that are known. */
export function insufficientResult(
  method: ProgressMethod,
  settings: ProgressSettings,
  reason: InsufficientReason,
  extra: { latest?: Point | null; score?: number | null; normalizedScore?: number | null; thresholds?: Record<string, number>; notes?: string[] } = {},
): ProgressResult {
  return {
    status: 'insufficient_data',
    score: extra.score ?? null,
    normalizedScore: extra.normalizedScore ?? null,
    projected: null,
    explanation: {
      ...emptyExplanation(method, settings),
      latest: extra.latest ?? null,
      thresholds: extra.thresholds ?? {},
      insufficientReason: reason,
      notes: extra.notes ?? [],
    },
  };
}

/** a / b, or `fallback` when b is 0 or the quotient is not finite (a degenerate threshold band). */
export function safeRatio(a: number, b: number, fallback: number): number {
  const q = a / b;
  return Number.isFinite(q) ? q : fallback;
}

/** Clamps x into [lo, hi]; NaN becomes lo. */
export function clamp(x: number, lo: number, hi: number): number {
  return x > hi ? hi : x >= lo ? x : lo;
}

/**
 * The projection as shown (charts, exports, report, annex, `progress --json`): not beyond what the
 * indicator can reach. Percentages stay in 0–100, values stay in the indicator's valid range (when the
 * latest value is in it), and a natural limit (a ceiling when higher is better, a floor when lower is
 * better) caps it when the latest value has not already passed it. Methods still assess with the
 * uncapped extrapolation. Null when the value is not finite.
 */
export function shownProjection(
  year: number,
  value: number,
  latest: Point,
  settings: Pick<ProgressSettings, 'direction' | 'limit'> & { readonly unitIsPercent?: boolean; readonly validRange?: { readonly min: number | null; readonly max: number | null } },
): { year: number; value: number } | null {
  let v = value;
  if (settings.unitIsPercent === true) v = clamp(v, 0, 100);
  const range = settings.validRange;
  if (range !== undefined) {
    if (range.min !== null && latest.value >= range.min) v = Math.max(v, range.min);
    if (range.max !== null && latest.value <= range.max) v = Math.min(v, range.max);
  }
  const limit = settings.limit;
  if (limit !== null && Number.isFinite(limit)) {
    if (settings.direction === 'increase' && latest.value <= limit) v = Math.min(v, limit);
    if (settings.direction === 'decrease' && latest.value >= limit) v = Math.max(v, limit);
  }
  return Number.isFinite(v) ? { year, value: v } : null;
}
