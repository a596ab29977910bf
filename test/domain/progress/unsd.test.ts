import { describe, expect, it } from 'vitest';
import type { MethodSettings, SeriesPoints } from '@/domain/progress/types';
import { annualGrowth, createUnsdSeries, projectValue, unsdBandScore, unsdSeries } from '@/domain/progress/unsd';

const pts = (pairs: ReadonlyArray<readonly [number, number]>): SeriesPoints => ({
  years: pairs.map(([y]) => y),
  values: pairs.map(([, v]) => v),
});

const settings = (s: Partial<MethodSettings> = {}): MethodSettings => ({
  direction: 'decrease',
  target: null,
  baseYear: 2015,
  targetYear: 2030,
  limit: null,
  bounds: null,
  ...s,
});

const pm25 = settings({ direction: 'decrease', target: { value: 5, year: 2030 } });

describe('unsdSeries with a target: ŷ(T) = yt·(yt/y0)^((T−t)/(t−t0)), Q = (ŷ − y0)/(y* − y0)', () => {
  it.each([
    // name, latest 2020 value, ŷ(2030), Q, status, score
    ['halving 20→10 in 5 years projects 2.5 by 2030: Q = 17.5/15 ≥ 0.95 → on_track', 10, 2.5, 1.1666667, 'on_track', 3.0701754],
    ['20→18 projects 14.58: Q = 5.42/15 = 0.361 → acceleration_needed', 18, 14.58, 0.3613333, 'acceleration_needed', 0.7686275],
    ['20→19.9 projects 19.70: Q = 0.0199 < 0.10 but ≥ 0 → limited_progress', 19.9, 19.7014975, 0.0199002, 'limited_progress', -2.0024958],
    ['20→22 projects 26.62: Q = −0.441 < 0 → deterioration', 22, 26.62, -0.4413333, 'deterioration', -3.6614035],
  ] as const)('%s', (_name, latest, yhat, q, status, score) => {
    const r = unsdSeries(pts([[2015, 20], [2020, latest]]), pm25);
    expect(r.status).toBe(status);
    expect(r.explanation.measure).toBeCloseTo(q, 6);
    expect(r.score).toBeCloseTo(score, 6);
    expect(r.projected?.year).toBe(2030);
    expect(r.projected?.value).toBeCloseTo(yhat, 6);
    expect(r.explanation).toMatchObject({ method: 'unsd', base: { year: 2015, value: 20 }, latest: { year: 2020, value: latest }, target: { year: 2030, value: 5 } });
    expect(r.explanation.thresholds).toEqual({ onTrack: 0.95, fair: 0.1 });
  });

  it('required growth is the direction-adjusted CAGR from the base to the target: −((5/20)^(1/15) − 1) = 8.83 %/year', () => {
    const r = unsdSeries(pts([[2015, 20], [2020, 10]]), pm25);
    expect(r.explanation.requiredGrowth).toBeCloseTo(0.0882775, 6);
    expect(r.explanation.observedGrowth).toBeCloseTo(1 - Math.pow(0.5, 0.2), 9);
  });

  it.each([
    ['the latest value meets the target (4.5 ≤ 5) whatever the trend → target_achieved, score 5', [[2015, 20], [2018, 3], [2020, 4.5]], 'target_achieved', 5],
    ['exactly at the target counts as met', [[2015, 20], [2020, 5]], 'target_achieved', 5],
    ['a base that met the target (4) left behind (6) → deterioration, scored on the no-target scale (−8.4 %/yr → −5)', [[2015, 4], [2020, 6]], 'deterioration', -5],
  ] as const)('%s', (_name, data, status, score) => {
    const r = unsdSeries(pts(data), pm25);
    expect(r.status).toBe(status);
    expect(r.score).toBeCloseTo(score, 9);
  });

  it('the base-met case is noted and has no Q', () => {
    const r = unsdSeries(pts([[2015, 4], [2020, 6]]), pm25);
    expect(r.explanation.notes).toContain('base_met_target');
    expect(r.explanation.measure).toBeNull();
  });

  it.each([
    ['slums 10 % → 0.8 %, 0 % target, percent indicator: within 1 point → target_achieved', 'decrease', 0, [[2015, 10], [2022, 0.8]], true, 'target_achieved'],
    ['the same series without the percent flag: Q = 0.9955 → on_track, not achieved', 'decrease', 0, [[2015, 10], [2022, 0.8]], false, 'on_track'],
    ['access 90 % → 99.2 %, 100 % target, percent indicator → target_achieved', 'increase', 100, [[2015, 90], [2022, 99.2]], true, 'target_achieved'],
    ['access 90 % → 98.9 %: 1.1 points short is not within 1 point', 'increase', 100, [[2015, 90], [2022, 98.9]], true, 'on_track'],
    ['the tolerance is only for 0 % and 100 % targets (target 50, latest 49.5)', 'increase', 50, [[2015, 20], [2022, 49.5]], true, 'on_track'],
  ] as const)('%s', (_name, direction, value, data, unitIsPercent, status) => {
    const r = unsdSeries(pts(data), settings({ direction, target: { value, year: 2030 }, unitIsPercent }));
    expect(r.status).toBe(status);
  });

  it('a target year already passed is assessed at the latest year without extrapolation: Q = (45 − 30)/(50 − 30) = 0.75', () => {
    const r = unsdSeries(pts([[2015, 30], [2024, 45]]), settings({ direction: 'increase', target: { value: 50, year: 2020 } }));
    expect(r.status).toBe('acceleration_needed');
    expect(r.explanation.measure).toBeCloseTo(0.75, 12);
    expect(r.projected).toEqual({ year: 2024, value: 45 });
    expect(r.explanation.notes).toContain('target_year_passed');
  });

  it('a target year equal to the latest year projects nothing: ŷ = yt', () => {
    const r = unsdSeries(pts([[2015, 30], [2030, 45]]), settings({ direction: 'increase', target: { value: 50, year: 2030 } }));
    expect(r.explanation.measure).toBeCloseTo(0.75, 12);
  });

  it('a zero base value makes CAGR undefined: the linear change is extrapolated instead (0 → 10 in 5 years → 40 by 2030)', () => {
    const r = unsdSeries(pts([[2015, 0], [2020, 10]]), settings({ direction: 'increase', target: { value: 30, year: 2030 } }));
    expect(r.projected?.value).toBeCloseTo(30, 9);
    expect(r.explanation.measure).toBeCloseTo(1, 9);
    expect(r.status).toBe('on_track');
    expect(r.explanation.notes).toContain('linear_growth');
  });
});

describe('unsdSeries without a target: direction-adjusted CAGR r', () => {
  it.each([
    ['100 → 115 in 5 years, increase: r = 2.83 % ≥ 2 % → on_track', 'increase', 115, 0.0283467, 'on_track', 3.5433403],
    ['100 → 105: r = 0.98 % in [0.5 %, 2 %) → acceleration_needed', 'increase', 105, 0.0098058, 'acceleration_needed', 0.8009663],
    ['100 → 101: r = 0.20 % in [0, 0.5 %) → limited_progress', 'increase', 101, 0.001992, 'limited_progress', -1.5039762],
    ['100 → 100: r = 0 → limited_progress (no move), score −2.5', 'increase', 100, 0, 'limited_progress', -2.5],
    ['100 → 95: r = −1.02 % → deterioration', 'increase', 95, -0.0102062, 'deterioration', -3.7757773],
    ['100 → 95 where lower is better: r = +1.02 % → acceleration_needed', 'decrease', 95, 0.0102062, 'acceleration_needed', 0.8677031],
  ] as const)('%s', (_name, direction, latest, r, status, score) => {
    const res = unsdSeries(pts([[2015, 100], [2020, latest]]), settings({ direction }));
    expect(res.status).toBe(status);
    expect(res.explanation.measure).toBeCloseTo(r, 6);
    expect(res.explanation.observedGrowth).toBeCloseTo(r, 6);
    expect(res.score).toBeCloseTo(score, 6);
    expect(res.explanation.thresholds).toEqual({ onTrack: 0.02, fair: 0.005 });
    expect(res.explanation.requiredGrowth).toBeNull();
  });

  it('projects the CAGR to the target year: 100 → 110.25 in 2 years → 100·1.05^15 in 2030', () => {
    const r = unsdSeries(pts([[2015, 100], [2017, 110.25]]), settings({ direction: 'increase' }));
    expect(r.projected?.year).toBe(2030);
    expect(r.projected?.value).toBeCloseTo(100 * Math.pow(1.05, 15), 6);
  });

  it.each([
    ['two negative values (−10 → −5, increase) grow by their magnitude: r = +12.9 %', [[2015, -10], [2020, -5]], 'increase', 1 - Math.pow(0.5, 0.2), false],
    ['a zero base (0 → 5, increase): linear, relative to |yt|: 5/(5·5) = 20 %/yr', [[2015, 0], [2020, 5]], 'increase', 0.2, true],
    ['opposite signs (−2 → 3, increase): linear, relative to |y0|: 5/(5·2) = 50 %/yr', [[2015, -2], [2020, 3]], 'increase', 0.5, true],
    ['all zeros: no change, r = 0', [[2015, 0], [2020, 0]], 'increase', 0, true],
  ] as const)('%s', (_name, data, direction, r, linear) => {
    const res = unsdSeries(pts(data), settings({ direction }));
    expect(res.explanation.measure).toBeCloseTo(r, 9);
    expect(res.explanation.notes.includes('linear_growth')).toBe(linear);
  });
});

describe('unsdSeries: base year and data sufficiency', () => {
  it.each([
    ['no points', [], 'no_data'],
    ['only NaN values', [[2015, NaN], [2020, NaN]], 'no_data'],
    ['one point', [[2018, 3]], 'one_point'],
    ['all points before the base year', [[2010, 1], [2014, 2]], 'no_data_since_base_year'],
    ['only one point since the base year (2012, 2016)', [[2012, 1], [2016, 2]], 'one_point'],
  ] as const)('%s → insufficient_data (%s)', (_name, data, reason) => {
    const r = unsdSeries(pts(data), pm25);
    expect(r.status).toBe('insufficient_data');
    expect(r.score).toBeNull();
    expect(r.projected).toBeNull();
    expect(r.explanation.insufficientReason).toBe(reason);
  });

  it('the latest value is reported even when the series is insufficient', () => {
    expect(unsdSeries(pts([[2012, 1], [2016, 2]]), pm25).explanation.latest).toEqual({ year: 2016, value: 2 });
  });

  it('the base is the base year when present, else the nearest later year; earlier years are ignored', () => {
    expect(unsdSeries(pts([[2012, 1], [2015, 20], [2020, 10]]), pm25).explanation.base).toEqual({ year: 2015, value: 20 });
    expect(unsdSeries(pts([[2012, 1], [2014, 2], [2016, 20], [2020, 10]]), pm25).explanation.base).toEqual({ year: 2016, value: 20 });
  });

  it('missing values (NaN) are skipped for the base and the latest point', () => {
    const r = unsdSeries(pts([[2015, NaN], [2016, 20], [2020, 10], [2021, NaN]]), pm25);
    expect(r.explanation.base).toEqual({ year: 2016, value: 20 });
    expect(r.explanation.latest).toEqual({ year: 2020, value: 10 });
  });

  it('a later base year from the settings is honoured', () => {
    const r = unsdSeries(pts([[2015, 20], [2018, 16], [2020, 10]]), { ...pm25, baseYear: 2018 });
    expect(r.explanation.base).toEqual({ year: 2018, value: 16 });
  });
});

describe('unsd thresholds are data', () => {
  it('createUnsdSeries(thresholds) moves the cut points: Q = 0.361 is on_track when on track starts at 0.3', () => {
    const method = createUnsdSeries({ target: { onTrack: 0.3, fair: 0.05 }, noTarget: { onTrack: 0.02, fair: 0.005 } });
    const r = method(pts([[2015, 20], [2020, 18]]), pm25);
    expect(r.status).toBe('on_track');
    expect(r.explanation.thresholds).toEqual({ onTrack: 0.3, fair: 0.05 });
  });

  it("a series' unsdThresholds win over the method's", () => {
    const r = unsdSeries(pts([[2015, 100], [2020, 105]]), settings({ direction: 'increase', unsdThresholds: { target: { onTrack: 0.95, fair: 0.1 }, noTarget: { onTrack: 0.009, fair: 0.001 } } }));
    expect(r.status).toBe('on_track');
  });
});

describe('unsdBandScore(measure, cut): each status is a 2.5-wide band of −5…5', () => {
  const cut = { onTrack: 0.95, fair: 0.1 };
  it.each([
    [-2, -5],
    [-0.95, -5],
    [-0.475, -3.75],
    [0, -2.5],
    [0.05, -1.25],
    [0.1, 0],
    [0.525, 1.25],
    [0.95, 2.5],
    [1.425, 3.75],
    [1.9, 5],
    [10, 5],
  ])('Q = %s → %s', (q, score) => {
    expect(unsdBandScore(q, cut)).toBeCloseTo(score, 12);
  });

  it('degenerate cut points (fair = 0, onTrack = fair) stay finite', () => {
    for (const q of [-1, 0, 0.5, 1]) expect(Number.isFinite(unsdBandScore(q, { onTrack: 0, fair: 0 }))).toBe(true);
  });
});

describe('annualGrowth and projectValue', () => {
  it.each([
    [100, 2015, 121, 2017, 0.1],
    [-100, 2015, -121, 2017, -0.1],
    [0, 2015, 10, 2020, 0.2],
    [10, 2015, -10, 2020, -0.4],
  ])('annualGrowth(%s, %s, %s, %s) = %s', (a, ta, b, tb, g) => {
    expect(annualGrowth(a, ta, b, tb)).toBeCloseTo(g, 12);
  });

  it.each([
    [100, 2015, 121, 2017, 2019, 146.41],
    [0, 2015, 10, 2020, 2030, 30],
    [-100, 2015, -121, 2017, 2019, -146.41],
  ])('projectValue(%s, %s, %s, %s, %s) = %s', (a, ta, b, tb, year, v) => {
    expect(projectValue(a, ta, b, tb, year)).toBeCloseTo(v, 9);
  });
});

describe('the projection shown for charts stays possible', () => {
  it('a percentage is not projected above 100 % (60 → 90 % in 5 years would reach 202 % by 2030); Q is not capped', () => {
    const r = unsdSeries(pts([[2015, 60], [2020, 90]]), settings({ direction: 'increase', target: { value: 100, year: 2030 }, unitIsPercent: true, limit: 100 }));
    expect(r.projected).toEqual({ year: 2030, value: 100 });
    expect(r.explanation.measure).toBeCloseTo((90 * 1.5 * 1.5 - 60) / 40, 9);
  });

  it('a natural floor caps a falling indicator (unemployment 8 → 5 %, floor 3)', () => {
    const r = unsdSeries(pts([[2015, 8], [2020, 5]]), settings({ direction: 'decrease', limit: 3 }));
    expect(r.projected).toEqual({ year: 2030, value: 3 });
  });

  it('a limit the latest value has already passed does not move the projection', () => {
    const r = unsdSeries(pts([[2015, 4], [2020, 2]]), settings({ direction: 'decrease', limit: 3 }));
    expect(r.projected?.value).toBeCloseTo(0.5, 9);
  });
});
