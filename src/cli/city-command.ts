import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import type { ObservationTable } from '@/domain/observation-table';
import type { ProgressMethod } from '@/domain/progress/types';
import { type Registry, withDatasetIndicators } from '@/domain/registry';
import { buildDashboard, type CityNames, type Dashboard, type DashboardCity } from '@/model/dashboard-model';
import { applyMerges, EMPTY_GAZETTEER, GAZETTEER_SETTING, type Gazetteer, parseGazetteer } from '@/model/gazetteer';
import { type LoadedDataset, toLoadedDataset } from '@/storage/dataset-record';
import type { IndicatorConfig } from '@/domain/progress/compute';
import { INDICATORS_DIR, loadRegistryFromDirs } from './load-registry';
import { isWorkspacePath, workspaceTarget } from './workspace-input';
import { type CliIO, EXIT_DATA_ERRORS, EXIT_USAGE, ingestOptionsFrom, type Args, UsageError } from './cli-args';
import { errorsInBrief, expand, hasErrors, processFile, registryProblemText, type Target } from './cli-files';
import { USAGE } from './usage';

/**
 * What the city commands (`annex`, `figures`) share: their flag values, reading the files into one
 * dashboard, and the exit-code wrapper.
 */

/** `--names cities.json`: display names by city code (`{ "XD-WNR": { "en": "Wadi Noor", "ar": "وادي النور" } }`). */
const CityNamesSchema = z.record(z.string(), z.object({ en: z.string().optional(), ar: z.string().optional(), fr: z.string().optional(), es: z.string().optional() }));

/**
 * `--names`: the workspace's gazetteer (`{ "version": 1, "names": …, "merges": …, "home": … }`, as the Data
 * view exports it, or a workspace backup holding it), or a plain names file (place key → names per language).
 */
export async function readNames(file: string): Promise<{ names: CityNames; gazetteer: Gazetteer }> {
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
  const inner = gazetteerIn(json);
  if (inner !== undefined) {
    const g = parseGazetteer(inner);
    if (g.problem !== undefined) throw new UsageError(`--names: ${file}: the gazetteer is not valid (${g.problem})`);
    return { names: g.gazetteer.names, gazetteer: g.gazetteer };
  }
  const parsed = CityNamesSchema.safeParse(json);
  if (!parsed.success) throw new UsageError(`--names: ${file} must be a gazetteer or map city codes to { "en": …, "ar": … }`);
  return { names: parsed.data, gazetteer: EMPTY_GAZETTEER };
}

/** The gazetteer's JSON text in a names file: the file itself, or a workspace backup's `gazetteer` setting. */
function gazetteerIn(json: unknown): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  if ('version' in json && ('merges' in json || 'names' in json) && !('datasets' in json)) return JSON.stringify(json);
  const settings = 'settings' in json && typeof json.settings === 'object' && json.settings !== null ? json.settings : undefined;
  const text = settings !== undefined && GAZETTEER_SETTING in settings ? (settings as Record<string, unknown>)[GAZETTEER_SETTING] : undefined;
  return typeof text === 'string' ? text : undefined;
}

/** A flag with a fixed set of values (case-insensitive), `fallback` when absent. */
export function choice<T extends string>(flag: string, raw: string | undefined, allowed: readonly T[], fallback: T): T {
  if (raw === undefined) return fallback;
  const v = allowed.find((x) => x === raw.trim().toLowerCase());
  if (v === undefined) throw new UsageError(`--${flag} must be one of ${allowed.join(', ')} (got "${raw}")`);
  return v;
}

/** `Wadi Noor (XD-WNR)`, or the name alone when the data has no code. */
export function cityLabel(c: DashboardCity): string {
  return c.code !== '' && c.code !== c.name ? `${c.name} (${c.code})` : c.name;
}

export type CityData = {
  readonly registry: Registry;
  readonly datasets: LoadedDataset[];
  readonly dashboard: Dashboard;
  readonly failed: boolean;
  /** The place names and merges of a workspace given as data (the first one), for commands given no --names. */
  readonly gazetteer: Gazetteer | undefined;
};

/**
 * Reads the registry (plus `--indicators` folders) and every file or folder given into one dashboard; a
 * workspace backup (`.json`) given among them brings the datasets the app used, with its place merges and
 * headline series (workspace-input.ts).
 * Unreadable files and rejected rows are reported on stderr (`failed`); the accepted rows are used
 * ("the annex uses the accepted rows"). Each file becomes a dataset named after it, imported at `importedAt`.
 */
export async function loadCityData(
  command: string,
  args: Args,
  io: CliIO,
  opts: { readonly method: ProgressMethod; readonly importedAt: number; readonly uses: string; readonly gazetteer?: Gazetteer },
): Promise<CityData> {
  const options = ingestOptionsFrom(args);
  if (args.positional.length === 0) throw new UsageError(`${command}: no files given`);
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
  const overrides: Record<string, IndicatorConfig> = {};
  let workspaceGazetteer: Gazetteer | undefined;
  for (const t of targets) {
    if (t.error === undefined && isWorkspacePath(t.path)) {
      // A workspace backup: the datasets the app used, with its place merges and headline series.
      const w = await workspaceTarget(t.path, registry, io.stderr);
      if (w === undefined) {
        failed = true;
        continue;
      }
      const g = opts.gazetteer;
      for (const d of w.datasets) {
        const table = g === undefined ? d.table : applyMerges(d.table, g);
        tables.push(table);
        datasets.push({ ...d, table });
      }
      Object.assign(overrides, w.overrides);
      workspaceGazetteer ??= w.gazetteer;
      continue;
    }
    const p = await processFile(t, registry, options);
    if (hasErrors(p)) {
      failed = true;
      const first = p.report.issues.find((i) => i.severity === 'error');
      io.stderr(
        p.result === undefined
          ? `${p.report.file}: ${first?.message ?? 'cannot be read'}\n`
          : `${p.report.file}: ${errorsInBrief(p)} (run validate for the details); ${opts.uses} the accepted rows\n`,
      );
    }
    if (p.result === undefined) continue;
    // The gazetteer's merges (صور = Tyre) apply to every file, as in the app.
    const table = opts.gazetteer === undefined ? p.result.table : applyMerges(p.result.table, opts.gazetteer);
    tables.push(table);
    datasets.push(toLoadedDataset({ id: t.path, name: basename(t.path), source: 'upload', createdAt: opts.importedAt, table, files: [p.result.file] }));
  }
  // Indicators the registry does not know are titled from the datasets' own metadata (a workspace keeps it).
  const described = withDatasetIndicators(registry, datasets.map((d) => d.metadata));
  return { registry: described, datasets, dashboard: buildDashboard(tables, registry, opts.method, overrides), failed, gazetteer: workspaceGazetteer };
}

/** Runs a command; never throws (usage errors → 2 with the usage on stderr, internal failures → 1). */
export async function runGuarded(io: CliIO, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    io.stderr(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_DATA_ERRORS;
  }
}
