import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { type ObservationTable, parseDisaggregationKey } from '@/domain/observation-table';
import { computeProgress, type IndicatorConfig, type IndicatorProgress, type ProgressReport, type SeriesProgress } from '@/domain/progress/compute';
import { configOverride } from '@/domain/progress/opensdg-config-overrides';
import { parseOpenSdgIndicatorConfig } from '@/domain/progress/opensdg-repository';
import { normalizeIndicatorCode, type Registry } from '@/domain/registry';
import { PROGRESS_METHODS, PROGRESS_STATUSES, type ProgressMethod, type ProgressResult, type ProgressStatus } from '@/domain/progress/types';
import { toCsv, type CsvCell } from '@/ingest/write-csv';
import { mergeTables } from '@/storage/merge-tables';
import { INDICATORS_DIR, loadRegistryFromDirs } from './load-registry';
import { runOpenSdgProgressCommand } from './opensdg-progress';
import { type CliIO, COMMON_FLAGS, EXIT_DATA_ERRORS, EXIT_OK, EXIT_USAGE, type FlagSpec, ingestOptionsFrom, parseArgs, single, UsageError } from './cli-args';
import { errorsInBrief, expand, hasErrors, processFile, registryProblemText, type Target } from './cli-files';
import { USAGE } from './usage';
import { isWorkspacePath, workspaceTarget } from './workspace-input';

/**
 * `npm run cli -- progress <file|folder>… [--method opensdg|unsd|sdsn] [--json|--csv] [ingest options]`
 * and `progress --opensdg <repository> [--json]`.
 *
 * Files are read as `validate` reads them, merged into one table, and every city × indicator gets a
 * headline record (series null) followed by one record per other series (series/unit/disaggregation).
 * When an indicator has several series with undisaggregated rows (PM2.5 and PM10), the headline is
 * ambiguous (insufficient data, as in Open SDG) unless `--series` names the one to use.
 * Output: a readable table then counts by status (default), one JSON array (--json), or CSV (--csv).
 * Exit codes: 0 ok · 1 data errors (an unreadable file, rows rejected, a registry problem; the results
 * of what could be read are still printed) · 2 usage errors.
 */

/** One line of `progress` output. */
export type ProgressRecord = {
  /** The city: for a district's record, the city it belongs to. */
  city: string;
  /** The district (ward, neighbourhood…) the record is about; null at city level. */
  district: string | null;
  indicator: string;
  /** The unit of the data as the file states it, else the registry's; null when neither says. */
  unit: string | null;
  /** null for the city × indicator headline; else the series, unit (when it varies) and disaggregation. */
  series: string | null;
  method: ProgressMethod;
  status: ProgressStatus;
  score: number | null;
  base: { year: number; value: number } | null;
  latest: { year: number; value: number } | null;
  target: { year: number; value: number } | null;
  /** null when the indicator is not configured (not in the registry). */
  direction: 'increase' | 'decrease' | null;
  projected: { year: number; value: number } | null;
};

const PROGRESS_FLAGS: Record<string, FlagSpec> = {
  ...COMMON_FLAGS,
  method: { takesValue: true },
  json: { takesValue: false },
  csv: { takesValue: false },
  opensdg: { takesValue: true },
  series: { takesValue: true, repeatable: true },
  config: { takesValue: true, repeatable: true },
};

function finite(n: number | null | undefined): number | null {
  return n === null || n === undefined || !Number.isFinite(n) ? null : n;
}

function point(p: { year: number; value: number } | null): { year: number; value: number } | null {
  return p === null || !Number.isFinite(p.value) ? null : { year: p.year, value: p.value };
}

/** Where a record is: a district's record names its city and the district. */
export type RecordPlace = { city: string; district: string | null };

function record(place: RecordPlace, indicator: string, unit: string | null, series: string | null, method: ProgressMethod, r: ProgressResult): ProgressRecord {
  const ex = r.explanation;
  return {
    city: place.city,
    district: place.district,
    indicator,
    unit,
    series,
    method,
    status: r.status,
    score: finite(r.score),
    base: point(ex.base),
    latest: point(ex.latest),
    target: point(ex.target),
    direction: ex.insufficientReason === 'not_configured' ? null : ex.direction,
    projected: point(r.projected),
  };
}

/** A readable name for a series that is not the headline: "PM10 · Sex: Female". */
function seriesLabel(s: SeriesProgress, unitVaries: boolean): string {
  const parts: string[] = [];
  if (s.series !== null && s.series !== '') parts.push(s.series);
  if (unitVaries && s.unit !== '') parts.push(s.unit);
  const pairs = parseDisaggregationKey(s.disaggregation);
  if (pairs.length > 0) parts.push(pairs.map(([k, v]) => `${k}: ${v}`).join(', '));
  return parts.length > 0 ? parts.join(' · ') : '(no series name)';
}

/** The records of a report: per city × indicator, the headline then the other series. */
export function progressRecords(report: ProgressReport, table?: ObservationTable, registry?: Registry): ProgressRecord[] {
  const places = table === undefined ? undefined : recordPlaces(table);
  const placeOf = (p: { city: string; cityCode: string }): RecordPlace => places?.get(`${p.cityCode}\u0000${p.city}`) ?? { city: p.city, district: null };
  const registryUnit = (code: string) => registry?.byCode.get(code)?.unit.en ?? null;
  const out: ProgressRecord[] = [];
  for (const ind of report.indicators) {
    const series = report.series.slice(ind.first, ind.end);
    // The headline's unit; when several series with different units stand behind it, none is claimed.
    const units = new Set(series.map((s) => s.unit));
    const headlineUnit = ind.headlineSeries >= 0 ? report.series[ind.headlineSeries]?.unit : units.size === 1 ? series[0]?.unit : undefined;
    out.push(record(placeOf(ind), ind.indicator, headlineUnit === undefined ? null : headlineUnit || registryUnit(ind.indicator), null, report.method, ind.result));
    const unitVaries = units.size > 1;
    for (const s of series) if (s.series !== null) out.push(record(placeOf(s), s.indicator, s.unit || registryUnit(s.indicator), seriesLabel(s, unitVaries), report.method, s.result));
  }
  return out;
}

/** City and district of every (place, code) of a table: a district's city is its parent. One pass. */
function recordPlaces(t: ObservationTable): Map<string, RecordPlace> {
  const out = new Map<string, RecordPlace>();
  const d = t.dict;
  for (let i = 0; i < t.length; i++) {
    const name = d.city[t.city[i] ?? 0] ?? '';
    const key = `${d.cityCode[t.cityCode[i] ?? 0] ?? ''}\u0000${name}`;
    if (out.has(key)) continue;
    const district = d.placeKind[t.placeKind[i] ?? 0] === 'district';
    const parent = d.placeParent[t.placeParent[i] ?? 0] ?? '';
    out.set(key, district && parent !== '' ? { city: parent, district: name } : { city: name, district: null });
  }
  return out;
}

const CSV_HEADER = [
  'city',
  'district',
  'indicator',
  'unit',
  'series',
  'method',
  'status',
  'score',
  'base_year',
  'base_value',
  'latest_year',
  'latest_value',
  'target_year',
  'target_value',
  'direction',
  'projected_year',
  'projected_value',
];

/** Formula-safe CSV (toCsv neutralises text cells a spreadsheet would evaluate). */
export function progressCsv(records: readonly ProgressRecord[]): string {
  const rows: CsvCell[][] = records.map((r) => [
    r.city,
    r.district,
    r.indicator,
    r.unit,
    r.series,
    r.method,
    r.status,
    r.score,
    r.base?.year ?? null,
    r.base?.value ?? null,
    r.latest?.year ?? null,
    r.latest?.value ?? null,
    r.target?.year ?? null,
    r.target?.value ?? null,
    r.direction,
    r.projected?.year ?? null,
    r.projected?.value ?? null,
  ]);
  return toCsv(CSV_HEADER, rows);
}

function countByStatus(records: Iterable<{ status: ProgressStatus }>): Record<ProgressStatus, number> {
  const counts = Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, 0])) as Record<ProgressStatus, number>;
  for (const r of records) counts[r.status]++;
  return counts;
}

function countsLine(counts: Record<ProgressStatus, number>): string {
  return PROGRESS_STATUSES.map((s) => `${s} ${counts[s].toLocaleString('en-US')}`).join(' · ');
}

/** Six significant digits, no exponent for everyday magnitudes. */
function num(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  return String(Number(n.toPrecision(6)));
}

function at(p: { year: number; value: number } | null): string {
  return p === null ? '–' : `${num(p.value)} (${p.year})`;
}

/** The readable report: an aligned table, then counts by status. */
export function progressTable(records: readonly ProgressRecord[], report: ProgressReport): string {
  const head = ['City', 'Indicator', 'Series', 'Status', 'Score', 'Base', 'Latest', 'Target', 'Projected'];
  const rows = records.map((r) => [
    r.city,
    r.indicator,
    r.series ?? '(headline)',
    r.status.replace(/_/g, ' '),
    r.score === null ? '–' : r.score.toFixed(2),
    at(r.base),
    at(r.latest),
    at(r.target),
    at(r.projected),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  const cities = new Set(report.indicators.map((i) => i.city)).size;
  const indicators = new Set(report.indicators.map((i) => i.indicator)).size;
  out.push(
    '',
    `Method ${report.method}: ${cities.toLocaleString('en-US')} cities, ${indicators.toLocaleString('en-US')} indicators, ` +
      `${report.indicators.length.toLocaleString('en-US')} city × indicator headlines, ${report.series.length.toLocaleString('en-US')} series.`,
    `Headlines by status: ${countsLine(countByStatus(report.indicators.map((i: IndicatorProgress) => i.result)))}`,
    `All records by status: ${countsLine(countByStatus(records))}`,
  );
  return `${out.join('\n')}\n`;
}

/**
 * `--series PM2.5` (every indicator) or `--series 11.6.2=PM2.5` (one indicator): which Series the
 * headline uses when a file has several (Open SDG's `series` progress option). Indicators without a
 * Series column are not affected.
 */
export function headlineSeriesOverrides(specs: readonly string[], table: ObservationTable, registry: Registry): Record<string, IndicatorConfig> {
  const overrides: Record<string, IndicatorConfig> = {};
  const codes = new Set(table.dict.indicator.filter((c) => c !== '').map((c) => registry.byCode.get(c)?.code ?? c));
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    const code = eq === -1 ? undefined : normalizeIndicatorCode(spec.slice(0, eq));
    const series = (code === undefined ? spec : spec.slice(eq + 1)).trim();
    if (series === '') throw new UsageError('--series needs a series name (e.g. --series PM2.5 or --series 11.6.2=PM2.5)');
    const canonical = code === undefined ? undefined : (registry.byCode.get(code)?.code ?? code);
    for (const c of canonical === undefined ? codes : [canonical]) overrides[c] = { progressSeries: [{ series }] };
  }
  return overrides;
}

/**
 * `--config indicator-config/11-6-2.yml`: an Open SDG indicator configuration for the files' indicator
 * (the id comes from the file name), honoured as Open SDG honours it (see opensdg-config-overrides.ts).
 */
async function configOverrides(file: string, registry: Registry, io: CliIO): Promise<Record<string, IndicatorConfig>> {
  const id = basename(file).replace(/\.ya?ml$/i, '');
  const code = normalizeIndicatorCode(id);
  if (code === undefined) throw new UsageError(`--config: the file name must be an indicator id such as 11-6-2.yml (got "${basename(file)}")`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`--config: cannot read ${file}`);
  }
  const { config, issues } = parseOpenSdgIndicatorConfig(id, text, null);
  for (const i of issues) io.stderr(`${file}: ${i.code}${i.detail === undefined ? '' : ` (${i.detail})`}\n`);
  if (config === null) throw new UsageError(`--config: ${file} is not an Open SDG indicator configuration`);
  const o = configOverride(config);
  if (o.kind === 'manual') {
    io.stderr(`${file}: auto_progress_calculation is not true; Open SDG shows the manual status "${o.progressStatus}" and computes nothing — the registry's settings are used\n`);
    return {};
  }
  for (const w of o.warnings) io.stderr(`${file}: ${w}\n`);
  return { [registry.byCode.get(code)?.code ?? code]: o.config };
}

function methodOf(raw: string | undefined): ProgressMethod {
  if (raw === undefined) return 'opensdg';
  const m = PROGRESS_METHODS.find((x) => x === raw.toLowerCase());
  if (m === undefined) throw new UsageError(`--method must be one of ${PROGRESS_METHODS.join(', ')} (got "${raw}")`);
  return m;
}

async function runFiles(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, PROGRESS_FLAGS);
  if (args.flags.has('help')) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const json = args.flags.has('json');
  const csv = args.flags.has('csv');
  if (json && csv) throw new UsageError('progress: --json and --csv cannot be used together');
  const opensdg = single(args, 'opensdg');
  if (opensdg !== undefined) {
    if (args.positional.length > 0) throw new UsageError('progress: give either files or --opensdg <folder>, not both');
    if (csv) throw new UsageError('progress --opensdg: --csv is not available (use --json)');
    if (args.flags.has('series')) throw new UsageError('progress --opensdg: the series come from the repository\'s indicator configuration; --series is for files');
    const method = single(args, 'method');
    if (method !== undefined && methodOf(method) !== 'opensdg') throw new UsageError('progress --opensdg always uses the opensdg method');
    if (opensdg.trim() === '') throw new UsageError('--opensdg needs a folder');
    return runOpenSdgProgressCommand(opensdg, json, io);
  }
  const method = methodOf(single(args, 'method'));
  const options = ingestOptionsFrom(args);
  if (args.positional.length === 0) throw new UsageError('progress: no files given');
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
  const workspaceOverrides: Record<string, IndicatorConfig> = {};
  for (const t of targets) {
    if (t.error === undefined && isWorkspacePath(t.path)) {
      // A workspace backup: the datasets the app used, with its place merges and headline series.
      const w = await workspaceTarget(t.path, registry, io.stderr);
      if (w === undefined) {
        failed = true;
        continue;
      }
      tables.push(...w.datasets.map((d) => d.table));
      Object.assign(workspaceOverrides, w.overrides);
      continue;
    }
    const p = await processFile(t, registry, options);
    if (hasErrors(p)) {
      failed = true;
      const first = p.report.issues.find((i) => i.severity === 'error');
      io.stderr(
        p.result === undefined
          ? `${p.report.file}: ${first?.message ?? 'cannot be read'}\n`
          : `${p.report.file}: ${errorsInBrief(p)} (run validate for the details); progress uses the accepted rows\n`,
      );
    }
    if (p.result !== undefined) tables.push(p.result.table);
  }
  const table = mergeTables(tables);
  // The workspace's headline series, then --series (said on the command line, it wins), then --config.
  const overrides = { ...workspaceOverrides, ...headlineSeriesOverrides(args.flags.get('series') ?? [], table, registry) };
  for (const file of args.flags.get('config') ?? []) Object.assign(overrides, await configOverrides(file, registry, io));
  const report = computeProgress(table, registry, { method, overrides });
  if (report.duplicates.length > 0) {
    io.stderr(
      `${report.duplicates.length.toLocaleString('en-US')} years with several values in one series (months or quarters of a year, or the same year in two files): progress used one value per year, the last listed\n`,
    );
  }
  const records = progressRecords(report, table, registry);
  if (json) io.stdout(`${JSON.stringify(records, null, 2)}\n`);
  else if (csv) io.stdout(progressCsv(records));
  else io.stdout(progressTable(records, report));
  return failed ? EXIT_DATA_ERRORS : EXIT_OK;
}

/** Runs `progress`; never throws (usage errors → 2 with the usage on stderr, internal failures → 1). */
export async function runProgressCommand(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await runFiles(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    io.stderr(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_DATA_ERRORS;
  }
}
