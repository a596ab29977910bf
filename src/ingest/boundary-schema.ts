import * as z from 'zod/mini';

/**
 * Boundary files' shapes as the app keeps them, and the schemas they are read back through (stored sets,
 * the boundary worker's answers). No parsing here (see boundaries.ts), so the app's first load carries
 * only these schemas.
 */

/** Largest boundary file read (bytes): checked before the file is read. */
export const MAX_BOUNDARY_BYTES = 60 * 1024 * 1024;
/** Most features (districts) read from one file. */
export const MAX_BOUNDARY_FEATURES = 20_000;
/** Points kept for display, over all features. */
export const MAX_DISPLAY_POINTS = 60_000;
/** Properties kept per feature, and characters per property value. */
export const MAX_PROPERTIES = 60;
export const MAX_PROPERTY_TEXT = 300;

/** A polygon: rings of [longitude, latitude] points, the outer ring first. */
export type Ring = ReadonlyArray<readonly [number, number]>;
export type PolygonRings = readonly Ring[];

export type BoundaryFeature = {
  /** The feature's properties as text (numbers written as they are; null as ''). */
  readonly properties: Readonly<Record<string, string>>;
  readonly polygons: readonly PolygonRings[];
};

export type BoundaryShapes = {
  /** The collection's own name (`name` member), or the file name without extension. */
  readonly name: string;
  /** A year named in the collection or file name (`Wards_(December_2020)` → 2020), '' when none. */
  readonly date: string;
  readonly features: readonly BoundaryFeature[];
  /** [west, south, east, north] in degrees. */
  readonly bbox: readonly [number, number, number, number];
  /** Points in the file, and kept for display. */
  readonly points: number;
  readonly displayPoints: number;
  /** Features left out: not polygons (points, lines), or without a geometry, or broken (index and why). */
  readonly skipped: { readonly notPolygon: number; readonly noGeometry: number; readonly broken: ReadonlyArray<{ readonly feature: number; readonly why: string }> };
};

export type BoundaryProblem =
  | { readonly code: 'boundary_too_large'; readonly bytes: number; readonly limit: number }
  | { readonly code: 'boundary_not_json'; readonly why: string }
  | { readonly code: 'boundary_not_geojson'; readonly found: string }
  | { readonly code: 'boundary_too_many_features'; readonly count: number; readonly limit: number }
  | { readonly code: 'boundary_no_polygons'; readonly features: number }
  /** Coordinates are not longitude/latitude degrees: `example` is one of them, `system` a guess. */
  | { readonly code: 'boundary_projected'; readonly example: readonly [number, number]; readonly system: string };

export type BoundaryRead = { readonly ok: true; readonly shapes: BoundaryShapes } | { readonly ok: false; readonly problem: BoundaryProblem };

/** Whether a file name looks like a boundary file (read by `readBoundaries`, not as data). */
export function isBoundaryFileName(name: string): boolean {
  return /\.(geojson|topojson|geo\.json|topo\.json)$/i.test(name);
}

const PairSchema = z.tuple([z.number().check(z.minimum(-180), z.maximum(180)), z.number().check(z.minimum(-90), z.maximum(90))]);
/** Shapes as stored and as sent by the worker (read back through this schema, never cast). */
export const BoundaryFeatureSchema = z.object({
  properties: z.record(z.string().check(z.maxLength(100)), z.string().check(z.maxLength(MAX_PROPERTY_TEXT))),
  polygons: z.array(z.array(z.array(PairSchema).check(z.maxLength(200_000))).check(z.maxLength(10_000))).check(z.maxLength(10_000)),
});
const ProblemSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('boundary_too_large'), bytes: z.number(), limit: z.number() }),
  z.object({ code: z.literal('boundary_not_json'), why: z.string().check(z.maxLength(500)) }),
  z.object({ code: z.literal('boundary_not_geojson'), found: z.string().check(z.maxLength(500)) }),
  z.object({ code: z.literal('boundary_too_many_features'), count: z.number(), limit: z.number() }),
  z.object({ code: z.literal('boundary_no_polygons'), features: z.number() }),
  z.object({ code: z.literal('boundary_projected'), example: z.tuple([z.number(), z.number()]), system: z.string().check(z.maxLength(200)) }),
]);
export const BoundaryReadSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    shapes: z.object({
      name: z.string().check(z.maxLength(300)),
      date: z.string().check(z.maxLength(60)),
      features: z.array(BoundaryFeatureSchema).check(z.maxLength(MAX_BOUNDARY_FEATURES)),
      bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
      points: z.number(),
      displayPoints: z.number(),
      skipped: z.object({ notPolygon: z.number(), noGeometry: z.number(), broken: z.array(z.object({ feature: z.number(), why: z.string().check(z.maxLength(200)) })).check(z.maxLength(50)) }),
    }),
  }),
  z.object({ ok: z.literal(false), problem: ProblemSchema }),
]);
