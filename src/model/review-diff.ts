import type { ObservationTable } from '@/domain/observation-table';
import type { ProgressStatus } from '@/domain/progress/types';
import type { Dashboard } from './dashboard-model';

/**
 * "Since the last review": what changed for a city between the data of its last review (an earlier
 * version of a dataset) and the data now, both computed with the same registry and method: data points
 * that are new (a city × indicator × series × breakdown × period that had no value, or a value that
 * changed), statuses that improved or worsened, indicators newly reported (or newly assessed: from
 * "insufficient data" to a status), and indicators no longer reported.
 */

/** Better first: a move up this list is an improvement. Insufficient data is not on it. */
const RANK: Readonly<Record<Exclude<ProgressStatus, 'insufficient_data'>, number>> = {
  target_achieved: 4,
  on_track: 3,
  acceleration_needed: 2,
  limited_progress: 1,
  deterioration: 0,
};

export type StatusChange = { readonly indicator: string; readonly before: ProgressStatus; readonly after: ProgressStatus };

export type ReviewDiff = {
  /** Observations of the city that are new or whose value changed. */
  readonly newPoints: number;
  readonly improved: readonly StatusChange[];
  readonly worsened: readonly StatusChange[];
  /** Reported now and not then, or assessed now and "insufficient data" then. */
  readonly newlyReported: readonly StatusChange[];
  readonly noLongerReported: readonly string[];
  /** Indicators whose status is the same. */
  readonly unchanged: number;
};

function observationKeys(table: ObservationTable, cityKey: string): Map<string, number> {
  const d = table.dict;
  const out = new Map<string, number>();
  for (let i = 0; i < table.length; i++) {
    const code = d.cityCode[table.cityCode[i] ?? 0] ?? '';
    const key = code !== '' ? code : (d.city[table.city[i] ?? 0] ?? '');
    if (key !== cityKey) continue;
    const k = [d.indicator[table.indicator[i] ?? 0], d.series[table.series[i] ?? 0], d.unit[table.unit[i] ?? 0], d.disaggregation[table.disaggregation[i] ?? 0], table.year[i], d.period[table.period[i] ?? 0]].join('\u0000');
    out.set(k, table.value[i] ?? Number.NaN);
  }
  return out;
}

export function reviewDiff(before: Pick<Dashboard, 'byCity' | 'table'>, after: Pick<Dashboard, 'byCity' | 'table'>, cityKey: string): ReviewDiff {
  const then = observationKeys(before.table, cityKey);
  let newPoints = 0;
  for (const [k, v] of observationKeys(after.table, cityKey)) {
    const old = then.get(k);
    if (old === undefined || !(Object.is(old, v) || old === v)) newPoints++;
  }
  const statusThen = new Map((before.byCity.get(cityKey) ?? []).map((p) => [p.indicator, p.result.status]));
  const statusNow = new Map((after.byCity.get(cityKey) ?? []).map((p) => [p.indicator, p.result.status]));
  const improved: StatusChange[] = [];
  const worsened: StatusChange[] = [];
  const newlyReported: StatusChange[] = [];
  let unchanged = 0;
  for (const [indicator, now] of statusNow) {
    const was = statusThen.get(indicator);
    if (was === undefined || (was === 'insufficient_data' && now !== 'insufficient_data')) {
      newlyReported.push({ indicator, before: was ?? 'insufficient_data', after: now });
      continue;
    }
    if (was === now || now === 'insufficient_data') {
      unchanged++;
      continue;
    }
    if (was === 'insufficient_data') continue;
    (RANK[now] > RANK[was] ? improved : worsened).push({ indicator, before: was, after: now });
  }
  const noLongerReported = [...statusThen.keys()].filter((k) => !statusNow.has(k)).sort();
  const byCode = (a: StatusChange, b: StatusChange) => a.indicator.localeCompare(b.indicator, 'en', { numeric: true });
  return { newPoints, improved: improved.sort(byCode), worsened: worsened.sort(byCode), newlyReported: newlyReported.sort(byCode), noLongerReported, unchanged };
}

/** How an indicator's standing changed since the last review (a row of the table). */
export type ReviewChangeKind = 'worsened' | 'improved' | 'newly';
export type ReviewChangeRow = StatusChange & { readonly change: ReviewChangeKind };

/**
 * The rows of the "since the last review" table: statuses that worsened first (what needs attention),
 * then those that improved, then indicators newly reported or assessed; by code within each. Indicators
 * no longer reported have no status now and are only counted (`noLongerReported`).
 */
export function reviewChangeRows(diff: ReviewDiff): ReviewChangeRow[] {
  return [
    ...diff.worsened.map((c) => ({ ...c, change: 'worsened' as const })),
    ...diff.improved.map((c) => ({ ...c, change: 'improved' as const })),
    ...diff.newlyReported.map((c) => ({ ...c, change: 'newly' as const })),
  ];
}

/** True when nothing changed for the city: no new or revised point, no status moved, nothing added or dropped. */
export function isUnchanged(diff: ReviewDiff): boolean {
  return diff.newPoints === 0 && diff.improved.length === 0 && diff.worsened.length === 0 && diff.newlyReported.length === 0 && diff.noLongerReported.length === 0;
}
