import { useMemo } from 'react';
import type { ObservationTable } from '@/domain/observation-table';
import type { ProgressMethod } from '@/domain/progress/types';
import type { Registry } from '@/domain/registry';
import type { LoadedDataset } from '@/storage/dataset-record';
import { buildDashboard, type Dashboard } from '@/model/dashboard-model';

/**
 * Dashboards already built, by table and method. Tables are immutable, so a model built for one view
 * serves the next view too (switching from the overview to compare does not recompute progress for
 * 1,000 cities); a new import makes new tables and the old entries go with them.
 */
const cache = new WeakMap<ObservationTable, Map<ProgressMethod, { registry: Registry; dashboard: Dashboard }>>();

function cached(tables: readonly ObservationTable[], registry: Registry, method: ProgressMethod): Dashboard {
  const first = tables[0];
  if (tables.length !== 1 || first === undefined) return buildDashboard(tables, registry, method);
  let byMethod = cache.get(first);
  if (byMethod === undefined) cache.set(first, (byMethod = new Map()));
  const hit = byMethod.get(method);
  if (hit !== undefined && hit.registry === registry) return hit.dashboard;
  const dashboard = buildDashboard(tables, registry, method);
  byMethod.set(method, { registry, dashboard });
  return dashboard;
}

/** The dashboard model of the datasets in use, recomputed only when they or the method change. */
export function useDashboard(datasets: readonly LoadedDataset[], registry: Registry, method: ProgressMethod): Dashboard {
  return useMemo(() => cached(datasets.map((d) => d.table), registry, method), [datasets, registry, method]);
}
