import { existsSync, statSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Issue, Severity } from '@/domain/issue';
import type { ObservationTable, PlaceKind } from '@/domain/observation-table';
import type { Registry, RegistryProblem } from '@/domain/registry';
import { issueText } from '@/i18n/issue-text';
import { ingestFile } from '@/ingest/ingest-file';
import { isTooLarge, tooLargeResult } from '@/ingest/too-large-file';
import type { IngestOptions, IngestResult } from '@/ingest/types';
import { type Args, type FlagSpec, ingestOptionsFrom, parseArgs, UsageError } from './cli-args';
import { INDICATORS_DIR, loadRegistryFromDirs } from './load-registry';

/** Reading files for the file commands (validate, normalize, progress, annex, figures) and reporting on them. */

const DATA_FILE = /\.(csv|tsv|txt)$/i;

/** A path argument: a file as given, or a folder's *.csv/*.tsv/*.txt files (recursively, sorted). */
export type Target = {
  path: string;
  error?: string;
  /** The folder named on the command line that holds the file: the data's own city when no --city is given. */
  folder?: string;
  /** An Open SDG repository's metadata table found in a folder (`meta_11-1-1.csv`): listed, not read as data. */
  metadata?: true;
};

/** Metadata tables of Open SDG repositories (`meta_11-1-1.csv`, `metadata-mapping.csv`): not observations. */
const METADATA_TABLE = /^(meta_.*|metadata[-_].*)\.csv$/i;

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
      else if (DATA_FILE.test(e.name)) found.push({ path: p, folder: basename(resolve(arg)), ...(METADATA_TABLE.test(e.name) ? { metadata: true as const } : {}) });
    }
  };
  await walk(arg);
  if (found.length === 0) return [{ path: arg, error: 'the folder holds no .csv, .tsv or .txt file' }];
  return found;
}

export function errorMessage(e: unknown): string {
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
  /** Cities only: never districts, regions, countries or aggregates. */
  cities: string[];
  /** Distinct district names (wards, neighbourhoods…). */
  districts: string[];
  /** Every place with data: its kind, code and parent (a district's city). */
  places: PlaceReport[];
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

export type PlaceReport = { name: string; code: string | null; kind: PlaceKind; parent: string | null };

/** The places of a table in the CLI's report shape (sorted by kind, name, code). */
function placesReport(t: ObservationTable): { cities: string[]; districts: string[]; places: PlaceReport[] } {
  const d = t.dict;
  const seen = new Set<string>();
  const places: PlaceReport[] = [];
  for (let i = 0; i < t.length; i++) {
    const key = `${t.city[i] ?? 0}:${t.cityCode[i] ?? 0}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const code = d.cityCode[t.cityCode[i] ?? 0] ?? '';
    const parent = d.placeParent[t.placeParent[i] ?? 0] ?? '';
    const kind = (d.placeKind[t.placeKind[i] ?? 0] || 'city') as PlaceKind;
    places.push({ name: d.city[t.city[i] ?? 0] ?? '', code: code === '' ? null : code, kind, parent: parent === '' ? null : parent });
  }
  places.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name) || (a.code ?? '').localeCompare(b.code ?? ''));
  const names = (kind: PlaceKind) => [...new Set(places.filter((p) => p.kind === kind).map((p) => p.name))].sort();
  return { cities: names('city'), districts: names('district'), places };
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
      districts: [],
      places: [],
      indicators: [],
      issues: [{ severity: 'error', code: 'unreadable_file', row: null, column: null, value: null, message: `Cannot read ${target.path}: ${message}.` }],
      issueCounts: { unreadable_file: 1 },
    },
    fixes: ['Check the path and that the file can be read.'],
  });
  if (target.error !== undefined) return failed(target.error);
  if (target.metadata === true)
    return {
      report: { file: target.path, encoding: null, delimiter: null, format: 'metadata', rows: 0, observations: 0, cities: [], districts: [], places: [], indicators: [], issues: [], issueCounts: {} },
      fixes: [],
    };
  let bytes: Uint8Array;
  try {
    // The size limit is checked before reading: a 300 MB file is refused without being read whole.
    const size = (await stat(target.path)).size;
    if (isTooLarge(size)) return reportOf(target.path, tooLargeResult(target.path, size));
    const buffer = await readFile(target.path);
    // A view of Node's buffer, not a copy (a 48 MB file was copied once more for nothing).
    bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (e) {
    return failed(errorMessage(e));
  }
  // A folder of files without a city column is one city's data: the folder names it unless --city does.
  const named = options.defaultCity === undefined && target.folder !== undefined ? { ...options, defaultCity: target.folder } : options;
  return reportOf(target.path, ingestFile({ name: target.path, bytes }, registry, named));
}

/** The report of a file that was read (or refused by its size). */
function reportOf(path: string, result: IngestResult): Processed {
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
      file: path,
      encoding: result.file.encoding,
      delimiter: result.file.delimiter,
      format: result.file.layout,
      rows: result.file.rows,
      observations: result.table.length,
      ...placesReport(result.table),
      indicators: distinct(result.table, 'indicator'),
      issues,
      issueCounts,
    },
    fixes,
    result,
  };
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Codes that are errors whatever the context: their counts stay complete when the issue list is capped. */
const ALWAYS_ERRORS = [
  'empty_file', 'binary_file', 'file_too_large', 'too_many_columns', 'unknown_format', 'missing_column', 'missing_quotes', 'invalid_quotes',
  'ragged_row', 'cell_too_long', 'not_a_number', 'invalid_year', 'missing_city', 'missing_indicator',
  'value_out_of_range', 'conflicting_duplicate', 'unreadable_file',
];

/**
 * Complete counts per severity. The issue list may be capped; the counts per code are not, and each
 * code's severity is that of its listed issues (codes never listed count as errors when they always are).
 */
export function severityTotals(r: FileReport): Record<Severity, number> {
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

/**
 * What the errors of a file that was read did to its data, for one line on stderr: rows rejected,
 * conflicting duplicates dropped (rows that were read, yet whose values were not imported), else the
 * number of errors — never "0 rows rejected" for a file that fails.
 */
export function errorsInBrief(p: Processed): string {
  const n = (k: number) => k.toLocaleString('en-US');
  const rejected = p.result?.rowsRejected ?? 0;
  const conflicts = p.report.issueCounts.conflicting_duplicate ?? 0;
  const parts: string[] = [];
  if (rejected > 0) parts.push(`${n(rejected)} ${rejected === 1 ? 'row' : 'rows'} rejected`);
  if (conflicts > 0) parts.push(`${n(conflicts)} conflicting ${conflicts === 1 ? 'duplicate' : 'duplicates'} (values that contradict an earlier one: neither imported)`);
  if (parts.length === 0) {
    const errors = severityTotals(p.report).error;
    parts.push(`${n(errors)} ${errors === 1 ? 'error' : 'errors'}`);
  }
  return parts.join(', ');
}

const SEVERITY_TITLE: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Notes' };
const DELIMITER_NAME: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** `1234567` → `1,234,567`. Not toLocaleString: its first call sets up ICU number formatting (10–20 ms per CLI call). */
export function groupThousands(n: number): string {
  return Number.isInteger(n) ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : n.toLocaleString('en-US');
}

export function plural(n: number, word: string): string {
  return `${groupThousands(n)} ${word}${n === 1 ? '' : 's'}`;
}

function quote(s: string): string {
  return JSON.stringify(s);
}

export function humanReport(p: Processed, limit: number): string {
  const r = p.report;
  const totals = severityTotals(r);
  const lines: string[] = [];
  if (r.format === 'metadata') return `${r.file} — an Open SDG metadata table: skipped, not read as data\n`;
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

export type FileCommandSetup = { args: Args; registry: Registry; registryProblems: RegistryProblem[]; options: IngestOptions; targets: Target[] };

/** Flags, registry (with --indicators folders), reading options and the files named for validate and normalize. */
export async function setupFileCommand(command: string, argv: readonly string[], flags: Record<string, FlagSpec>): Promise<FileCommandSetup | 'help'> {
  const args = parseArgs(argv, flags);
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
