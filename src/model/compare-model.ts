import type { Indicator } from '@/domain/indicator';
import type { ObservationTable } from '@/domain/observation-table';
import type { IndicatorProgress } from '@/domain/progress/compute';
import { type CityRank, distanceToTarget, rankCities } from '@/domain/progress/rollups';
import { normalizeToBounds } from '@/domain/progress/sdsn';
import type { ProgressResult, ProgressStatus } from '@/domain/progress/types';
import { compareIndicatorCodes, type Registry } from '@/domain/registry';
import { type CityNames, cityKey, type Dashboard, type DashboardCity, pickPlaceName, placeNamesOf } from './dashboard-model';

export type { CityNames };

/**
 * The Compare view's data, as pure functions of the dashboard model (progress is never recomputed
 * here): partner cities side by side (rows grouped by SDG target, normalised scores for the dumbbell
 * chart, gap to the target), and one indicator across every city (ranking, lines over time).
 *
 * City keys are the dashboard's (code, else name). Everything here is linear in the number of results
 * or rows it reads, so switching the indicator over 1,000 cities costs a few milliseconds.
 */

// ---------------------------------------------------------------------------------------------------
// Cities

/** A city's name in the UI language: the display names' (names file, gazetteer), else the data's, else its key. */
export function cityLabel(city: DashboardCity, names: CityNames, lang: string): string {
  return pickPlaceName(placeNamesOf(city, names), lang) || city.name || city.key;
}

export type ResolvedCities = {
  /** Known city keys, in the requested order, each once. */
  readonly keys: readonly string[];
  /** Requested entries that match no city of the data (shown in a note, then ignored). */
  readonly unknown: readonly string[];
};

const fold = (s: string) => s.trim().toLocaleLowerCase('en');

/**
 * The cities a URL asks for (`cities=XD-WNR,Tyre`): each entry is matched to a city key, else to a
 * city name (first city with that name), else to a key or name ignoring case. Entries matching nothing
 * are returned in `unknown`, never guessed.
 */
export function resolveCities(requested: readonly string[] | undefined, cities: readonly DashboardCity[]): ResolvedCities {
  if (requested === undefined || requested.length === 0) return { keys: [], unknown: [] };
  const byKey = new Map<string, string>();
  const byName = new Map<string, string>();
  const byFolded = new Map<string, string>();
  for (const c of cities) {
    byKey.set(c.key, c.key);
    if (!byName.has(c.name)) byName.set(c.name, c.key);
  }
  // Folded lookups after exact ones, keys before names, so an exact match always wins.
  for (const c of cities) if (!byFolded.has(fold(c.key))) byFolded.set(fold(c.key), c.key);
  for (const c of cities) if (!byFolded.has(fold(c.name))) byFolded.set(fold(c.name), c.key);
  const keys: string[] = [];
  const unknown: string[] = [];
  for (const raw of requested) {
    const entry = raw.trim();
    if (entry === '') continue;
    const key = byKey.get(entry) ?? byName.get(entry) ?? byFolded.get(fold(entry));
    if (key === undefined) {
      if (!unknown.includes(entry)) unknown.push(entry);
    } else if (!keys.includes(key)) keys.push(key);
  }
  return { keys, unknown };
}

/** Folds text for search: lower case, no Latin accents, no Arabic short vowels or shadda. */
export function searchFold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f\u064B-\u065F\u0670\u0640]/g, '')
    .toLocaleLowerCase('en')
    .trim();
}

// ---------------------------------------------------------------------------------------------------
// Gap to the target, normalised score

/**
 * How far a city's latest value still is from the indicator's target (the result's, else the
 * registry's), in the indicator's unit and relative to the target's size (null for a target of 0).
 */
export type TargetGap =
  | { readonly kind: 'no_target' }
  | { readonly kind: 'no_value'; readonly target: TargetValue }
  | { readonly kind: 'achieved'; readonly target: TargetValue }
  | { readonly kind: 'gap'; readonly target: TargetValue; readonly absolute: number; readonly relative: number | null };

export type TargetValue = { readonly year: number; readonly value: number };

export function gapToTarget(result: ProgressResult, indicator: Indicator | undefined): TargetGap {
  const ex = result.explanation;
  const target: TargetValue | null =
    ex.target ?? (indicator?.goalTarget ? { year: indicator.goalTarget.year, value: indicator.goalTarget.value } : null);
  if (target === null || !Number.isFinite(target.value)) return { kind: 'no_target' };
  const latest = ex.latest !== null && Number.isFinite(ex.latest.value) ? ex.latest : null;
  if (latest === null) return { kind: 'no_value', target };
  const sign = (indicator?.direction ?? ex.direction) === 'increase' ? 1 : -1;
  const d = distanceToTarget(latest.value, target.value, sign);
  if (d.absolute === 0) return { kind: 'achieved', target };
  return { kind: 'gap', target, absolute: d.absolute, relative: d.relative };
}

/**
 * Where a 0–100 score comes from.
 * - `bounds`: the latest value on the SDSN scale of the indicator's bounds, (x − lower) / (optimum −
 *   lower) × 100 censored to 0–100 (the engine's `normalizedScore`; computed the same way for methods
 *   that do not record it). A level: 100 is the optimum.
 * - `progress`: no bounds, so the Open SDG progress score (−5 … 5) rescaled, (score + 5) × 10. A pace of
 *   progress since the base year, not a level: said so in the UI and marked on the chart.
 */
export type ScoreBasis = 'bounds' | 'progress';
export type NormalizedScore = { readonly value: number; readonly basis: ScoreBasis };

const clamp100 = (x: number) => Math.min(100, Math.max(0, x));

export function normalizedScoreOf(result: ProgressResult, indicator: Indicator | undefined): NormalizedScore | null {
  if (result.normalizedScore !== null && Number.isFinite(result.normalizedScore)) return { value: clamp100(result.normalizedScore), basis: 'bounds' };
  const bounds = indicator?.bounds ?? null;
  const latest = result.explanation.latest;
  if (bounds !== null) {
    const v = latest !== null && Number.isFinite(latest.value) ? normalizeToBounds(latest.value, bounds) : NaN;
    // An indicator with bounds is scored on them or not at all (never mixed with progress scores).
    return Number.isFinite(v) ? { value: v, basis: 'bounds' } : null;
  }
  if (result.explanation.method === 'opensdg' && result.score !== null && Number.isFinite(result.score)) {
    return { value: clamp100((result.score + 5) * 10), basis: 'progress' };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Partner cities side by side

export type CompareCell = {
  readonly cityKey: string;
  /** The city's headline result; undefined when it has no data for the indicator. */
  readonly progress: IndicatorProgress | undefined;
  readonly status: ProgressStatus | null;
  readonly latest: { readonly year: number; readonly value: number } | null;
  readonly gap: TargetGap | null;
  readonly score: NormalizedScore | null;
};

export type CompareRow = {
  readonly code: string;
  /** Undefined for an indicator the registry does not know. */
  readonly indicator: Indicator | undefined;
  /** One cell per compared city, in the cities' order. */
  readonly cells: readonly CompareCell[];
};

export type CompareGroup = {
  /** The SDG target (`11.6`); null for local indicators and indicators outside the registry. */
  readonly target: string | null;
  readonly rows: readonly CompareRow[];
};

/** What the side-by-side functions read of the dashboard. */
export type SideBySideSource = Pick<Dashboard, 'byCity' | 'headlineOf'>;

/**
 * Every indicator with data in any of the cities, one cell per city, grouped by SDG target (targets in
 * code order, local and unknown indicators last), indicators in code order within a group.
 */
export function buildSideBySide(dashboard: SideBySideSource, registry: Registry, cityKeys: readonly string[]): CompareGroup[] {
  const codes = new Set<string>();
  for (const key of cityKeys) for (const p of dashboard.byCity.get(key) ?? []) codes.add(p.indicator);
  const groups = new Map<string, CompareRow[]>();
  for (const code of [...codes].sort(compareIndicatorCodes)) {
    const indicator = registry.byCode.get(code);
    const cells = cityKeys.map((key): CompareCell => {
      const progress = dashboard.headlineOf(key, code);
      if (progress === undefined) return { cityKey: key, progress, status: null, latest: null, gap: null, score: null };
      const r = progress.result;
      const latest = r.explanation.latest !== null && Number.isFinite(r.explanation.latest.value) ? r.explanation.latest : null;
      return { cityKey: key, progress, status: r.status, latest, gap: gapToTarget(r, indicator), score: normalizedScoreOf(r, indicator) };
    });
    const target = indicator?.target ?? '';
    let rows = groups.get(target);
    if (rows === undefined) groups.set(target, (rows = []));
    rows.push({ code, indicator, cells });
  }
  return [...groups.keys()]
    .sort((a, b) => (a === '' ? 1 : b === '' ? -1 : compareIndicatorCodes(a, b)))
    .map((target) => ({ target: target === '' ? null : target, rows: groups.get(target) ?? [] }));
}

/** One indicator of the dumbbell chart: the cities' scores (null where none) and their spread. */
export type DumbbellRow = {
  readonly code: string;
  readonly basis: ScoreBasis;
  /** Aligned with the compared cities. */
  readonly scores: readonly (number | null)[];
  readonly min: number;
  readonly max: number;
};

/**
 * The rows of the dumbbell chart: indicators where at least one city has a 0–100 score, in table order.
 * A row's basis is its first score's; a score on another basis (not expected) is left out of the row.
 */
export function buildDumbbell(groups: readonly CompareGroup[]): DumbbellRow[] {
  const out: DumbbellRow[] = [];
  for (const g of groups) {
    for (const row of g.rows) {
      const basis = row.cells.find((c) => c.score !== null)?.score?.basis;
      if (basis === undefined) continue;
      const scores = row.cells.map((c) => (c.score !== null && c.score.basis === basis ? c.score.value : null));
      const present = scores.filter((s): s is number => s !== null);
      out.push({ code: row.code, basis, scores, min: Math.min(...present), max: Math.max(...present) });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// One indicator across cities

/** The canonical code of a requested indicator (an alias resolves), or null when no city has data for it. */
export function resolveIndicator(requested: string | undefined, dashboard: Pick<Dashboard, 'byIndicator'>, registry: Registry): string | null {
  if (requested === undefined) return null;
  const code = registry.byCode.get(requested)?.code ?? requested;
  return dashboard.byIndicator.has(code) ? code : null;
}

/** Indicators with a headline result in any city, in code order. */
export function indicatorsWithData(dashboard: Pick<Dashboard, 'byIndicator'>): string[] {
  return [...dashboard.byIndicator.keys()].sort(compareIndicatorCodes);
}

export type RankingEntry = CityRank & { readonly key: string };

/**
 * Every city with a result for the indicator, ranked by latest value (`rankCities`: best first for the
 * indicator's direction, ties share a rank and keep the data's order, cities without a value last and
 * unranked), each with its dashboard key.
 */
export function buildRanking(dashboard: Pick<Dashboard, 'byIndicator'>, registry: Registry, code: string): RankingEntry[] {
  const results = dashboard.byIndicator.get(code) ?? [];
  return rankCities(results, code, registry).map((r) => ({ ...r, key: cityKey(r) }));
}

/** Entries whose label (or key) contains the query, folded (see `searchFold`); an empty query keeps all. */
export function filterRanking<T extends { readonly key: string }>(rows: readonly T[], query: string, labelOf: (key: string) => string): readonly T[] {
  const q = searchFold(query);
  if (q === '') return rows;
  return rows.filter((r) => searchFold(labelOf(r.key)).includes(q) || searchFold(r.key).includes(q));
}

/** The gap of a ranked city, from the distance `rankCities` worked out (same meaning as `gapToTarget`). */
export function gapOfRank(e: Pick<CityRank, 'target' | 'distance'>): TargetGap {
  if (e.target === null) return { kind: 'no_target' };
  if (e.distance === null) return { kind: 'no_value', target: e.target };
  if (e.distance.absolute === 0) return { kind: 'achieved', target: e.target };
  return { kind: 'gap', target: e.target, absolute: e.distance.absolute, relative: e.distance.relative };
}

export const RANKING_PAGE_SIZE = 50;

export type RankingPage<T> = {
  readonly rows: readonly T[];
  /** 0-based page shown (clamped). */
  readonly page: number;
  readonly pages: number;
  /** 1-based positions of the first and last row shown; 0, 0 when there are none. */
  readonly from: number;
  readonly to: number;
  readonly total: number;
};

/** One page of rows (the page number is clamped to the pages there are). */
export function rankingPage<T>(rows: readonly T[], page: number, size = RANKING_PAGE_SIZE): RankingPage<T> {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const p = Math.min(pages - 1, Math.max(0, Math.floor(Number.isFinite(page) ? page : 0)));
  const start = p * size;
  const slice = rows.slice(start, start + size);
  return { rows: slice, page: p, pages, from: slice.length === 0 ? 0 : start + 1, to: start + slice.length, total: rows.length };
}

/** The page holding a city, or −1. */
export function pageOfCity(rows: readonly { readonly key: string }[], key: string, size = RANKING_PAGE_SIZE): number {
  const i = rows.findIndex((r) => r.key === key);
  return i === -1 ? -1 : Math.floor(i / size);
}

/**
 * The cities drawn as lines: the selected ones that have data for the indicator, else the best `n`
 * ranked. At most `max` (more lines than that cannot be told apart).
 */
export function lineCities(ranking: readonly RankingEntry[], selected: readonly string[], n = 5, max = 12): { keys: string[]; from: 'selected' | 'top' } {
  const withData = new Set(ranking.map((r) => r.key));
  const mine = selected.filter((k) => withData.has(k));
  if (mine.length > 0) return { keys: mine.slice(0, max), from: 'selected' };
  return { keys: ranking.filter((r) => r.rank !== null).slice(0, Math.min(n, max)).map((r) => r.key), from: 'top' };
}

export type CityLine = { readonly key: string; readonly points: readonly { readonly year: number; readonly value: number }[] };

/**
 * The headline values (no disaggregation) of one indicator over time for some cities, from the table:
 * per city the first series/unit met in the table (as the overview does), one value per year (the
 * last listed, as the progress engine keeps), non-finite values left out. Lines follow `cityKeys`'
 * order; a city without data has no points. One pass over the table.
 */
export function buildLines(table: ObservationTable, registry: Registry, code: string, cityKeys: readonly string[]): CityLine[] {
  const canonical = registry.byCode.get(code)?.code ?? code;
  const d = table.dict;
  const matches = new Uint8Array(d.indicator.length);
  d.indicator.forEach((c, i) => {
    if (c !== '' && (registry.byCode.get(c)?.code ?? c) === canonical) matches[i] = 1;
  });
  const wanted = new Set(cityKeys);
  const lines = new Map<string, { series: number; unit: number; byYear: Map<number, number> }>();
  for (let i = 0; i < table.length; i++) {
    if (matches[table.indicator[i] ?? 0] !== 1 || table.disaggregation[i] !== 0) continue;
    const codeId = table.cityCode[i] ?? 0;
    const key = codeId !== 0 ? (d.cityCode[codeId] ?? '') : (d.city[table.city[i] ?? 0] ?? '');
    if (!wanted.has(key)) continue;
    const series = table.series[i] ?? 0;
    const unit = table.unit[i] ?? 0;
    let line = lines.get(key);
    if (line === undefined) lines.set(key, (line = { series, unit, byYear: new Map() }));
    if (line.series !== series || line.unit !== unit) continue;
    const value = table.value[i] ?? NaN;
    const year = table.year[i] ?? 0;
    if (Number.isFinite(value)) line.byYear.set(year, value);
    else line.byYear.delete(year);
  }
  return cityKeys.map((key) => {
    const byYear = lines.get(key)?.byYear;
    const points = byYear === undefined ? [] : [...byYear].map(([year, value]) => ({ year, value })).sort((a, b) => a.year - b.year);
    return { key, points };
  });
}
