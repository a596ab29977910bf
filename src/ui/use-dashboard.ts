import { use } from 'react';
import type { ObservationTable } from '@/domain/observation-table';
import type { ProgressMethod } from '@/domain/progress/types';
import type { Registry } from '@/domain/registry';
import { runStepsSliced } from '@/domain/steps';
import type { LoadedDataset } from '@/storage/dataset-record';
import { buildDashboard, buildDashboardSteps, type Dashboard } from '@/model/dashboard-model';
import { type HeadlineSettings, useHeadlines } from './headline-context';

/**
 * Dashboards already built (or being built), by tables, registry, method and headline choices. Tables
 * are immutable, so a model built for one view serves the next view too (switching from the overview
 * to compare does not recompute progress for 1,000 cities); a new import makes new tables and the old
 * entries go with them (the cache is keyed by the first table, weakly).
 */
type Entry = {
  readonly tables: readonly ObservationTable[];
  readonly registry: Registry;
  readonly key: string;
  dashboard: Dashboard | undefined;
  promise: Promise<Dashboard> | undefined;
};

const cache = new WeakMap<ObservationTable, Entry[]>();
/** Entries for no table at all (nothing loaded). */
const noTables: Entry[] = [];
/** Entries kept per first table (several methods and headline choices). */
const KEPT = 6;

/**
 * Up to this many rows the dashboard is built at once, as the view renders (under ~50 ms); beyond,
 * in slices between which the page stays responsive (a million rows take ~0.5 s), the view showing
 * "Loading" meanwhile.
 */
const BUILD_AT_ONCE_ROWS = 100_000;

function entryFor(tables: readonly ObservationTable[], registry: Registry, method: ProgressMethod, headlines: HeadlineSettings): Entry {
  const first = tables[0];
  let list = first === undefined ? noTables : cache.get(first);
  if (list === undefined && first !== undefined) cache.set(first, (list = []));
  const entries = list ?? noTables;
  const key = `${method}\u0000${headlines.key}`;
  const hit = entries.find((e) => e.key === key && e.registry === registry && e.tables.length === tables.length && e.tables.every((t, i) => t === tables[i]));
  if (hit !== undefined) {
    // The most recently used last: the one dropped is the one unused longest.
    entries.splice(entries.indexOf(hit), 1);
    entries.push(hit);
    return hit;
  }
  const entry: Entry = { tables: [...tables], registry, key, dashboard: undefined, promise: undefined };
  entries.push(entry);
  if (entries.length > KEPT) entries.shift();
  return entry;
}

/** The dashboard model of these tables, built now if it is not in the cache (the CLI-like, blocking way). */
function cachedDashboard(tables: readonly ObservationTable[], registry: Registry, method: ProgressMethod, headlines: HeadlineSettings): Dashboard {
  const entry = entryFor(tables, registry, method, headlines);
  entry.dashboard ??= buildDashboard(tables, registry, method, headlines.overrides);
  return entry.dashboard;
}

/**
 * The dashboard model of these tables if it can be had now (built, or small enough to build at once);
 * otherwise undefined, with `later` settling once it is built in slices (the page never freezes).
 */
export function dashboardSoon(
  tables: readonly ObservationTable[],
  registry: Registry,
  method: ProgressMethod,
  headlines: HeadlineSettings,
): { now: Dashboard } | { now: undefined; later: Promise<Dashboard> } {
  const entry = entryFor(tables, registry, method, headlines);
  if (entry.dashboard !== undefined) return { now: entry.dashboard };
  if (tables.reduce((n, t) => n + t.length, 0) <= BUILD_AT_ONCE_ROWS) return { now: (entry.dashboard = buildDashboard(tables, registry, method, headlines.overrides)) };
  entry.promise ??= runStepsSliced(buildDashboardSteps(tables, registry, method, headlines.overrides)).then((dashboard) => (entry.dashboard = dashboard));
  return { now: undefined, later: entry.promise };
}

/**
 * Waits (suspends) until the dashboard model of the datasets in use is ready: a big table is built in
 * slices between which the page stays responsive, the app's Suspense showing "Loading" meanwhile. Used
 * by a component of its own above the views (app.tsx) that has no state hook (a context read only):
 * React replays a component that suspends while mounting, and a view's own hooks did not survive that
 * replay (React error 520 with 467 in the indicator view).
 */
export function usePreparedDashboard(datasets: readonly LoadedDataset[], registry: Registry, method: ProgressMethod): void {
  const soon = dashboardSoon(
    datasets.map((d) => d.table),
    registry,
    method,
    useHeadlines(),
  );
  if (soon.now === undefined) use(soon.later);
}

/**
 * The dashboard model of the datasets in use, recomputed only when they, the method or the headline
 * choices change: prepared in slices by `usePreparedDashboard` above the view, or built now (small
 * data, a view outside the app's frame such as an embed).
 */
export function useDashboard(datasets: readonly LoadedDataset[], registry: Registry, method: ProgressMethod): Dashboard {
  return cachedDashboard(
    datasets.map((d) => d.table),
    registry,
    method,
    useHeadlines(),
  );
}
