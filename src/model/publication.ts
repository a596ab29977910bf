import type { ObservationTable } from '@/domain/observation-table';
import { normalizedCsv } from '@/ingest/canonical-csv';
import { listedArchives, type Manifest, manifestDate, ManifestSchema } from '@/ingest/manifest';
import type { BoundarySet } from '@/storage/boundary-record';
import type { DatasetInfo } from '@/storage/dataset-record';
import type { DatasetMetadata } from '@/domain/dataset-indicator';

/**
 * What "Publish" puts in the ZIP a site maintainer copies into the site's `data/` folder: each dataset
 * as Marsad's canonical CSV, the boundary files as GeoJSON, `manifest.json` (validated by the schema the
 * app reads it with) and a README for whoever runs the web server. The same README as the CLI's
 * `publish`. Datasets whose values disagree with each other block it (the report lists them).
 */

export type PublishDataset = {
  readonly id: string;
  readonly name: string;
  readonly table: ObservationTable;
  readonly version: number;
  /** Source organisation, licence and notes the user gave (else the publication's `source`/`licence`). */
  readonly info?: DatasetInfo;
  /** A dataset already published with the site: its id in the manifest (it keeps it, and its date when unchanged). */
  readonly publishedId?: string;
  /** The data's own description of its indicators (an Open SDG folder's metadata): published with it. */
  readonly metadata?: DatasetMetadata | undefined;
};

/** The publication now on the site, to archive: its manifest and the text of every file it lists (by path relative to data/). */
export type PreviousPublication = { readonly manifest: Manifest; readonly files: ReadonlyMap<string, string> };

export type PublishInput = {
  readonly datasets: readonly PublishDataset[];
  /** Publication date, YYYY-MM-DD. */
  readonly date: string;
  readonly source?: string | undefined;
  readonly licence?: string | undefined;
  readonly boundaries?: readonly BoundarySet[];
  /** Headline series chosen, by the input dataset's `id` then indicator. */
  readonly headlines?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Display names of places (place key → language → name), and the observatory's own city. */
  readonly places?: Manifest['places'];
  readonly home?: string | undefined;
  /** The publication now on the site: archived in `data/archive/<its date>/`, and versions count on from it. */
  readonly previous?: PreviousPublication;
};

export type PublishedFile = { readonly path: string; readonly text: string };

export type Publication =
  | { readonly ok: true; readonly files: readonly PublishedFile[]; readonly manifest: Manifest; readonly observations: number; readonly archived: string | undefined }
  | { readonly ok: false; readonly conflicts: ReadonlyArray<{ readonly city: string; readonly indicator: string; readonly year: number; readonly values: readonly number[] }> };

/** A file name's extension, left out of a dataset's published id (`amman.csv` → `amman`). */
const FILE_EXTENSION = /\.(csv|tsv|txt|xlsx?)$/i;

/** The id a dataset of this name is published under (its name without a file extension, file-safe). */
export function publishedIdFor(name: string): string {
  return publicationId(name.replace(FILE_EXTENSION, ''));
}

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

Earlier publications are kept in \`archive/<date>/\` with their own manifest, so the figures of an
earlier review can be reproduced (open the site with \`#/overview?published=<date>\`). The app's
Publish puts the publication that was on the site into \`archive/<its date>/\` in the ZIP; the command
line's \`publish\` moves it there. Copy the ZIP's \`data/\` over the site's \`data/\`: earlier archives
stay where they are. Serve the files
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

/** The folder name an earlier publication is archived under: its date (`-2`, `-3`… when taken), as the CLI's `publish` does. */
export function archiveName(previous: Manifest, taken: readonly string[]): string {
  const when = manifestDate(previous) ?? 'undated';
  const used = new Set(taken);
  let name = when;
  for (let n = 2; used.has(name); n++) name = `${when}-${n}`;
  return name;
}


/** The previous publication's files under `data/archive/<name>/`, its manifest listing them at the same relative paths. */
function archiveFiles(previous: PreviousPublication, name: string): PublishedFile[] {
  const dir = `data/archive/${name}`;
  const out: PublishedFile[] = [];
  for (const f of [...previous.manifest.datasets.map((d) => d.file), ...(previous.manifest.boundaries ?? []).map((b) => b.file)]) {
    const text = previous.files.get(f);
    if (text !== undefined) out.push({ path: `${dir}/${f}`, text });
  }
  // The archive's own manifest does not list other archives (they sit beside it).
  const { archives: _archives, ...manifest } = previous.manifest;
  out.push({ path: `${dir}/manifest.json`, text: `${JSON.stringify(manifest, null, 2)}\n` });
  return out;
}

export function buildPublication(input: PublishInput): Publication {
  const all = normalizedCsv(input.datasets.map((d) => d.table));
  if (all.merge.conflicts.length > 0) return { ok: false, conflicts: all.merge.conflicts.map((c) => ({ city: c.city, indicator: c.indicator, year: c.year, values: c.values })) };
  const previous = input.previous?.manifest;
  const used = new Set<string>();
  const unique = (base: string) => {
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
  const files: PublishedFile[] = [];
  const headlines: Record<string, Record<string, string>> = {};
  const datasets = input.datasets.map((d) => {
    const id = unique(d.publishedId ?? publishedIdFor(d.name));
    const csv = normalizedCsv([d.table]).csv;
    files.push({ path: `data/${id}.csv`, text: csv });
    const before = previous?.datasets.find((p) => p.id === id);
    // A dataset published again as it was (same observations) keeps its version and date; anything else counts on.
    const unchanged = before !== undefined && input.previous?.files.get(before.file) === csv;
    const source = d.info?.source ?? (input.source || undefined);
    const licence = d.info?.licence ?? (input.licence || undefined);
    const chosen = input.headlines?.[d.id];
    if (chosen !== undefined && Object.keys(chosen).length > 0) headlines[id] = { ...chosen };
    return {
      id,
      name: d.name.slice(0, 200) || id,
      file: `${id}.csv`,
      ...(d.info?.notes !== undefined ? { description: d.info.notes.slice(0, 2000) } : {}),
      ...(source !== undefined ? { source } : {}),
      ...(licence !== undefined ? { licence } : {}),
      published: unchanged ? (before.published ?? input.date) : input.date,
      version: unchanged ? (before.version ?? 1) : (before?.version ?? 0) + 1,
      ...(d.metadata !== undefined ? { metadata: d.metadata } : {}),
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
  let archived: string | undefined;
  const archives = previous === undefined ? [] : listedArchives(previous);
  if (input.previous !== undefined && previous !== undefined && previous.datasets.length > 0) {
    archived = archiveName(previous, archives);
    files.push(...archiveFiles(input.previous, archived));
    archives.push(archived);
  }
  const places = input.places ?? {};
  const manifest = ManifestSchema.parse({
    published: input.date,
    datasets,
    ...(boundaries.length > 0 ? { boundaries } : {}),
    ...(Object.keys(headlines).length > 0 ? { headlines } : {}),
    ...(Object.keys(places).length > 0 ? { places } : {}),
    ...(input.home !== undefined ? { home: input.home } : {}),
    ...(archives.length > 0 ? { archives: archives.map((a) => `archive/${a}/manifest.json`) } : {}),
  });
  files.push({ path: 'data/manifest.json', text: `${JSON.stringify(manifest, null, 2)}\n` });
  files.push({ path: 'data/README.md', text: publicationReadme(manifest, input.date) });
  return { ok: true, files, manifest, observations: all.observations, archived };
}

/** The files as one ZIP (fflate, loaded when first needed). */
export async function publicationZip(files: readonly PublishedFile[]): Promise<Blob> {
  const { zipSync, strToU8 } = await import('fflate');
  const zip = zipSync(Object.fromEntries(files.map((f) => [f.path, strToU8(f.text)])));
  return new Blob([zip], { type: 'application/zip' });
}
