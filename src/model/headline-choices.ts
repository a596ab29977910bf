import * as z from 'zod/mini';
import type { ObservationTable } from '@/domain/observation-table';
import type { IndicatorConfig } from '@/domain/progress/compute';
import type { Registry } from '@/domain/registry';

/**
 * Headline series chosen by the user, per dataset and indicator: when an indicator has several series
 * (UK 11.6.2: PM2.5 and PM10) and none is the headline, every view, the report, the annex and the
 * ranking use the chosen one (Open SDG's `progress_calculation_options: [{ series }]`). Saved as a
 * workspace setting (exported with the workspace) keyed by dataset id.
 */
export const HeadlineChoicesSchema = z.record(z.string().check(z.maxLength(200)), z.record(z.string().check(z.maxLength(100)), z.string().check(z.maxLength(500))));
export type HeadlineChoices = z.infer<typeof HeadlineChoicesSchema>;

export const HEADLINES_SETTING = 'headlines';

export function parseHeadlineChoices(text: string | undefined): HeadlineChoices {
  if (text === undefined || text === '') return {};
  try {
    const parsed = HeadlineChoicesSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** Sets (or, with undefined, clears) the headline series of an indicator in a dataset. */
export function chooseHeadline(choices: HeadlineChoices, datasetId: string, indicator: string, series: string | undefined): HeadlineChoices {
  const forDataset = { ...(choices[datasetId] ?? {}) };
  if (series === undefined || series === '') delete forDataset[indicator];
  else forDataset[indicator] = series;
  const next = { ...choices };
  if (Object.keys(forDataset).length === 0) delete next[datasetId];
  else next[datasetId] = forDataset;
  return next;
}

/** The engine's overrides for the datasets in use (a later dataset's choice wins for the same indicator). */
export function headlineOverrides(choices: HeadlineChoices, datasetIds: readonly string[], registry: Registry): Record<string, IndicatorConfig> {
  const out: Record<string, IndicatorConfig> = {};
  for (const id of datasetIds) {
    for (const [code, series] of Object.entries(choices[id] ?? {})) out[registry.byCode.get(code)?.code ?? code] = { progressSeries: [{ series }] };
  }
  return out;
}

/** The series chosen for an indicator in the datasets in use (the last dataset's choice wins). */
export function chosenSeries(choices: HeadlineChoices, datasetIds: readonly string[], indicator: string): string | undefined {
  for (let i = datasetIds.length - 1; i >= 0; i--) {
    const s = choices[datasetIds[i] ?? '']?.[indicator];
    if (s !== undefined) return s;
  }
  return undefined;
}

const headlineSeries = new WeakMap<ObservationTable, ReadonlyMap<number, ReadonlySet<number>>>();

/**
 * The series ids among the headline rows of each indicator id: one pass per table (kept), touching the
 * sets only when a row's series differs from the last one seen for its indicator (rows come in runs).
 */
function headlineSeriesOf(table: ObservationTable): ReadonlyMap<number, ReadonlySet<number>> {
  const known = headlineSeries.get(table);
  if (known !== undefined) return known;
  const byIndicator = new Map<number, Set<number>>();
  const last = new Int32Array(table.dict.indicator.length).fill(-1);
  for (let i = 0; i < table.length; i++) {
    if ((table.disaggregation[i] ?? 0) !== 0) continue;
    const ind = table.indicator[i] ?? 0;
    const series = table.series[i] ?? 0;
    if (last[ind] === series) continue;
    last[ind] = series;
    let set = byIndicator.get(ind);
    if (set === undefined) byIndicator.set(ind, (set = new Set()));
    set.add(series);
  }
  headlineSeries.set(table, byIndicator);
  return byIndicator;
}

/**
 * Indicators of a table that have several series among their headline rows (no disaggregation), with
 * those series: the ones whose headline is ambiguous until the user chooses.
 */
export function indicatorsWithSeveralSeries(table: ObservationTable, registry: Registry): Array<{ indicator: string; series: string[] }> {
  const d = table.dict;
  const byIndicator = headlineSeriesOf(table);
  const out: Array<{ indicator: string; series: string[] }> = [];
  for (const [ind, set] of byIndicator) {
    const series = [...set].map((s) => d.series[s] ?? '').filter((s) => s !== '');
    if (series.length < 2) continue;
    const code = d.indicator[ind] ?? '';
    out.push({ indicator: registry.byCode.get(code)?.code ?? code, series: series.sort() });
  }
  return out.sort((a, b) => (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0));
}
