import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { PROGRESS_METHODS, type ProgressMethod } from '@/domain/progress/types';
import { annexCsv, annexSheet, buildAnnex, EXCEL_CELL_CHARS } from '@/model/annex';
import { annexXlsxNode } from '@/model/annex-xlsx-node';
import { cityArgProblem, resolveCityArg } from '@/model/find-city';
import { LANGS, type Lang } from '@/i18n/lang';
import { choice, cityLabel, loadCityData, readNames, runGuarded } from './city-command';
import { type CliIO, COMMON_FLAGS, EXIT_DATA_ERRORS, EXIT_OK, type FlagSpec, parseArgs, single, UsageError } from './cli-args';
import { USAGE } from './usage';

/**
 * `npm run cli -- annex <file|folder>… --city <name|code> [--lang en|ar|fr|es] [--out annex.csv|annex.xlsx]
 * [--method opensdg|unsd|sdsn] [--names cities.json] [ingest options]`: the statistical annex of one
 * city (src/features/export/annex.ts), as CSV on stdout, or written to --out as CSV (UTF-8 with BOM,
 * formula-safe) or an Excel workbook, by the extension. `--city` also names the city of files that
 * have no city column (as for the other commands). Exit codes: 0 ok · 1 data errors (unreadable file,
 * rows rejected, registry problem — the annex of what could be read is still written; unknown city:
 * nothing written) · 2 usage errors.
 */

const ANNEX_FLAGS: Record<string, FlagSpec> = {
  ...COMMON_FLAGS,
  lang: { takesValue: true },
  out: { takesValue: true },
  method: { takesValue: true },
  names: { takesValue: true },
};

function formatOf(out: string | undefined): 'csv' | 'xlsx' | 'stdout' {
  if (out === undefined) return 'stdout';
  if (out.trim() === '') throw new UsageError('--out needs a file name ending in .csv or .xlsx');
  const ext = extname(out).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new UsageError(`annex: --out must end in .csv or .xlsx (got "${out}")`);
}

async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, ANNEX_FLAGS);
  if (args.flags.has('help')) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const cityArg = single(args, 'city')?.trim();
  if (cityArg === undefined || cityArg === '') throw new UsageError('annex: --city <name|code> is required');
  const lang: Lang = choice('lang', single(args, 'lang'), LANGS, 'en');
  const method: ProgressMethod = choice('method', single(args, 'method'), PROGRESS_METHODS, 'opensdg');
  const out = single(args, 'out');
  const format = formatOf(out);
  const namesFile = single(args, 'names');
  const given = namesFile === undefined ? undefined : await readNames(namesFile);
  const gazetteer = given?.gazetteer;
  const { registry, datasets, dashboard, failed, gazetteer: fromWorkspace } = await loadCityData('annex', args, io, { method, importedAt: 0, uses: 'the annex uses', ...(gazetteer !== undefined ? { gazetteer } : {}) });
  // Names from --names, else from a workspace given as data.
  const names = given?.names ?? fromWorkspace?.names ?? {};
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
    const indicators = new Set(rows.map((r) => r.indicator)).size;
    const counted = `${indicators.toLocaleString('en-US')} indicator${indicators === 1 ? '' : 's'}${rows.length === indicators ? '' : ` in ${rows.length.toLocaleString('en-US')} rows (one per series where no headline series is set)`}`;
    io.stderr(`wrote the annex of ${cityLabel(city)}: ${counted}, method ${method}, language ${lang} → ${out}\n`);
    const cut = format === 'csv' ? 0 : annexSheet(rows, lang).truncatedCells;
    if (cut > 0)
      io.stderr(
        `note: ${cut.toLocaleString('en-US')} text ${cut === 1 ? 'cell was' : 'cells were'} longer than Excel's limit of ${EXCEL_CELL_CHARS.toLocaleString('en-US')} characters and ${cut === 1 ? 'was' : 'were'} cut, ending in "…" (the workbook says so below the table; --out annex.csv keeps the full text)\n`,
      );
  }
  return failed ? EXIT_DATA_ERRORS : EXIT_OK;
}

/** Runs `annex`; never throws (usage errors → 2 with the usage on stderr, internal failures → 1). */
export async function runAnnexCommand(argv: readonly string[], io: CliIO): Promise<number> {
  return runGuarded(io, () => run(argv, io));
}
