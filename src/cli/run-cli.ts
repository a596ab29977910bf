import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Issue, Severity } from '@/domain/issue';
import type { ObservationTable } from '@/domain/observation-table';
import type { Registry, RegistryProblem } from '@/domain/registry';
import { issueText } from '@/i18n/issue-text';
import { ingestFile } from '@/ingest/ingest-file';
import type { ColumnMapping, Delimiter, Encoding, IngestOptions, IngestResult, Layout } from '@/ingest/types';
import { INDICATORS_DIR, loadRegistryFromDirs } from './load-registry';
import { runProgressCommand } from './progress-command';
import { runAnnexCommand } from './annex-command';
import { runFiguresCommand } from './figures-command';

/**
 * The command line (`npm run cli -- <command>`), as a function so tests run it in-process.
 * Exit codes: 0 no errors, 1 data errors (error-severity issues, unreadable files, registry problems),
 * 2 usage errors (unknown command or flag, bad flag value, no files) with the usage on stderr.
 */

export type CliIO = { stdout: (s: string) => void; stderr: (s: string) => void };

export const EXIT_OK = 0;
export const EXIT_DATA_ERRORS = 1;
export const EXIT_USAGE = 2;

export const USAGE = `Marsad (مرصد) — SDG 11 / New Urban Agenda indicator data tools

Usage:
  npm run cli -- validate <file|folder>… [--json] [options]
  npm run cli -- normalize <file|folder>… --out <file.csv> [options]
  npm run cli -- progress <file|folder>… [--method opensdg|unsd|sdsn] [--json|--csv] [options]
  npm run cli -- progress --opensdg <repository folder> [--json]
  npm run cli -- annex <file|folder>… --city <name|code> [--lang en|ar|fr|es] [--out annex.csv|annex.xlsx] [options]
  npm run cli -- figures <file|folder>… --city <name|code> --out <folder> [--lang en|ar|fr|es] [--format svg|png] [options]
  npm run cli -- help

Commands:
  validate    Read each file as the app does and report every problem (row, column, value, why, how to fix).
  normalize   Write the accepted observations of all files as one canonical long CSV (UTF-8 with BOM).
  progress    Progress status and score of every city × indicator (and series): opensdg (default, as
              Open SDG computes it), unsd (UN progress chart) or sdsn (SDSN dashboards). --opensdg reads
              an Open SDG data repository and gives exactly Open SDG's results.
  annex       The statistical annex of one city: per indicator baseline, latest value, target, status,
              trend, score and source, in the chosen language; CSV on stdout, or --out as CSV or .xlsx.
  figures     Every figure of a city's report (status by NUA priority, one trend chart per indicator) as
              SVG (text kept as text) or PNG (white background), each with the CSV of the data it draws
              (UTF-8 with BOM; re-imports into Marsad), plus annex.csv, written to --out.

Folders are searched recursively for *.csv, *.tsv and *.txt files.

Options:
  --json                    validate: print one JSON document on stdout instead of the report;
                            progress: print one JSON array of records
  --out <file.csv>          normalize: where to write (required)
  --encoding <e>            auto (default) | utf-8 | utf-16le | utf-16be | windows-1256 | windows-1252
  --decimal <d>             auto (default) | . | ,
  --delimiter <d>           auto (default) | , | ; | tab | pipe
  --layout <l>              auto (default) | long | wide | opensdg | unsd | unhabitat
  --map <role=Header,…>     set column roles; roles: city, city_code, indicator, year, value, unit,
                            series, source, note, disaggregation (repeatable), ignore (repeatable)
  --city <name>             city of files that have no city column; annex: the city (name or code) to report
  --indicator <code>        indicator of files that have neither an indicator column nor a code in the name
  --indicators <folder>     add local indicator definitions (*.json) to the registry (repeatable)
  --limit <n>               validate: problems listed per severity and file in the report (default 20)
  --method <m>              progress, annex: opensdg (default) | unsd | sdsn
  --csv                     progress: print CSV on stdout instead of the table (--json: one JSON array)
  --opensdg <folder>        progress: an Open SDG data repository (data/, indicator-config/)
  --series <[code=]name>    progress: the Series of the headline when there are several (PM2.5, or
                            11.6.2=PM2.5 for one indicator; repeatable)
  --lang <l>                annex: language of headings, titles and statuses: en (default) | ar | fr | es
  --out <annex.csv|.xlsx>   annex: write CSV (UTF-8 with BOM) or an Excel workbook (by the extension)
                            instead of CSV on stdout
  --names <cities.json>     annex: display names of cities by code ({"CODE": {"en": …, "ar": …}})
  --out <folder>            figures: the folder to write to (created; required)
  --format <f>              figures: svg (default) | png
  --scale <n>               figures --format png: 2 (default) | 3 — pixels per figure pixel (800 px → 1600 px)
  --partner <name|code>     figures: partner edition, the partner city drawn beside the city in every figure
  --date <YYYY-MM-DD>       figures: the date in the footers (default today; also MARSAD_NOW), for reproducible output
                            (--lang, --method and --names work for figures as for annex)

Exit codes: 0 no errors · 1 errors in the data (or an unreadable file, or a registry problem) · 2 usage error

Examples:
  npm run cli -- validate data/amman.csv
  npm run -s cli -- validate ../shared/corpus/canada/data --json > report.json   (-s: no npm banner)
  npm run cli -- validate survey.csv --decimal , --map "city=Municipality,value=Rate (%)"
  npm run cli -- normalize indicator_11-6-2.csv --city Amman --out amman-11-6-2.csv
  npm run -s cli -- progress public/demo/marsad-demo.csv --method unsd --json > progress.json
  npm run cli -- annex public/demo/marsad-demo.csv --city XD-WNR --lang ar --names public/demo/cities.json --out annex.xlsx
  npm run cli -- figures public/demo/marsad-demo.csv --city XD-WNR --lang ar --names public/demo/cities.json --format png --out figures/
`;

export class UsageError extends Error {}

const ENCODINGS = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1256', 'windows-1252'] as const;
const LAYOUTS = ['auto', 'long', 'wide', 'opensdg', 'unsd', 'unhabitat'] as const;
const DELIMITERS: Record<string, Delimiter | 'auto'> = {
  auto: 'auto',
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  tab: '\t',
  '\t': '\t',
  '\\t': '\t',
  pipe: '|',
  '|': '|',
};
const DECIMALS: Record<string, '.' | ',' | 'auto'> = { auto: 'auto', '.': '.', point: '.', dot: '.', ',': ',', comma: ',' };
const SCALAR_ROLES: Record<string, Exclude<keyof ColumnMapping, 'disaggregations' | 'ignore'>> = {
  city: 'city',
  citycode: 'cityCode',
  city_code: 'cityCode',
  indicator: 'indicator',
  year: 'year',
  value: 'value',
  unit: 'unit',
  series: 'series',
  source: 'source',
  note: 'note',
};
const LIST_ROLES: Record<string, 'disaggregations' | 'ignore'> = {
  disaggregation: 'disaggregations',
  disaggregations: 'disaggregations',
  ignore: 'ignore',
};

export type FlagSpec = { takesValue: boolean; repeatable?: boolean };
export const COMMON_FLAGS: Record<string, FlagSpec> = {
  encoding: { takesValue: true },
  decimal: { takesValue: true },
  delimiter: { takesValue: true },
  layout: { takesValue: true },
  map: { takesValue: true, repeatable: true },
  city: { takesValue: true },
  indicator: { takesValue: true },
  indicators: { takesValue: true, repeatable: true },
  help: { takesValue: false },
};
const COMMAND_FLAGS: Record<'validate' | 'normalize', Record<string, FlagSpec>> = {
  validate: { ...COMMON_FLAGS, json: { takesValue: false }, limit: { takesValue: true } },
  normalize: { ...COMMON_FLAGS, out: { takesValue: true } },
};

export type Args = { positional: string[]; flags: Map<string, string[]> };

/** `--flag value`, `--flag=value`, `-h`; `--` ends the flags. Unknown flags are usage errors. */
export function parseArgs(argv: readonly string[], specs: Record<string, FlagSpec>): Args {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      flags.set('help', ['']);
      continue;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const spec = specs[name];
    if (spec === undefined) throw new UsageError(`unknown option --${name}`);
    let value = '';
    if (spec.takesValue) {
      if (eq !== -1) value = arg.slice(eq + 1);
      else {
        const next = argv[i + 1];
        if (next === undefined) throw new UsageError(`--${name} needs a value`);
        value = next;
        i++;
      }
    } else if (eq !== -1) throw new UsageError(`--${name} takes no value`);
    const prev = flags.get(name);
    if (prev !== undefined && !spec.repeatable) throw new UsageError(`--${name} given twice`);
    flags.set(name, [...(prev ?? []), value]);
  }
  return { positional, flags };
}

/**
 * `city=Municipality,value=Rate (%),disaggregation=Sex,Age`: a part without `=` continues the previous
 * role — another column for the list roles (disaggregation, ignore), or a comma inside the header name
 * for the others.
 */
export function parseMapping(specs: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const spec of specs) {
    let last: { kind: 'scalar'; key: Exclude<keyof ColumnMapping, 'disaggregations' | 'ignore'> } | { kind: 'list'; key: 'disaggregations' | 'ignore' } | undefined;
    for (const part of spec.split(',')) {
      const eq = part.indexOf('=');
      const role = eq === -1 ? undefined : part.slice(0, eq).trim().toLowerCase().replace(/[\s-]/g, '_');
      const scalar = role === undefined ? undefined : SCALAR_ROLES[role];
      const list = role === undefined ? undefined : LIST_ROLES[role];
      if (role !== undefined && (scalar !== undefined || list !== undefined)) {
        const header = part.slice(eq + 1).trim();
        if (header === '') throw new UsageError(`--map: no column given for ${role}`);
        if (scalar !== undefined) {
          mapping[scalar] = header;
          last = { kind: 'scalar', key: scalar };
        } else if (list !== undefined) {
          mapping[list] = [...(mapping[list] ?? []), header];
          last = { kind: 'list', key: list };
        }
        continue;
      }
      if (last === undefined) {
        throw new UsageError(
          role === undefined
            ? `--map: expected role=Column, got "${part}"`
            : `--map: unknown role "${role}" (roles: city, city_code, indicator, year, value, unit, series, source, note, disaggregation, ignore)`,
        );
      }
      if (last.kind === 'list') mapping[last.key] = [...(mapping[last.key] ?? []), part.trim()];
      else mapping[last.key] = `${mapping[last.key] ?? ''},${part}`;
    }
  }
  return mapping;
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase() as T;
  if (!allowed.includes(v)) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  return v;
}

export function single(args: Args, name: string): string | undefined {
  return args.flags.get(name)?.[0];
}

/** Ingest options from the flags shared by validate and normalize. */
export function ingestOptionsFrom(args: Args): IngestOptions {
  const options: IngestOptions = {};
  const encoding = oneOf('encoding', single(args, 'encoding'), ENCODINGS);
  if (encoding !== undefined) options.encoding = encoding as Encoding | 'auto';
  const layout = oneOf('layout', single(args, 'layout'), LAYOUTS);
  if (layout !== undefined) options.layout = layout as Layout | 'auto';
  const delimiter = single(args, 'delimiter');
  if (delimiter !== undefined) {
    const d = DELIMITERS[delimiter.toLowerCase()];
    if (d === undefined) throw new UsageError(`--delimiter must be one of auto, ",", ";", tab, pipe (got "${delimiter}")`);
    options.delimiter = d;
  }
  const decimal = single(args, 'decimal');
  if (decimal !== undefined) {
    const d = DECIMALS[decimal.toLowerCase()];
    if (d === undefined) throw new UsageError(`--decimal must be one of auto, ".", "," (got "${decimal}")`);
    options.decimal = d;
  }
  const map = args.flags.get('map');
  if (map !== undefined) options.mapping = parseMapping(map);
  const city = single(args, 'city');
  if (city !== undefined) {
    if (city.trim() === '') throw new UsageError('--city needs a name');
    options.defaultCity = city.trim();
  }
  const indicator = single(args, 'indicator');
  if (indicator !== undefined) {
    if (indicator.trim() === '') throw new UsageError('--indicator needs a code');
    options.defaultIndicator = indicator.trim();
  }
  return options;
}

const DATA_FILE = /\.(csv|tsv|txt)$/i;

/** A path argument: a file as given, or a folder's *.csv/*.tsv/*.txt files (recursively, sorted). */
export type Target = { path: string; error?: string };

export async function expand(arg: string): Promise<Target[]> {
  let isDir: boolean;
  try {
    isDir = statSync(arg).isDirectory();
  } catch (e) {
    return [{ path: arg, error: errorMessage(e) }];
  }
  if (!isDir) return [{ path: arg }];
  const found: Target[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      found.push({ path: dir, error: errorMessage(e) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (DATA_FILE.test(e.name)) found.push({ path: p });
    }
  };
  await walk(arg);
  if (found.length === 0) return [{ path: arg, error: 'the folder holds no .csv, .tsv or .txt file' }];
  return found;
}

function errorMessage(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file or folder';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'EISDIR') return 'is a folder';
    return e.message;
  }
  return String(e);
}

/** One issue as the CLI reports it (JSON and text). */
export type CliIssue = {
  severity: Severity;
  code: string;
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
};

export type FileReport = {
  file: string;
  encoding: string | null;
  delimiter: string | null;
  format: string | null;
  rows: number;
  observations: number;
  cities: string[];
  indicators: string[];
  issues: CliIssue[];
  issueCounts: Record<string, number>;
};

export type Processed = { report: FileReport; fixes: string[]; result?: IngestResult };

const MAX_VALUE_CHARS = 200;

function cliIssue(issue: Issue): { issue: CliIssue; fix: string } {
  const text = issueText(issue, 'en');
  const value = issue.value === null ? null : issue.value.length > MAX_VALUE_CHARS ? `${issue.value.slice(0, MAX_VALUE_CHARS)}…` : issue.value;
  return {
    issue: { severity: issue.severity, code: issue.code, row: issue.row, column: issue.column, value, message: text.message },
    fix: text.fix,
  };
}

function distinct(t: ObservationTable, column: 'city' | 'indicator'): string[] {
  const seen = new Uint8Array(t.dict[column].length);
  const ids = t[column];
  for (let i = 0; i < t.length; i++) seen[ids[i] ?? 0] = 1;
  const out: string[] = [];
  seen.forEach((s, id) => {
    const v = t.dict[column][id];
    if (s && v !== undefined && v !== '') out.push(v);
  });
  return out.sort();
}

export async function processFile(target: Target, registry: Registry, options: IngestOptions): Promise<Processed> {
  const failed = (message: string): Processed => ({
    report: {
      file: target.path,
      encoding: null,
      delimiter: null,
      format: null,
      rows: 0,
      observations: 0,
      cities: [],
      indicators: [],
      issues: [{ severity: 'error', code: 'unreadable_file', row: null, column: null, value: null, message: `Cannot read ${target.path}: ${message}.` }],
      issueCounts: { unreadable_file: 1 },
    },
    fixes: ['Check the path and that the file can be read.'],
  });
  if (target.error !== undefined) return failed(target.error);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(target.path));
  } catch (e) {
    return failed(errorMessage(e));
  }
  const result = ingestFile({ name: target.path, bytes }, registry, options);
  const issues: CliIssue[] = [];
  const fixes: string[] = [];
  for (const i of result.issues) {
    const c = cliIssue(i);
    issues.push(c.issue);
    fixes.push(c.fix);
  }
  const issueCounts: Record<string, number> = {};
  for (const [code, n] of Object.entries(result.issueCounts)) if (n !== undefined && n > 0) issueCounts[code] = n;
  return {
    report: {
      file: target.path,
      encoding: result.file.encoding,
      delimiter: result.file.delimiter,
      format: result.file.layout,
      rows: result.file.rows,
      observations: result.table.length,
      cities: distinct(result.table, 'city'),
      indicators: distinct(result.table, 'indicator'),
      issues,
      issueCounts,
    },
    fixes,
    result,
  };
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Codes that are errors whatever the context: their counts stay complete when the issue list is capped. */
const ALWAYS_ERRORS = [
  'empty_file', 'binary_file', 'file_too_large', 'unknown_format', 'missing_column', 'missing_quotes', 'invalid_quotes',
  'ragged_row', 'cell_too_long', 'not_a_number', 'invalid_year', 'missing_city', 'missing_indicator',
  'value_out_of_range', 'conflicting_duplicate', 'unreadable_file',
];

/**
 * Complete counts per severity. The issue list may be capped; the counts per code are not, and each
 * code's severity is that of its listed issues (codes never listed count as errors when they always are).
 */
function severityTotals(r: FileReport): Record<Severity, number> {
  const totals: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const listed: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const severityOf = new Map<string, Severity>();
  for (const i of r.issues) {
    listed[i.severity]++;
    if (!severityOf.has(i.code)) severityOf.set(i.code, i.severity);
  }
  const counted = new Set<string>();
  for (const [code, n] of Object.entries(r.issueCounts)) {
    const sev = severityOf.get(code) ?? (ALWAYS_ERRORS.includes(code) ? 'error' : undefined);
    if (sev === undefined) continue;
    // A code listed under two severities (e.g. unknown_indicator) is counted from the list.
    const mixed = r.issues.some((i) => i.code === code && i.severity !== sev);
    if (mixed) continue;
    totals[sev] += n;
    counted.add(code);
  }
  for (const i of r.issues) if (!counted.has(i.code)) totals[i.severity]++;
  for (const sev of SEVERITIES) totals[sev] = Math.max(totals[sev], listed[sev]);
  return totals;
}

export function hasErrors(p: Processed): boolean {
  const r = p.report;
  if (r.issues.some((i) => i.severity === 'error')) return true;
  if ((p.result?.rowsRejected ?? 0) > 0) return true;
  return ALWAYS_ERRORS.some((c) => (r.issueCounts[c] ?? 0) > 0);
}

const SEVERITY_TITLE: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Notes' };
const DELIMITER_NAME: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

function quote(s: string): string {
  return JSON.stringify(s);
}

function humanReport(p: Processed, limit: number): string {
  const r = p.report;
  const totals = severityTotals(r);
  const lines: string[] = [];
  const head =
    r.format === null
      ? `${r.file}`
      : `${r.file} — ${r.encoding ?? '?'}, ${DELIMITER_NAME[r.delimiter ?? ''] ?? quote(r.delimiter ?? '')}-delimited, layout ${r.format} · ` +
        `${plural(r.rows, 'row')} · ${plural(r.observations, 'observation')} · ${plural(r.cities.length, 'city').replace(/citys$/, 'cities')} · ` +
        `${plural(r.indicators.length, 'indicator')}`;
  lines.push(head);
  for (const sev of SEVERITIES) {
    const idx = r.issues.map((i, k) => [i, k] as const).filter(([i]) => i.severity === sev);
    if (idx.length === 0) continue;
    const total = totals[sev];
    lines.push(`  ${SEVERITY_TITLE[sev]} (${total.toLocaleString('en-US')}${total > idx.length ? `; ${idx.length} listed` : ''}):`);
    for (const [i, k] of idx.slice(0, limit)) {
      // The catalogue's message already starts with the location ("Row 3, column "value": …").
      const located = i.row === null || i.message.includes(String(i.row)) ? '' : `row ${i.row}: `;
      const value = i.value !== null && i.value !== '' && !i.message.includes(i.value) ? ` (value ${quote(i.value)})` : '';
      lines.push(`    ${located}${i.message}${value} [${i.code}]`);
      const fix = p.fixes[k];
      if (fix && sev !== 'info') lines.push(`      how to fix: ${fix}`);
    }
    if (total > Math.min(limit, idx.length)) lines.push(`    … and ${(total - Math.min(limit, idx.length)).toLocaleString('en-US')} more (see the counts below; --json lists up to 1,000 per file)`);
  }
  const counts = Object.entries(r.issueCounts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (counts.length > 0) lines.push(`  Counts: ${counts.map(([c, n]) => `${c} ${n}`).join(', ')}`);
  else lines.push('  No problems found.');
  return `${lines.join('\n')}\n`;
}

export function registryProblemText(problems: readonly RegistryProblem[]): string {
  return problems.map((p) => `registry: ${p.file}\n${p.problems.map((x) => `  - ${x}`).join('\n')}\n`).join('');
}

type Setup = { args: Args; registry: Registry; registryProblems: RegistryProblem[]; options: IngestOptions; targets: Target[] };

async function setup(command: 'validate' | 'normalize', argv: readonly string[]): Promise<Setup | 'help'> {
  const args = parseArgs(argv, COMMAND_FLAGS[command]);
  if (args.flags.has('help')) return 'help';
  const options = ingestOptionsFrom(args);
  if (args.positional.length === 0) throw new UsageError(`${command}: no files given`);
  const extraDirs = args.flags.get('indicators') ?? [];
  for (const d of extraDirs) {
    if (!existsSync(d) || !statSync(d).isDirectory()) throw new UsageError(`--indicators: ${d} is not a folder`);
  }
  const { registry, problems } = loadRegistryFromDirs([INDICATORS_DIR, ...extraDirs]);
  const targets: Target[] = [];
  for (const a of args.positional) targets.push(...(await expand(a)));
  return { args, registry, registryProblems: problems, options, targets };
}

async function validate(argv: readonly string[], io: CliIO): Promise<number> {
  const s = await setup('validate', argv);
  if (s === 'help') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const json = s.args.flags.has('json');
  const limitRaw = single(s.args, 'limit');
  const limit = limitRaw === undefined ? 20 : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 0) throw new UsageError(`--limit must be a whole number (got "${limitRaw ?? ''}")`);
  if (s.registryProblems.length > 0) io.stderr(registryProblemText(s.registryProblems));
  let failed = s.registryProblems.length > 0;
  const reports: FileReport[] = [];
  const totals = { error: 0, warning: 0, info: 0 };
  for (const t of s.targets) {
    const p = await processFile(t, s.registry, s.options);
    if (hasErrors(p)) failed = true;
    const fileTotals = severityTotals(p.report);
    for (const sev of SEVERITIES) totals[sev] += fileTotals[sev];
    if (json) reports.push(p.report);
    else io.stdout(`${humanReport(p, limit)}\n`);
  }
  if (json) {
    const doc = {
      files: reports,
      registryProblems: s.registryProblems,
    };
    io.stdout(`${JSON.stringify(doc, null, 2)}\n`);
  } else {
    io.stdout(
      `${plural(s.targets.length, 'file')} checked: ${plural(totals.error, 'error')}, ${plural(totals.warning, 'warning')}, ${plural(totals.info, 'note')}` +
        `${s.registryProblems.length ? `, ${plural(s.registryProblems.length, 'registry problem')}` : ''} → ${failed ? 'FAILED' : 'OK'}\n`,
    );
  }
  return failed ? EXIT_DATA_ERRORS : EXIT_OK;
}

import { normalizedCsv } from '@/ingest/canonical-csv';
export { NORMALIZED_COLUMNS, normalizedCsv, type MergeReport } from '@/ingest/canonical-csv';

async function normalize(argv: readonly string[], io: CliIO): Promise<number> {
  const s = await setup('normalize', argv);
  if (s === 'help') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const out = single(s.args, 'out');
  if (out === undefined || out.trim() === '') throw new UsageError('normalize: --out <file.csv> is required');
  if (s.registryProblems.length > 0) io.stderr(registryProblemText(s.registryProblems));
  let failed = s.registryProblems.length > 0;
  const tables: ObservationTable[] = [];
  for (const t of s.targets) {
    const p = await processFile(t, s.registry, s.options);
    const r = p.report;
    if (hasErrors(p)) failed = true;
    const totals = severityTotals(r);
    const count = (sev: Severity) => totals[sev];
    if (p.result === undefined) io.stderr(`${r.file}: ${r.issues[0]?.message ?? 'unreadable'}\n`);
    else {
      tables.push(p.result.table);
      io.stderr(
        `${r.file}: layout ${r.format ?? '?'}, ${plural(r.rows, 'row')}, ${plural(r.observations, 'observation')} accepted, ` +
          `${plural(p.result.rowsRejected, 'row')} rejected, ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}\n`,
      );
    }
  }
  const { csv, observations, dimensions, merge } = normalizedCsv(tables);
  if (merge.duplicatesDropped > 0) io.stderr(`${plural(merge.duplicatesDropped, 'observation')} found in more than one file written once\n`);
  if (merge.conflicts.length > 0) {
    failed = true;
    io.stderr(`${plural(merge.conflicts.length, 'observation')} with different values in different files (all kept; resolve before publishing):\n`);
    for (const c of merge.conflicts.slice(0, 20)) io.stderr(`  ${c.city} · ${c.indicator} · ${c.year}: ${c.values[0]} vs ${c.values[1]}\n`);
    if (merge.conflicts.length > 20) io.stderr(`  … and ${merge.conflicts.length - 20} more\n`);
  }
  try {
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, csv, 'utf8');
  } catch (e) {
    io.stderr(`normalize: cannot write ${out}: ${errorMessage(e)}\n`);
    return EXIT_DATA_ERRORS;
  }
  io.stderr(
    `wrote ${plural(observations, 'observation')} to ${out}${dimensions.length ? ` (disaggregations: ${dimensions.join(', ')})` : ''}` +
      `${failed ? ' — some input had errors; run validate for the details' : ''}\n`,
  );
  return failed ? EXIT_DATA_ERRORS : EXIT_OK;
}

/** Runs one command; never throws for bad input or usage (internal failures are reported as exit 1). */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
        return await validate(rest, io);
      case 'normalize':
        return await normalize(rest, io);
      case 'progress':
        return await runProgressCommand(rest, io);
      case 'annex':
        return await runAnnexCommand(rest, io);
      case 'figures':
        return await runFiguresCommand(rest, io);
      case 'help':
      case '--help':
      case '-h':
        io.stdout(USAGE);
        return EXIT_OK;
      case undefined:
        io.stderr(`no command given\n\n${USAGE}`);
        return EXIT_USAGE;
      default:
        io.stderr(`unknown command "${command}"\n\n${USAGE}`);
        return EXIT_USAGE;
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    io.stderr(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_DATA_ERRORS;
  }
}
