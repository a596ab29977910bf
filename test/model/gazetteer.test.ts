import { describe, expect, it } from 'vitest';
import { getObservation, ObservationTableBuilder, type ObservationInput } from '@/domain/observation-table';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { buildDashboard } from '@/model/dashboard-model';
import {
  applyMerges,
  EMPTY_GAZETTEER,
  type Gazetteer,
  gazetteerName,
  mergePlaces,
  parseGazetteer,
  renamePlace,
  resolvePlace,
  setHomePlace,
  unmergePlace,
} from '@/model/gazetteer';
import { homeIn, listPlaces, mainCityOf, matchPlaces, placeLabel, sharedNames } from '@/model/places-model';

const { registry } = loadRegistryFromDirs();
const base: ObservationInput = {
  city: 'Tyre', cityCode: '', indicator: '11.6.2', year: 2015, value: 40, period: '', unit: '', series: '', disaggregation: '', source: '', note: '', line: 2,
};
function table(rows: Array<Partial<ObservationInput>>) {
  const b = new ObservationTableBuilder(8);
  for (const r of rows) b.push({ ...base, ...r });
  return b.finish();
}
const tyre = { key: 'LB-TYR', name: 'Tyre', code: 'LB-TYR' };
const sour = { key: 'صور', name: 'صور', code: '' };
const zurich = { key: 'Zurich', name: 'Zurich', code: '' };

describe('mergePlaces / unmergePlace / resolvePlace', () => {
  it('merges an alias into a place and undoes it', () => {
    const g = mergePlaces(EMPTY_GAZETTEER, sour, tyre);
    expect(resolvePlace(g, 'صور')).toBe('LB-TYR');
    expect(resolvePlace(g, 'Zurich')).toBe('Zurich');
    expect(unmergePlace(g, 'صور')).toEqual(EMPTY_GAZETTEER);
    expect(unmergePlace(g, 'Zurich')).toBe(g);
  });
  it('follows chains: a place merged into an alias moves with it; self-merges and cycles change nothing', () => {
    let g = mergePlaces(EMPTY_GAZETTEER, sour, zurich);
    g = mergePlaces(g, zurich, tyre);
    expect(resolvePlace(g, 'صور')).toBe('LB-TYR');
    expect(resolvePlace(g, 'Zurich')).toBe('LB-TYR');
    expect(mergePlaces(g, tyre, tyre)).toBe(g);
    expect(mergePlaces(g, tyre, sour)).toBe(g); // صور already is Tyre
  });
  it('moves the home city with a merge', () => {
    const g = mergePlaces(setHomePlace(EMPTY_GAZETTEER, 'صور'), sour, tyre);
    expect(g.home).toBe('LB-TYR');
    expect(setHomePlace(g, undefined).home).toBeUndefined();
  });
});

describe('renamePlace / gazetteerName', () => {
  it('sets and clears names per language; fr and es fall back to English, Arabic does not', () => {
    let g = renamePlace(EMPTY_GAZETTEER, 'LB-TYR', 'ar', ' صور ');
    g = renamePlace(g, 'LB-TYR', 'en', 'Tyre');
    expect(gazetteerName(g, 'LB-TYR', 'ar')).toBe('صور');
    expect(gazetteerName(g, 'LB-TYR', 'fr')).toBe('Tyre');
    expect(gazetteerName(renamePlace(EMPTY_GAZETTEER, 'X', 'en', 'Only'), 'X', 'ar')).toBeUndefined();
    g = renamePlace(renamePlace(g, 'LB-TYR', 'ar', ''), 'LB-TYR', 'en', '   ');
    expect(g.names).toEqual({});
  });
});

describe('parseGazetteer(text)', () => {
  it.each([
    [undefined, undefined],
    ['', undefined],
    ['{', 'not JSON'],
    ['{"version":2}', expect.any(String)],
    ['{"version":1,"names":{"a":{"en":""}}}', expect.any(String)],
  ])('%j → problem %j, the empty gazetteer', (text, problem) => {
    const r = parseGazetteer(text);
    expect(r.gazetteer).toEqual(EMPTY_GAZETTEER);
    expect(r.problem).toEqual(problem);
  });
  it('reads a saved one and straightens chains; a cycle is dropped', () => {
    const saved: Gazetteer = {
      version: 1,
      names: {},
      merges: { a: { key: 'b', name: 'B', code: '' }, b: { key: 'c', name: 'C', code: '' }, x: { key: 'y', name: 'Y', code: '' }, y: { key: 'x', name: 'X', code: '' } },
    };
    const r = parseGazetteer(JSON.stringify(saved));
    expect(r.problem).toBeUndefined();
    expect(r.gazetteer.merges).toEqual({ a: { key: 'c', name: 'C', code: '' }, b: { key: 'c', name: 'C', code: '' } });
  });
});

describe('applyMerges(table, gazetteer)', () => {
  const t = table([
    { city: 'Tyre', cityCode: 'LB-TYR', year: 2015, value: 40 },
    { city: 'صور', cityCode: '', year: 2020, value: 30 },
    { city: 'Zurich', year: 2020, value: 10 },
  ]);
  it('returns the table itself when nothing is merged', () => {
    expect(applyMerges(t, EMPTY_GAZETTEER)).toBe(t);
  });
  it("reads an alias's rows as the target's (name and code), leaving others alone", () => {
    const m = applyMerges(t, mergePlaces(EMPTY_GAZETTEER, sour, tyre));
    const rows = Array.from({ length: m.length }, (_, i) => getObservation(m, i));
    expect(rows.map((r) => [r.city, r.cityCode, r.year])).toEqual([['Tyre', 'LB-TYR', 2015], ['Tyre', 'LB-TYR', 2020], ['Zurich', '', 2020]]);
    expect(t.dict.city).toContain('صور'); // the saved table is untouched
  });
  it('a merged pair is one city on the dashboard: its series spans both files', () => {
    const g = mergePlaces(EMPTY_GAZETTEER, sour, tyre);
    const d = buildDashboard([applyMerges(t, g)], registry, 'opensdg');
    expect(d.cities.map((c) => c.key)).toEqual(['LB-TYR', 'Zurich']);
    expect(d.headlineOf('LB-TYR', '11.6.2')?.result.explanation.latest).toEqual({ year: 2020, value: 30 });
  });
});

describe('places of the data', () => {
  const t = table([
    { city: 'Birmingham', cityCode: 'E08000025', year: 2015 },
    { city: 'Birmingham', cityCode: 'E08000025', year: 2016 },
    { city: 'Birmingham', cityCode: 'X-US-BHM', year: 2015 },
    { city: 'North End', cityCode: 'W1', placeKind: 'district', placeParent: 'Birmingham' },
    { city: 'World', placeKind: 'aggregate' },
  ]);
  const places = listPlaces([t], EMPTY_GAZETTEER);
  it('lists every place once with its kind, parent and count', () => {
    expect(places.map((p) => [p.key, p.kind || 'city', p.parent, p.observations])).toEqual([
      ['E08000025', 'city', '', 2],
      ['X-US-BHM', 'city', '', 1],
      ['W1', 'district', 'Birmingham', 1],
      ['World', 'aggregate', '', 1],
    ]);
  });
  it('counts a place whose rows are split over several runs of the file once, in first-seen order', () => {
    const split = table([
      { city: 'Tyre', cityCode: 'LB-TYR' },
      { city: 'Sidon', cityCode: 'LB-SID' },
      { city: 'Tyre', cityCode: 'LB-TYR', year: 2016 },
      { city: 'Tyre', cityCode: 'LB-TYR', year: 2017 },
      { city: 'Sidon', cityCode: 'LB-SID', year: 2016 },
      // Same key (code), another spelling: one place, the first name kept.
      { city: 'Sour', cityCode: 'LB-TYR', year: 2018 },
    ]);
    expect(listPlaces([split], EMPTY_GAZETTEER).map((p) => [p.key, p.name, p.observations])).toEqual([
      ['LB-TYR', 'Tyre', 4],
      ['LB-SID', 'Sidon', 2],
    ]);
    // Asked again (several panels do): the same answer.
    expect(listPlaces([split], EMPTY_GAZETTEER).map((p) => p.observations)).toEqual([4, 2]);
    expect(listPlaces([table([])], EMPTY_GAZETTEER)).toEqual([]);
  });
  it('tells equal names apart by code ("Birmingham · E08000025")', () => {
    const shared = sharedNames(places, {}, 'en');
    expect(places.map((p) => placeLabel(p, {}, 'en', shared))).toEqual(['Birmingham · E08000025', 'Birmingham · X-US-BHM', 'North End', 'World']);
  });
  it('finds places by any name or code, ignoring case, accents and Arabic letter forms', () => {
    const names = { E08000025: { ar: 'برمنغهام' } };
    expect(matchPlaces(places, names, 'e0800').map((p) => p.key)).toEqual(['E08000025']);
    expect(matchPlaces(places, names, 'برمنغهام').map((p) => p.key)).toEqual(['E08000025']);
    expect(matchPlaces(places, names, 'BIRM').map((p) => p.key)).toEqual(['E08000025', 'X-US-BHM']);
    expect(matchPlaces(places, names, '  ')).toHaveLength(4);
    expect(matchPlaces([{ key: 'Aman', name: 'عمّان', code: '' }], {}, 'عمان')).toHaveLength(1);
  });
  it('the home city is the one the data is most about; a home city the data lacks is not used', () => {
    expect(mainCityOf([t])).toBe('E08000025');
    expect(homeIn(setHomePlace(EMPTY_GAZETTEER, 'X-US-BHM'), places)).toBe('X-US-BHM');
    expect(homeIn(setHomePlace(EMPTY_GAZETTEER, 'Nowhere'), places)).toBeUndefined();
    expect(mainCityOf([])).toBeUndefined();
  });
});
