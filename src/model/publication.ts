import type { ObservationTable } from '@/domain/observation-table';
import { normalizedCsv } from '@/ingest/canonical-csv';
import { type Manifest, ManifestSchema } from '@/ingest/manifest';
import type { BoundarySet } from '@/storage/boundary-record';

/**
 * What "Publish" puts in the ZIP a site maintainer copies into the site's `data/` folder: each dataset
 * as Marsad's canonical CSV, the boundary files as GeoJSON, `manifest.json` (validated by the schema the
 * app reads it with) and a README for whoever runs the web server. The same README as the CLI's
 * `publish`. Datasets whose values disagree with each other block it (the report lists them).
 */

export type PublishDataset = { readonly id: string; readonly name: string; readonly table: ObservationTable; readonly version: number };

export type PublishInput = {
  readonly datasets: readonly PublishDataset[];
  /** Publication date, YYYY-MM-DD. */
  readonly date: string;
  readonly source?: string | undefined;
  readonly licence?: string | undefined;
  readonly boundaries?: readonly BoundarySet[];
};

export type PublishedFile = { readonly path: string; readonly text: string };

export type Publication =
  | { readonly ok: true; readonly files: readonly PublishedFile[]; readonly manifest: Manifest; readonly observations: number }
  | { readonly ok: false; readonly conflicts: ReadonlyArray<{ readonly city: string; readonly indicator: string; readonly year: number; readonly values: readonly number[] }> };

/** A file-safe id from a name (letters, digits and '-'). */
export function publicationId(name: string): string {
  const out = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return out === '' ? 'data' : out;
}

/** The README of a published data folder (also written by the CLI's `publish`). */
export function publicationReadme(m: Manifest, date: string): string {
  return `# Published data (Marsad)

This folder is the site's \`data/\` folder: copy it, as is, next to the built app (\`dist/data/\`).
The app reads \`manifest.json\` when it opens and shows every dataset listed there to every visitor,
read-only, marked "published".

Published on ${date}:
${m.datasets.map((d) => `- ${d.name} — \`${d.file}\`${d.source === undefined ? '' : ` — ${d.source}`}${d.licence === undefined ? '' : ` (${d.licence})`}`).join('\n')}
${(m.boundaries ?? []).map((b) => `- boundaries: ${b.name} — \`${b.file}\``).join('\n')}

Earlier publications are kept in \`archive/<date>/\` with their own manifest (the command line's
\`publish\` moves them there), so the figures of an earlier review can be reproduced. Serve the files
with their own types (\`.csv\` as text/csv, \`.json\` and \`.geojson\` as application/json); nothing here
runs on the server.
`;
}

/** The GeoJSON of a saved boundary set (its shapes and properties as kept). */
function boundaryGeoJson(set: BoundarySet): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    name: set.name,
    features: set.features.map((f) => ({ type: 'Feature', properties: f.properties, geometry: { type: 'MultiPolygon', coordinates: f.polygons } })),
  });
}

export function buildPublication(input: PublishInput): Publication {
  const all = normalizedCsv(input.datasets.map((d) => d.table));
  if (all.merge.conflicts.length > 0) return { ok: false, conflicts: all.merge.conflicts.map((c) => ({ city: c.city, indicator: c.indicator, year: c.year, values: c.values })) };
  const used = new Set<string>();
  const unique = (base: string) => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
  const files: PublishedFile[] = [];
  const datasets = input.datasets.map((d) => {
    const id = unique(publicationId(d.name));
    files.push({ path: `data/${id}.csv`, text: normalizedCsv([d.table]).csv });
    return {
      id,
      name: d.name.slice(0, 200) || id,
      file: `${id}.csv`,
      ...(input.source ? { source: input.source } : {}),
      ...(input.licence ? { licence: input.licence } : {}),
      published: input.date,
      version: d.version,
    };
  });
  const boundaries = (input.boundaries ?? []).map((set) => {
    const id = unique(`boundaries-${publicationId(set.name)}`);
    files.push({ path: `data/maps/${id}.geojson`, text: boundaryGeoJson(set) });
    return {
      id,
      name: set.name,
      file: `maps/${id}.geojson`,
      ...(set.city !== '' && !set.city.startsWith('*') ? { city: set.city } : {}),
      ...(set.date !== '' ? { date: set.date } : {}),
      ...(set.source !== '' ? { source: set.source } : {}),
    };
  });
  const manifest = ManifestSchema.parse({ datasets, ...(boundaries.length > 0 ? { boundaries } : {}) });
  files.push({ path: 'data/manifest.json', text: `${JSON.stringify(manifest, null, 2)}\n` });
  files.push({ path: 'data/README.md', text: publicationReadme(manifest, input.date) });
  return { ok: true, files, manifest, observations: all.observations };
}

/** The files as one ZIP (fflate, loaded when first needed). */
export async function publicationZip(files: readonly PublishedFile[]): Promise<Blob> {
  const { zipSync, strToU8 } = await import('fflate');
  const zip = zipSync(Object.fromEntries(files.map((f) => [f.path, strToU8(f.text)])));
  return new Blob([zip], { type: 'application/zip' });
}
