import { describe, expect, it } from 'vitest';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { ingestFile } from '@/ingest/ingest-file';
import { buildDashboard } from '@/model/dashboard-model';
import { isUnchanged, reviewChangeRows, type ReviewDiff, reviewDiff } from '@/model/review-diff';

const { registry } = loadRegistryFromDirs();
const dashboardOf = (rows: string[]) => {
  const r = ingestFile({ name: 'wadi-noor.csv', bytes: new TextEncoder().encode(['city,city_code,indicator,year,value', ...rows].join('\n')) }, registry);
  expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
  return buildDashboard([r.table], registry, 'opensdg');
};

describe('reviewDiff (since the last review)', () => {
  it('counts new and revised points and sorts status changes into improved, worsened, newly reported and no longer reported', () => {
    // 11.6.2 (lower is better, target 5): worsening then improving; 11.2.1 newly reported; 11.1.1 dropped.
    const before = dashboardOf(['Wadi Noor,XD-WNR,11.6.2,2015,30', 'Wadi Noor,XD-WNR,11.6.2,2020,33', 'Wadi Noor,XD-WNR,11.1.1,2015,20', 'Wadi Noor,XD-WNR,11.1.1,2020,18', 'Other,XD-OTH,11.6.2,2015,1']);
    const after = dashboardOf(['Wadi Noor,XD-WNR,11.6.2,2015,30', 'Wadi Noor,XD-WNR,11.6.2,2020,25', 'Wadi Noor,XD-WNR,11.6.2,2024,8', 'Wadi Noor,XD-WNR,11.2.1,2015,60', 'Wadi Noor,XD-WNR,11.2.1,2024,80']);
    const diff = reviewDiff(before, after, 'XD-WNR');
    // 2020 revised (33 → 25), 2024 new, and the two 11.2.1 points.
    expect(diff.newPoints).toBe(4);
    expect(before.headlineOf('XD-WNR', '11.6.2')?.result.status).toBe('deterioration');
    expect(diff.improved).toEqual([{ indicator: '11.6.2', before: 'deterioration', after: after.headlineOf('XD-WNR', '11.6.2')?.result.status }]);
    expect(diff.worsened).toEqual([]);
    expect(diff.newlyReported.map((c) => c.indicator)).toEqual(['11.2.1']);
    expect(diff.noLongerReported).toEqual(['11.1.1']);
    // Another city's data is not counted.
    expect(reviewDiff(before, after, 'XD-OTH').noLongerReported).toEqual(['11.6.2']);
  });

  it('finds nothing changed between the same data', () => {
    const d = dashboardOf(['Wadi Noor,XD-WNR,11.6.2,2015,30', 'Wadi Noor,XD-WNR,11.6.2,2020,25']);
    expect(reviewDiff(d, d, 'XD-WNR')).toEqual({ newPoints: 0, improved: [], worsened: [], newlyReported: [], noLongerReported: [], unchanged: 1 });
  });
});

describe('reviewChangeRows(diff)', () => {
  const diff: ReviewDiff = {
    newPoints: 3,
    improved: [{ indicator: '11.6.2', before: 'deterioration', after: 'on_track' }],
    worsened: [
      { indicator: '11.1.1', before: 'on_track', after: 'limited_progress' },
      { indicator: '11.7.1', before: 'target_achieved', after: 'deterioration' },
    ],
    newlyReported: [{ indicator: '11.2.1', before: 'insufficient_data', after: 'acceleration_needed' }],
    noLongerReported: ['11.3.1'],
    unchanged: 2,
  };

  it('lists what worsened first, then what improved, then what is newly reported, keeping the order within each', () => {
    expect(reviewChangeRows(diff).map((r) => [r.indicator, r.change])).toEqual([
      ['11.1.1', 'worsened'],
      ['11.7.1', 'worsened'],
      ['11.6.2', 'improved'],
      ['11.2.1', 'newly'],
    ]);
    expect(reviewChangeRows(diff)[3]).toEqual({ indicator: '11.2.1', before: 'insufficient_data', after: 'acceleration_needed', change: 'newly' });
  });

  it('has no rows when no status moved (indicators no longer reported are only counted)', () => {
    expect(reviewChangeRows({ ...diff, improved: [], worsened: [], newlyReported: [] })).toEqual([]);
  });
});

describe('isUnchanged(diff)', () => {
  const none: ReviewDiff = { newPoints: 0, improved: [], worsened: [], newlyReported: [], noLongerReported: [], unchanged: 4 };
  it.each([
    ['nothing new', none, true],
    ['a revised point', { ...none, newPoints: 1 }, false],
    ['an indicator dropped', { ...none, noLongerReported: ['11.1.1'] }, false],
    ['a status moved', { ...none, improved: [{ indicator: '11.6.2', before: 'deterioration', after: 'on_track' }] }, false],
  ] as const)('%s → %s', (_, d, expected) => {
    expect(isUnchanged(d)).toBe(expected);
  });

  it('is true between the same data', () => {
    const d = dashboardOf(['Wadi Noor,XD-WNR,11.6.2,2015,30', 'Wadi Noor,XD-WNR,11.6.2,2020,25']);
    expect(isUnchanged(reviewDiff(d, d, 'XD-WNR'))).toBe(true);
    // A city the data does not have: nothing either.
    expect(isUnchanged(reviewDiff(d, d, 'NOWHERE'))).toBe(true);
  });
});
