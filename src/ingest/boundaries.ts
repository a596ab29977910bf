import simplify from 'simplify-js';
import { feature as topoFeature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import { z } from 'zod';
import {
  type BoundaryFeature,
  type BoundaryRead,
  MAX_BOUNDARY_BYTES,
  MAX_BOUNDARY_FEATURES,
  MAX_DISPLAY_POINTS,
  MAX_PROPERTIES,
  MAX_PROPERTY_TEXT,
} from './boundary-schema';
import { cleanText } from './normalize-cell';
import { fileStem } from './places';

/**
 * Boundary files: the shapes of a city's districts (or of many cities) as observatories have them —
 * GeoJSON FeatureCollections of Polygons/MultiPolygons in longitude/latitude (WGS 84), or TopoJSON.
 * Everything read here is untrusted: the structure goes through zod, and every size the file controls
 * is bounded (bytes, features, properties, text lengths, points kept for display). A file whose
 * coordinates are not degrees (a projected system such as British National Grid eastings/northings) is
 * refused with what to do, never drawn as a blank map. Large files are simplified for display
 * (Douglas–Peucker, simplify-js) to at most {@link MAX_DISPLAY_POINTS} points, and coordinates are kept
 * at 5 decimals (about 1 m). The shapes are stored as MultiPolygons: one list of polygons per feature.
 */

const PositionSchema = z.array(z.number()).min(2);
const RingSchema = z.array(PositionSchema);
const GeometryTypeSchema = z.object({ type: z.string() });
const GeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(RingSchema) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(RingSchema)) }),
]);
const FeatureSchema = z.object({
  type: z.literal('Feature'),
  properties: z.record(z.string(), z.unknown()).nullable().optional(),
  geometry: z.unknown(),
});
const CollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  name: z.string().optional(),
  crs: z.object({ properties: z.object({ name: z.string() }).partial().optional() }).optional(),
  features: z.array(z.unknown()),
});
const TopologySchema = z.object({
  type: z.literal('Topology'),
  objects: z.record(z.string(), z.object({ type: z.string() }).loose()),
  arcs: z.array(z.array(z.array(z.number()))),
  transform: z.object({ scale: z.tuple([z.number(), z.number()]), translate: z.tuple([z.number(), z.number()]) }).optional(),
});

/** Reads a boundary file; `bytes` is checked against the size limit before anything else. */
export function readBoundaries(fileName: string, bytes: Uint8Array): BoundaryRead {
  if (bytes.byteLength > MAX_BOUNDARY_BYTES) return { ok: false, problem: { code: 'boundary_too_large', bytes: bytes.byteLength, limit: MAX_BOUNDARY_BYTES } };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch (error) {
    return { ok: false, problem: { code: 'boundary_not_json', why: cap(error instanceof Error ? error.message : String(error), 200) } };
  }
  return readBoundaryJson(fileName, json);
}

/** Reads parsed JSON (GeoJSON FeatureCollection or TopoJSON Topology). */
export function readBoundaryJson(fileName: string, json: unknown): BoundaryRead {
  const topology = TopologySchema.safeParse(json);
  let collection: z.infer<typeof CollectionSchema>;
  if (topology.success) {
    const features: unknown[] = [];
    try {
      // topojson-client's types want a full Topology; the schema checked what `feature` reads.
      const topo = topology.data as unknown as Topology;
      for (const object of Object.values(topo.objects)) {
        const converted = topoFeature(topo, object as GeometryObject);
        if (converted.type === 'FeatureCollection') features.push(...converted.features);
        else features.push(converted);
        if (features.length > MAX_BOUNDARY_FEATURES) break;
      }
    } catch (error) {
      return { ok: false, problem: { code: 'boundary_not_geojson', found: `TopoJSON (${cap(error instanceof Error ? error.message : String(error), 120)})` } };
    }
    collection = { type: 'FeatureCollection', features };
  } else {
    const parsed = CollectionSchema.safeParse(json);
    if (!parsed.success) return { ok: false, problem: { code: 'boundary_not_geojson', found: describeJson(json) } };
    collection = parsed.data;
  }
  if (collection.features.length > MAX_BOUNDARY_FEATURES) return { ok: false, problem: { code: 'boundary_too_many_features', count: collection.features.length, limit: MAX_BOUNDARY_FEATURES } };

  const crs = collection.crs?.properties?.name ?? '';
  const raw: Array<{ properties: Record<string, string>; polygons: number[][][][] }> = [];
  let notPolygon = 0;
  let noGeometry = 0;
  const broken: Array<{ feature: number; why: string }> = [];
  collection.features.forEach((item, index) => {
    const f = FeatureSchema.safeParse(item);
    if (!f.success) {
      if (broken.length < 50) broken.push({ feature: index + 1, why: 'not a GeoJSON Feature' });
      return;
    }
    if (f.data.geometry === null || f.data.geometry === undefined) {
      noGeometry++;
      return;
    }
    const kind = GeometryTypeSchema.safeParse(f.data.geometry);
    if (kind.success && kind.data.type !== 'Polygon' && kind.data.type !== 'MultiPolygon') {
      notPolygon++;
      return;
    }
    const g = GeometrySchema.safeParse(f.data.geometry);
    if (!g.success) {
      if (broken.length < 50) broken.push({ feature: index + 1, why: 'geometry coordinates are not lists of numbers' });
      return;
    }
    const geometry = g.data;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    if (!polygons.every((p) => p.every((ring) => ring.every((pt) => Number.isFinite(pt[0]) && Number.isFinite(pt[1]))))) {
      if (broken.length < 50) broken.push({ feature: index + 1, why: 'a coordinate is not a finite number' });
      return;
    }
    raw.push({ properties: textProperties(f.data.properties ?? {}), polygons });
  });
  if (raw.length === 0) return { ok: false, problem: { code: 'boundary_no_polygons', features: collection.features.length } };

  // Degrees or not: a coordinate outside ±180 / ±90, or a named projected system, means not degrees.
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  let points = 0;
  let outside: [number, number] | undefined;
  for (const f of raw)
    for (const p of f.polygons)
      for (const ring of p)
        for (const pt of ring) {
          const x = pt[0] ?? 0;
          const y = pt[1] ?? 0;
          points++;
          if (x < west) west = x;
          if (x > east) east = x;
          if (y < south) south = y;
          if (y > north) north = y;
          if (outside === undefined && (Math.abs(x) > 180 || Math.abs(y) > 90)) outside = [x, y];
        }
  const projectedCrs = /EPSG::?(?!4326\b|4258\b|4269\b)\d+/i.test(crs) && !/CRS84/i.test(crs);
  if (outside !== undefined || projectedCrs) {
    const example = outside ?? firstPoint(raw);
    return { ok: false, problem: { code: 'boundary_projected', example, system: guessSystem(crs, example) } };
  }

  // Simplified for display when large: the tolerance grows until the points fit.
  const diagonal = Math.hypot(east - west, north - south) || 1;
  let tolerance = 0;
  let kept = raw.map((f) => f.polygons.map((p) => p.map((ring) => toPairs(ring))));
  let displayPoints = points;
  for (let step = 0; displayPoints > MAX_DISPLAY_POINTS && step < 12; step++) {
    tolerance = tolerance === 0 ? diagonal / 20_000 : tolerance * 2;
    const t = tolerance;
    kept = raw.map((f) => f.polygons.map((p) => p.map((ring) => simplifyRing(ring, t))));
    displayPoints = kept.reduce((n, f) => n + f.reduce((m, p) => m + p.reduce((k, r) => k + r.length, 0), 0), 0);
  }
  const features: BoundaryFeature[] = raw.map((f, i) => ({ properties: f.properties, polygons: kept[i] ?? [] }));
  const name = cap(cleanText(collection.name ?? '') || fileStem(fileName), 200);
  return {
    ok: true,
    shapes: {
      name,
      date: yearIn(`${collection.name ?? ''} ${fileName}`),
      features,
      bbox: [round5(west), round5(south), round5(east), round5(north)],
      points,
      displayPoints,
      skipped: { notPolygon, noGeometry, broken },
    },
  };
}

function cap(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

function round5(v: number): number {
  return Math.round(v * 1e5) / 1e5;
}

function toPairs(ring: readonly (readonly number[])[]): Array<[number, number]> {
  return ring.map((pt) => [round5(pt[0] ?? 0), round5(pt[1] ?? 0)]);
}

/** A ring simplified at `tolerance` degrees; a ring that would fall below a triangle keeps its corners. */
function simplifyRing(ring: readonly (readonly number[])[], tolerance: number): Array<[number, number]> {
  const simplified = simplify(
    ring.map((pt) => ({ x: pt[0] ?? 0, y: pt[1] ?? 0 })),
    tolerance,
    true,
  );
  if (simplified.length < 4) return toPairs(ring.length <= 8 ? ring : [ring[0] ?? [0, 0], ring[Math.floor(ring.length / 3)] ?? [0, 0], ring[Math.floor((2 * ring.length) / 3)] ?? [0, 0], ring[0] ?? [0, 0]]);
  return simplified.map((p) => [round5(p.x), round5(p.y)]);
}

function textProperties(props: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {};
  let n = 0;
  for (const [key, value] of Object.entries(props)) {
    if (n++ >= MAX_PROPERTIES) break;
    const k = cap(cleanText(key), 100);
    if (k === '' || k === '__proto__') continue;
    out[k] = typeof value === 'string' ? cap(cleanText(value), MAX_PROPERTY_TEXT) : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  }
  return out;
}

function firstPoint(raw: ReadonlyArray<{ polygons: number[][][][] }>): [number, number] {
  const pt = raw[0]?.polygons[0]?.[0]?.[0];
  return [pt?.[0] ?? 0, pt?.[1] ?? 0];
}

/** A guess at the projected system, to name in the message ('' when there is none to make). */
function guessSystem(crs: string, [x, y]: readonly [number, number]): string {
  const named = /EPSG::?(\d+)/i.exec(crs);
  if (named?.[1] === '27700' || (crs === '' && x >= 0 && x <= 700_000 && y >= 0 && y <= 1_300_000 && y > 90)) return 'British National Grid (EPSG:27700)';
  if (named !== null) return `EPSG:${named[1] ?? ''}`;
  if (Math.abs(x) <= 20_037_509 && Math.abs(y) <= 20_048_967 && (Math.abs(x) > 1_000_000 || Math.abs(y) > 1_000_000)) return 'Web Mercator (EPSG:3857) or UTM';
  return '';
}

function yearIn(text: string): string {
  const m = /(?:^|[^0-9])((?:19|20)\d\d)(?![0-9])/.exec(text);
  return m?.[1] ?? '';
}

function describeJson(json: unknown): string {
  if (Array.isArray(json)) return 'a JSON list';
  if (typeof json !== 'object' || json === null) return `a JSON ${json === null ? 'null' : typeof json}`;
  const type = 'type' in json && typeof json.type === 'string' ? cap(cleanText(json.type), 40) : '';
  return type === '' ? 'a JSON object without "type"' : `a JSON object of type "${type}"`;
}

