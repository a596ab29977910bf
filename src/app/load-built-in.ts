import { z } from 'zod';
import { startIngest } from '@/ingest/ingest-client';
import { readBoundaryBytes } from '@/ingest/boundaries-client';
import { type ManifestBoundary, ManifestSchema } from '@/ingest/manifest';
import { boundaryProblemText } from '@/model/boundary-text';
import { type BoundarySet, newBoundarySet } from '@/storage/boundary-record';
import { type LoadedDataset, toLoadedDataset } from '@/storage/dataset-record';

/** English and Arabic names of the demo's fictional cities, by city code (public/demo/cities.json). */
export const CityNamesSchema = z.record(z.string().max(100), z.object({ en: z.string().max(200), ar: z.string().max(200) }));
export type CityNames = z.infer<typeof CityNamesSchema>;

export type BuiltIn = {
  kind: 'published' | 'demo' | 'none';
  datasets: LoadedDataset[];
  /** Why data/manifest.json was ignored (invalid JSON or schema), if it was. */
  manifestProblem: string | undefined;
  /** Files that could not be read. */
  problems: string[];
  cityNames: CityNames;
  /** Boundary files listed in the manifest (read-only, shown with the published data). */
  boundarySets: BoundarySet[];
};

async function fetchBytes(url: string): Promise<Uint8Array | string> {
  try {
    const response = await fetch(url, { cache: 'no-cache' });
    if (!response.ok) return `${url}: HTTP ${response.status}`;
    return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    return `${url}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

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
  const bytes = await fetchBytes(url);
  if (typeof bytes === 'string') return bytes;
  const outcome = await startIngest({ name, bytes }, defaultCity === undefined ? {} : { defaultCity }).promise;
  if (!outcome.ok) return `${name}: ${outcome.reason === 'failed' ? outcome.message : 'cancelled'}`;
  return { table: outcome.result.table, file: outcome.result.file };
}

/**
 * The deployment's own data, shown when the browser has nothing saved: the datasets listed in
 * `data/manifest.json` (read through the worker, kept in memory, never saved), else the illustrative
 * demo `demo/marsad-demo.csv`; with the published data, the manifest's boundary files. URLs are relative, so the site works from any folder. Never throws;
 * problems come back as text for a notice.
 */
export async function loadBuiltIn(onPhase: (phase: 'published' | 'demo') => void): Promise<BuiltIn> {
  const problems: string[] = [];
  let manifestProblem: string | undefined;
  const manifest = await fetchJson('data/manifest.json');
  let listed: z.infer<typeof ManifestSchema>['datasets'] = [];
  let parsedBoundaries: ManifestBoundary[] = [];
  if (manifest.ok) {
    const parsed = ManifestSchema.safeParse(manifest.json);
    if (parsed.success) {
      listed = parsed.data.datasets;
      parsedBoundaries = parsed.data.boundaries ?? [];
    }
    else manifestProblem = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  } else if (!manifest.missing) manifestProblem = manifest.message;

  if (listed.length > 0) {
    onPhase('published');
    const datasets: LoadedDataset[] = [];
    for (const d of listed) {
      const read = await ingestUrl(`data/${d.file.split('/').map(encodeURIComponent).join('/')}`, d.file, d.city);
      if (typeof read === 'string') problems.push(read);
      else datasets.push(toLoadedDataset({ id: `published:${d.id}`, name: d.name, source: 'published', createdAt: 0, table: read.table, files: [read.file] }));
    }
    if (datasets.length > 0) {
      const boundarySets = await readPublishedBoundaries(parsedBoundaries, problems);
      return { kind: 'published', datasets, manifestProblem, problems, cityNames: {}, boundarySets };
    }
  }

  onPhase('demo');
  const [demo, names] = await Promise.all([ingestUrl('demo/marsad-demo.csv', 'marsad-demo.csv', undefined), fetchJson('demo/cities.json')]);
  const cityNames = names.ok ? CityNamesSchema.safeParse(names.json) : undefined;
  if (typeof demo === 'string') {
    problems.push(demo);
    return { kind: 'none', datasets: [], manifestProblem, problems, cityNames: {}, boundarySets: [] };
  }
  return {
    kind: 'demo',
    datasets: [toLoadedDataset({ id: 'demo', name: 'marsad-demo.csv', source: 'demo', createdAt: 0, table: demo.table, files: [demo.file] })],
    manifestProblem,
    problems,
    cityNames: cityNames?.success ? cityNames.data : {},
    boundarySets: [],
  };
}

/** The manifest's boundary files, read in the boundary worker; a file that cannot be read is a problem, not a map. */
async function readPublishedBoundaries(listed: readonly ManifestBoundary[], problems: string[]): Promise<BoundarySet[]> {
  const sets: BoundarySet[] = [];
  for (const b of listed) {
    const bytes = await fetchBytes(`data/${b.file.split('/').map(encodeURIComponent).join('/')}`);
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
