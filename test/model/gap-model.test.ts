import { describe, expect, it } from 'vitest';
import { renderFigureSvg } from '@/charts/figure';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { withDatasetIndicators } from '@/domain/registry';
import { ingestFile } from '@/ingest/ingest-file';
import { buildDashboard } from '@/model/dashboard-model';
import { gapFigures, gapSentences } from '@/model/gap-figure';
import { gapModel } from '@/model/gap-model';
import { layoutOf } from '@/model/indicator-model';

const { registry } = loadRegistryFromDirs();
const NOW = new Date(Date.UTC(2026, 2, 12, 12));

/** Fictional Port Ruri, 11.2.1 (public transport access, % — higher is better) by sex and by age; 11.6.2 (lower is better) by sex. */
const CSV = [
  'city,indicator,year,value,sex,age',
  'Port Ruri,11.2.1,2015,60,,',
  'Port Ruri,11.2.1,2022,70,,',
  'Port Ruri,11.2.1,2015,66,Male,',
  'Port Ruri,11.2.1,2015,52,Female,',
  'Port Ruri,11.2.1,2022,73,Male,',
  'Port Ruri,11.2.1,2022,67,Female,',
  'Port Ruri,11.2.1,2022,58,,65+',
  'Port Ruri,11.2.1,2022,75,,15-64',
  'Port Ruri,11.6.2,2015,30,,',
  'Port Ruri,11.6.2,2015,28,Male,',
  'Port Ruri,11.6.2,2015,31,Female,',
  'Port Ruri,11.6.2,2022,22,Male,',
  'Port Ruri,11.6.2,2022,26,Female,',
].join('\n');

function setup() {
  const ingested = ingestFile({ name: 'port-ruri.csv', bytes: new TextEncoder().encode(CSV) }, registry);
  expect(ingested.issues.filter((i) => i.severity === 'error')).toEqual([]);
  const dashboard = buildDashboard([ingested.table], registry, 'opensdg');
  return { dashboard, key: [...dashboard.cityByKey.values()].find((c) => c.name === 'Port Ruri')?.key ?? '' };
}

describe('gapModel', () => {
  it('finds, per breakdown, the best and worst group in the latest shared year and the base year, and how the gap moved', () => {
    const { dashboard, key } = setup();
    const dims = gapModel(dashboard, layoutOf(dashboard), key, '11.2.1', undefined, 'increase', 1);
    const sex = dims.find((d) => d.column === 'sex');
    expect(sex?.latest).toMatchObject({ year: 2022, best: { label: 'Male', value: 73 }, worst: { label: 'Female', value: 67 }, gap: 6 });
    expect(sex?.base).toMatchObject({ year: 2015, gap: 14 });
    expect([sex?.change, sex?.delta]).toEqual(['narrowed', -8]);
    expect(sex?.groups.map((g) => g.label)).toEqual(['Male', 'Female']);
    // Age has one year only: where it stands, and no change to tell.
    const age = dims.find((d) => d.column === 'age');
    expect(age?.latest).toMatchObject({ best: { label: '15-64' }, worst: { label: '65+' }, gap: 17 });
    expect(age?.base).toBeNull();
  });

  it('ranks by the desired direction (lower is better for PM2.5), and highest/lowest when it is not known', () => {
    const { dashboard, key } = setup();
    const pm = gapModel(dashboard, layoutOf(dashboard), key, '11.6.2', undefined, 'decrease', 1)[0];
    expect(pm?.latest).toMatchObject({ best: { label: 'Male', value: 22 }, worst: { label: 'Female', value: 26 }, gap: 4 });
    expect([pm?.base?.gap, pm?.change, pm?.delta]).toEqual([3, 'widened', 1]);
    const unknown = gapModel(dashboard, layoutOf(dashboard), key, '11.6.2', undefined, null, 1)[0];
    expect(unknown?.latest.best.label).toBe('Female');
    const text = { lang: 'en' as const, digits: 'latn' as const, decimals: 1, unit: 'µg/m³', direction: null };
    expect(gapSentences(unknown!, text)[0]).toBe('sex: in 2022, Female has the highest value (26.0 µg/m³) and Male the lowest (22.0 µg/m³): a gap of 4.0 µg/m³.');
  });

  it('gives a framed figure per breakdown with the sentences in its footer', () => {
    const { dashboard, key } = setup();
    const figures = gapFigures({ dashboard, registry, datasets: [], names: {}, lang: 'en', digits: 'latn', computedAt: NOW }, key, '11.2.1');
    expect(figures.map((f) => f.fileBase)).toEqual(['port-ruri_11-2-1_gap-sex_en', 'port-ruri_11-2-1_gap-age_en']);
    const svg = renderFigureSvg(figures[0]!.input).svg;
    expect(svg).toContain('sex: in 2022, Male does best (73.0 % of population) and Female worst (67.0 % of population): a gap of 6.0 % of population.');
    expect(svg).toContain('In 2015 the gap was 14.0 % of population: it has narrowed by 8.0 % of population.');
    expect(svg).toContain('Best group');
  });

  it('titles an indicator the registry does not know from its dataset’s metadata', () => {
    const csv = ['city,indicator,year,value,sex', 'Port Ruri,11.1.1.c,2020,70,Male', 'Port Ruri,11.1.1.c,2020,60,Female'].join('\n');
    const described = withDatasetIndicators(registry, [{ indicators: { '11.1.1.c': { title: { en: 'Satisfied with their local area' } } } }]);
    const table = ingestFile({ name: 'c.csv', bytes: new TextEncoder().encode(csv) }, registry).table;
    const dashboard = buildDashboard([table], registry, 'opensdg');
    const key = [...dashboard.cityByKey.values()][0]?.key ?? '';
    const [figure] = gapFigures({ dashboard, registry: described, datasets: [], names: {}, lang: 'en', digits: 'latn', computedAt: NOW }, key, '11.1.1.c');
    expect(figure?.input.text.title).toContain('11.1.1.c Satisfied with their local area');
  });
});
