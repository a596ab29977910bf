import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import Papa from 'papaparse';
import type { OpenSdgStatusKey } from '@/domain/progress/opensdg';
import {
  computeOpenSdgRepository,
  toOpenSdgProgressDocument,
  type OpenSdgEntry,
  type OpenSdgProgressDocument,
  type OpenSdgRepositoryInput,
  type OpenSdgRepositoryProgress,
} from '@/domain/progress/opensdg-repository';
import type { CsvRows } from '@/domain/progress/opensdg-table';
import type { OpenSdgTranslationFile } from '@/domain/progress/opensdg-translations';
import { readFrontMatter } from '@/domain/progress/opensdg-yaml';

/**
 * `progress --opensdg <dir>`: Open SDG's own progress results for an Open SDG data repository (the
 * folder with `config_data.yml`, `data/indicator_<id>.csv`, `indicator-config/<id>.yml` and
 * `translations/<language>/*.yml`). The Node shell: it reads the files and parses the CSVs with
 * PapaParse; everything else is `src/domain/progress/opensdg-repository.ts`.
 */

/** The folder lacks what every Open SDG data repository has. */
export class NotOpenSdgRepositoryError extends Error {
  constructor(
    readonly dir: string,
    readonly missing: string,
  ) {
    super(`${dir} is not an Open SDG data repository: ${missing}`);
    this.name = 'NotOpenSdgRepositoryError';
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function readTextIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return null;
  }
}

/**
 * A data CSV as text rows, the way pandas reads Open SDG files: comma-separated, blank lines skipped,
 * a UTF-8 byte-order mark ignored, every cell kept as written (typing happens in the domain).
 */
export function parseOpenSdgCsv(text: string): CsvRows {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(source, { delimiter: ',', header: false, dynamicTyping: false, skipEmptyLines: true });
  return parsed.data;
}

/** Translation files under `translations/`: the language is the folder a `.yml` file sits in, the group its name. */
async function readTranslationFiles(root: string): Promise<OpenSdgTranslationFile[]> {
  const out: OpenSdgTranslationFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && entry.name.endsWith('.yml') && dir !== root) {
        out.push({ language: basename(dir), group: entry.name.slice(0, -'.yml'.length), text: await readFile(path, 'utf8') });
      }
    }
  };
  await walk(root);
  return out;
}

/** The YAML front matter of a Markdown file (between a first `---` line and the next), or undefined. */
export function frontMatter(text: string): string | undefined {
  return readFrontMatter(text);
}

/** Reads the files the progress calculation needs. Throws NotOpenSdgRepositoryError when `dir` is not a repository. */
export async function readOpenSdgRepository(dir: string): Promise<OpenSdgRepositoryInput> {
  const dataDir = join(dir, 'data');
  const configDir = join(dir, 'indicator-config');
  const metaDir = join(dir, 'meta');
  if (!(await isDirectory(dir))) throw new NotOpenSdgRepositoryError(dir, 'no such folder');
  if (!(await isDirectory(dataDir))) throw new NotOpenSdgRepositoryError(dir, 'it has no data/ folder');
  const hasConfig = await isDirectory(configDir);
  const hasMeta = await isDirectory(metaDir);
  if (!hasConfig && !hasMeta) throw new NotOpenSdgRepositoryError(dir, 'it has neither an indicator-config/ nor a meta/ folder');

  const dataNames = (await readdir(dataDir)).filter((n) => n.startsWith('indicator_') && n.endsWith('.csv')).sort();
  const configNames = hasConfig ? (await readdir(configDir)).filter((n) => n.endsWith('.yml')).sort() : [];
  // Most real repositories keep an indicator's settings in the YAML front matter of meta/<id>.md.
  const metaNames = hasMeta ? (await readdir(metaDir)).filter((n) => n.endsWith('.md')).sort() : [];
  const [dataTexts, configTexts, metaTexts, configData, translationFiles] = await Promise.all([
    Promise.all(dataNames.map((n) => readFile(join(dataDir, n), 'utf8'))),
    Promise.all(configNames.map((n) => readFile(join(configDir, n), 'utf8'))),
    Promise.all(metaNames.map((n) => readFile(join(metaDir, n), 'utf8'))),
    readTextIfExists(join(dir, 'config_data.yml')),
    readTranslationFiles(join(dir, 'translations')),
  ]);
  const dataFiles: Record<string, CsvRows> = {};
  dataNames.forEach((name, i) => {
    dataFiles[name.slice('indicator_'.length, -'.csv'.length)] = parseOpenSdgCsv(dataTexts[i] ?? '');
  });
  const indicatorConfigs: Record<string, string> = {};
  metaNames.forEach((name, i) => {
    const front = frontMatter(metaTexts[i] ?? '');
    if (front !== undefined) indicatorConfigs[name.slice(0, -'.md'.length)] = front;
  });
  // Where both exist, indicator-config/<id>.yml is the indicator's configuration.
  configNames.forEach((name, i) => {
    indicatorConfigs[name.slice(0, -'.yml'.length)] = configTexts[i] ?? '';
  });
  return { configData, indicatorConfigs, dataFiles, translationFiles };
}

/** The full computation (every indicator config, with issues). Throws NotOpenSdgRepositoryError. */
export async function opensdgRepositoryReport(dir: string): Promise<OpenSdgRepositoryProgress> {
  return computeOpenSdgRepository(await readOpenSdgRepository(dir));
}

/**
 * `{ "<id>": { status, score, series } }` for every indicator with `auto_progress_calculation: true`
 * (ids as in the file names, e.g. `11-6-2`). Throws NotOpenSdgRepositoryError when `dir` is not one.
 */
export async function opensdgRepositoryProgress(dir: string): Promise<OpenSdgProgressDocument> {
  return toOpenSdgProgressDocument(await opensdgRepositoryReport(dir));
}

const STATUS_ORDER: readonly OpenSdgStatusKey[] = [
  'target_achieved',
  'substantial_progress',
  'moderate_progress',
  'limited_progress',
  'deterioration',
  'not_available',
];

function formatScore(score: number | null): string {
  return score === null ? '—' : score.toFixed(4);
}

function forEachSeries(entries: readonly OpenSdgEntry[], visit: (e: Extract<OpenSdgEntry, { kind: 'series' }>) => void): void {
  for (const e of entries) {
    if (e.kind === 'group') forEachSeries(e.items, visit);
    else visit(e);
  }
}

/** The readable report: one line per indicator, then counts by status and why series were not available. */
export function formatOpenSdgProgressTable(report: OpenSdgRepositoryProgress, dir: string): string {
  const auto = report.indicators.flatMap((i) => (i.kind === 'auto' ? [i] : []));
  const manual = report.indicators.length - auto.length;
  const idWidth = Math.max(2, ...auto.map((i) => i.id.length));
  const lines: string[] = [];
  lines.push(`Open SDG progress — ${dir} (build language: ${report.site.language ?? 'none, untranslated'})`);
  lines.push('');
  lines.push(`${'id'.padEnd(idWidth)}  ${'status'.padEnd(20)}  ${'score'.padStart(8)}`);
  const counts = new Map<OpenSdgStatusKey, number>();
  const reasons = new Map<string, number>();
  let seriesCount = 0;
  let unavailable = 0;
  for (const i of auto) {
    lines.push(`${i.id.padEnd(idWidth)}  ${i.status.padEnd(20)}  ${formatScore(i.score).padStart(8)}`);
    counts.set(i.status, (counts.get(i.status) ?? 0) + 1);
    forEachSeries(i.series, (s) => {
      seriesCount++;
      if (s.components.progress_value === null && !s.targetAchieved && s.reason !== null) {
        unavailable++;
        reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
      }
    });
  }
  lines.push('');
  lines.push(`${auto.length} indicators with auto_progress_calculation: true`);
  for (const key of STATUS_ORDER) lines.push(`  ${key.padEnd(20)}  ${String(counts.get(key) ?? 0).padStart(4)}`);
  if (manual > 0) lines.push(`${manual} other indicator configs (manual progress_status or none) are not listed`);
  if (seriesCount > 0) {
    const why = [...reasons.entries()].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`);
    lines.push(`${unavailable} of ${seriesCount} configured series have no progress value${why.length > 0 ? ` (${why.join(', ')})` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

export type OpenSdgProgressIO = { stdout(s: string): void; stderr(s: string): void };

/**
 * Runs `progress --opensdg <dir> [--json]`: the JSON document or the readable table on stdout, problems
 * met in the files on stderr. Returns 0, or 2 when `dir` is not an Open SDG repository.
 */
export async function runOpenSdgProgressCommand(dir: string, json: boolean, io: OpenSdgProgressIO): Promise<number> {
  let report: OpenSdgRepositoryProgress;
  try {
    report = await opensdgRepositoryReport(dir);
  } catch (e) {
    if (e instanceof NotOpenSdgRepositoryError) {
      io.stderr(`progress --opensdg: ${e.message}.\nAn Open SDG data repository has data/indicator_<id>.csv files and settings in indicator-config/<id>.yml or in the front matter of meta/<id>.md.\n`);
      return 2;
    }
    throw e;
  }
  for (const issue of report.issues) io.stderr(`warning: ${issue.file}: ${issue.code}${issue.detail === undefined ? '' : ` (${issue.detail})`}\n`);
  io.stdout(json ? `${JSON.stringify(toOpenSdgProgressDocument(report), null, 2)}\n` : formatOpenSdgProgressTable(report, dir));
  return 0;
}
