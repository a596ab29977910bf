import { describe, expect, it } from 'vitest';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import type { ObservationTable } from '@/domain/observation-table';
import { ingestFile } from '@/ingest/ingest-file';
import { fileStem, isAggregateName } from '@/ingest/places';
import { utf8 } from './fixture-bytes';

const { registry } = loadRegistryFromDirs();

/** Distinct places of a table as "name|code|kind|parent". */
function places(t: ObservationTable): string[] {
  const seen = new Set<string>();
  for (let i = 0; i < t.length; i++) {
    const d = t.dict;
    seen.add([d.city[t.city[i] ?? 0], d.cityCode[t.cityCode[i] ?? 0], d.placeKind[t.placeKind[i] ?? 0] || 'city', d.placeParent[t.placeParent[i] ?? 0]].join('|'));
  }
  return [...seen].sort();
}

describe('ingestFile: places of a city and its districts', () => {
  // A ward-level Open SDG file of one city (fictional names): blank wards are the city itself.
  const wards = 'Year,Ward,GeoCode,Value\n2018,North End,X05000001,81.5\n2018,,,76.4\n2018,Harbourside,X05000002,70.1\n2019,North End,X05000001,82\n';

  it('names the city the user gave; wards are its districts, coded by GeoCode', () => {
    const r = ingestFile(utf8('indicator_11-1-1-c.csv', wards), registry, { defaultCity: 'Port Ruri' });
    expect(places(r.table)).toEqual(['Harbourside|X05000002|district|Port Ruri', 'North End|X05000001|district|Port Ruri', 'Port Ruri||city|']);
    expect(r.file.mapping.district).toBe('Ward');
    expect(r.file.mapping.cityCode).toBe('GeoCode');
  });

  it('without a city name, the file names the city and a note says so (no placeholder city)', () => {
    const r = ingestFile(utf8('port-ruri/indicator_11-1-1-c.csv', wards), registry);
    expect(places(r.table)).toContain('indicator_11-1-1-c||city|');
    expect(places(r.table).join()).not.toMatch(/Unspecified/);
    expect(r.issues.find((i) => i.code === 'city_assumed')?.params).toEqual({ city: 'indicator_11-1-1-c' });
  });

  it.each([
    ['English', 'city,district,indicator,year,value', 'Port Ruri,Old Town,11.6.2,2020,30'],
    ['Arabic', 'المدينة,الحي,المؤشر,السنة,القيمة', 'Port Ruri,Old Town,11.6.2,2020,30'],
    ['French', 'ville,quartier,indicateur,année,valeur', 'Port Ruri,Old Town,11.6.2,2020,30'],
    ['Spanish', 'ciudad,barrio,indicador,año,valor', 'Port Ruri,Old Town,11.6.2,2020,30'],
  ])('a long file with city and district columns in %s', (_lang, header, row) => {
    const r = ingestFile(utf8('long.csv', `${header}\n${row}\nPort Ruri,,11.6.2,2020,32\n`), registry);
    expect(places(r.table)).toEqual(['Old Town||district|Port Ruri', 'Port Ruri||city|']);
  });

  it('a hierarchy (country, region, local authority): each row is its narrowest place, with its parent', () => {
    const text = [
      'Year,Series,Country,Region,Local Authority,Welsh Unitary Authority,GeoCode,Value',
      '2016,Rate,Ruritania,,,,R92000001,0.5',
      '2016,Rate,Ruritania,East Marches,,,R12000004,0.4',
      '2016,Rate,Ruritania,East Marches,Amber Vale,,R07000032,0.3',
      '2016,Rate,Ruritania,West Marches,,Glan Dŵr,R06000001,0.2',
    ].join('\n');
    const r = ingestFile(utf8('indicator_11-3-1.csv', text), registry);
    expect(places(r.table)).toEqual([
      'Amber Vale|R07000032|city|East Marches',
      'East Marches|R12000004|region|Ruritania',
      'Glan Dŵr|R06000001|city|West Marches',
      'Ruritania|R92000001|country|',
    ]);
  });

  it('aggregates (World, Total, continents) are never cities', () => {
    const r = ingestFile(utf8('long.csv', 'city,indicator,year,value\nPort Ruri,11.6.2,2020,30\nWorld,11.6.2,2020,40\nTotal,11.6.2,2020,35\nالعالم,11.6.2,2020,40\n'), registry);
    expect(places(r.table)).toEqual(['Port Ruri||city|', 'Total||aggregate|', 'World||aggregate|', 'العالم||aggregate|']);
  });
});

describe('isAggregateName(name)', () => {
  it.each([
    ['World', true], ['world', true], ['TOTAL', true], ['Sub-Saharan Africa', true], ['Latin America and the Caribbean', true],
    ['Monde', true], ['Mundo', true], ['العالم', true], ['الإجمالي', true], ['Amman', false], ['Tyre', false], ['صور', false], ['', false],
  ])('%j → %s', (name, expected) => {
    expect(isAggregateName(name)).toBe(expected);
  });
});

describe('fileStem(path)', () => {
  it.each([
    ['indicator_11-1-1.csv', 'indicator_11-1-1'], ['data/bristol/x.csv', 'x'], ['C:\\data\\amman.tsv', 'amman'], ['noext', 'noext'], ['.hidden', '.hidden'],
  ])('%j → %j', (path, stem) => {
    expect(fileStem(path)).toBe(stem);
  });
});

describe('the canonical CSV keeps places', () => {
  it('a ward file → normalize → re-import gives the same places, kinds and parents', async () => {
    const { normalizedCsv } = await import('@/ingest/canonical-csv');
    const wards = 'Year,Country,Ward,GeoCode,Value\n2018,Ruritania,North End,X05000001,81.5\n2018,,,,76.4\n2019,Ruritania,,R1,70\n';
    const original = ingestFile(utf8('indicator_11-1-1-c.csv', wards), registry, { defaultCity: 'Port Ruri' });
    const { csv } = normalizedCsv([original.table]);
    expect(csv.split('\r\n')[0]).toBe('\ufeffcity,city_code,indicator,year,value,period,unit,series,source,note,place_kind,parent');
    const back = ingestFile(utf8('normalized.csv', csv), registry);
    expect(back.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(places(back.table)).toEqual(places(original.table));
  });

  it('a table of cities only is written without the place columns (as before)', async () => {
    const { normalizedCsv } = await import('@/ingest/canonical-csv');
    const r = ingestFile(utf8('long.csv', 'city,indicator,year,value\nPort Ruri,11.6.2,2020,30\n'), registry);
    expect(normalizedCsv([r.table]).csv.split('\r\n')[0]).toBe('\ufeffcity,city_code,indicator,year,value,period,unit,series,source,note');
  });
});
