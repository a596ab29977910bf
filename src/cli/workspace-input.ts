import { readFile } from 'node:fs/promises';
import type { Registry } from '@/domain/registry';
import type { IndicatorConfig } from '@/domain/progress/compute';
import { applyMerges, EMPTY_GAZETTEER, GAZETTEER_SETTING, type Gazetteer, parseGazetteer } from '@/model/gazetteer';
import { headlineOverrides, HEADLINES_SETTING, parseHeadlineChoices } from '@/model/headline-choices';
import { type LoadedDataset, loadedFromRecord } from '@/storage/dataset-record';
import { parseWorkspace, type WorkspaceProblem } from '@/storage/workspace';

/**
 * A workspace backup (`marsad-workspace-<date>.json`, Data → Export workspace) given to a command as its
 * data: the datasets the app's dashboard uses (the ones switched on, their current versions, each with its
 * name, source organisation and licence), read with the workspace's place merges and with its headline
 * series — so `progress`, `annex` and `figures` compute what the app showed.
 */
export type WorkspaceInput = {
  readonly datasets: LoadedDataset[];
  readonly gazetteer: Gazetteer;
  /** The headline series chosen in the app, as the engine's overrides. */
  readonly overrides: Record<string, IndicatorConfig>;
  /** Datasets the app leaves out of its dashboard (not used here), by name. */
  readonly leftOut: string[];
};

export function workspaceProblemText(path: string, p: WorkspaceProblem): string {
  switch (p.code) {
    case 'not_json':
      return `${path}: not JSON`;
    case 'not_workspace':
      return `${path}: not a Marsad workspace file (Data → Export workspace writes one)`;
    case 'newer_version':
      return `${path}: written by a newer Marsad (workspace format ${p.version}); update Marsad to read it`;
    case 'invalid':
      return `${path}: not a valid workspace (${p.detail})`;
    case 'corrupted_dataset':
      return `${path}: dataset "${p.name}" is damaged (${p.detail})`;
  }
}

/** True for a path a command reads as a workspace rather than as a data file. */
export function isWorkspacePath(path: string): boolean {
  return /\.json$/i.test(path);
}

export async function readWorkspaceInput(path: string, registry: Registry): Promise<{ ok: true; input: WorkspaceInput } | { ok: false; message: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    return { ok: false, message: `${path}: ${e instanceof Error ? e.message : String(e)}` };
  }
  const parsed = parseWorkspace(text.replace(/^\ufeff/, ''));
  if (!parsed.ok) return { ok: false, message: workspaceProblemText(path, parsed.problem) };
  const settings = parsed.value.settings;
  const gazetteerText = settings[GAZETTEER_SETTING];
  const g = typeof gazetteerText === 'string' ? parseGazetteer(gazetteerText) : undefined;
  const gazetteer = g === undefined || g.problem !== undefined ? EMPTY_GAZETTEER : g.gazetteer;
  const used = parsed.value.datasets.filter((d) => d.record.included);
  const datasets = used.map((d) => {
    const loaded = loadedFromRecord(d.record);
    return { ...loaded, table: applyMerges(loaded.table, gazetteer) };
  });
  const headlineText = settings[HEADLINES_SETTING];
  const choices = parseHeadlineChoices(typeof headlineText === 'string' ? headlineText : undefined);
  return {
    ok: true,
    input: {
      datasets,
      gazetteer,
      overrides: headlineOverrides(choices, datasets.map((d) => d.id), registry),
      leftOut: parsed.value.datasets.filter((d) => !d.record.included).map((d) => d.record.name),
    },
  };
}

/**
 * A workspace among a command's inputs, read and reported as the commands do: its problem, or which
 * datasets the app leaves out, on stderr. Undefined when it cannot be read (the command then fails).
 */
export async function workspaceTarget(path: string, registry: Registry, stderr: (s: string) => void): Promise<WorkspaceInput | undefined> {
  const w = await readWorkspaceInput(path, registry);
  if (!w.ok) {
    stderr(`${w.message}\n`);
    return undefined;
  }
  if (w.input.leftOut.length > 0) stderr(`${path}: left out as in the app: ${w.input.leftOut.join(', ')}\n`);
  return w.input;
}
