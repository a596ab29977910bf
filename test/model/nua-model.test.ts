import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { type ObservationInput, ObservationTableBuilder } from '@/domain/observation-table';
import { NuaCommitmentSchema, NuaPrioritySchema } from '@/domain/indicator';
import { buildDashboard } from '@/model/dashboard-model';
import { buildNuaView, cityDisplayName, resolveNuaCities } from '@/model/nua-model';
import { ingestFile } from '@/ingest/ingest-file';

const { registry } = loadRegistryFromDirs();

const base: ObservationInput = {
  city: 'Tyre', cityCode: 'LB-TYR', indicator: '11.6.2', year: 2015, value: 40, period: '', unit: '', series: '', disaggregation: '', source: '', note: '', line: 2,
};
function table(rows: Array<Partial<ObservationInput>>) {
  const b = new ObservationTableBuilder(8);
  rows.forEach((r, i) => b.push({ ...base, line: i + 2, ...r }));
  return b.finish();
}
function series(indicator: string, values: number[], extra: Partial<ObservationInput> = {}) {
  return values.map((value, i) => ({ indicator, year: 2015 + i, value, ...extra }));
}
const zurich = { city: 'Zurich', cityCode: 'CH-ZRH' };

describe('buildNuaView(dashboard, registry, cities)', () => {
  const t = table([
    ...series('11.6.2', [40, 35, 30]), // planning · environment
    ...series('16.7.2', [40, 45, 50]), // governance · inclusion
    ...series('11.2.1', [50, 55, 60]), // planning · inclusion + environment
    ...series('LOCAL-X-1', [1, 2, 3]), // not in the registry
    ...series('11.6.2', [10, 12, 14], zurich),
  ]);
  const d = buildDashboard([t], registry, 'opensdg');
  const v = buildNuaView(d, registry, ['LB-TYR', 'CH-ZRH']);

  it('has the three priorities and the three commitments, in the framework order', () => {
    expect(v.priorities.map((g) => g.key)).toEqual(NuaPrioritySchema.options);
    expect(v.commitments.map((g) => g.key)).toEqual(NuaCommitmentSchema.options);
  });
  it('lists every registry indicator of a group, reported or not', () => {
    const planning = v.priorities.find((g) => g.key === 'planning');
    expect(planning?.indicators.map((i) => i.code)).toEqual(registry.indicators.filter((i) => i.nua.priority === 'planning').map((i) => i.code));
    const inclusion = v.commitments.find((g) => g.key === 'inclusion_poverty');
    expect(inclusion?.indicators.map((i) => i.code)).toContain('11.2.1');
    expect(v.commitments.find((g) => g.key === 'environment_resilience')?.indicators.map((i) => i.code)).toContain('11.2.1');
  });
  it('takes each city’s counts and mean score from the dashboard roll-ups', () => {
    for (const g of [...v.priorities, ...v.commitments]) {
      g.cities.forEach((c, i) => {
        const key = ['LB-TYR', 'CH-ZRH'][i] ?? '';
        const rollup = d.rollups.get(key);
        const expected = (g.kind === 'priority' ? rollup?.byPriority : rollup?.byCommitment)?.find((x) => x.key === g.key);
        if (expected === undefined) expect(c.summary.indicators).toBe(0);
        else expect(c.summary).toEqual(expected);
      });
    }
  });
  it('gives each city’s status per indicator, none when the city has no data for it', () => {
    const planning = v.priorities.find((g) => g.key === 'planning');
    const [tyre, zrh] = planning?.cities ?? [];
    expect(tyre?.statusOf.get('11.6.2')).toBe(d.headlineOf('LB-TYR', '11.6.2')?.result.status);
    expect(zrh?.statusOf.get('11.6.2')).toBe('deterioration');
    expect(zrh?.statusOf.has('11.2.1')).toBe(false);
    expect(v.priorities.find((g) => g.key === 'governance')?.cities[1]?.summary.indicators).toBe(0);
  });
  it('counts the indicators of each city the registry does not know', () => {
    expect(v.unregistered).toEqual([1, 0]);
  });
  it('an unknown city has empty groups', () => {
    const none = buildNuaView(d, registry, ['NOWHERE']);
    for (const g of none.priorities) {
      expect(g.cities[0]?.summary).toMatchObject({ indicators: 0, meanScore: null, scored: 0 });
      expect(Object.values(g.cities[0]?.summary.counts ?? {}).every((n) => n === 0)).toBe(true);
      expect(g.cities[0]?.statusOf.size).toBe(0);
    }
    expect(none.unregistered).toEqual([0]);
  });
  it('no cities: groups without cities', () => {
    const empty = buildNuaView(buildDashboard([], registry, 'opensdg'), registry, []);
    expect(empty.priorities.every((g) => g.cities.length === 0)).toBe(true);
  });
  it('insufficient data everywhere: all counted as insufficient, no mean score', () => {
    const one = table([
      { indicator: '11.6.2', year: 2020, value: 12 },
      { indicator: '11.2.1', year: 2020, value: 30 },
    ]);
    const nv = buildNuaView(buildDashboard([one], registry, 'opensdg'), registry, ['LB-TYR']);
    const planning = nv.priorities.find((g) => g.key === 'planning')?.cities[0]?.summary;
    expect(planning?.counts.insufficient_data).toBe(2);
    expect(planning?.meanScore).toBeNull();
  });
});

describe('resolveNuaCities(dashboard, city, cities)', () => {
  const t = table([
    { cityCode: 'A', city: 'Alpha' },
    { cityCode: 'B', city: 'Beta' },
    { cityCode: 'C', city: 'Gamma' },
  ]);
  const d = buildDashboard([t], registry, 'opensdg');
  it.each([
    ['nothing: the first city alone', undefined, undefined, 'A', undefined, []],
    ['city alone', 'B', undefined, 'B', undefined, []],
    ['two cities: the first two side by side', undefined, ['B', 'C'], 'B', 'C', []],
    ['two cities win over city', 'A', ['B', 'C'], 'B', 'C', []],
    ['city beside the one listed', 'A', ['C'], 'A', 'C', []],
    ['the city listed is the city itself', 'A', ['A'], 'A', undefined, []],
    ['names in the data work too', 'Beta', ['Gamma'], 'B', 'C', []],
    ['duplicates count once', undefined, ['B', 'Beta', 'C'], 'B', 'C', []],
    ['an unknown city is reported; the first city is shown', 'Atlantis', undefined, 'A', undefined, ['Atlantis']],
    ['an unknown compared city is reported', 'A', ['Atlantis', 'B'], 'A', 'B', ['Atlantis']],
  ] as const)('%s', (_name, city, cities, primary, secondary, missing) => {
    const r = resolveNuaCities(d, city, cities);
    expect(r.primary?.key).toBe(primary);
    expect(r.secondary?.key).toBe(secondary);
    expect(r.missing).toEqual(missing);
  });
  it('no data: no city', () => {
    expect(resolveNuaCities(buildDashboard([], registry, 'opensdg'), 'A', ['B', 'C'])).toEqual({ primary: undefined, secondary: undefined, missing: ['B', 'C', 'A'] });
  });
  it('cityDisplayName: Arabic name in Arabic, else English, else the data', () => {
    const a = d.cityByKey.get('A');
    if (a === undefined) throw new Error('city missing');
    expect(cityDisplayName(a, { A: { en: 'Alpha City', ar: 'ألفا' } }, 'ar')).toBe('ألفا');
    expect(cityDisplayName(a, { A: { en: 'Alpha City', ar: 'ألفا' } }, 'es')).toBe('Alpha City');
    expect(cityDisplayName(a, {}, 'ar')).toBe('Alpha');
  });
});

describe('the demo data', () => {
  const bytes = new Uint8Array(readFileSync(new URL('../../public/demo/marsad-demo.csv', import.meta.url)));
  const demo = ingestFile({ name: 'marsad-demo.csv', bytes }, registry);
  it('every priority and commitment of every city adds up to its reported indicators', () => {
    const d = buildDashboard([demo.table], registry, 'opensdg');
    const keys = d.cities.map((c) => c.key);
    const v = buildNuaView(d, registry, keys);
    keys.forEach((key, i) => {
      const reported = d.byCity.get(key)?.length ?? 0;
      const sum = v.priorities.reduce((a, g) => a + (g.cities[i]?.summary.indicators ?? 0), 0);
      expect(sum).toBe(reported - (v.unregistered[i] ?? 0));
      for (const g of v.priorities) expect(g.cities[i]?.statusOf.size).toBe(g.cities[i]?.summary.indicators);
    });
  });
});
