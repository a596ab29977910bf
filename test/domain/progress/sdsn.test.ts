import { describe, expect, it } from 'vitest';
import { createSdsnSeries, normalizeToBounds, sdsnLevel, sdsnSeries } from '@/domain/progress/sdsn';
import type { MethodSettings, SeriesPoints } from '@/domain/progress/types';

const pts = (pairs: ReadonlyArray<readonly [number, number]>): SeriesPoints => ({
  years: pairs.map(([y]) => y),
  values: pairs.map(([, v]) => v),
});

// PM2.5 (SDR codebook): optimum 6.3, green ≤ 10, red ≥ 25, lower bound 87; lower is better.
// x' = (x − 87)/(6.3 − 87)·100: green' = 95.415, red' = 76.828, midpoint 86.121.
const PM_BOUNDS = { optimum: 6.3, green: 10, red: 25, lower: 87 };
const pm25: MethodSettings = { direction: 'decrease', target: { value: 5, year: 2030 }, baseYear: 2015, targetYear: 2030, limit: null, bounds: PM_BOUNDS };
// Public transport access (%): optimum 100, green ≥ 80, red ≤ 50, lower 0 → x' = x; midpoint 65.
const ACCESS_BOUNDS = { optimum: 100, green: 80, red: 50, lower: 0 };
const access: MethodSettings = { direction: 'increase', target: null, baseYear: 2015, targetYear: 2030, limit: null, bounds: ACCESS_BOUNDS };

describe('normalizeToBounds: x′ = (x − lower)/(optimum − lower)·100, censored to [0, 100]', () => {
  it.each([
    [6.3, 100],
    [87, 0],
    [20, 83.0235440],
    [10, 95.4151177],
    [3, 100],
    [150, 0],
  ])('PM2.5 %s µg/m³ (lower is better: the same formula reverses the scale) → %s', (x, score) => {
    expect(normalizeToBounds(x, PM_BOUNDS)).toBeCloseTo(score, 6);
  });

  it.each([
    [0, 0],
    [65, 65],
    [120, 100],
    [-5, 0],
  ])('access %s %% → %s', (x, score) => {
    expect(normalizeToBounds(x, ACCESS_BOUNDS)).toBeCloseTo(score, 12);
  });

  it('degenerate bounds (optimum = lower) give NaN, not a throw', () => {
    expect(normalizeToBounds(5, { optimum: 1, green: 1, red: 1, lower: 1 })).toBeNaN();
  });
});

describe('sdsnLevel: green/red from the thresholds, yellow/orange split at their midpoint', () => {
  it.each([
    [80, 'green'],
    [95, 'green'],
    [79.9, 'yellow'],
    [65, 'yellow'],
    [64.9, 'orange'],
    [50.1, 'orange'],
    [50, 'red'],
    [0, 'red'],
  ] as const)('access score %s → %s', (score, level) => {
    expect(sdsnLevel(score, ACCESS_BOUNDS)).toBe(level);
  });
});

describe('sdsnSeries: the trend arrow (observed vs required linear change of x′, base year → green by 2030)', () => {
  it.each([
    ['30 → 20 µg/m³ (2015→2020): 2.48 pts/yr vs 1.65 needed, ratio 1.5 → on_track', [[2015, 30], [2020, 20]], 'on_track', 1.5, 'level_orange'],
    ['30 → 25.5: ratio 0.675 ≥ 0.5 → acceleration_needed', [[2015, 30], [2020, 25.5]], 'acceleration_needed', 0.675, 'level_red'],
    ['30 → 29: ratio 0.15 < 0.5 → limited_progress', [[2015, 30], [2020, 29]], 'limited_progress', 0.15, 'level_red'],
    ['30 → 30: flat → limited_progress', [[2015, 30], [2020, 30]], 'limited_progress', 0, 'level_red'],
    ['30 → 32: falling → deterioration', [[2015, 30], [2020, 32]], 'deterioration', null, 'level_red'],
    ['12 → 9: now above green → on_track (achieved and maintained)', [[2015, 12], [2020, 9]], 'on_track', null, 'level_green'],
    ['7 → 9: moving inside the green zone is ignored → on_track', [[2015, 7], [2020, 9]], 'on_track', null, 'level_green'],
    ['9 → 11: falling out of green → deterioration', [[2015, 9], [2020, 11]], 'deterioration', null, 'level_yellow'],
    ['150 → 100: both censored at 0, flat → limited_progress', [[2015, 150], [2020, 100]], 'limited_progress', 0, 'level_red'],
  ] as const)('%s', (_name, data, status, ratio, level) => {
    const r = sdsnSeries(pts(data), pm25);
    expect(r.status).toBe(status);
    if (ratio === null) expect(r.explanation.measure).toBeNull();
    else expect(r.explanation.measure).toBeCloseTo(ratio, 9);
    expect(r.explanation.notes).toContain(level);
    expect(r.score).toBe(r.normalizedScore);
    expect(r.score).toBeCloseTo(normalizeToBounds(data[data.length - 1]?.[1] ?? NaN, PM_BOUNDS), 12);
  });

  it('the explanation records rates, thresholds on the 0–100 scale and the base/latest points', () => {
    const r = sdsnSeries(pts([[2015, 30], [2020, 20]]), pm25);
    expect(r.explanation.observedGrowth).toBeCloseTo(2.4783147, 6);
    expect(r.explanation.requiredGrowth).toBeCloseTo(1.6522098, 6);
    expect(r.explanation.thresholds.green).toBeCloseTo(95.4151177, 6);
    expect(r.explanation.thresholds.red).toBeCloseTo(76.8277571, 6);
    expect(r.explanation.thresholds.midpoint).toBeCloseTo(86.1214374, 6);
    expect(r.explanation).toMatchObject({ method: 'sdsn', base: { year: 2015, value: 30 }, latest: { year: 2020, value: 20 }, target: { year: 2030, value: 5 } });
  });

  it('projects the raw value linearly to the target year: 30 → 20 in 5 years → 0 by 2030', () => {
    expect(sdsnSeries(pts([[2015, 30], [2020, 20]]), pm25).projected).toEqual({ year: 2030, value: 0 });
  });

  it.each([
    ['40 → 60 % (2015→2020): 4 pts/yr vs (80 − 40)/15 = 2.67 needed → on_track, orange', [[2015, 40], [2020, 60]], 'on_track', 'level_orange'],
    ['40 → 46: ratio 0.45 → limited_progress', [[2015, 40], [2020, 46]], 'limited_progress', 'level_red'],
    ['60 → 70: ratio 2/(20/15) = 1.5 → on_track, yellow', [[2015, 60], [2020, 70]], 'on_track', 'level_yellow'],
  ] as const)('higher is better: %s', (_name, data, status, level) => {
    const r = sdsnSeries(pts(data), access);
    expect(r.status).toBe(status);
    expect(r.explanation.notes).toContain(level);
  });

  it('the base is the base year or the nearest later year; earlier points do not count', () => {
    const r = sdsnSeries(pts([[2010, 90], [2016, 40], [2021, 60]]), access);
    expect(r.explanation.base).toEqual({ year: 2016, value: 40 });
    expect(r.explanation.requiredGrowth).toBeCloseTo(40 / 14, 12);
  });
});

describe('sdsnSeries: what cannot be assessed', () => {
  it('no bounds → insufficient_data (no_bounds), no score', () => {
    const r = sdsnSeries(pts([[2015, 30], [2020, 20]]), { ...pm25, bounds: null });
    expect(r).toMatchObject({ status: 'insufficient_data', score: null, normalizedScore: null });
    expect(r.explanation.insufficientReason).toBe('no_bounds');
  });

  it('degenerate bounds (optimum = lower) count as no bounds', () => {
    const r = sdsnSeries(pts([[2015, 30], [2020, 20]]), { ...pm25, bounds: { optimum: 5, green: 5, red: 5, lower: 5 } });
    expect(r.explanation.insufficientReason).toBe('no_bounds');
  });

  it.each([
    ['no points', [], 'no_data', null],
    ['one point: the level is still scored', [[2020, 20]], 'one_point', 83.0235440],
    ['points only before the base year: the level is still scored', [[2012, 20], [2014, 20]], 'no_data_since_base_year', 83.0235440],
    ['NaN values only', [[2015, NaN]], 'no_data', null],
  ] as const)('%s → insufficient_data (%s)', (_name, data, reason, score) => {
    const r = sdsnSeries(pts(data), pm25);
    expect(r.status).toBe('insufficient_data');
    expect(r.explanation.insufficientReason).toBe(reason);
    if (score === null) expect(r.score).toBeNull();
    else expect(r.score).toBeCloseTo(score, 6);
  });

  it('bounds that contradict the direction are flagged', () => {
    const r = sdsnSeries(pts([[2015, 30], [2020, 20]]), { ...pm25, direction: 'increase' });
    expect(r.explanation.notes).toContain('bounds_disagree_with_direction');
  });
});

describe('sdsn thresholds are data', () => {
  it('createSdsnSeries({ onTrack: 2, moderate: 1 }) makes ratio 1.5 acceleration_needed', () => {
    const r = createSdsnSeries({ onTrack: 2, moderate: 1 })(pts([[2015, 30], [2020, 20]]), pm25);
    expect(r.status).toBe('acceleration_needed');
  });

  it("a series' sdsnThresholds win", () => {
    const withCuts: MethodSettings = { ...pm25, sdsnThresholds: { onTrack: 0.2, moderate: 0.1 } };
    const r = sdsnSeries(pts([[2015, 30], [2020, 29]]), withCuts);
    expect(r.status).toBe('acceleration_needed');
  });
});
