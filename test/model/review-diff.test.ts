import { describe, expect, it } from 'vitest';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { ingestFile } from '@/ingest/ingest-file';
import { buildDashboard } from '@/model/dashboard-model';
import { reviewDiff } from '@/model/review-diff';

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
