import * as z from 'zod/mini';
import { BoundaryFeatureSchema, type BoundaryShapes } from '@/ingest/boundary-schema';

/**
 * A boundary set as kept: the shapes of one file (already validated and simplified by
 * `readBoundaries`), the city whose districts they draw ('' for a set of cities), a name and a date
 * chosen by the user (wards are redrawn: "Wards 2016" and "Wards 2020" can coexist), and the property
 * the user chose to join on (undefined: the best matching one). Kept in the `boundaries` store and in
 * workspace files; read back only through {@link BoundarySetSchema}.
 */

export const BOUNDARY_RECORD_VERSION = 1;


export const BoundarySetSchema = z.object({
  version: z.literal(BOUNDARY_RECORD_VERSION),
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  /** Key of the city whose districts these are; '' when the shapes are cities. */
  city: z.string().check(z.maxLength(200)),
  /** The date of the boundaries as the user wrote it ("2020", "December 2020"), '' when not known. */
  date: z.string().check(z.maxLength(60)),
  /** The boundary file's source (organisation, licence), for figure footers. */
  source: z.string().check(z.maxLength(500)),
  fileName: z.string().check(z.maxLength(300)),
  property: z.optional(z.string().check(z.maxLength(100))),
  addedAt: z.int().check(z.nonnegative()),
  /** Published with the site (data/manifest.json): shown to everyone, never changed from the app. */
  published: z.optional(z.boolean()),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  features: z.array(BoundaryFeatureSchema).check(z.maxLength(20_000)),
});
export type BoundarySet = z.infer<typeof BoundarySetSchema>;

/** A new set from read shapes, with a fresh id. */
export function newBoundarySet(shapes: BoundaryShapes, fileName: string, city: string, now: number = Date.now(), id: string = randomId()): BoundarySet {
  return {
    version: BOUNDARY_RECORD_VERSION,
    id,
    name: shapes.name,
    city,
    date: shapes.date,
    source: '',
    fileName,
    addedAt: now,
    bbox: [...shapes.bbox],
    features: shapes.features.map((f) => ({ properties: { ...f.properties }, polygons: f.polygons.map((p) => p.map((r) => r.map(([x, y]) => [x, y] as [number, number]))) })),
  };
}

function randomId(): string {
  return typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `b${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** The setting the sets are saved under (IndexedDB settings store, as JSON text; exported with the workspace). */
export const BOUNDARIES_SETTING = 'boundaries';

/** Saved sets from their JSON text; an unreadable text or set is reported, never cast. */
export function parseBoundarySets(text: string | undefined): { sets: BoundarySet[]; problem?: string } {
  if (text === undefined || text === '') return { sets: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { sets: [], problem: 'not JSON' };
  }
  const list = z.array(z.unknown()).check(z.maxLength(200)).safeParse(json);
  if (!list.success) return { sets: [], problem: 'not a list of boundary sets' };
  const sets: BoundarySet[] = [];
  let problem: string | undefined;
  list.data.forEach((item, i) => {
    const parsed = BoundarySetSchema.safeParse(item);
    if (parsed.success) sets.push(parsed.data);
    else problem ??= `set ${i + 1}: ${parsed.error.issues[0]?.path.join('.') ?? ''} ${parsed.error.issues[0]?.message ?? 'invalid'}`;
  });
  return problem === undefined ? { sets } : { sets, problem };
}
