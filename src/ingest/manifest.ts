import * as z from 'zod/mini';
import { DatasetMetadataSchema } from '@/domain/dataset-indicator';

/**
 * `public/data/manifest.json`: the datasets published with a deployment. The app fetches it as
 * `data/manifest.json` at start and loads every dataset listed (when the browser has none saved);
 * `file` is relative to `data/`. `boundaries` lists boundary files of districts (maps), read the same way.
 * See public/data/README.md.
 */
export const ManifestDatasetSchema = z.object({
  /** Stable identifier (letters, digits, `-`, `_`, `.`). */
  id: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'letters, digits, ".", "-" and "_" only')),
  /** Name shown to users. */
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  /** Path of the CSV file relative to `data/`; no absolute paths, no `..`, no URL scheme. */
  file: z.string().check(z.minLength(1), z.maxLength(300), z.refine((f) => !/^[a-z][a-z0-9+.-]*:|^[\\/]|(^|[\\/])\.\.([\\/]|$)/i.test(f), 'a path relative to data/, without ".." or a URL scheme')),
  description: z.optional(z.string().check(z.maxLength(2000))),
  /** Who produced the data. */
  source: z.optional(z.string().check(z.maxLength(500))),
  /** The city the dataset is about (name or code), for files without a city column. */
  city: z.optional(z.string().check(z.maxLength(200))),
  licence: z.optional(z.string().check(z.maxLength(200))),
  /** When it was published (YYYY-MM-DD), and its version (1, 2… per id). */
  published: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date such as 2026-12-03'))),
  version: z.optional(z.int().check(z.positive())),
  /** The data's own description of its indicators (titles, units, definitions, headline series), as Publish writes it. */
  metadata: z.optional(DatasetMetadataSchema),
});
export type ManifestDataset = z.infer<typeof ManifestDatasetSchema>;

/** A boundary file published with the site (GeoJSON/TopoJSON of a city's districts, for the maps). */
export const ManifestBoundarySchema = z.object({
  id: ManifestDatasetSchema.shape.id,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  file: ManifestDatasetSchema.shape.file,
  /** The city whose districts these are (name or code); the best matching city when absent. */
  city: z.optional(z.string().check(z.maxLength(200))),
  /** Date of the boundaries ("2020", "December 2020"). */
  date: z.optional(z.string().check(z.maxLength(60))),
  source: z.optional(z.string().check(z.maxLength(500))),
});
export type ManifestBoundary = z.infer<typeof ManifestBoundarySchema>;

const PlaceNameSchema = z.string().check(z.minLength(1), z.maxLength(200));

export const ManifestSchema = z.object({
  datasets: z.array(ManifestDatasetSchema).check(z.maxLength(500)),
  boundaries: z.optional(z.array(ManifestBoundarySchema).check(z.maxLength(50))),
  /** Earlier publications kept by `publish` (their manifests, relative to data/). */
  archives: z.optional(z.array(ManifestDatasetSchema.shape.file).check(z.maxLength(1000))),
  /** When this publication was made (YYYY-MM-DD); each dataset's own `published` otherwise. */
  published: ManifestDatasetSchema.shape.published,
  /**
   * Headline series chosen by the publisher, by dataset id then indicator code (UK 11.6.2: "PM2.5"):
   * every visitor's views use them unless the visitor chooses another on their own computer.
   */
  headlines: z.optional(z.record(ManifestDatasetSchema.shape.id, z.record(z.string().check(z.minLength(1), z.maxLength(100)), z.string().check(z.minLength(1), z.maxLength(500))))),
  /** Display names of places by place key (as the data names them, in lower case) and language. */
  places: z.optional(z.record(
      z.string().check(z.minLength(1), z.maxLength(300)),
      z.object({ ar: z.optional(PlaceNameSchema), en: z.optional(PlaceNameSchema), fr: z.optional(PlaceNameSchema), es: z.optional(PlaceNameSchema) }),
    )),
  /** The observatory's own city (place key): where every view opens. */
  home: z.optional(z.string().check(z.minLength(1), z.maxLength(300))),
}).check(z.superRefine((m, ctx) => {
  const seen = new Set<string>();
  m.datasets.forEach((d, i) => {
    if (seen.has(d.id)) ctx.addIssue({ code: 'custom', path: ['datasets', i, 'id'], message: `duplicate id "${d.id}"` });
    seen.add(d.id);
  });
  for (const id of Object.keys(m.headlines ?? {}))
    if (!seen.has(id)) ctx.addIssue({ code: 'custom', path: ['headlines', id], message: `no dataset with id "${id}"` });
  const boundaryIds = new Set<string>();
  (m.boundaries ?? []).forEach((b, i) => {
    if (boundaryIds.has(b.id)) ctx.addIssue({ code: 'custom', path: ['boundaries', i, 'id'], message: `duplicate id "${b.id}"` });
    boundaryIds.add(b.id);
  });
}));
export type Manifest = z.infer<typeof ManifestSchema>;

/** The archive folder names a manifest lists (`archive/2026-06-01/manifest.json` → `2026-06-01`). */
export function listedArchives(m: Manifest): string[] {
  return (m.archives ?? []).map((p) => /^archive\/([^/]+)\/manifest\.json$/.exec(p)?.[1]).filter((a) => a !== undefined);
}

/** When a publication was made: the manifest's date, else its datasets' latest; undefined when undated. */
export function manifestDate(m: Manifest): string | undefined {
  return m.published ?? m.datasets.map((d) => d.published).filter((d) => d !== undefined).sort().at(-1);
}

/** The id the app gives a dataset of the current publication (`published:<manifest id>`). */
export const PUBLISHED_ID_PREFIX = 'published:';
