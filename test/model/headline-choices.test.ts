import { describe, expect, it } from 'vitest';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { ObservationTableBuilder, type ObservationInput } from '@/domain/observation-table';
import { buildDashboard } from '@/model/dashboard-model';
import { buildRanking } from '@/model/compare-model';
import { chooseHeadline, chosenSeries, headlineOverrides, indicatorsWithSeveralSeries, parseHeadlineChoices } from '@/model/headline-choices';

const { registry } = loadRegistryFromDirs();
const base: ObservationInput = {
  city: 'Aldport', cityCode: '', indicator: '11.6.2', year: 2015, value: 10, period: '', unit: '', series: '', disaggregation: '', source: '', note: '', line: 2,
};
function table(rows: Array<Partial<ObservationInput>>) {
  const b = new ObservationTableBuilder(8);
  for (const r of rows) b.push({ ...base, ...r });
  return b.finish();
}
// Two cities with PM2.5 and PM10, one town with PM2.5 only (as the UK ONS 11.6.2 file).
const t = table([
  { city: 'Aldport', series: 'PM2.5', year: 2015, value: 10 },
  { city: 'Aldport', series: 'PM2.5', year: 2020, value: 8 },
  { city: 'Aldport', series: 'PM10', year: 2015, value: 20 },
  { city: 'Aldport', series: 'PM10', year: 2020, value: 18 },
  { city: 'Brimley', series: 'PM2.5', year: 2015, value: 12 },
  { city: 'Brimley', series: 'PM2.5', year: 2020, value: 13 },
  { city: 'Brimley', series: 'PM10', year: 2015, value: 22 },
  { city: 'Brimley', series: 'PM10', year: 2020, value: 21 },
  { city: 'Cotford', series: 'PM2.5', year: 2015, value: 9 },
  { city: 'Cotford', series: 'PM2.5', year: 2020, value: 7 },
]);

describe('headline choices', () => {
  it('choose, clear, read back; a broken setting is no choice', () => {
    let c = chooseHeadline({}, 'ds1', '11.6.2', 'PM2.5');
    expect(c).toEqual({ ds1: { '11.6.2': 'PM2.5' } });
    expect(chosenSeries(c, ['ds0', 'ds1'], '11.6.2')).toBe('PM2.5');
    expect(parseHeadlineChoices(JSON.stringify(c))).toEqual(c);
    c = chooseHeadline(c, 'ds1', '11.6.2', undefined);
    expect(c).toEqual({});
    expect(parseHeadlineChoices('{')).toEqual({});
    expect(parseHeadlineChoices('{"ds":{"11.6.2":3}}')).toEqual({});
  });

  it('finds the indicators whose headline is ambiguous', () => {
    expect(indicatorsWithSeveralSeries(t, registry)).toEqual([{ indicator: '11.6.2', series: ['PM10', 'PM2.5'] }]);
  });

  it('finds several series when their rows alternate, and ignores series found only in breakdowns', () => {
    const b = new ObservationTableBuilder(8);
    const row = { city: 'Aldport', cityCode: '', indicator: '11.6.2', year: 2015, value: 10, period: '', unit: 'µg/m³', series: 'PM2.5', disaggregation: '', source: '', note: '', line: 2 };
    b.push(row);
    b.push({ ...row, series: 'PM10' });
    b.push({ ...row, year: 2016 });
    b.push({ ...row, series: 'PM10', year: 2016 });
    b.push({ ...row, indicator: '11.1.1', series: 'Slums', disaggregation: '' });
    b.push({ ...row, indicator: '11.1.1', series: 'Informal', disaggregation: 'Sex: Female' });
    expect(indicatorsWithSeveralSeries(b.finish(), registry)).toEqual([{ indicator: '11.6.2', series: ['PM10', 'PM2.5'] }]);
  });

  it('without a choice only the single-series town is ranked; with PM2.5 chosen every city with PM2.5 is', () => {
    const before = buildDashboard([t], registry, 'opensdg');
    expect(before.headlineOf('Aldport', '11.6.2')?.result.explanation.insufficientReason).toBe('ambiguous_series');
    const rankedBefore = buildRanking(before, registry, '11.6.2').filter((r) => r.rank !== null).map((r) => r.key);
    expect(rankedBefore).toEqual(['Cotford']);
    const overrides = headlineOverrides({ ds1: { '11.6.2': 'PM2.5' } }, ['ds1'], registry);
    const after = buildDashboard([t], registry, 'opensdg', overrides);
    expect(after.headlineOf('Aldport', '11.6.2')?.result.explanation.latest).toEqual({ year: 2020, value: 8 });
    const rankedAfter = buildRanking(after, registry, '11.6.2').filter((r) => r.rank !== null).map((r) => r.key).sort();
    expect(rankedAfter).toEqual(['Aldport', 'Brimley', 'Cotford']);
  });
});
