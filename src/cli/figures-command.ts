import { existsSync, statSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { frameTextWidth, renderFigureSvg } from '@/charts/figure';
import type { ObservationTable } from '@/domain/observation-table';
import { PROGRESS_METHODS, type ProgressMethod } from '@/domain/progress/types';
import { buildDashboard, type CityNames, type DashboardCity } from '@/features/dashboard/dashboard-model';
import { annexCsv, buildAnnex } from '@/features/export/annex';
import { cityFigures } from '@/features/export/city-figures';
import { cityArgProblem, resolveCityArg } from '@/features/export/find-city';
import { LANGS, type Lang } from '@/i18n/lang';
import { type LoadedDataset, toLoadedDataset } from '@/storage/dataset-record';
import { INDICATORS_DIR, loadRegistryFromDirs } from './load-registry';
import { installNodeTextMeasure, svgToPngNode } from './rasterize';
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
 * `npm run cli -- figures <file|folder>… --city <name|code> --out <dir> [--lang en|ar|fr|es]
 * [--format svg|png] [--scale 2|3] [--partner <name|code>] [--method opensdg|unsd|sdsn]
 * [--names cities.json] [--date YYYY-MM-DD] [ingest options]`: every figure of the city report
 * (src/features/export/city-figures.ts) as SVG (ECharts server-side rendering, text kept as text) or
 * PNG (resvg at 2× or 3×, white background), each with the CSV of the data it draws, plus `annex.csv`.
 * `--city` also names the city of files without a city column, as for the other commands. The date in
 * the footers is today, or `--date` (or the MARSAD_NOW environment variable) for reproducible output.
 * Exit codes: 0 ok · 1 data errors (unreadable file, rows rejected, registry problem — figures of what
 * could be read are still written; unknown city: nothing written) · 2 usage errors.
 */

/** Built when called, not at load time: run-cli.ts and this file import each other. */
function figuresFlags(): Record<string, FlagSpec> {
  return {
    ...COMMON_FLAGS,
    out: { takesValue: true },
    lang: { takesValue: true },
    format: { takesValue: true },
    scale: { takesValue: true },
    partner: { takesValue: true },
    method: { takesValue: true },
    names: { takesValue: true },
    date: { takesValue: true },
  };
}

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

function choice<T extends string>(flag: string, raw: string | undefined, allowed: readonly T[], fallback: T): T {
  if (raw === undefined) return fallback;
  const v = allowed.find((x) => x === raw.trim().toLowerCase());
  if (v === undefined) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got "${raw}")`);
  return v;
}

/** `--date 2026-03-12` (or MARSAD_NOW): noon UTC that day, so the footer's date is the same in every time zone. */
export function computedAtFrom(raw: string | undefined, now: () => Date = () => new Date()): Date {
  if (raw === undefined || raw.trim() === '') return now();
  const text = raw.trim();
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = day === null ? new Date(text) : new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 12));
  if (Number.isNaN(date.getTime()) || (day !== null && date.getUTCDate() !== Number(day[3]))) throw new UsageError(`--date must be a date such as 2026-03-12 (got "${raw}")`);
  return date;
}

function label(c: DashboardCity): string {
  return c.code !== '' && c.code !== c.name ? `${c.name} (${c.code})` : c.name;
}

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

async function run(argv: readonly string[], io: CliIO, env: Readonly<Record<string, string | undefined>>): Promise<number> {
  const args = parseArgs(argv, figuresFlags());
  if (args.flags.has('help')) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const cityArg = single(args, 'city')?.trim();
  if (cityArg === undefined || cityArg === '') throw new UsageError('figures: --city <name|code> is required');
  const out = single(args, 'out');
  if (out === undefined || out.trim() === '') throw new UsageError('figures: --out <folder> is required');
  const lang: Lang = choice('lang', single(args, 'lang'), LANGS, 'en');
  const format = choice('format', single(args, 'format'), ['svg', 'png'] as const, 'svg');
  const scaleRaw = choice('scale', single(args, 'scale'), ['2', '3'] as const, '2');
  const scale: 2 | 3 = scaleRaw === '3' ? 3 : 2;
  if (format === 'svg' && single(args, 'scale') !== undefined) throw new UsageError('figures: --scale is for --format png');
  const method: ProgressMethod = choice('method', single(args, 'method'), PROGRESS_METHODS, 'opensdg');
  const computedAt = computedAtFrom(single(args, 'date') ?? env.MARSAD_NOW);
  const namesFile = single(args, 'names');
  const names = namesFile === undefined ? {} : await readNames(namesFile);
  const partnerArg = single(args, 'partner')?.trim();
  if (partnerArg === '') throw new UsageError('--partner needs a city name or code');
  const options = ingestOptionsFrom(args);
  if (args.positional.length === 0) throw new UsageError('figures: no files given');
  const extraDirs = args.flags.get('indicators') ?? [];
  for (const d of extraDirs) {
    if (!existsSync(d) || !statSync(d).isDirectory()) throw new UsageError(`--indicators: ${d} is not a folder`);
  }

  const started = performance.now();
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
          : `${p.report.file}: ${p.result.rowsRejected.toLocaleString('en-US')} rows rejected (run validate for the details); the figures use the accepted rows\n`,
      );
    }
    if (p.result === undefined) continue;
    tables.push(p.result.table);
    // Read now: the footer says the file was imported today (the computation date).
    datasets.push(toLoadedDataset({ id: t.path, name: basename(t.path), source: 'upload', createdAt: computedAt.getTime(), table: p.result.table, files: [p.result.file] }));
  }
  const dashboard = buildDashboard(tables, registry, method);
  const city = resolveCityArg(dashboard, cityArg, names);
  if (city === undefined) {
    io.stderr(`figures: ${cityArgProblem(dashboard, cityArg, names)}\n`);
    return EXIT_DATA_ERRORS;
  }
  let partner: DashboardCity | undefined;
  if (partnerArg !== undefined) {
    partner = resolveCityArg(dashboard, partnerArg, names);
    if (partner === undefined) {
      io.stderr(`figures: --partner: ${cityArgProblem(dashboard, partnerArg, names)}\n`);
      return EXIT_DATA_ERRORS;
    }
    if (partner.key === city.key) throw new UsageError('figures: --partner names the same city as --city');
  }

  const digits = 'latn';
  // Lay out text as Noto Sans draws it (the fonts the PNGs are drawn with), not ECharts' full-em guess.
  installNodeTextMeasure();
  const figures = cityFigures({ dashboard, registry, datasets, names, lang, digits, computedAt, measureText: frameTextWidth }, city.key, partner?.key);
  try {
    await mkdir(out, { recursive: true });
    for (const figure of figures) {
      const rendered = renderFigureSvg(figure.input);
      if (format === 'svg') {
        const file = join(out, `${figure.fileBase}.svg`);
        await writeFile(file, rendered.svg, 'utf8');
        io.stdout(`${file}  ${rendered.width} × ${rendered.height} px  ${size(Buffer.byteLength(rendered.svg))}\n`);
      } else {
        const png = svgToPngNode(rendered.svg, scale);
        const file = join(out, `${figure.fileBase}.png`);
        await writeFile(file, png.png);
        io.stdout(`${file}  ${png.width} × ${png.height} px (${rendered.width} × ${rendered.height} at ${scale}×)  ${size(png.png.length)}\n`);
      }
      const csv = figure.csv();
      const csvFile = join(out, `${figure.fileBase}.csv`);
      await writeFile(csvFile, csv, 'utf8');
      io.stdout(`${csvFile}  ${size(Buffer.byteLength(csv))}\n`);
    }
    const annexCtx = { dashboard, registry, datasets, names, lang, digits } as const;
    const annex = annexCsv([city, ...(partner === undefined ? [] : [partner])].flatMap((c) => buildAnnex(annexCtx, c.key)), lang);
    const annexFile = join(out, 'annex.csv');
    await writeFile(annexFile, annex, 'utf8');
    io.stdout(`${annexFile}  ${size(Buffer.byteLength(annex))}\n`);
  } catch (e) {
    io.stderr(`figures: cannot write to ${out}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_DATA_ERRORS;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  io.stderr(
    `wrote ${figures.length.toLocaleString('en-US')} figure${figures.length === 1 ? '' : 's'} of ${label(city)}${partner === undefined ? '' : ` with ${label(partner)}`} ` +
      `(${format}${format === 'png' ? ` ${scale}×` : ''}, language ${lang}, method ${method}) and annex.csv to ${out} in ${seconds} s\n`,
  );
  return failed ? EXIT_DATA_ERRORS : EXIT_OK;
}

/** Runs `figures`; never throws (usage errors → 2 with the usage on stderr, internal failures → 1). */
export async function runFiguresCommand(argv: readonly string[], io: CliIO, env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  try {
    return await run(argv, io, env);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    io.stderr(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_DATA_ERRORS;
  }
}
