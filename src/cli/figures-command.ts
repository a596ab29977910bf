import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { frameTextWidth, renderFigureSvg } from '@/charts/figure';
import { PROGRESS_METHODS, type ProgressMethod } from '@/domain/progress/types';
import type { DashboardCity } from '@/model/dashboard-model';
import { annexCsv, buildAnnex } from '@/model/annex';
import { cityFigures, figureDate } from '@/model/city-figures';
import { renderCoverSvg } from '@/model/cover-figure';
import { figureFileBase } from '@/model/figure-names';
import { cleanCover, logoType, MAX_LOGO_BYTES, type ReportCover, ReportCoverSchema } from '@/model/report-cover';
import { buildReport } from '@/model/report-model';
import { cityDisplayName } from '@/model/dashboard-model';
import { t as translate } from '@/i18n/translate';
import { boundaryProblemText, joinSummaryText } from '@/model/boundary-text';
import { cityMapFigures } from '@/model/map-figure';
import { cityGapFigures } from '@/model/gap-figure';
import { joinDistricts } from '@/model/map-model';
import { readBoundaries } from '@/ingest/boundaries';
import { MAX_BOUNDARY_BYTES } from '@/ingest/boundary-schema';
import { type BoundarySet, newBoundarySet } from '@/storage/boundary-record';
import { cityArgProblem, resolveCityArg } from '@/model/find-city';
import { LANGS, type Lang } from '@/i18n/lang';
import { choice, cityLabel, loadCityData, readNames, runGuarded } from './city-command';
import { installNodeTextMeasure, svgToPngNode } from './rasterize';
import { type CliIO, COMMON_FLAGS, EXIT_DATA_ERRORS, EXIT_OK, type FlagSpec, parseArgs, single, UsageError } from './cli-args';
import { USAGE } from './usage';

/**
 * `npm run cli -- figures <file|folder>… --city <name|code> --out <dir> [--lang en|ar|fr|es]
 * [--format svg|png] [--scale 2|3] [--partner <name|code>] [--method opensdg|unsd|sdsn]
 * [--names cities.json] [--date YYYY-MM-DD] [--boundaries <file.geojson>] [--report-config <cover.yml>] [ingest options]`: every figure of the city report
 * (src/features/export/city-figures.ts) as SVG (ECharts server-side rendering, text kept as text) or
 * PNG (resvg at 2× or 3×, white background), each with the CSV of the data it draws, plus `annex.csv`.
 * With `--boundaries` (GeoJSON or TopoJSON of the city's districts), also the map of every indicator
 * with district data (`<city>_<code>_map_<lang>.svg`), after saying on stderr how the shapes joined.
 * With `--report-config` (JSON or YAML: title, subtitle, organisation, logo file, foreword, date, period,
 * and `partner:` the same), also the report's cover page, `<city>_cover_<lang>.svg` (or .png).
 * `--city` also names the city of files without a city column, as for the other commands. The date in
 * the footers is today, or `--date` (or the MARSAD_NOW environment variable) for reproducible output.
 * Exit codes: 0 ok · 1 data errors (unreadable file, rows rejected, registry problem — figures of what
 * could be read are still written; unknown city: nothing written) · 2 usage errors.
 */

const FIGURES_FLAGS: Record<string, FlagSpec> = {
  ...COMMON_FLAGS,
  out: { takesValue: true },
  lang: { takesValue: true },
  format: { takesValue: true },
  scale: { takesValue: true },
  partner: { takesValue: true },
  method: { takesValue: true },
  names: { takesValue: true },
  date: { takesValue: true },
  boundaries: { takesValue: true },
  'report-config': { takesValue: true },
};

/** `--date 2026-03-12` (or MARSAD_NOW): noon UTC that day, so the footer's date is the same in every time zone. */
export function computedAtFrom(raw: string | undefined, now: () => Date = () => new Date()): Date {
  if (raw === undefined || raw.trim() === '') return now();
  const text = raw.trim();
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = day === null ? new Date(text) : new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 12));
  if (Number.isNaN(date.getTime()) || (day !== null && date.getUTCDate() !== Number(day[3]))) throw new UsageError(`--date must be a date such as 2026-03-12 (got "${raw}")`);
  return date;
}

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

async function run(argv: readonly string[], io: CliIO, env: Readonly<Record<string, string | undefined>>): Promise<number> {
  const args = parseArgs(argv, FIGURES_FLAGS);
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
  const given = namesFile === undefined ? undefined : await readNames(namesFile);
  const gazetteer = given?.gazetteer;
  const partnerArg = single(args, 'partner')?.trim();
  if (partnerArg === '') throw new UsageError('--partner needs a city name or code');
  const started = performance.now();
  // The files are read now: the footer says they were imported on the computation date.
  const { registry, datasets, dashboard, failed, gazetteer: fromWorkspace } = await loadCityData('figures', args, io, { method, importedAt: computedAt.getTime(), uses: 'the figures use', ...(gazetteer !== undefined ? { gazetteer } : {}) });
  // Names from --names, else from a workspace given as data.
  const names = given?.names ?? fromWorkspace?.names ?? {};
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
  const coverFile = single(args, 'report-config');
  let covers: { city?: ReportCover; partner?: ReportCover } | undefined;
  if (coverFile !== undefined) {
    const read = await readCoverConfig(coverFile);
    if (!read.ok) {
      io.stderr(`figures: --report-config: ${read.message}\n`);
      return EXIT_DATA_ERRORS;
    }
    covers = read.covers;
  }
  const boundariesFile = single(args, 'boundaries');
  let boundaries: BoundarySet | undefined;
  if (boundariesFile !== undefined) {
    const read = await readBoundaryFile(boundariesFile, lang);
    if (!read.ok) {
      io.stderr(`figures: --boundaries: ${read.message}\n`);
      return EXIT_DATA_ERRORS;
    }
    boundaries = newBoundarySet(read.shapes, basename(boundariesFile), city.key, computedAt.getTime(), 'cli');
    const join = joinDistricts(dashboard, city, boundaries, names);
    io.stderr(`boundaries ${basename(boundariesFile)}: ${read.shapes.features.length} shapes. ${joinSummaryText(join, cityLabel(city), 'en')}\n`);
    if (join.placesWithoutShape.length > 0) io.stderr(`  districts with data but no shape: ${join.placesWithoutShape.map((p) => p.name).slice(0, 20).join(', ')}${join.placesWithoutShape.length > 20 ? ', …' : ''}\n`);
    if (join.shapesWithoutData.length > 0) io.stderr(`  shapes without data: ${join.shapesWithoutData.map((s) => s.label).slice(0, 20).join(', ')}${join.shapesWithoutData.length > 20 ? ', …' : ''}\n`);
  }
  // Lay out text as Noto Sans draws it (the fonts the PNGs are drawn with), not ECharts' full-em guess.
  installNodeTextMeasure();
  const ctx = { dashboard, registry, datasets, names, lang, digits, computedAt, measureText: frameTextWidth } as const;
  // The report's figures: status, each indicator's trend, and the gaps between groups where there are breakdowns.
  const figures = [...cityFigures(ctx, city.key, partner?.key), ...cityGapFigures(ctx, city.key)];
  if (boundaries !== undefined) {
    const maps = cityMapFigures(ctx, [boundaries], city.key);
    if (maps.length === 0) io.stderr(`figures: --boundaries: no indicator of ${cityLabel(city)} has a district value on a shape of ${basename(boundariesFile ?? '')}: no map written\n`);
    figures.push(...maps);
  }
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
    if (covers !== undefined) {
      const model = buildReport(dashboard, registry, [city.key, ...(partner === undefined ? [] : [partner.key])]);
      const tr = (key: Parameters<typeof translate>[1], params: Parameters<typeof translate>[2] = {}) => translate(lang, key, params, { digits });
      const period = model.period === null ? tr('cityReport.noPeriod') : model.period.from === model.period.to ? String(model.period.from) : tr('cityReport.period', { from: String(model.period.from), to: String(model.period.to) });
      const page = renderCoverSvg({
        lang,
        digits,
        cities: [city, ...(partner === undefined ? [] : [partner])].map((c) => cityDisplayName(c, names, lang)),
        covers: [covers.city, ...(partner === undefined ? [] : [covers.partner])],
        period,
        date: figureDate(computedAt, lang, digits),
        method,
        indicators: model.sections.reduce((n, s) => n + s.indicators.length, 0),
      });
      const base = figureFileBase({ city: cityDisplayName(city, names, 'en'), cityCode: city.code, partner: partner === undefined ? undefined : { city: cityDisplayName(partner, names, 'en'), cityCode: partner.code }, indicator: null, kind: 'cover', lang });
      if (format === 'svg') {
        await writeFile(join(out, `${base}.svg`), page.svg, 'utf8');
        io.stdout(`${join(out, `${base}.svg`)}  ${page.width} × ${page.height} px  ${size(Buffer.byteLength(page.svg))}\n`);
      } else {
        const png = svgToPngNode(page.svg, scale);
        await writeFile(join(out, `${base}.png`), png.png);
        io.stdout(`${join(out, `${base}.png`)}  ${png.width} × ${png.height} px  ${size(png.png.length)}\n`);
      }
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
    `wrote ${figures.length.toLocaleString('en-US')} figure${figures.length === 1 ? '' : 's'} of ${cityLabel(city)}${partner === undefined ? '' : ` with ${cityLabel(partner)}`} ` +
      `(${format}${format === 'png' ? ` ${scale}×` : ''}, language ${lang}, method ${method}) and annex.csv to ${out} in ${seconds} s\n`,
  );
  return failed ? EXIT_DATA_ERRORS : EXIT_OK;
}

/** `--report-config` (JSON or YAML): the cover's fields for the city, and `partner:` with the same fields; `logo` is an image file's path. */
const CoverConfigSchema = z.strictObject({ ...ReportCoverSchema.shape, logo: z.string().max(1000).optional() });
const CoversConfigSchema = z.strictObject({ ...CoverConfigSchema.shape, partner: CoverConfigSchema.optional() });

async function readCoverConfig(path: string): Promise<{ ok: true; covers: { city?: ReportCover; partner?: ReportCover } } | { ok: false; message: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return { ok: false, message: `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}` };
  }
  let json: unknown;
  try {
    json = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `${basename(path)} is not valid ${/\.ya?ml$/i.test(path) ? 'YAML' : 'JSON'}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
  }
  const parsed = CoversConfigSchema.safeParse(json ?? {});
  if (!parsed.success) return { ok: false, message: `${basename(path)}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')} (fields: title, subtitle, organisation, logo, foreword, date, period, partner)` };
  const { partner, ...own } = parsed.data;
  const resolve = async (c: z.infer<typeof CoverConfigSchema> | undefined): Promise<ReportCover | string | undefined> => {
    if (c === undefined) return undefined;
    const { logo, ...rest } = c;
    if (logo === undefined) return cleanCover(rest);
    const file = resolvePath(dirname(path), logo);
    let bytes: Uint8Array;
    try {
      const info = await stat(file);
      if (info.size > MAX_LOGO_BYTES) return `logo ${logo} is larger than ${Math.round(MAX_LOGO_BYTES / 1024)} KB`;
      bytes = new Uint8Array(await readFile(file));
    } catch (e) {
      return `cannot read the logo ${logo}: ${e instanceof Error ? e.message : String(e)}`;
    }
    const type = logoType(bytes);
    if (type === undefined) return `the logo ${logo} is not a PNG, JPEG or WebP image`;
    return cleanCover({ ...rest, logo: `data:image/${type};base64,${Buffer.from(bytes).toString('base64')}` });
  };
  const city = await resolve(own);
  const second = await resolve(partner);
  for (const r of [city, second]) if (typeof r === 'string') return { ok: false, message: `${basename(path)}: ${r}` };
  return { ok: true, covers: { ...(typeof city === 'object' ? { city } : {}), ...(typeof second === 'object' ? { partner: second } : {}) } };
}

/** Reads a boundary file for `--boundaries`, its size checked before it is read. */
async function readBoundaryFile(path: string, lang: Lang): Promise<{ ok: true; shapes: Extract<ReturnType<typeof readBoundaries>, { ok: true }>['shapes'] } | { ok: false; message: string }> {
  const name = basename(path);
  try {
    const info = await stat(path);
    if (info.size > MAX_BOUNDARY_BYTES) return { ok: false, message: boundaryProblemText({ code: 'boundary_too_large', bytes: info.size, limit: MAX_BOUNDARY_BYTES }, name, lang) };
    const read = readBoundaries(name, new Uint8Array(await readFile(path)));
    return read.ok ? read : { ok: false, message: boundaryProblemText(read.problem, name, lang) };
  } catch (e) {
    return { ok: false, message: `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Runs `figures`; never throws (usage errors → 2 with the usage on stderr, internal failures → 1). */
export async function runFiguresCommand(argv: readonly string[], io: CliIO, env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  return runGuarded(io, () => run(argv, io, env));
}
