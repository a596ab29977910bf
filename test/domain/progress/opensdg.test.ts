import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateOpenSdg,
  cagr,
  computeOpenSdgSeries,
  limitCoefficient,
  opensdgSeries,
  opensdgSeriesWith,
  opensdgStatusFromScore,
  scoreNoTarget,
  scoreOpenSdgItems,
  scoreWithTarget,
  toOpenSdgStatusKey,
  type OpenSdgItem,
} from '@/domain/progress/opensdg';
import { PROGRESS_STATUSES, type ProgressResult, type ProgressSettings, type ProgressStatus, type SeriesPoints } from '@/domain/progress/types';

/** Settings the way an Open SDG option gives them (base year 2015, target year 2030). */
function settings(over: { direction?: 'increase' | 'decrease'; target?: number | null; targetYear?: number; baseYear?: number; limit?: number | null } = {}): ProgressSettings {
  const targetYear = over.targetYear ?? 2030;
  return {
    direction: over.direction ?? 'decrease',
    target: over.target === undefined || over.target === null ? null : { value: over.target, year: targetYear },
    baseYear: over.baseYear ?? 2015,
    targetYear,
    limit: over.limit ?? null,
    bounds: null,
  };
}

function pts(pairs: ReadonlyArray<readonly [number, number]>): SeriesPoints {
  return { years: pairs.map((p) => p[0]), values: pairs.map((p) => p[1]) };
}

describe('opensdgSeries: the four worked examples of progress-methodology.md §1', () => {
  it.each([
    { name: 'no target, decreasing is good: 7.2 (2015) → 6.0 (2020)', points: [[2015, 7.2], [2020, 6.0]] as const, s: settings({ direction: 'decrease' }), p: 0.035807, score: 5, status: 'on_track' },
    { name: 'target 0.1 by 2030, decreasing: 10.0 (2018) → 10.4 (2022), base year moves to 2018', points: [[2018, 10.0], [2022, 10.4]] as const, s: settings({ direction: 'decrease', target: 0.1 }), p: -0.030917, score: -2.6288, status: 'deterioration' },
    { name: 'no target, increasing: 202.215 (2015) → 274.124 (2024)', points: [[2015, 202.215], [2024, 274.124]] as const, s: settings({ direction: 'increase' }), p: 0.034383, score: 5, status: 'on_track' },
    { name: 'limit 100 (C = 0.3736): 90 (2015) → 93.2 (2021), increasing', points: [[2015, 90], [2021, 93.2]] as const, s: settings({ direction: 'increase', limit: 100 }), p: 0.00584, score: 2.8154, status: 'on_track' },
  ])('$name: P, score and status', ({ points, s, p, score, status }) => {
    const r = opensdgSeries(pts(points), s);
    expect(r.explanation.measure).toBeCloseTo(p, 6);
    expect(r.score).toBeCloseTo(score, 4);
    expect(r.status).toBe(status);
    expect(r.normalizedScore).toBeNull();
  });

  it('limit example: C = 1 − 0.9^4.44 = 0.3736 scales the thresholds 1.5 % / 0.5 % / 0', () => {
    const r = opensdgSeries(pts([[2015, 90], [2021, 93.2]]), settings({ direction: 'increase', limit: 100 }));
    expect(r.explanation.limitCoefficient).toBeCloseTo(0.3736, 4);
    expect(r.explanation.thresholds.high).toBeCloseTo(0.015 * 0.37362, 6);
    expect(r.explanation.thresholds.med).toBeCloseTo(0.005 * 0.37362, 6);
    expect(r.explanation.thresholds.low).toBe(0);
  });
});

describe('opensdgSeries: anchors (step 2) and validity (step 3)', () => {
  it.each([
    { name: 'base year present: t0 = 2015 even with earlier data', points: [[2010, 1], [2015, 2], [2020, 3]] as const, base: { year: 2015, value: 2 }, latest: { year: 2020, value: 3 } },
    { name: 'base year absent: t0 = the next data year after it (2017)', points: [[2012, 5], [2017, 2], [2020, 3]] as const, base: { year: 2017, value: 2 }, latest: { year: 2020, value: 3 } },
    { name: 'points in any order: t1 = max(Year)', points: [[2020, 3], [2015, 2], [2018, 9]] as const, base: { year: 2015, value: 2 }, latest: { year: 2020, value: 3 } },
  ])('$name', ({ points, base, latest }) => {
    const r = opensdgSeries(pts(points), settings());
    expect(r.explanation.base).toEqual(base);
    expect(r.explanation.latest).toEqual(latest);
  });

  it('a moved base year is noted', () => {
    expect(opensdgSeries(pts([[2017, 2], [2020, 3]]), settings()).explanation.notes).toContain('base_year_moved');
  });

  it.each([
    { name: 'no points at all', points: [] as const, reason: 'no_data' },
    { name: 'only NaN values (missing)', points: [[2015, NaN], [2020, NaN]] as const, reason: 'no_data' },
    { name: 'one point', points: [[2020, 4]] as const, reason: 'one_point' },
    { name: 'two points, only one since the base year', points: [[2010, 3], [2020, 4]] as const, reason: 'one_point' },
    { name: 'no data year at or after the base year (rule 5)', points: [[2010, 3], [2014, 4]] as const, reason: 'no_data_since_base_year' },
    { name: 'base and latest of opposite signs', points: [[2015, -3], [2020, 4]] as const, reason: 'opposite_signs' },
    { name: 'base 0 (→ 0.001) and a negative latest value are of opposite signs (rule 7)', points: [[2015, 0], [2020, -4]] as const, reason: 'opposite_signs' },
    { name: 'a year twice (sdg-build raises): ambiguous', points: [[2015, 3], [2015, 4], [2020, 5]] as const, reason: 'ambiguous_series' },
  ])('$name → insufficient_data ($reason), score null', ({ points, reason }) => {
    const r = opensdgSeries(pts(points), settings());
    expect(r.status).toBe('insufficient_data');
    expect(r.score).toBeNull();
    expect(r.explanation.measure).toBeNull();
    expect(r.explanation.insufficientReason).toBe(reason);
  });

  it('NaN values are missing: dropped, the rest is used', () => {
    const r = opensdgSeries(pts([[2015, 10], [2018, NaN], [2020, 9]]), settings());
    expect(r.explanation.latest).toEqual({ year: 2020, value: 9 });
    expect(r.explanation.notes).toContain('missing_points_dropped');
  });
});

describe('opensdgSeries: sign, zero replacements and order of operations (rules 6, 7)', () => {
  it('all-negative series: s = −1 flips the calculation (−10 → −5 is an increase)', () => {
    const c = computeOpenSdgSeries(pts([[2015, -10], [2020, -5]]), settings({ direction: 'increase' }));
    expect(c.components.sign).toBe(-1);
    expect(c.result.explanation.measure).toBeCloseTo(-1 * 1 * (Math.pow(0.5, 1 / 5) - 1), 12);
    expect(c.result.status).toBe('on_track');
  });

  it('base value 0 becomes 0.001 for the growth, with a note; the sign stays +1', () => {
    const c = computeOpenSdgSeries(pts([[2015, 0], [2020, 5]]), settings({ direction: 'increase' }));
    expect(c.result.explanation.measure).toBeCloseTo(Math.pow(5 / 0.001, 1 / 5) - 1, 9);
    expect(c.result.explanation.notes).toContain('base_value_zero_replaced');
    expect(c.result.explanation.base).toEqual({ year: 2015, value: 0 });
    expect(c.components.base_value).toBe(0.001);
    expect(c.components.sign).toBe(1);
  });

  it('the limit coefficient uses the original base value 0: C = 1 − 0^α = 1', () => {
    const r = opensdgSeries(pts([[2015, 0], [2020, 5]]), settings({ direction: 'increase', limit: 100 }));
    expect(r.explanation.limitCoefficient).toBe(1);
  });

  it('target 0 becomes 0.001; the achieved test compares the raw latest value 0 with it', () => {
    const c = computeOpenSdgSeries(pts([[2015, 4], [2020, 0]]), settings({ direction: 'decrease', target: 0 }));
    expect(c.components.target).toBe(0.001);
    expect(c.targetAchieved).toBe(true);
    expect(c.result.status).toBe('target_achieved');
    expect(c.result.explanation.notes).toContain('target_zero_replaced');
  });

  it('target achieved does not stop P being computed: status target_achieved, score 5, P kept', () => {
    const c = computeOpenSdgSeries(pts([[2015, 10], [2020, 4]]), settings({ direction: 'decrease', target: 5 }));
    expect(c.result.status).toBe('target_achieved');
    expect(c.result.score).toBe(5);
    const p = (-1 * cagr(4, 10, 2020, 2015)) / Math.abs(cagr(5, 10, 2030, 2015));
    expect(c.result.explanation.measure).toBeCloseTo(p, 12);
    expect(c.components.progress_value).toBeCloseTo(p, 12);
  });

  it('target achieved with one point only: achieved (score 5) although P is null', () => {
    const r = opensdgSeries(pts([[2020, 80]]), settings({ direction: 'increase', target: 75 }));
    expect(r.status).toBe('target_achieved');
    expect(r.score).toBe(5);
    expect(r.explanation.measure).toBeNull();
  });

  it.each([
    { name: 'increase: latest ≥ target is achieved (equal counts)', direction: 'increase' as const, latest: 75, achieved: true },
    { name: 'increase: latest below target is not', direction: 'increase' as const, latest: 74.9, achieved: false },
    { name: 'decrease: latest ≤ target is achieved (equal counts)', direction: 'decrease' as const, latest: 75, achieved: true },
    { name: 'decrease: latest above target is not', direction: 'decrease' as const, latest: 75.1, achieved: false },
  ])('target 75, $name', ({ direction, latest, achieved }) => {
    expect(computeOpenSdgSeries(pts([[2015, 70], [2020, latest]]), settings({ direction, target: 75 })).targetAchieved).toBe(achieved);
  });

  it('required growth 0 (base value = target, not achieved): P null (no division by zero)', () => {
    const r = opensdgSeries(pts([[2015, 10], [2020, 12]]), settings({ direction: 'decrease', target: 10 }));
    expect(r.status).toBe('insufficient_data');
    expect(r.explanation.insufficientReason).toBe('zero_required_growth');
    expect(r.explanation.requiredGrowth).toBe(0);
  });

  it('target year = base year: the required growth is undefined, P null', () => {
    const r = opensdgSeries(pts([[2015, 10], [2020, 12]]), settings({ direction: 'increase', target: 20, targetYear: 2015 }));
    expect(r.explanation.insufficientReason).toBe('zero_required_growth');
  });

  it('target and base value of opposite signs: P null', () => {
    const r = opensdgSeries(pts([[2015, 10], [2020, 8]]), settings({ direction: 'decrease', target: -5 }));
    expect(r.status).toBe('insufficient_data');
    expect(r.explanation.insufficientReason).toBe('target_opposite_sign');
  });

  it('a limit is ignored when there is a target (noted)', () => {
    const r = opensdgSeries(pts([[2015, 90], [2021, 93.2]]), settings({ direction: 'increase', target: 100, limit: 100 }));
    expect(r.explanation.limitCoefficient).toBeNull();
    expect(r.explanation.thresholds).toEqual({ high: 0.95, med: 0.6, low: 0 });
    expect(r.explanation.notes).toContain('limit_ignored_with_target');
  });
});

describe('opensdgSeries: status boundaries and scores (steps 5, 6)', () => {
  it('P = 0 (no change, no target) is limited_progress with score −2.5 (rule 9)', () => {
    const r = opensdgSeries(pts([[2015, 10], [2020, 10]]), settings());
    expect(r.explanation.measure === 0).toBe(true);
    expect(r.status).toBe('limited_progress');
    expect(r.score).toBe(-2.5);
  });

  it('base value at the limit (C = 0) and held: every threshold is 0, on track, score 5', () => {
    const r = opensdgSeries(pts([[2015, 100], [2020, 100]]), settings({ direction: 'increase', limit: 100 }));
    expect(r.explanation.limitCoefficient).toBe(0);
    expect(r.status).toBe('on_track');
    expect(r.score).toBe(5);
  });

  it.each([
    { p: -0.03, c: 1, score: -5 },
    { p: -0.02, c: 1, score: -5 },
    { p: -0.01, c: 1, score: -3.75 },
    { p: 0, c: 1, score: -2.5 },
    { p: 0.005, c: 1, score: 0 },
    { p: 0.01, c: 1, score: 1.25 },
    { p: 0.015, c: 1, score: 2.5 },
    { p: 0.02, c: 1, score: 5 },
    { p: 0.5, c: 1, score: 5 },
    { p: 0.0025, c: 0.5, score: 0 },
    { p: 0.0075, c: 0.5, score: 2.5 },
    { p: 0.01, c: 0.5, score: 5 },
    { p: -0.01, c: 0.5, score: -3.75 },
    { p: 0, c: 0, score: 5 },
  ])('method-1 score: P = $p with C = $c → $score', ({ p, c, score }) => {
    expect(scoreNoTarget(p, c)).toBeCloseTo(score, 10);
  });

  it.each([
    { p: -1, score: -5 },
    { p: -0.6, score: -5 },
    { p: 0, score: -2.5 },
    { p: 0.3, score: -1.24999 },
    { p: 0.6, score: 0.00004 },
    { p: 0.95, score: 2.50006 },
    { p: 1.3, score: 5 },
    { p: 2, score: 5 },
  ])('method-2 score: P = $p → $score (sdg-build constants 7.1429, 4.2857, 4.1667)', ({ p, score }) => {
    expect(scoreWithTarget(p)).toBeCloseTo(score, 4);
  });

  it.each([
    { b: 300, l: 100, c: 1 },
    { b: 200, l: 100, c: 1 },
    { b: 100, l: 100, c: 0 },
    { b: 0, l: 100, c: 1 },
    { b: 50, l: 100, c: 1 - Math.pow(0.5, 4.44) },
    { b: 150, l: 100, c: 1 - Math.pow(0.5, 4.44) },
    { b: 0, l: 0, c: 1 },
    { b: -90, l: -100, c: 1 - Math.pow(0.9, 4.44) },
  ])('limitCoefficient(|base| $b, |limit| $l) = $c', ({ b, l, c }) => {
    expect(limitCoefficient(b, l)).toBeCloseTo(c, 12);
  });

  it('custom progress_thresholds move the status cut points but not the score formulas', () => {
    const points = pts([[2015, 7.2], [2020, 6.0]]); // P = 0.035807
    const strict = opensdgSeriesWith({ high: 0.05 })(points, settings());
    expect(strict.status).toBe('acceleration_needed');
    expect(strict.score).toBe(5);
    expect(strict.explanation.thresholds).toEqual({ high: 0.05, med: 0.005, low: 0 });
  });

  it('custom thresholds are scaled by C like the defaults', () => {
    const r = opensdgSeriesWith({ high: 0.01 })(pts([[2015, 90], [2021, 93.2]]), settings({ direction: 'increase', limit: 100 }));
    expect(r.explanation.thresholds.high).toBeCloseTo(0.01 * 0.37362, 6);
  });

  it('toOpenSdgStatusKey maps every Marsad status to its Open SDG key', () => {
    expect(PROGRESS_STATUSES.map(toOpenSdgStatusKey)).toEqual([
      'target_achieved',
      'substantial_progress',
      'moderate_progress',
      'limited_progress',
      'deterioration',
      'not_available',
    ]);
  });
});

describe('opensdgSeries: explanation, projection and components', () => {
  it('explains the no-target example: observed growth = s·d·CAGR = P, no required growth', () => {
    const r = opensdgSeries(pts([[2015, 7.2], [2020, 6.0]]), settings());
    expect(r.explanation.method).toBe('opensdg');
    expect(r.explanation.observedGrowth).toBeCloseTo(0.035807, 6);
    expect(r.explanation.requiredGrowth).toBeNull();
    expect(r.explanation.thresholds).toEqual({ high: 0.015, med: 0.005, low: 0 });
    expect(r.explanation.limitCoefficient).toBeNull();
    expect(r.explanation.insufficientReason).toBeNull();
  });

  it('explains the target example: required growth direction-adjusted, P = observed / |required|', () => {
    const r = opensdgSeries(pts([[2018, 10.0], [2022, 10.4]]), settings({ target: 0.1 }));
    const { observedGrowth, requiredGrowth, measure } = r.explanation;
    expect(requiredGrowth).toBeCloseTo(-1 * cagr(0.1, 10, 2030, 2018), 12);
    expect(measure).toBeCloseTo((observedGrowth ?? NaN) / Math.abs(requiredGrowth ?? NaN), 12);
    expect(r.explanation.target).toEqual({ year: 2030, value: 0.1 });
  });

  it('projects the latest value to the target year with the observed CAGR', () => {
    const r = opensdgSeries(pts([[2015, 7.2], [2020, 6.0]]), settings());
    const g = Math.pow(6 / 7.2, 1 / 5) - 1;
    expect(r.projected?.year).toBe(2030);
    expect(r.projected?.value).toBeCloseTo(6 * Math.pow(1 + g, 10), 10);
  });

  it('projects to the target year of the target when there is one', () => {
    const r = opensdgSeries(pts([[2015, 10], [2020, 8]]), settings({ target: 5, targetYear: 2025 }));
    expect(r.projected?.year).toBe(2025);
  });

  it('no projection without a growth rate', () => {
    expect(opensdgSeries(pts([[2020, 8]]), settings()).projected).toBeNull();
  });

  it('components follow sdg-build: direction and sign ±1, status key, configured base year when unanchored', () => {
    const c = computeOpenSdgSeries(pts([[2010, 3]]), settings({ direction: 'increase', target: 9, limit: 50 }));
    expect(c.components).toEqual({
      base_value: null,
      base_year: 2015,
      current_value: 3,
      current_year: 2010,
      target: 9,
      target_year: 2030,
      direction: 1,
      sign: null,
      limit: 50,
      progress_value: null,
      status: 'not_available',
      score: null,
    });
  });
});

/** A minimal scored series result for the aggregation tests. */
function scored(score: number | null, status: ProgressStatus = 'acceleration_needed'): ProgressResult {
  const base = opensdgSeries(pts([]), settings());
  return { ...base, score, status: score === null ? 'insufficient_data' : status };
}
const achieved = (): ProgressResult => scored(5, 'target_achieved');

describe('aggregateOpenSdg (step 7, rules 8 and 9)', () => {
  it.each<{ name: string; items: OpenSdgItem[]; score: number | null; status: ProgressStatus }>([
    { name: 'no items', items: [], score: null, status: 'insufficient_data' },
    { name: 'no scored series', items: [scored(null), scored(null)], score: null, status: 'insufficient_data' },
    { name: 'mean of the scored series, unscored ones ignored', items: [scored(4), scored(null), scored(1)], score: 2.5, status: 'on_track' },
    { name: 'S exactly 2.5 → on_track', items: [scored(2.5)], score: 2.5, status: 'on_track' },
    { name: 'S exactly 0 → acceleration_needed', items: [scored(0)], score: 0, status: 'acceleration_needed' },
    { name: 'S exactly −2.5 → limited_progress', items: [scored(-5), scored(0)], score: -2.5, status: 'limited_progress' },
    { name: 'S just below −2.5 → deterioration', items: [scored(-2.5000001)], score: -2.5000001, status: 'deterioration' },
    { name: 'a group counts once with its mean: mean(mean(5, −3), 4) = 2.5', items: [{ group: [scored(5), scored(-3)] }, scored(4)], score: 2.5, status: 'on_track' },
    { name: 'nested groups: mean(mean(mean(4, 0), 4), −4) = −0.5', items: [{ group: [{ group: [scored(4), scored(0)] }, scored(4)] }, scored(-4)], score: -0.5, status: 'limited_progress' },
    { name: 'a group with no scored member is left out', items: [{ group: [scored(null)] }, { group: [] }, scored(-1)], score: -1, status: 'limited_progress' },
    { name: 'identical items listed twice count twice', items: [scored(3), scored(3), scored(0)], score: 2, status: 'acceleration_needed' },
    { name: 'every scored series achieved → target_achieved', items: [achieved(), scored(null), { group: [achieved()] }], score: 5, status: 'target_achieved' },
    { name: 'one scored series at any depth not achieved → by score', items: [achieved(), { group: [achieved(), scored(-5)] }], score: 2.5, status: 'on_track' },
  ])('$name → S = $score, $status', ({ items, score, status }) => {
    const a = aggregateOpenSdg(items);
    if (score === null) expect(a.score).toBeNull();
    else expect(a.score).toBeCloseTo(score, 12);
    expect(a.status).toBe(status);
  });

  it('scoreOpenSdgItems counts the scored series at every depth', () => {
    expect(scoreOpenSdgItems([{ group: [scored(1), { group: [scored(2), scored(null)] }] }, scored(3)]).scoredSeries).toBe(3);
  });

  it('opensdgStatusFromScore: achieved wins over any score; null → insufficient_data', () => {
    expect(opensdgStatusFromScore(-4, true)).toBe('target_achieved');
    expect(opensdgStatusFromScore(null, false)).toBe('insufficient_data');
  });
});

const STATUS_RANK: Record<ProgressStatus, number> = {
  target_achieved: 5,
  on_track: 4,
  acceleration_needed: 3,
  limited_progress: 2,
  deterioration: 1,
  insufficient_data: 0,
};

const year = fc.integer({ min: 2015, max: 2029 });
const positive = fc.double({ min: 0.01, max: 1e4, noNaN: true, noDefaultInfinity: true });
const direction = fc.constantFrom<'increase' | 'decrease'>('increase', 'decrease');

describe('opensdgSeries: properties', () => {
  it('a better latest value never yields a worse status or score', () => {
    fc.assert(
      fc.property(
        year,
        fc.integer({ min: 1, max: 15 }),
        positive,
        positive,
        positive,
        direction,
        fc.option(positive, { nil: null }),
        fc.option(positive, { nil: null }),
        (t0, span, v0, a, b, dir, target, limit) => {
          const worse = dir === 'increase' ? Math.min(a, b) : Math.max(a, b);
          const better = dir === 'increase' ? Math.max(a, b) : Math.min(a, b);
          const s = settings({ direction: dir, target, limit });
          const rw = opensdgSeries(pts([[t0, v0], [t0 + span, worse]]), s);
          const rb = opensdgSeries(pts([[t0, v0], [t0 + span, better]]), s);
          expect(STATUS_RANK[rb.status]).toBeGreaterThanOrEqual(STATUS_RANK[rw.status]);
          if (rw.score !== null && rb.score !== null) expect(rb.score).toBeGreaterThanOrEqual(rw.score - 1e-9);
          if (rw.score !== null) expect(rb.score).not.toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });

  it('swapping the direction and negating all values, target and limit gives the same result', () => {
    const nonZero = fc.double({ min: 0.01, max: 1e4, noNaN: true }).chain((v) => fc.constantFrom(v, -v));
    fc.assert(
      fc.property(
        fc.uniqueArray(year, { minLength: 1, maxLength: 6 }),
        fc.array(nonZero, { minLength: 6, maxLength: 6 }),
        direction,
        fc.option(nonZero, { nil: null }),
        fc.option(nonZero, { nil: null }),
        (years, values, dir, target, limit) => {
          const points = { years, values: years.map((_, i) => values[i] ?? 1) };
          const negated = { years, values: points.values.map((v) => -v) };
          const a = computeOpenSdgSeries(points, settings({ direction: dir, target, limit }));
          const b = computeOpenSdgSeries(
            negated,
            settings({ direction: dir === 'increase' ? 'decrease' : 'increase', target: target === null ? null : -target, limit: limit === null ? null : -limit }),
          );
          expect(b.result.status).toBe(a.result.status);
          expect(b.result.score).toBe(a.result.score);
          expect(b.result.explanation.measure).toBe(a.result.explanation.measure);
          expect(b.targetAchieved).toBe(a.targetAchieved);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('no input throws: empty, one point, zeros, negatives, NaN, ±Infinity, unsorted, duplicate years', () => {
    const anyNumber = fc.oneof(
      fc.double(),
      fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 2015, 2030),
      fc.integer({ min: -5, max: 5 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(year, anyNumber), anyNumber), { maxLength: 8 }),
        direction,
        fc.option(anyNumber, { nil: null }),
        fc.option(anyNumber, { nil: null }),
        anyNumber,
        anyNumber,
        (pairs, dir, target, limit, baseYear, targetYear) => {
          const s: ProgressSettings = {
            direction: dir,
            target: target === null ? null : { value: target, year: targetYear },
            baseYear,
            targetYear,
            limit,
            bounds: null,
          };
          const r = opensdgSeries(pts(pairs), s);
          expect(PROGRESS_STATUSES).toContain(r.status);
          if (r.score !== null) {
            expect(r.score).toBeGreaterThanOrEqual(-5);
            expect(r.score).toBeLessThanOrEqual(5);
          }
          aggregateOpenSdg([r, { group: [r] }]);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
