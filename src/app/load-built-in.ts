import * as z from 'zod/mini';
import { startIngest } from '@/ingest/ingest-client';
import { readBoundaryBytes } from '@/ingest/boundaries-client';
import { listedArchives, type Manifest, type ManifestBoundary, manifestDate, ManifestSchema, PUBLISHED_ID_PREFIX } from '@/ingest/manifest';
import { boundaryProblemText } from '@/model/boundary-text';
import type { PreviousPublication } from '@/model/publication';
import { type BoundarySet, newBoundarySet } from '@/storage/boundary-record';
import { cleanInfo, type LoadedDataset, toLoadedDataset } from '@/storage/dataset-record';

/** English and Arabic names of the demo's fictional cities, by city code (public/demo/cities.json). */
export const CityNamesSchema = z.record(z.string().check(z.maxLength(100)), z.object({ en: z.string().check(z.maxLength(200)), ar: z.string().check(z.maxLength(200)) }));
export type CityNames = z.infer<typeof CityNamesSchema>;

/** A file's body, or why it could not be fetched (a string). */
async function fetchBody<T>(url: string, read: (response: Response) => Promise<T>): Promise<T | string> {
  try {
    const response = await fetch(url, { cache: 'no-cache' });
    if (!response.ok) return `${url}: HTTP ${response.status}`;
    return await read(response);
  } catch (error) {
    return `${url}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

const fetchBytes = (url: string) => fetchBody(url, async (r) => new Uint8Array(await r.arrayBuffer()));

async function fetchJson(url: string): Promise<{ ok: true; json: unknown } | { ok: false; missing: boolean; message: string }> {
  try {
    const response = await fetch(url, { cache: 'no-cache' });
    if (!response.ok) return { ok: false, missing: response.status === 404, message: `${url}: HTTP ${response.status}` };
    const json: unknown = await response.json();
    return { ok: true, json };
  } catch (error) {
    return { ok: false, missing: false, message: `${url}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function ingestUrl(url: string, name: string, defaultCity: string | undefined): Promise<{ table: LoadedDataset['table']; file: LoadedDataset['files'][number] } | string> {
  // As a Blob: the ingest worker reads it, and the page never copies a published file's bytes.
  const blob = await fetchBody(url, (r) => r.blob());
  if (typeof blob === 'string') return blob;
  const outcome = await startIngest({ name, blob }, defaultCity === undefined ? {} : { defaultCity }).promise;
  if (!outcome.ok) return `${name}: ${outcome.reason === 'failed' ? outcome.message : 'cancelled'}`;
  return { table: outcome.result.table, file: outcome.result.file };
}

/** The site's published data (`data/manifest.json`, or an archived publication's manifest). */
export type Published = {
  /** The datasets listed (read-only, never saved), with their source, licence, date and notes. */
  datasets: LoadedDataset[];
  boundarySets: BoundarySet[];
  /** The publisher's headline series, by dataset id (`published:<id>`) and indicator. */
  headlines: Record<string, Record<string, string>>;
  /** The publisher's names of places, and the observatory's own city. */
  places: NonNullable<Manifest['places']>;
  home: string | undefined;
  /** When it was published (the manifest's date, else its datasets' latest). */
  date: string | undefined;
  /** Earlier publications (folder names under data/archive/, oldest first). */
  archives: string[];
  /** Why the manifest was ignored (invalid JSON or schema), if it was. */
  manifestProblem: string | undefined;
  /** Files that could not be read. */
  problems: string[];
};

/** Where the app finds a publication: the current one, or an archived one (`archive/<name>/`). */
export function manifestUrl(archive: string | undefined): string {
  return archive === undefined ? 'data/manifest.json' : `data/archive/${encodeURIComponent(archive)}/manifest.json`;
}

let earlyManifest: ReturnType<typeof fetchJson> | undefined;

/**
 * Starts fetching `data/manifest.json` now, at the app's start, while the browser's own store opens (the
 * first `loadPublished()` of the current publication uses it; later ones fetch again).
 */
export function prefetchManifest(): void {
  earlyManifest ??= fetchJson(manifestUrl(undefined));
}

/**
 * The site's published data: the datasets listed in `data/manifest.json` (read through the worker, kept
 * in memory, never saved) with the manifest's boundary files, headline series and place names; with
 * `archive`, the publication kept in `data/archive/<archive>/` instead. URLs are relative, so the site
 * works from any folder. Never throws; problems come back as text for a notice.
 */
export async function loadPublished(archive?: string): Promise<Published> {
  const url = manifestUrl(archive);
  const base = url.slice(0, url.lastIndexOf('/') + 1);
  const empty: Published = { datasets: [], boundarySets: [], headlines: {}, places: {}, home: undefined, date: undefined, archives: [], manifestProblem: undefined, problems: [] };
  const early = archive === undefined ? earlyManifest : undefined;
  earlyManifest = undefined;
  const manifest = await (early ?? fetchJson(url));
  if (!manifest.ok) return manifest.missing ? empty : { ...empty, manifestProblem: manifest.message };
  const parsed = ManifestSchema.safeParse(manifest.json);
  if (!parsed.success) return { ...empty, manifestProblem: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
  const m = parsed.data;
  const problems: string[] = [];
  const prefix = archive === undefined ? PUBLISHED_ID_PREFIX : `published@${archive}:`;
  const datasets: LoadedDataset[] = [];
  for (const d of m.datasets) {
    const read = await ingestUrl(`${base}${d.file.split('/').map(encodeURIComponent).join('/')}`, d.file, d.city);
    if (typeof read === 'string') {
      problems.push(read);
      continue;
    }
    const date = d.published ?? m.published;
    const at = date === undefined ? 0 : Date.parse(`${date}T00:00:00Z`);
    const info = cleanInfo({ source: d.source, licence: d.licence, notes: d.description, published: date });
    datasets.push(
      toLoadedDataset({
        id: `${prefix}${d.id}`,
        name: d.name,
        source: 'published',
        createdAt: at,
        table: read.table,
        files: [read.file],
        versionNumber: d.version ?? 1,
        info,
        ...(d.metadata !== undefined ? { metadata: d.metadata } : {}),
      }),
    );
  }
  const headlines: Published['headlines'] = {};
  for (const [id, choices] of Object.entries(m.headlines ?? {})) headlines[`${prefix}${id}`] = choices;
  return {
    datasets,
    boundarySets: datasets.length > 0 ? await readPublishedBoundaries(m.boundaries ?? [], problems, base) : [],
    headlines,
    places: m.places ?? {},
    home: m.home,
    date: manifestDate(m),
    archives: listedArchives(m).sort(),
    manifestProblem: undefined,
    problems,
  };
}

/** The illustrative demo (`demo/marsad-demo.csv` and its city names), shown when there is no other data. */
export async function loadDemo(): Promise<{ datasets: LoadedDataset[]; cityNames: CityNames; problems: string[] }> {
  const [demo, names] = await Promise.all([ingestUrl('demo/marsad-demo.csv', 'marsad-demo.csv', undefined), fetchJson('demo/cities.json')]);
  const cityNames = names.ok ? CityNamesSchema.safeParse(names.json) : undefined;
  if (typeof demo === 'string') return { datasets: [], cityNames: {}, problems: [demo] };
  return {
    datasets: [toLoadedDataset({ id: 'demo', name: 'marsad-demo.csv', source: 'demo', createdAt: 0, table: demo.table, files: [demo.file] })],
    cityNames: cityNames?.success ? cityNames.data : {},
    problems: [],
  };
}

/** The manifest's boundary files, read in the boundary worker; a file that cannot be read is a problem, not a map. */
async function readPublishedBoundaries(listed: readonly ManifestBoundary[], problems: string[], base: string): Promise<BoundarySet[]> {
  const sets: BoundarySet[] = [];
  for (const b of listed) {
    const bytes = await fetchBytes(`${base}${b.file.split('/').map(encodeURIComponent).join('/')}`);
    if (typeof bytes === 'string') {
      problems.push(bytes);
      continue;
    }
    const read = await readBoundaryBytes(b.file, bytes.slice().buffer);
    if (!read.ok) {
      problems.push('problem' in read ? boundaryProblemText(read.problem, b.file, 'en') : `${b.file}: ${read.failed}`);
      continue;
    }
    const set = newBoundarySet(read.shapes, b.file, b.city ?? '', 0, `published:${b.id}`);
    sets.push({ ...set, name: b.name, date: b.date ?? set.date, source: b.source ?? '', published: true });
  }
  return sets;
}

/**
 * The publication now on the site, read again whole (its manifest and the text of every file it lists),
 * for Publish to archive it in `data/archive/<date>/`. Undefined when the site publishes nothing; a
 * file that cannot be read is an error (an archive must be complete).
 */
export async function readCurrentPublication(): Promise<{ ok: true; previous: PreviousPublication | undefined } | { ok: false; message: string }> {
  const manifest = await fetchJson(manifestUrl(undefined));
  if (!manifest.ok) return manifest.missing ? { ok: true, previous: undefined } : { ok: false, message: manifest.message };
  const parsed = ManifestSchema.safeParse(manifest.json);
  if (!parsed.success) return { ok: false, message: `data/manifest.json: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  const files = new Map<string, string>();
  for (const f of [...parsed.data.datasets.map((d) => d.file), ...(parsed.data.boundaries ?? []).map((b) => b.file)]) {
    const bytes = await fetchBytes(`data/${f.split('/').map(encodeURIComponent).join('/')}`);
    if (typeof bytes === 'string') return { ok: false, message: bytes };
    // Kept byte for byte (a BOM included): the archive is the file as it was published.
    files.set(f, new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
  }
  return { ok: true, previous: { manifest: parsed.data, files } };
}

/** The current publication's date and its archives, without reading its data (for the list of publications). */
export async function readPublicationIndex(): Promise<{ date: string | undefined; archives: string[] }> {
  const manifest = await fetchJson(manifestUrl(undefined));
  const parsed = manifest.ok ? ManifestSchema.safeParse(manifest.json) : undefined;
  if (parsed?.success !== true) return { date: undefined, archives: [] };
  return { date: manifestDate(parsed.data), archives: listedArchives(parsed.data).sort() };
}
