import { useMemo } from 'react';
import type { ObservationTable } from '@/domain/observation-table';
import type { ProgressMethod } from '@/domain/progress/types';
import type { Registry } from '@/domain/registry';
import type { LoadedDataset } from '@/storage/dataset-record';
import { buildDashboard, type Dashboard } from '@/model/dashboard-model';
import { type HeadlineSettings, useHeadlines } from './headline-context';

/**
 * Dashboards already built, by table, method and headline choices. Tables are immutable, so a model built for one view
 * serves the next view too (switching from the overview to compare does not recompute progress for
 * 1,000 cities); a new import makes new tables and the old entries go with them.
 */
const cache = new WeakMap<ObservationTable, Map<string, { registry: Registry; dashboard: Dashboard }>>();

/** The dashboard model of these tables, from the cache when a single table was computed the same way before. */
export function cachedDashboard(tables: readonly ObservationTable[], registry: Registry, method: ProgressMethod, headlines: HeadlineSettings): Dashboard {
  const first = tables[0];
  if (tables.length !== 1 || first === undefined) return buildDashboard(tables, registry, method, headlines.overrides);
  let byKey = cache.get(first);
  if (byKey === undefined) cache.set(first, (byKey = new Map()));
  const key = `${method}\u0000${headlines.key}`;
  const hit = byKey.get(key);
  if (hit !== undefined && hit.registry === registry) return hit.dashboard;
  const dashboard = buildDashboard(tables, registry, method, headlines.overrides);
  byKey.set(key, { registry, dashboard });
  return dashboard;
}

/** The dashboard model of the datasets in use, recomputed only when they, the method or the headline choices change. */
export function useDashboard(datasets: readonly LoadedDataset[], registry: Registry, method: ProgressMethod): Dashboard {
  const headlines = useHeadlines();
  return useMemo(() => cachedDashboard(datasets.map((d) => d.table), registry, method, headlines), [datasets, registry, method, headlines]);
}
