import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ObservationTable } from '@/domain/observation-table';
import { normalizedCsv } from '@/ingest/canonical-csv';
import { type Manifest, manifestDate, ManifestSchema } from '@/ingest/manifest';
import { publicationId, publicationReadme } from '@/model/publication';
import { type CliIO, COMMON_FLAGS, EXIT_DATA_ERRORS, EXIT_OK, type FlagSpec, single, UsageError } from './cli-args';
import { errorMessage, hasErrors, plural, processFile, registryProblemText, setupFileCommand } from './cli-files';
import { USAGE } from './usage';

/**
 * `publish <files|folders>… --out <data dir> [--name … --source … --city … --licence … --id … --date …]`:
 * what an observatory's own CI runs to publish its data with the site. Every file is read and validated
 * as the app would; any error stops it and nothing is written. Otherwise `<data dir>` receives the
 * observations as one canonical CSV (`<id>.csv`), `manifest.json` listing it (name, source, licence,
 * city, date, version) and a README for whoever maintains the web server. A publication already there
 * is moved first, whole, to `archive/<its date>/` (its manifest and files), so the figures of an
 * earlier review can be reproduced; the new manifest lists the archives. Exit codes: 0 published ·
 * 1 errors in the data (nothing written) or a write failure · 2 usage.
 */

const PUBLISH_FLAGS: Record<string, FlagSpec> = {
  ...COMMON_FLAGS,
  out: { takesValue: true },
  name: { takesValue: true },
  source: { takesValue: true },
  licence: { takesValue: true },
  id: { takesValue: true },
  date: { takesValue: true },
};

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export async function runPublishCommand(argv: readonly string[], io: CliIO, now: () => Date = () => new Date()): Promise<number> {
  const s = await setupFileCommand('publish', argv, PUBLISH_FLAGS);
  if (s === 'help') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const out = single(s.args, 'out');
  if (out === undefined || out.trim() === '') throw new UsageError('publish: --out <data folder> is required');
  const date = single(s.args, 'date') ?? now().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`publish: --date must be a date such as 2026-12-03 (got "${date}")`);
  if (s.registryProblems.length > 0) {
    io.stderr(registryProblemText(s.registryProblems));
    return EXIT_DATA_ERRORS;
  }

  // Validate everything first: an error anywhere publishes nothing.
  const tables: ObservationTable[] = [];
  let failed = false;
  for (const t of s.targets) {
    const p = await processFile(t, s.registry, s.options);
    if (p.result === undefined) {
      io.stderr(`${p.report.file}: ${p.report.issues[0]?.message ?? 'unreadable'}\n`);
      failed = true;
      continue;
    }
    if (hasErrors(p)) {
      failed = true;
      const errors = p.report.issues.filter((i) => i.severity === 'error');
      io.stderr(`${p.report.file}: ${plural(errors.length, 'error')}, for example: ${errors[0]?.message ?? ''}\n`);
    }
    tables.push(p.result.table);
  }
  const { csv, observations, merge } = normalizedCsv(tables);
  if (merge.conflicts.length > 0) {
    failed = true;
    io.stderr(`${plural(merge.conflicts.length, 'observation')} with different values in different files, for example ${merge.conflicts[0]?.city ?? ''} · ${merge.conflicts[0]?.indicator ?? ''} · ${merge.conflicts[0]?.year ?? ''}\n`);
  }
  if (failed) {
    io.stderr('publish: nothing was published. Fix the errors (npm run cli -- validate <files> lists them all) and publish again.\n');
    return EXIT_DATA_ERRORS;
  }

  const name = single(s.args, 'name')?.trim() || basename(s.targets[0]?.path ?? 'data').replace(/\.[^.]+$/, '');
  const id = publicationId(single(s.args, 'id') ?? name);
  const source = single(s.args, 'source')?.trim();
  const licence = single(s.args, 'licence')?.trim();
  const city = single(s.args, 'city')?.trim();
  try {
    await mkdir(out, { recursive: true });
    // The publication already there goes whole to archive/<its date>/ (a second one the same day gets -2, -3…).
    const manifestPath = join(out, 'manifest.json');
    let previous: Manifest | undefined;
    if (await exists(manifestPath)) {
      const parsed = ManifestSchema.safeParse(JSON.parse(await readFile(manifestPath, 'utf8')));
      if (!parsed.success) {
        io.stderr(`publish: ${manifestPath} is not a valid manifest (${parsed.error.issues[0]?.message ?? 'invalid'}); move it away first.\n`);
        return EXIT_DATA_ERRORS;
      }
      previous = parsed.data;
      const when = manifestDate(previous) ?? 'undated';
      let dir = join(out, 'archive', when);
      for (let n = 2; await exists(dir); n++) dir = join(out, 'archive', `${when}-${n}`);
      await mkdir(dir, { recursive: true });
      for (const d of previous.datasets) if (await exists(join(out, d.file))) await rename(join(out, d.file), join(dir, basename(d.file)));
      await writeFile(join(dir, 'manifest.json'), `${JSON.stringify({ ...previous, datasets: previous.datasets.map((d) => ({ ...d, file: basename(d.file) })) }, null, 2)}\n`, 'utf8');
      io.stderr(`publish: the earlier publication (${when}) is kept in ${dir}\n`);
    }
    const before = previous?.datasets.find((d) => d.id === id);
    const version = (before?.version ?? 0) + 1;
    // What the last publication of this dataset said, unless said again.
    const sourceText = source || before?.source;
    const licenceText = licence || before?.licence;
    const cityText = city || before?.city;
    const file = `${id}.csv`;
    await writeFile(join(out, file), csv, 'utf8');
    const archives = (await exists(join(out, 'archive'))) ? (await readdir(join(out, 'archive'))).sort() : [];
    const manifest: Manifest = {
      datasets: [
        {
          id,
          name,
          file,
          ...(sourceText ? { source: sourceText } : {}),
          ...(licenceText ? { licence: licenceText } : {}),
          ...(cityText ? { city: cityText } : {}),
          published: date,
          version,
        },
      ],
      ...(archives.length > 0 ? { archives: archives.map((a) => `archive/${a}/manifest.json`) } : {}),
    };
    const checked = ManifestSchema.parse(manifest);
    await writeFile(manifestPath, `${JSON.stringify(checked, null, 2)}\n`, 'utf8');
    await writeFile(join(out, 'README.md'), publicationReadme(checked, date), 'utf8');
    io.stdout(`${join(out, file)}\n${manifestPath}\n${join(out, 'README.md')}\n`);
    io.stderr(`published ${plural(observations, 'observation')} as "${name}" (version ${version}, ${date}) to ${out}\n`);
  } catch (e) {
    io.stderr(`publish: cannot write to ${out}: ${errorMessage(e)}\n`);
    return EXIT_DATA_ERRORS;
  }
  return EXIT_OK;
}
