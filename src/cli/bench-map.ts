import '@/domain/zod-setup';
import '@/i18n/all-langs';
import { renderFigureSvg } from '@/charts/figure';
import { readBoundaries } from '@/ingest/boundaries';
import { ingestFile } from '@/ingest/ingest-file';
import { buildDashboard } from '@/model/dashboard-model';
import { layoutOf } from '@/model/indicator-model';
import { mapFigure } from '@/model/map-figure';
import { joinDistricts, mapModel } from '@/model/map-model';
import { newBoundarySet } from '@/storage/boundary-record';
import { loadRegistryFromDirs } from './load-registry';

/**
 * `npm run bench` (last part): district maps at scale. A fictional city of 1,000 districts (a 40 × 25
 * grid of wavy squares, `--points` points each: 1,000 by default, a GeoJSON file of about 20 MB) with
 * a value per district for 5 years. Measured, median of `--runs` (default 5):
 * - reading the boundary file (JSON parse, schema, degrees check, simplification for display): what
 *   the boundary worker does off the page;
 * - joining the shapes to the districts (by code);
 * - drawing the map once the data is loaded: the map model (values, classes) and the chart (ECharts
 *   server-side rendering to SVG, as the export does; the browser draws the same SVG).
 * Goal (issue "District maps"): 1,000 districts drawn in under 500 ms.
 */

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i === -1 ? undefined : Number(process.argv[i + 1]);
  return v !== undefined && Number.isInteger(v) && v > 0 ? v : fallback;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
}

function timed<T>(times: number[], f: () => T): T {
  const t0 = performance.now();
  const out = f();
  times.push(performance.now() - t0);
  return out;
}

const DISTRICTS = 1000;
const COLUMNS = 40;
const runs = arg('runs', 5);
const points = arg('points', 1000);

/** A square of side 0.01° at grid cell `i`, its edges drawn with `points` points and a small wave. */
function ring(i: number): number[][] {
  const x0 = 10 + (i % COLUMNS) * 0.01;
  const y0 = 40 + Math.floor(i / COLUMNS) * 0.01;
  const side = Math.max(1, Math.floor(points / 4));
  const out: number[][] = [];
  const corners: Array<[number, number]> = [
    [x0, y0],
    [x0 + 0.01, y0],
    [x0 + 0.01, y0 + 0.01],
    [x0, y0 + 0.01],
  ];
  for (let c = 0; c < 4; c++) {
    const [ax, ay] = corners[c] ?? [0, 0];
    const [bx, by] = corners[(c + 1) % 4] ?? [0, 0];
    for (let k = 0; k < side; k++) {
      const f = k / side;
      // Neighbours share their edges exactly: the wave depends on the edge's position only.
      const wave = 0.0003 * Math.sin(f * Math.PI * 6) * (k === 0 ? 0 : 1);
      out.push([Number((ax + (bx - ax) * f + (ay === by ? 0 : wave)).toFixed(6)), Number((ay + (by - ay) * f + (ax === bx ? 0 : wave)).toFixed(6))]);
    }
  }
  out.push(out[0] ?? [x0, y0]);
  return out;
}

const features = Array.from({ length: DISTRICTS }, (_, i) => ({
  type: 'Feature',
  properties: { CODE: `BM${String(i).padStart(4, '0')}`, NAME: `District ${i + 1}` },
  geometry: { type: 'Polygon', coordinates: [ring(i)] },
}));
const geojson = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', name: 'Bench city districts 2024', features }));

const rows = ['city,district,city_code,indicator,year,value'];
for (let y = 2020; y <= 2024; y++) rows.push(`Bench City,,,11.6.2,${y},${30 - y + 2020}`);
for (let i = 0; i < DISTRICTS; i++) for (let y = 2020; y <= 2024; y++) rows.push(`Bench City,District ${i + 1},BM${String(i).padStart(4, '0')},11.6.2,${y},${(10 + ((i * 37) % 40) + (y - 2020) * 0.5).toFixed(1)}`);
const { registry } = loadRegistryFromDirs();
const ingested = ingestFile({ name: 'bench-city.csv', bytes: new TextEncoder().encode(rows.join('\n')) }, registry);
const dashboard = buildDashboard([ingested.table], registry, 'opensdg');
const city = [...dashboard.cityByKey.values()].find((c) => c.name === 'Bench City');
if (city === undefined) throw new Error('bench-map: no city');

const read: number[] = [];
const join: number[] = [];
const model: number[] = [];
const draw: number[] = [];
let summary = '';
for (let r = 0; r < runs; r++) {
  const result = timed(read, () => readBoundaries('bench.geojson', geojson));
  if (!result.ok) throw new Error(`bench-map: ${result.problem.code}`);
  const set = newBoundarySet(result.shapes, 'bench.geojson', city.key, 0, `bench${r}`);
  const joined = timed(join, () => joinDistricts(dashboard, city, set, {}));
  const layout = layoutOf(dashboard);
  timed(model, () => mapModel(dashboard, layout, city, '11.6.2', undefined, set, { mode: 'value', year: 'latest', method: 'quantile', classCount: 5, direction: 'decrease', decimals: 1, names: {}, lang: 'en' }));
  const figure = timed(draw, () => {
    const f = mapFigure({ dashboard, registry, datasets: [], names: {}, lang: 'en', digits: 'latn', computedAt: new Date(0) }, set, city.key, '11.6.2', undefined);
    return f === undefined ? undefined : renderFigureSvg(f.input);
  });
  summary = `${result.shapes.features.length} shapes, ${result.shapes.points.toLocaleString('en-US')} points in the file, ${result.shapes.displayPoints.toLocaleString('en-US')} drawn, ${joined.matched} joined, SVG ${((figure?.svg.length ?? 0) / 1024).toFixed(0)} KB`;
}

const line = (name: string, times: number[]) => `  ${name.padEnd(52)} ${median(times).toFixed(0).padStart(6)} ms (slowest ${Math.max(...times).toFixed(0)} ms)`;
process.stdout.write(
  [
    '',
    `District maps: ${DISTRICTS.toLocaleString('en-US')} districts, boundary file ${(geojson.byteLength / 1024 / 1024).toFixed(1)} MB (${summary}); median of ${runs} runs`,
    line('read the boundary file (boundary worker)', read),
    line('join the shapes to the districts', join),
    line('map model (values per district, classes)', model),
    line('draw the map (model + chart + SVG rendering)', draw),
    `  goal: 1,000 districts drawn in under 500 ms after the data is loaded → ${median(draw) < 500 ? 'met' : 'NOT met'}`,
    '',
  ].join('\n'),
);
