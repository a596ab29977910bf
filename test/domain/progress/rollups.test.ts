import { describe, expect, it } from 'vitest';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { distanceToTarget, type HeadlineResult, rankCities, rollUpByCity } from '@/domain/progress/rollups';
import type { ProgressResult, ProgressStatus } from '@/domain/progress/types';

const { registry } = loadRegistryFromDirs();

function result(status: ProgressStatus, score: number | null, latest: number | null = null, direction: 'increase' | 'decrease' = 'decrease'): ProgressResult {
  return {
    status,
    score,
    normalizedScore: null,
    projected: null,
    explanation: {
      method: 'unsd',
      direction,
      base: null,
      latest: latest === null ? null : { year: 2022, value: latest },
      target: null,
      observedGrowth: null,
      requiredGrowth: null,
      measure: null,
      thresholds: {},
      limitCoefficient: null,
      insufficientReason: status === 'insufficient_data' ? 'no_data' : null,
      notes: [],
    },
  };
}
const h = (city: string, indicator: string, r: ProgressResult, cityCode = ''): HeadlineResult => ({ city, cityCode, indicator, result: r });

describe('rollUpByCity(results, registry)', () => {
  // 11.6.2 and 11.6.1 (target 11.6), 11.1.1 (11.1), 3.6.1 (goal 3), and a local code not in the registry.
  const results = [
    h('Amman', '11.6.2', result('on_track', 3), 'JO-AM'),
    h('Amman', '11.6.1', result('deterioration', -4)),
    h('Amman', '11.1.1', result('insufficient_data', null)),
    h('Amman', '3.6.1', result('target_achieved', 5)),
    h('Amman', 'AMM-1', result('limited_progress', -1)),
    h('Zarqa', '11.6.2', result('acceleration_needed', 1)),
  ];
  const rollups = rollUpByCity(results, registry);

  it('one roll-up per city, in order of first appearance', () => {
    expect(rollups.map((r) => [r.city, r.cityCode])).toEqual([
      ['Amman', 'JO-AM'],
      ['Zarqa', ''],
    ]);
  });

  it('overall: counts by status and the mean of the non-null scores (3 − 4 + 5 − 1)/4 = 0.75', () => {
    const all = rollups[0]?.overall;
    expect(all).toMatchObject({ key: 'all', indicators: 5, scored: 4, meanScore: 0.75 });
    expect(all?.counts).toEqual({ target_achieved: 1, on_track: 1, acceleration_needed: 0, limited_progress: 1, deterioration: 1, insufficient_data: 1 });
  });

  it('by SDG target and goal, in code order; an indicator unknown to the registry counts only overall', () => {
    const amman = rollups[0];
    expect(amman?.byTarget.map((g) => [g.key, g.indicators, g.meanScore])).toEqual([
      ['3.6', 1, 5],
      ['11.1', 1, null],
      ['11.6', 2, -0.5],
    ]);
    expect(amman?.byGoal.map((g) => [g.key, g.indicators, g.scored, g.meanScore])).toEqual([
      ['3', 1, 1, 5],
      ['11', 3, 2, -0.5],
    ]);
  });

  it('by NUA commitment (an indicator in several counts in each) and by implementation priority', () => {
    const amman = rollups[0];
    const expected = new Map<string, number>();
    const priorities = new Map<string, number>();
    for (const code of ['11.6.2', '11.6.1', '11.1.1', '3.6.1']) {
      const ind = registry.byCode.get(code);
      for (const c of ind?.nua.commitments ?? []) expected.set(c, (expected.get(c) ?? 0) + 1);
      priorities.set(ind?.nua.priority ?? '', (priorities.get(ind?.nua.priority ?? '') ?? 0) + 1);
    }
    expect(Object.fromEntries(amman?.byCommitment.map((g) => [g.key, g.indicators]) ?? [])).toEqual(Object.fromEntries(expected));
    expect(Object.fromEntries(amman?.byPriority.map((g) => [g.key, g.indicators]) ?? [])).toEqual(Object.fromEntries(priorities));
    // Schema order: governance, planning, finance.
    const order = ['governance', 'planning', 'finance'];
    const keys = amman?.byPriority.map((g) => g.key) ?? [];
    expect([...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(keys);
  });

  it('no results → no cities', () => {
    expect(rollUpByCity([], registry)).toEqual([]);
  });

  it('handles 1,000 cities × 34 indicators quickly', () => {
    const many: HeadlineResult[] = [];
    for (let c = 0; c < 1000; c++) for (const ind of registry.indicators) many.push(h(`C${c}`, ind.code, result('on_track', c % 5)));
    const t0 = performance.now();
    const r = rollUpByCity(many, registry);
    expect(r).toHaveLength(1000);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('rankCities(results, indicator, registry)', () => {
  it('lower is better for 11.6.2: ranks ascending by latest value; ties share a rank and keep input order; missing last', () => {
    const ranked = rankCities(
      [
        h('A', '11.6.2', result('deterioration', -3, 20)),
        h('B', '11.6.2', result('insufficient_data', null, null)),
        h('C', '11.6.2', result('on_track', 3, 8)),
        h('D', '11.6.2', result('on_track', 2, 20)),
        h('E', '11.6.2', result('target_achieved', 5, 4)),
        h('F', '11.6.1', result('on_track', 1, 1)),
      ],
      '11.6.2',
      registry,
    );
    expect(ranked.map((r) => [r.city, r.rank, r.latest?.value ?? null])).toEqual([
      ['E', 1, 4],
      ['C', 2, 8],
      ['A', 3, 20],
      ['D', 3, 20],
      ['B', null, null],
    ]);
  });

  it('distance to the WHO target of 5 µg/m³: 20 → 15 (300 %), 4 → 0 (met); the status is carried', () => {
    const ranked = rankCities([h('A', '11.6.2', result('deterioration', -3, 20)), h('E', '11.6.2', result('target_achieved', 5, 4))], '11.6.2', registry);
    expect(ranked[1]).toMatchObject({ city: 'A', distance: { absolute: 15, relative: 3 }, target: { year: 2030, value: 5 }, status: 'deterioration' });
    expect(ranked[0]).toMatchObject({ city: 'E', distance: { absolute: 0, relative: 0 }, status: 'target_achieved' });
  });

  it('higher is better for 11.2.1 (target 100 %): ranks descending', () => {
    const ranked = rankCities([h('A', '11.2.1', result('on_track', 1, 40, 'increase')), h('B', '11.2.1', result('on_track', 1, 90, 'increase'))], '11.2.1', registry);
    expect(ranked.map((r) => r.city)).toEqual(['B', 'A']);
  });

  it('an alias code finds the indicator; results given under the alias count', () => {
    const ranked = rankCities([h('A', '1.5.1', result('on_track', 1, 3)), h('B', '11.5.1', result('on_track', 1, 1))], '13.1.1', registry);
    expect(ranked.map((r) => r.city)).toEqual(['B', 'A']);
  });

  it('an indicator nobody reported → []', () => {
    expect(rankCities([], '11.6.2', registry)).toEqual([]);
  });
});

describe('distanceToTarget(latest, target, sign)', () => {
  it.each([
    [15, 5, -1, 10, 2],
    [4, 5, -1, 0, 0],
    [80, 100, 1, 20, 0.2],
    [3, 0, -1, 3, null],
  ] as const)('latest %s, target %s, sign %s → %s (relative %s)', (latest, target, sign, absolute, relative) => {
    expect(distanceToTarget(latest, target, sign)).toEqual({ absolute, relative });
  });
});
