import { describe, expect, it } from 'vitest';
import { renderFigureSvg } from '@/charts/figure';
import { loadRegistryFromDirs } from '@/cli/load-registry';
import { readBoundaries, readBoundaryJson } from '@/ingest/boundaries';
import { ingestFile } from '@/ingest/ingest-file';
import { codeKey, joinBoundaries, nameKey } from '@/model/boundary-join';
import type { FigureContext } from '@/model/city-figures';
import { buildDashboard } from '@/model/dashboard-model';
import { layoutOf } from '@/model/indicator-model';
import { classify, classOf } from '@/model/map-classes';
import { mapFigure } from '@/model/map-figure';
import { mapModel, type MapModelOptions } from '@/model/map-model';
import { type BoundarySet, BoundarySetSchema, newBoundarySet } from '@/storage/boundary-record';
import { toLoadedDataset } from '@/storage/dataset-record';
import { square } from '../fixtures/geo';

const { registry } = loadRegistryFromDirs();
const NOW = new Date(Date.UTC(2026, 2, 12, 12));
const enc = (s: string) => new TextEncoder().encode(s);

/** Fictional Port Ruri's wards as GeoJSON: four squares with codes (PR01…) and names. */
function wardsGeoJson(extra: Record<string, unknown>[] = []): string {
  const wards = [
    ['PR01', 'North End'],
    ['PR02', 'Harbourside'],
    ['PR03', 'Old Town'],
    ['PR04', 'Lighthouse Point'],
  ];
  return JSON.stringify({
    type: 'FeatureCollection',
    name: 'Port_Ruri_Wards_(May_2021)',
    features: [
      ...wards.map(([code, name], i) => ({ type: 'Feature', properties: { WD21CD: code, WD21NM: name, AREA: 1000 + i }, geometry: { type: 'Polygon', coordinates: square(10 + (i % 2) * 0.01, 40 + Math.floor(i / 2) * 0.01) } })),
      ...extra,
    ],
  });
}

const WARDS_CSV = [
  'city,district,city_code,indicator,year,value,source',
  'Port Ruri,,,11.6.2,2018,30,Air network',
  'Port Ruri,,,11.6.2,2022,25,Air network',
  'Port Ruri,North End,PR01,11.6.2,2018,35,Air network',
  'Port Ruri,North End,PR01,11.6.2,2022,28,Air network',
  'Port Ruri,Harbourside,PR02,11.6.2,2018,22,Air network',
  'Port Ruri,Harbourside,PR02,11.6.2,2021,20,Air network',
  'Port Ruri,Old Town,PR03,11.6.2,2018,26,Air network',
  'Port Ruri,Old Town,PR03,11.6.2,2022,25,Air network',
  'Port Ruri,Eastgate,PR09,11.6.2,2022,22,Air network',
].join('\n');

function setup(geojson = wardsGeoJson()) {
  const ingested = ingestFile({ name: 'port-ruri.csv', bytes: enc(WARDS_CSV) }, registry);
  expect(ingested.issues.filter((i) => i.severity === 'error')).toEqual([]);
  const dashboard = buildDashboard([ingested.table], registry, 'opensdg');
  const read = readBoundaries('wards.geojson', enc(geojson));
  if (!read.ok) throw new Error(read.problem.code);
  const city = [...dashboard.cityByKey.values()].find((c) => c.name === 'Port Ruri');
  if (city === undefined) throw new Error('no city');
  const set = newBoundarySet(read.shapes, 'wards.geojson', city.key, NOW.getTime(), 'set1');
  const dataset = toLoadedDataset({ id: 'ds1', name: 'Port Ruri wards', source: 'upload', createdAt: NOW.getTime(), table: ingested.table, files: [ingested.file] });
  const ctx: FigureContext = { dashboard, registry, datasets: [dataset], names: {}, lang: 'en', digits: 'latn', computedAt: NOW, width: 640 };
  return { dashboard, city, set, ctx };
}

const OPTIONS: MapModelOptions = { mode: 'value', year: 'latest', method: 'quantile', classCount: 5, direction: 'decrease', decimals: 1, names: {}, lang: 'en' };

describe('readBoundaries', () => {
  it('reads a GeoJSON FeatureCollection: properties as text, polygons as MultiPolygons, bbox, date from the name', () => {
    const read = readBoundaries('wards.geojson', enc(wardsGeoJson()));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.shapes.features).toHaveLength(4);
    expect(read.shapes.features[0]?.properties).toEqual({ WD21CD: 'PR01', WD21NM: 'North End', AREA: '1000' });
    expect(read.shapes.features[0]?.polygons[0]?.[0]).toHaveLength(5);
    expect(read.shapes.bbox).toEqual([10, 40, 10.02, 40.02]);
    expect(read.shapes.date).toBe('2021');
    expect(read.shapes.name).toBe('Port_Ruri_Wards_(May_2021)');
  });

  it('counts what it leaves out: points, features without geometry, broken coordinates', () => {
    const read = readBoundaries(
      'w.geojson',
      enc(
        wardsGeoJson([
          { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [10, 40] } },
          { type: 'Feature', properties: {}, geometry: null },
          { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[['a', 'b']]] } },
        ]),
      ),
    );
    expect(read.ok && read.shapes.skipped).toEqual({ notPolygon: 1, noGeometry: 1, broken: [{ feature: 7, why: 'geometry coordinates are not lists of numbers' }] });
  });

  it('refuses coordinates in a projected system and names British National Grid for eastings/northings', () => {
    const bng = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: square(359752, 174590, 500) } }] });
    const read = readBoundaries('bng.geojson', enc(bng));
    expect(read).toEqual({ ok: false, problem: { code: 'boundary_projected', example: [359752, 174590], system: 'British National Grid (EPSG:27700)' } });
    // A named projected CRS is refused even when its numbers happen to fit in degrees.
    const named = JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } }, features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: square(10, 40) } }] });
    expect(readBoundaries('m.geojson', enc(named))).toMatchObject({ ok: false, problem: { code: 'boundary_projected', system: 'EPSG:3857' } });
  });

  it('says what is wrong with broken files instead of drawing nothing', () => {
    expect(readBoundaries('x.geojson', enc('{"type": "FeatureCollection", "features": ['))).toMatchObject({ ok: false, problem: { code: 'boundary_not_json' } });
    expect(readBoundaries('x.geojson', enc('{"type": "Feature"}'))).toEqual({ ok: false, problem: { code: 'boundary_not_geojson', found: 'a JSON object of type "Feature"' } });
    expect(readBoundaries('x.geojson', enc('[1,2]'))).toEqual({ ok: false, problem: { code: 'boundary_not_geojson', found: 'a JSON list' } });
    const points = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [1, 2] } }] });
    expect(readBoundaries('x.geojson', enc(points))).toEqual({ ok: false, problem: { code: 'boundary_no_polygons', features: 1 } });
  });

  it('checks the size before reading', () => {
    const big = { byteLength: 70 * 1024 * 1024 } as Uint8Array;
    expect(readBoundaries('big.geojson', big)).toMatchObject({ ok: false, problem: { code: 'boundary_too_large' } });
  });

  it('reads TopoJSON (quantized arcs) into the same shapes', () => {
    const topo = {
      type: 'Topology',
      transform: { scale: [0.001, 0.001], translate: [10, 40] },
      objects: { wards: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], properties: { code: 'PR01' } }] } },
      arcs: [
        [
          [0, 0],
          [10, 0],
          [0, 10],
          [-10, 0],
          [0, -10],
        ],
      ],
    };
    const read = readBoundaryJson('w.topojson', topo);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.shapes.features[0]?.properties).toEqual({ code: 'PR01' });
    expect(read.shapes.bbox).toEqual([10, 40, 10.01, 40.01]);
  });

  it('simplifies large files for display to a bounded number of points, keeping every shape', () => {
    // 40 shapes of 3,000 points each (120,000 points).
    const circle = (cx: number): number[][][] => [Array.from({ length: 3001 }, (_, i) => [cx + 0.01 * Math.cos((i / 3000) * 2 * Math.PI), 40 + 0.01 * Math.sin((i / 3000) * 2 * Math.PI)])];
    const features = Array.from({ length: 40 }, (_, i) => ({ type: 'Feature', properties: { id: String(i) }, geometry: { type: 'Polygon', coordinates: circle(10 + i * 0.03) } }));
    const read = readBoundaries('c.geojson', enc(JSON.stringify({ type: 'FeatureCollection', features })));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.shapes.points).toBe(120_040);
    expect(read.shapes.displayPoints).toBeLessThanOrEqual(60_000);
    expect(read.shapes.features).toHaveLength(40);
    expect(read.shapes.features.every((f) => (f.polygons[0]?.[0]?.length ?? 0) >= 4)).toBe(true);
  });
});

describe('joinBoundaries', () => {
  const places = [
    { key: 'PR01', name: 'North End', code: 'PR01' },
    { key: 'PR02', name: 'Harbourside', code: 'PR02' },
    { key: 'Avonmouth & Lawrence Weston', name: 'Avonmouth & Lawrence Weston', code: '' },
    { key: 'PR09', name: 'Eastgate', code: 'PR09' },
  ];
  const features = [
    { properties: { CD: 'pr01 ', NM: 'North End' } },
    { properties: { CD: 'PR02', NM: 'HARBOURSIDE' } },
    { properties: { CD: 'PR05', NM: 'Avonmouth and Lawrence Weston' } },
    { properties: { CD: 'PR06', NM: 'Lighthouse Point' } },
  ];

  it('picks the property matching most places and reports both sides of what did not match', () => {
    const join = joinBoundaries(features, places);
    expect(join.property).toBe('NM');
    expect(join.by).toBe('name');
    expect(join.matched).toBe(3);
    expect(join.placeOf.map((p) => p?.key ?? null)).toEqual(['PR01', 'PR02', 'Avonmouth & Lawrence Weston', null]);
    expect(join.placesWithoutShape.map((p) => p.name)).toEqual(['Eastgate']);
    expect(join.shapesWithoutData).toEqual([{ feature: 3, label: 'Lighthouse Point' }]);
    expect(join.candidates).toEqual([
      { property: 'NM', by: 'name', matches: 3 },
      { property: 'CD', by: 'code', matches: 2 },
    ]);
  });

  it('joins on the property the user chose, by code, case and spaces ignored', () => {
    const join = joinBoundaries(features, places, { property: 'CD' });
    expect(join.by).toBe('code');
    expect(join.placeOf.map((p) => p?.key ?? null)).toEqual(['PR01', 'PR02', null, null]);
  });

  it('prefers codes on a tie, uses display names, and matches nothing without a matching property', () => {
    const tie = joinBoundaries([{ properties: { CD: 'PR01', NM: 'North End' } }], places);
    expect(tie.property).toBe('CD');
    const named = joinBoundaries([{ properties: { NAME_AR: 'الشمال' } }], places, { namesOf: (p) => (p.key === 'PR01' ? ['الشمال'] : []) });
    expect(named.matched).toBe(1);
    const none = joinBoundaries([{ properties: { X: 'a' } }], places);
    expect(none).toMatchObject({ property: null, by: null, matched: 0 });
    expect(none.placesWithoutShape).toHaveLength(4);
  });

  it('normalises codes and names', () => {
    expect(codeKey(' e05010885 ')).toBe('E05010885');
    expect(nameKey('Henbury & Brentry')).toBe(nameKey('Henbury and Brentry'));
    expect(nameKey('St George West')).toBe('st george west');
  });
});

describe('classify', () => {
  it('cuts quantiles on values, never between equal numbers at the decimals shown', () => {
    const classes = classify([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'quantile', 5);
    expect(classes.map((c) => [c.from, c.to, c.count])).toEqual([
      [1, 2, 2],
      [3, 4, 2],
      [5, 6, 2],
      [7, 8, 2],
      [9, 10, 2],
    ]);
    // 25.04 and 25 are both 25.0 at one decimal: one class.
    const tied = classify([25.04, 25, 28, 20], 'quantile', 5, 1);
    expect(tied.map((c) => [c.from, c.to])).toEqual([
      [20, 20],
      [25, 28],
    ]);
  });

  it('finds natural breaks in clustered values', () => {
    const classes = classify([1, 1.2, 1.1, 10, 10.5, 11, 50, 52], 'natural', 3);
    expect(classes.map((c) => [c.from, c.to])).toEqual([
      [1, 1.2],
      [10, 11],
      [50, 52],
    ]);
  });

  it('gives fewer classes than asked for few distinct values, none for no value, and classes every value', () => {
    expect(classify([4, 4, 4], 'quantile', 5)).toEqual([{ from: 4, to: 4, count: 3 }]);
    expect(classify([Number.NaN], 'natural', 5)).toEqual([]);
    const classes = classify([3, 1, 2, 8], 'natural', 2);
    expect([1, 2, 3, 8].map((v) => classOf(v, classes))).toEqual([0, 0, 0, 1]);
    expect(classOf(Number.NaN, classes)).toBe(-1);
  });
});

describe('mapModel', () => {
  it('colours each joined ward by its latest value; shapes without a district, or a district without data, are "no data"', () => {
    const { dashboard, city, set } = setup();
    const model = mapModel(dashboard, layoutOf(dashboard), city, '11.6.2', undefined, set, OPTIONS);
    expect(model.regions.map((r) => [r.name, r.value, r.year])).toEqual([
      ['North End', 28, 2022],
      ['Harbourside', 20, 2021],
      ['Old Town', 25, 2022],
      ['Lighthouse Point', null, null],
    ]);
    expect(model.withData).toBe(3);
    expect(model.empty).toBeNull();
    expect(model.join.placesWithoutShape.map((p) => p.name)).toEqual(['Eastgate']);
    expect(model.years).toEqual([2018, 2021, 2022]);
  });

  it('shows a chosen year, and says why when no district has a value in it', () => {
    const { dashboard, city, set } = setup();
    const y2018 = mapModel(dashboard, layoutOf(dashboard), city, '11.6.2', undefined, set, { ...OPTIONS, year: 2018 });
    expect(y2018.regions.map((r) => r.value)).toEqual([35, 22, 26, null]);
    const y2021 = mapModel(dashboard, layoutOf(dashboard), city, '11.6.2', undefined, set, { ...OPTIONS, year: 2021 });
    expect(y2021.withData).toBe(1);
    // A year no district has falls back to the latest.
    expect(mapModel(dashboard, layoutOf(dashboard), city, '11.6.2', undefined, set, { ...OPTIONS, year: 1990 }).year).toBe('latest');
  });

  it('compares each ward with the city in the desired direction (a decrease is better for 11.6.2)', () => {
    const { dashboard, city, set } = setup();
    const model = mapModel(dashboard, layoutOf(dashboard), city, '11.6.2', undefined, set, { ...OPTIONS, mode: 'compare' });
    expect(model.cityValue).toEqual({ year: 2022, value: 25 });
    expect(model.regions.map((r) => r.tone)).toEqual(['worse', 'better', 'same', null]);
  });

  it('says why a map would be blank: no shape matches', () => {
    const { dashboard, city, set } = setup();
    const other: BoundarySet = { ...set, features: set.features.map((f) => ({ ...f, properties: { X: 'none' } })) };
    const model = mapModel(dashboard, layoutOf(dashboard), city, '11.6.2', undefined, other, OPTIONS);
    expect(model.withData).toBe(0);
    expect(model.empty).toBe('no_match');
  });
});

describe('mapFigure', () => {
  it('renders an SVG with the shapes, the legend as text, no data hatched, and the boundaries in the footer', () => {
    const { ctx, city, set } = setup();
    const figure = mapFigure(ctx, { ...set, name: 'Port Ruri wards', date: '2021', source: 'Port Ruri council' }, city.key, '11.6.2', undefined);
    expect(figure?.fileBase).toBe('port-ruri_11-6-2_map_en');
    const svg = renderFigureSvg(figure!.input).svg;
    expect(svg.match(/<path /g)?.length ?? 0).toBeGreaterThanOrEqual(4);
    expect(svg).toContain('>No data<');
    expect(svg).toContain('Boundaries: Port Ruri wards, 2021 (wards.geojson) — Port Ruri council');
    expect(svg).toContain('Shapes with data: 3 of 4');
    expect(svg).toContain('Districts with data but no shape in the boundary file: 1.');
    expect(svg).toMatchSnapshot();
  });

  it('is written right to left in Arabic, and is undefined when no shape has a value', () => {
    const { ctx, city, set } = setup();
    const ar = mapFigure({ ...ctx, lang: 'ar' }, set, city.key, '11.6.2', undefined, { mode: 'compare', year: 'latest', method: 'quantile', classCount: 5 });
    const svg = renderFigureSvg(ar!.input).svg;
    expect(svg).toContain('xml:lang="ar"');
    expect(svg).toContain('لا بيانات');
    const blank: BoundarySet = { ...set, features: set.features.map((f) => ({ ...f, properties: { X: 'none' } })) };
    expect(mapFigure(ctx, blank, city.key, '11.6.2', undefined)).toBeUndefined();
  });

  it('keeps a stored set only through its schema', () => {
    const { set } = setup();
    expect(BoundarySetSchema.safeParse(set).success).toBe(true);
    expect(BoundarySetSchema.safeParse({ ...set, bbox: [0, 0, 1] }).success).toBe(false);
    const bad = { ...set, features: [{ properties: {}, polygons: [[[[500, 10]]]] }] };
    expect(BoundarySetSchema.safeParse(bad).success).toBe(false);
  });
});

describe('parseBoundarySets (saved and workspace sets)', () => {
  it('reads what was saved, and reports (never casts) what does not pass the schema', async () => {
    const { set } = setup();
    const { parseBoundarySets } = await import('@/storage/boundary-record');
    expect(parseBoundarySets(JSON.stringify([set])).sets).toEqual([set]);
    expect(parseBoundarySets(undefined)).toEqual({ sets: [] });
    expect(parseBoundarySets('{')).toEqual({ sets: [], problem: 'not JSON' });
    const bad = parseBoundarySets(JSON.stringify([set, { ...set, id: '', bbox: 'x' }]));
    expect(bad.sets).toEqual([set]);
    expect(bad.problem).toMatch(/^set 2: /);
  });
});

describe('a map of cities', () => {
  const CITIES_CSV = [
    'city,city_code,indicator,year,value,unit',
    'Wadi Noor,XD-WNR,11.6.2,2020,20,µg/m³',
    'Wadi Noor,XD-WNR,11.6.2,2022,18,µg/m³',
    'Tal Sanawbar,XD-TSN,11.6.2,2022,31,µg/m³',
    'Bahr Shams,XD-BSH,11.6.2,2022,0.4,index',
  ].join('\n');
  const citiesGeo = JSON.stringify({
    type: 'FeatureCollection',
    name: 'Cities',
    features: ['XD-WNR', 'XD-TSN', 'XD-BSH', 'XD-QMR'].map((code, i) => ({ type: 'Feature', properties: { ISO: code }, geometry: { type: 'Polygon', coordinates: square(30 + i, 30, 0.5) } })),
  });

  it('colours each city by its headline value in the unit most cities share; a city in another unit is said, not coloured', async () => {
    const { citiesMapModel, citySetsFor, boundarySetsFor } = await import('@/model/map-model');
    const ingested = ingestFile({ name: 'cities.csv', bytes: enc(CITIES_CSV) }, registry);
    const dashboard = buildDashboard([ingested.table], registry, 'opensdg');
    const read = readBoundaries('cities.geojson', enc(citiesGeo));
    if (!read.ok) throw new Error(read.problem.code);
    const set = newBoundarySet(read.shapes, 'cities.geojson', '', 0, 'c1');
    expect(citySetsFor(dashboard, [set], {})).toEqual([set]);
    // Not a map of any city's districts.
    const wadi = dashboard.cityByKey.get('XD-WNR');
    expect(wadi === undefined ? [] : boundarySetsFor(dashboard, wadi, [set], {})).toEqual([]);
    const model = citiesMapModel(dashboard, layoutOf(dashboard), '11.6.2', set, OPTIONS);
    expect(model.unit).toBe('µg/m³');
    expect(model.regions.map((r) => [r.name, r.value, r.otherUnit ?? null])).toEqual([
      ['Wadi Noor', 18, null],
      ['Tal Sanawbar', 31, null],
      ['Bahr Shams', null, 'index'],
      ['XD-QMR', null, null],
    ]);
    expect(model.withData).toBe(2);
    const { citiesMapFigure } = await import('@/model/map-figure');
    const figure = citiesMapFigure({ dashboard, registry, datasets: [], names: {}, lang: 'en', digits: 'latn', computedAt: NOW }, set, '11.6.2');
    expect(figure?.fileBase).toBe('cities_11-6-2_map_en');
    const svg = renderFigureSvg(figure!.input).svg;
    expect(svg).toContain('Cities whose data is in another unit than µg/m³ are not coloured (their numbers are not in this unit): 1.');
  });
});

describe('comparisonLook', () => {
  it('draws higher and lower (direction not known) in two hues with two patterns, neither the better/worse colours', async () => {
    const { comparisonLook } = await import('@/model/map-figure');
    const higher = comparisonLook('higher');
    const lower = comparisonLook('lower');
    expect(higher.fill).not.toBe(lower.fill);
    expect(higher.pattern?.decal.symbol).not.toBe(lower.pattern?.decal.symbol);
    expect([higher.fill, lower.fill]).not.toContain(comparisonLook('better').fill);
    expect([higher.fill, lower.fill]).not.toContain(comparisonLook('worse').fill);
  });
});
