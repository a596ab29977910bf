import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname } from 'node:path';
import { z } from 'zod';
import type { ObservationTable } from '@/domain/observation-table';
import { PROGRESS_METHODS, type ProgressMethod } from '@/domain/progress/types';
import { buildDashboard, type CityNames } from '@/features/dashboard/dashboard-model';
import { annexCsv, buildAnnex } from '@/features/export/annex';
import { annexXlsxNode } from '@/features/export/annex-xlsx-node';
import { cityArgProblem, resolveCityArg } from '@/features/export/find-city';
import { LANGS, type Lang } from '@/i18n/lang';
import { type LoadedDataset, toLoadedDataset } from '@/storage/dataset-record';
import { INDICATORS_DIR, loadRegistryFromDirs } from './load-registry';
import {
  type CliIO,
  COMMON_FLAGS,
  EXIT_DATA_ERRORS,
  EXIT_OK,
  EXIT_USAGE,
  expand,
  type FlagSpec,
  hasErrors,
  ingestOptionsFrom,
  parseArgs,
  processFile,
  registryProblemText,
  single,
  type Target,
  USAGE,
  UsageError,
} from './run-cli';

/**
 * `npm run cli -- annex <file|folder>… --city <name|code> [--lang en|ar|fr|es] [--out annex.csv|annex.xlsx]
 * [--method opensdg|unsd|sdsn] [--names cities.json] [ingest options]`: the statistical annex of one
 * city (src/features/export/annex.ts), as CSV on stdout, or written to --out as CSV (UTF-8 with BOM,
 * formula-safe) or an Excel workbook, by the extension. `--city` also names the city of files that
 * have no city column (as for the other commands). Exit codes: 0 ok · 1 data errors (unreadable file,
 * rows rejected, registry problem — the annex of what could be read is still written; unknown city:
 * nothing written) · 2 usage errors.
 */

/** Built when called, not at load time: run-cli.ts and this file import each other. */
function annexFlags(): Record<string, FlagSpec> {
  return {
    ...COMMON_FLAGS,
    lang: { takesValue: true },
    out: { takesValue: true },
    method: { takesValue: true },
    names: { takesValue: true },
  };
}

/** `--names cities.json`: display names by city code (`{ "XD-WNR": { "en": "Wadi Noor", "ar": "وادي النور" } }`). */
const CityNamesSchema = z.record(z.string(), z.object({ en: z.string(), ar: z.string() }));

async function readNames(file: string): Promise<CityNames> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`--names: cannot read ${file}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    throw new UsageError(`--names: ${file} is not JSON`);
  }
  const parsed = CityNamesSchema.safeParse(json);
  if (!parsed.success) throw new UsageError(`--names: ${file} must map city codes to { "en": …, "ar": … }`);
  return parsed.data;
}

function langOf(raw: string | undefined): Lang {
  if (raw === undefined) return 'en';
  const l = LANGS.find((x) => x === raw.toLowerCase());
  if (l === undefined) throw new UsageError(`--lang must be one of ${LANGS.join(', ')} (got "${raw}")`);
  return l;
}

function methodOf(raw: string | undefined): ProgressMethod {
  if (raw === undefined) return 'opensdg';
  const m = PROGRESS_METHODS.find((x) => x === raw.toLowerCase());
  if (m === undefined) throw new UsageError(`--method must be one of ${PROGRESS_METHODS.join(', ')} (got "${raw}")`);
  return m;
}

function formatOf(out: string | undefined): 'csv' | 'xlsx' | 'stdout' {
  if (out === undefined) return 'stdout';
  if (out.trim() === '') throw new UsageError('--out needs a file name ending in .csv or .xlsx');
  const ext = extname(out).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new UsageError(`annex: --out must end in .csv or .xlsx (got "${out}")`);
}

async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, annexFlags());
  if (args.flags.has('help')) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const cityArg = single(args, 'city')?.trim();
  if (cityArg === undefined || cityArg === '') throw new UsageError('annex: --city <name|code> is required');
  const lang = langOf(single(args, 'lang'));
  const method = methodOf(single(args, 'method'));
  const out = single(args, 'out');
  const format = formatOf(out);
  const namesFile = single(args, 'names');
  const names = namesFile === undefined ? {} : await readNames(namesFile);
  const options = ingestOptionsFrom(args);
  if (args.positional.length === 0) throw new UsageError('annex: no files given');
  const extraDirs = args.flags.get('indicators') ?? [];
  for (const d of extraDirs) {
    if (!existsSync(d) || !statSync(d).isDirectory()) throw new UsageError(`--indicators: ${d} is not a folder`);
  }
  const { registry, problems } = loadRegistryFromDirs([INDICATORS_DIR, ...extraDirs]);
  let failed = problems.length > 0;
  if (failed) io.stderr(registryProblemText(problems));
  const targets: Target[] = [];
  for (const a of args.positional) targets.push(...(await expand(a)));
  const tables: ObservationTable[] = [];
  const datasets: LoadedDataset[] = [];
  for (const t of targets) {
    const p = await processFile(t, registry, options);
    if (hasErrors(p)) {
      failed = true;
      const first = p.report.issues.find((i) => i.severity === 'error');
      io.stderr(
        p.result === undefined
          ? `${p.report.file}: ${first?.message ?? 'cannot be read'}\n`
          : `${p.report.file}: ${p.result.rowsRejected.toLocaleString('en-US')} rows rejected (run validate for the details); the annex uses the accepted rows\n`,
      );
    }
    if (p.result === undefined) continue;
    tables.push(p.result.table);
    datasets.push(toLoadedDataset({ id: t.path, name: basename(t.path), source: 'upload', createdAt: 0, table: p.result.table, files: [p.result.file] }));
  }
  const dashboard = buildDashboard(tables, registry, method);
  const city = resolveCityArg(dashboard, cityArg, names);
  if (city === undefined) {
    io.stderr(`annex: ${cityArgProblem(dashboard, cityArg, names)}\n`);
    return EXIT_DATA_ERRORS;
  }
  const rows = buildAnnex({ dashboard, registry, datasets, names, lang, digits: 'latn' }, city.key);
  if (format === 'stdout' || out === undefined) {
    io.stdout(annexCsv(rows, lang));
  } else {
    try {
      await mkdir(dirname(out), { recursive: true });
      await writeFile(out, format === 'csv' ? annexCsv(rows, lang) : await annexXlsxNode(rows, lang));
    } catch (e) {
      io.stderr(`annex: cannot write ${out}: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT_DATA_ERRORS;
    }
    const label = city.code !== '' && city.code !== city.name ? `${city.name} (${city.code})` : city.name;
    const indicators = new Set(rows.map((r) => r.indicator)).size;
    const counted = `${indicators.toLocaleString('en-US')} indicator${indicators === 1 ? '' : 's'}${rows.length === indicators ? '' : ` in ${rows.length.toLocaleString('en-US')} rows (one per series where no headline series is set)`}`;
    io.stderr(`wrote the annex of ${label}: ${counted}, method ${method}, language ${lang} → ${out}\n`);
  }
  return failed ? EXIT_DATA_ERRORS : EXIT_OK;
}

/** Runs `annex`; never throws (usage errors → 2 with the usage on stderr, internal failures → 1). */
export async function runAnnexCommand(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    io.stderr(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_DATA_ERRORS;
  }
}
