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

describe('progress never measures data of another unit against the registry target', () => {
  it('a count under a percentage indicator is not assessed (other_unit); the same series in % is', () => {
    const t = table([
      { city: 'Port Ruri', indicator: '11.1.1', unit: 'Rough sleepers (count)', year: 2015, value: 8 },
      { city: 'Port Ruri', indicator: '11.1.1', unit: 'Rough sleepers (count)', year: 2020, value: 98 },
      { city: 'Harbour', indicator: '11.1.1', unit: '% of urban population', year: 2015, value: 20 },
      { city: 'Harbour', indicator: '11.1.1', unit: '% of urban population', year: 2020, value: 15 },
      { city: 'Quay', indicator: '11.1.1', unit: 'unit not stated', year: 2015, value: 150 },
      { city: 'Quay', indicator: '11.1.1', unit: 'unit not stated', year: 2020, value: 140 },
    ]);
    const d = buildDashboard([t], registry, 'opensdg');
    const ruri = d.headlineOf('Port Ruri', '11.1.1')?.result;
    expect(ruri?.status).toBe('insufficient_data');
    expect(ruri?.explanation.insufficientReason).toBe('other_unit');
    expect(d.headlineOf('Harbour', '11.1.1')?.result.status).not.toBe('insufficient_data');
    expect(d.headlineOf('Quay', '11.1.1')?.result.explanation.insufficientReason).toBe('other_unit');
  });
});

describe('projections stay within what the indicator can reach', () => {
  it('a percentage rising fast is projected to 100 %, never beyond, and the explanation says it was capped', () => {
    const t = table([
      { city: 'Port Ruri', indicator: '11.2.1', year: 2015, value: 40 },
      { city: 'Port Ruri', indicator: '11.2.1', year: 2020, value: 80 },
    ]);
    for (const method of ['opensdg', 'unsd', 'sdsn'] as const) {
      const r = buildDashboard([t], registry, method).headlineOf('Port Ruri', '11.2.1')?.result;
      expect(r?.projected?.value).toBeLessThanOrEqual(100);
    }
    const opensdg = buildDashboard([t], registry, 'opensdg').headlineOf('Port Ruri', '11.2.1')?.result;
    expect(opensdg?.projected).toEqual({ year: 2030, value: 100 });
    expect(opensdg?.explanation.notes).toContain('projection_capped');
  });

  it('a count falling fast is never projected below its valid minimum (0)', () => {
    const t = table([
      { city: 'Port Ruri', indicator: '11.5.1', year: 2015, value: 40 },
      { city: 'Port Ruri', indicator: '11.5.1', year: 2020, value: 4 },
    ]);
    const r = buildDashboard([t], registry, 'unsd').headlineOf('Port Ruri', '11.5.1')?.result;
    if (r?.projected !== null && r?.projected !== undefined) expect(r.projected.value).toBeGreaterThanOrEqual(0);
  });
});
