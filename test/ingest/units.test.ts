import { describe, expect, it } from 'vitest';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { classifyUnit, isRegistryUnit } from '@/domain/units';
import { ingestFile } from '@/ingest/ingest-file';
import { utf8 } from './fixture-bytes';

const { registry } = loadRegistryFromDirs();

describe('isRegistryUnit(unit, indicator)', () => {
  const pct = registry.byCode.get('11.1.1');
  const pm = registry.byCode.get('11.6.2');
  it.each([
    ['', 'same'], ['% of urban population', 'same'], ['Percentage', 'same'], ['per cent', 'same'], ['% of population', 'same'], ['نسبة مئوية', 'same'],
    ['Rough Sleeper snapshot by year', 'unknown'], ['Total trips', 'unknown'], ['µg/m³', 'other'], ['unit not stated', 'other'],
  ])('11.1.1 with %j → %s', (unit, verdict) => {
    if (pct === undefined) throw new Error('11.1.1 not in the registry');
    expect(isRegistryUnit(unit, pct)).toBe(verdict);
  });
  it('11.6.2 in micrograms is the registry unit; in % it is not', () => {
    if (pm === undefined) throw new Error('11.6.2 not in the registry');
    expect(isRegistryUnit('Micrograms per cubic metre', pm)).toBe('same');
    expect(isRegistryUnit('%', pm)).toBe('other');
  });
  it.each([['Tonnes', undefined], ['USD', 'currency'], ['per 100,000 population', 'rate'], ['عدد', 'count']])('classifyUnit(%j) → %s', (u, k) => {
    expect(classifyUnit(u)).toBe(k);
  });
});

describe('definitions travel with the data: the registry unit and range apply only to data in that unit', () => {
  it('a file without a unit whose values cannot be %: its own series, "unit not stated", one warning', () => {
    const r = ingestFile(utf8('indicator_11-6-1.csv', 'Year,Value\n2017,230\n2018,142\n'), registry, { defaultCity: 'Port Ruri' });
    expect(r.issues.map((i) => `${i.severity}:${i.code}`).filter((c) => !c.startsWith('info'))).toEqual(['warning:unit_not_stated']);
    expect(r.issues.find((i) => i.code === 'unit_not_stated')?.params).toMatchObject({ indicator: '11.6.1', count: 2, total: 2, low: 142, high: 230 });
    expect(r.table.length).toBe(2);
    expect(Array.from(r.table.unit, (u) => r.table.dict.unit[u])).toEqual(['unit not stated', 'unit not stated']);
    expect(r.rowsRejected).toBe(0);
  });

  it('a lone impossible value among plausible ones stays an error (a typo): that row only is left out', () => {
    const r = ingestFile(utf8('indicator_11-6-1.csv', 'Year,Value\n2016,80\n2017,85\n2018,850\n2019,88\n'), registry, { defaultCity: 'Port Ruri' });
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => `${i.code}@${i.row}`)).toEqual(['value_out_of_range@4']);
    expect(Array.from(r.table.year)).toEqual([2016, 2017, 2019]);
    expect(r.rowsRejected).toBe(1);
  });

  it('a stated other unit (a count of rough sleepers under 11.1.1) is kept as its own series with its unit', () => {
    const r = ingestFile(utf8('indicator_11-1-1.csv', 'Year,Units,Value\n2010,Rough sleepers (count),8\n2019,Rough sleepers (count),98\n'), registry, { defaultCity: 'Port Ruri' });
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(Array.from(r.table.unit, (u) => r.table.dict.unit[u])).toEqual(['Rough sleepers (count)', 'Rough sleepers (count)']);
  });
});

describe('values just past the valid range are the source’s own numbers', () => {
  it('keeps −0.1 % and 102 % (rounding, a gross ratio) with one warning; 150 % stays an error (a typo)', () => {
    const csv = ['city,indicator,year,value', 'A,11.6.1,2015,40', 'A,11.6.1,2016,-0.1', 'A,11.6.1,2017,102', 'A,11.6.1,2018,45', 'A,11.6.1,2019,150', 'A,11.6.1,2020,50'].join('\n');
    const r = ingestFile(utf8('w.csv', csv), registry);
    expect(Array.from(r.table.value).sort((a, b) => a - b)).toEqual([-0.1, 40, 45, 50, 102]);
    const near = r.issues.filter((i) => i.code === 'value_near_range');
    expect(near.map((i) => [i.severity, i.row, i.params?.count, i.params?.low, i.params?.high])).toEqual([['warning', 3, 2, -0.1, 102]]);
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => `${i.code}@${i.row}`)).toEqual(['value_out_of_range@6']);
  });
});
