import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sdsnSeries } from '@/domain/progress/sdsn';
import { type MethodSettings, PROGRESS_STATUSES, type ProgressResult, type SeriesMethod, type SeriesPoints } from '@/domain/progress/types';
import { unsdSeries } from '@/domain/progress/unsd';

/**
 * Properties of the unsd and sdsn methods over generated series:
 * - a better latest value never gives a worse status or a lower score;
 * - negating every value (and the target, bounds and limit) while swapping the direction gives the
 *   same status, score and measure;
 * - no input throws, and every status and score is well formed.
 */

const rankOf = (r: ProgressResult) => PROGRESS_STATUSES.indexOf(r.status);

/** Distinct ascending years 2015..2029 (the base year first) with values in a sane range. */
const value = fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true });
const seriesArb = fc
  .uniqueArray(fc.integer({ min: 2016, max: 2029 }), { minLength: 1, maxLength: 8 })
  .chain((years) => {
    const sorted = [2015, ...years.sort((a, b) => a - b)];
    return fc.tuple(fc.constant(sorted), fc.array(fc.oneof(value, fc.constant(0)), { minLength: sorted.length, maxLength: sorted.length }));
  });

const unsdSettingsArb: fc.Arbitrary<MethodSettings> = fc.record({
  direction: fc.constantFrom('increase' as const, 'decrease' as const),
  target: fc.option(fc.record({ value: fc.oneof(value, fc.constantFrom(0, 100)), year: fc.integer({ min: 2016, max: 2040 }) }), { nil: null }),
  baseYear: fc.constant(2015),
  targetYear: fc.constant(2030),
  limit: fc.constant(null),
  bounds: fc.constant(null),
  unitIsPercent: fc.boolean(),
});

/** Bounds ordered as the direction says: lower < red < green < optimum when higher is better. */
const sdsnSettingsArb: fc.Arbitrary<MethodSettings> = fc
  .tuple(fc.constantFrom('increase' as const, 'decrease' as const), fc.uniqueArray(fc.integer({ min: -500, max: 500 }), { minLength: 4, maxLength: 4 }))
  .map(([direction, cuts]) => {
    const [lower, red, green, optimum] = [...cuts].sort((a, b) => (direction === 'increase' ? a - b : b - a));
    return { direction, target: null, baseYear: 2015, targetYear: 2030, limit: null, bounds: { optimum: optimum ?? 0, green: green ?? 0, red: red ?? 0, lower: lower ?? 0 } };
  });

const points = (years: readonly number[], values: readonly number[]): SeriesPoints => ({ years, values });

function checkMonotone(method: SeriesMethod, settingsArb: fc.Arbitrary<MethodSettings>) {
  fc.assert(
    fc.property(seriesArb, settingsArb, fc.double({ min: 0, max: 500, noNaN: true }), ([years, values], settings, gain) => {
      const d = settings.direction === 'increase' ? 1 : -1;
      const better = [...values];
      better[better.length - 1] = (values[values.length - 1] ?? 0) + d * gain;
      const a = method(points(years, values), settings);
      const b = method(points(years, better), settings);
      expect(rankOf(b)).toBeLessThanOrEqual(rankOf(a));
      if (a.score !== null && b.score !== null) expect(b.score).toBeGreaterThanOrEqual(a.score - 1e-9);
    }),
    { numRuns: 2000 },
  );
}

function negate(s: MethodSettings): MethodSettings {
  return {
    ...s,
    direction: s.direction === 'increase' ? 'decrease' : 'increase',
    target: s.target === null ? null : { value: -s.target.value, year: s.target.year },
    limit: s.limit === null ? null : -s.limit,
    bounds: s.bounds === null ? null : { optimum: -s.bounds.optimum, green: -s.bounds.green, red: -s.bounds.red, lower: -s.bounds.lower },
  };
}

const close = (x: number | null, y: number | null) => {
  if (x === null || y === null || !Number.isFinite(x) || !Number.isFinite(y)) expect(x).toBe(y);
  else expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(x)));
};

function checkSymmetric(method: SeriesMethod, settingsArb: fc.Arbitrary<MethodSettings>) {
  fc.assert(
    fc.property(seriesArb, settingsArb, ([years, values], settings) => {
      const a = method(points(years, values), settings);
      const b = method(
        points(
          years,
          values.map((v) => -v),
        ),
        negate(settings),
      );
      expect(b.status).toBe(a.status);
      close(b.score, a.score);
      close(b.explanation.measure, a.explanation.measure);
      close(b.explanation.observedGrowth, a.explanation.observedGrowth);
      close(b.projected === null ? null : -b.projected.value, a.projected?.value ?? null);
    }),
    { numRuns: 2000 },
  );
}

describe('unsdSeries properties', () => {
  it('a better latest value never yields a worse status or a lower score', () => checkMonotone(unsdSeries, unsdSettingsArb));
  it('negating values, target and swapping the direction gives the same result (percent rule off: negative percentages mean nothing)', () =>
    checkSymmetric(
      unsdSeries,
      unsdSettingsArb.map((s) => ({ ...s, unitIsPercent: false })),
    ));
});

describe('sdsnSeries properties', () => {
  it('a better latest value never yields a worse status or a lower score', () => checkMonotone(sdsnSeries, sdsnSettingsArb));
  it('negating values and bounds and swapping the direction gives the same result', () => checkSymmetric(sdsnSeries, sdsnSettingsArb));
});

describe('no input throws', () => {
  const anyNumber = fc.oneof(fc.double(), fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 1e308, -1e308, 5e-324));
  const anyPoints = fc.array(fc.tuple(fc.integer({ min: 1990, max: 2060 }), anyNumber), { maxLength: 10 }).map((pairs) => {
    const byYear = new Map(pairs);
    const years = [...byYear.keys()].sort((a, b) => a - b);
    return points(
      years,
      years.map((y) => byYear.get(y) ?? NaN),
    );
  });
  const anySettings: fc.Arbitrary<MethodSettings> = fc.record({
    direction: fc.constantFrom('increase' as const, 'decrease' as const),
    target: fc.option(fc.record({ value: anyNumber, year: fc.integer({ min: 1990, max: 2060 }) }), { nil: null }),
    baseYear: fc.integer({ min: 1990, max: 2060 }),
    targetYear: fc.integer({ min: 1990, max: 2060 }),
    limit: fc.option(anyNumber, { nil: null }),
    bounds: fc.option(fc.record({ optimum: anyNumber, green: anyNumber, red: anyNumber, lower: anyNumber }), { nil: null }),
    unitIsPercent: fc.boolean(),
  });

  it.each([
    ['unsd', unsdSeries],
    ['sdsn', sdsnSeries],
  ] as const)('%s: any points and settings give a well-formed result', (_name, method) => {
    fc.assert(
      fc.property(anyPoints, anySettings, (p, s) => {
        const r = method(p, s);
        expect(PROGRESS_STATUSES).toContain(r.status);
        if (r.score !== null) expect(Number.isFinite(r.score)).toBe(true);
        if (r.status === 'insufficient_data') expect(r.explanation.insufficientReason).not.toBeNull();
        else expect(r.explanation.insufficientReason).toBeNull();
        if (r.projected !== null) expect(Number.isFinite(r.projected.value)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['empty', [], []],
    ['one point', [2020], [5]],
    ['zeros', [2015, 2020], [0, 0]],
    ['negatives', [2015, 2020], [-3, -1]],
    ['NaN', [2015, 2020], [NaN, NaN]],
    ['mismatched lengths', [2015, 2020, 2021], [1]],
  ])('%s does not throw', (_name, years, values) => {
    const s: MethodSettings = { direction: 'decrease', target: { value: 0, year: 2030 }, baseYear: 2015, targetYear: 2030, limit: null, bounds: { optimum: 0, green: 1, red: 5, lower: 10 } };
    for (const method of [unsdSeries, sdsnSeries]) expect(() => method(points(years, values), s)).not.toThrow();
  });
});
