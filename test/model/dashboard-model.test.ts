import { describe, expect, it } from 'vitest';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { ObservationTableBuilder, type ObservationInput } from '@/domain/observation-table';
import { buildDashboard } from '@/model/dashboard-model';

const { registry } = loadRegistryFromDirs();
const base: ObservationInput = {
  city: 'Tyre', cityCode: '', indicator: '11.6.2', year: 2015, value: 40, period: '', unit: '', series: '', disaggregation: '', source: '', note: '', line: 2,
};
function table(rows: Array<Partial<ObservationInput>>) {
  const b = new ObservationTableBuilder(8);
  for (const r of rows) b.push({ ...base, ...r });
  return b.finish();
}

describe('buildDashboard', () => {
  const t1 = table([
    { city: 'San Juan', cityCode: 'AR_SAN_JUAN', year: 2015, value: 20 },
    { city: 'San Juan', cityCode: 'AR_SAN_JUAN', year: 2020, value: 15 },
    { city: 'San Juan', cityCode: 'PR_SAN_JUAN', year: 2015, value: 10 },
    { city: 'San Juan', cityCode: 'PR_SAN_JUAN', year: 2020, value: 12 },
  ]);
  const t2 = table([{ city: 'Tyre', year: 2016, value: 30 }]);
  const d = buildDashboard([t1, t2], registry, 'opensdg');

  it('keys cities by code (two San Juans stay two cities) and by name when there is no code', () => {
    expect(d.cities.map((c) => c.key)).toEqual(['AR_SAN_JUAN', 'PR_SAN_JUAN', 'Tyre']);
    expect(d.cityByKey.get('PR_SAN_JUAN')).toEqual({ key: 'PR_SAN_JUAN', name: 'San Juan', code: 'PR_SAN_JUAN', kind: '', parent: '' });
  });
  it('finds the headline result of a city × indicator, and of an indicator across cities', () => {
    // PM2.5 (11.6.2) should fall to the WHO guideline (5 µg/m³ by 2030): 20 → 15 in 5 years is −5.6 %/year
    // against −8.8 %/year required (ratio 0.64): progress, but acceleration needed. 10 → 12 deteriorates;
    // one point is not enough.
    expect(d.headlineOf('AR_SAN_JUAN', '11.6.2')?.result.status).toBe('acceleration_needed');
    expect(d.headlineOf('PR_SAN_JUAN', '11.6.2')?.result.status).toBe('deterioration');
    expect(d.headlineOf('Tyre', '11.6.2')?.result.status).toBe('insufficient_data');
    expect(d.headlineOf('Tyre', '11.1.1')).toBeUndefined();
    expect(d.byIndicator.get('11.6.2')?.map((p) => p.cityCode)).toEqual(['AR_SAN_JUAN', 'PR_SAN_JUAN', '']);
  });
  it('lists cities only: districts under their city, aggregates nowhere, but every place resolves by key', () => {
    const wards = table([
      { city: 'Port Ruri', placeKind: 'city', year: 2015, value: 20 },
      { city: 'Port Ruri', placeKind: 'city', year: 2020, value: 15 },
      { city: 'North End', cityCode: 'X05000001', placeKind: 'district', placeParent: 'Port Ruri', year: 2015, value: 25 },
      { city: 'North End', cityCode: 'X05000001', placeKind: 'district', placeParent: 'Port Ruri', year: 2020, value: 18 },
      { city: 'World', placeKind: 'aggregate', year: 2020, value: 30 },
    ]);
    const w = buildDashboard([wards], registry, 'opensdg');
    expect(w.cities.map((c) => c.key)).toEqual(['Port Ruri']);
    expect(w.districtsOf('Port Ruri').map((c) => [c.key, c.name, c.kind, c.parent])).toEqual([['X05000001', 'North End', 'district', 'Port Ruri']]);
    expect(w.districtsOf('Nowhere')).toEqual([]);
    expect(w.cityByKey.get('World')?.kind).toBe('aggregate');
    expect(w.headlineOf('X05000001', '11.6.2')?.result.status).toBeDefined();
    expect(w.byIndicator.get('11.6.2')?.map((p) => p.city)).toEqual(['Port Ruri']);
  });

  it('rolls up per city key', () => {
    expect(d.rollups.get('AR_SAN_JUAN')?.overall.counts.acceleration_needed).toBe(1);
    expect(d.rollups.get('PR_SAN_JUAN')?.overall.counts.deterioration).toBe(1);
  });
  it('an empty workspace is an empty dashboard', () => {
    const empty = buildDashboard([], registry, 'unsd');
    expect(empty.cities).toEqual([]);
    expect(empty.report.indicators).toEqual([]);
  });
});
