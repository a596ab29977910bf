import type { DatasetIndicator } from '@/domain/dataset-indicator';
import type { Indicator, LocalizedText } from '@/domain/indicator';
import { NuaCommitmentSchema, NuaPrioritySchema } from '@/domain/indicator';
import type { ObservationTable } from '@/domain/observation-table';
import type { IndicatorProgress } from '@/domain/progress/compute';
import type { StatusCounts } from '@/domain/progress/rollups';
import { type InsufficientReason, PROGRESS_STATUSES, type ProgressStatus } from '@/domain/progress/types';
import { compareIndicatorCodes, type Registry } from '@/domain/registry';
import type { Dashboard, DashboardCity } from './dashboard-model';
import type { Lang } from '@/i18n/lang';
import { cityDisplayName, type CityNames } from './dashboard-model';

/**
 * The city overview as data: one row per indicator with data for the city (status, score, latest
 * value, target, trend points), the counts by status, the groupings (SDG target, NUA commitment, NUA
 * implementation priority) and the registry indicators the city does not report. Pure functions over
 * the shared dashboard model: nothing here recomputes progress, and each function is linear in what it
 * reads (one city's results, or one pass over the table for the trend points).
 */

export const GROUPINGS = ['target', 'commitment', 'priority'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** Years and values of a headline series, years ascending and distinct (values may be NaN: missing). */
export type TrendPoints = { readonly years: readonly number[]; readonly values: readonly number[] };

export type YearValue = { readonly year: number; readonly value: number };

export type OverviewRow = {
  /** Canonical indicator code (an alias in the data is already resolved by the engine). */
  readonly code: string;
  /** Undefined for an indicator unknown to the registry. */
  readonly indicator: Indicator | undefined;
  /** An indicator unknown to the registry as the dataset's own metadata describes it (title, unit); undefined when none. */
  readonly described?: DatasetIndicator;
  readonly status: ProgressStatus;
  /** The method's score (opensdg/unsd −5…5, sdsn 0–100), null when none. */
  readonly score: number | null;
  /** The engine's latest point, else the last finite point of the headline series; null when none. */
  readonly latest: YearValue | null;
  /** The numeric target the engine used, else the registry's; null when there is none. */
  readonly target: YearValue | null;
  /** The unit written in the data for the headline series ('' when none or ambiguous). */
  readonly dataUnit: string;
  /** The headline series for the sparkline; null when there is no single headline series. */
  readonly points: TrendPoints | null;
  readonly insufficientReason: InsufficientReason | null;
};

export type ScoreSummary = {
  readonly counts: StatusCounts;
  /** Mean of the finite scores; null when none. */
  readonly meanScore: number | null;
  readonly scored: number;
};

export type CityOverview = ScoreSummary & {
  readonly cityKey: string;
  /** Every indicator with data for the city, in registry order (unknown codes last, by code). */
  readonly rows: readonly OverviewRow[];
  /** Registry indicators without data for the city, in registry order. */
  readonly gaps: readonly Indicator[];
  /** Registry indicators with data for the city (n of `registered`). */
  readonly reported: number;
  readonly registered: number;
  /** Rows whose indicator the registry does not know. */
  readonly unregistered: number;
};

export type GroupKind = 'target' | 'commitment' | 'priority' | 'local' | 'unregistered';

export type RowGroup = ScoreSummary & {
  readonly kind: GroupKind;
  /** `11.6`, a commitment or priority key; '' for the local and unregistered groups. */
  readonly key: string;
  readonly rows: readonly OverviewRow[];
};

export function emptyCounts(): Record<ProgressStatus, number> {
  const counts = {} as Record<ProgressStatus, number>;
  for (const s of PROGRESS_STATUSES) counts[s] = 0;
  return counts;
}

/** Counts by status and the mean score of some rows (non-finite scores left out, as in the roll-ups). */
export function summarizeRows(rows: readonly { readonly status: ProgressStatus; readonly score: number | null }[]): ScoreSummary {
  const counts = emptyCounts();
  let sum = 0;
  let scored = 0;
  for (const r of rows) {
    counts[r.status]++;
    if (r.score !== null && Number.isFinite(r.score)) {
      sum += r.score;
      scored++;
    }
  }
  return { counts, meanScore: scored === 0 ? null : sum / scored, scored };
}

/** Text in the UI language, English when the translation is empty. */
export function localized(text: LocalizedText, lang: Lang): string {
  return text[lang] || text.en;
}

export { cityDisplayName, type CityNames };

/** The city a URL parameter names: by key (code), else by the name in the data; undefined when none. */
export function findCity(dashboard: Pick<Dashboard, 'cities' | 'cityByKey'>, param: string | undefined): DashboardCity | undefined {
  if (param === undefined || param === '') return undefined;
  return dashboard.cityByKey.get(param) ?? dashboard.cities.find((c) => c.name === param);
}

/**
 * The headline series points of every indicator of one city, by canonical code: rows with no
 * disaggregation, when they form exactly one (series, unit) combination — the engine's default headline.
 * Several combinations mean the headline is ambiguous, and no trend is drawn. A year listed twice keeps
 * the last-listed value (as the engine does). One pass over the table, comparing dictionary ids only.
 */
export function headlineTrends(table: ObservationTable, registry: Registry, cityKey: string): Map<string, { points: TrendPoints; unit: string }> {
  const d = table.dict;
  // A row is the city's when its code is the key, or it has no code and its name is the key.
  const codeMatch = new Uint8Array(d.cityCode.length);
  for (let i = 1; i < d.cityCode.length; i++) if (d.cityCode[i] === cityKey) codeMatch[i] = 1;
  const nameMatch = new Uint8Array(d.city.length);
  for (let i = 0; i < d.city.length; i++) if (d.city[i] === cityKey) nameMatch[i] = 1;
  const canonical = d.indicator.map((code) => registry.byCode.get(code)?.code ?? code);
  const groups = new Map<string, Map<number, { series: number; unit: number; byYear: Map<number, number> }>>();
  for (let i = 0; i < table.length; i++) {
    if ((table.disaggregation[i] ?? 0) !== 0) continue;
    const codeId = table.cityCode[i] ?? 0;
    if (codeId !== 0 ? codeMatch[codeId] !== 1 : nameMatch[table.city[i] ?? 0] !== 1) continue;
    const code = canonical[table.indicator[i] ?? 0] ?? '';
    if (code === '') continue;
    let byCombo = groups.get(code);
    if (byCombo === undefined) groups.set(code, (byCombo = new Map()));
    const series = table.series[i] ?? 0;
    const unit = table.unit[i] ?? 0;
    const combo = series * 0x100000 + unit;
    let g = byCombo.get(combo);
    if (g === undefined) byCombo.set(combo, (g = { series, unit, byYear: new Map() }));
    g.byYear.set(table.year[i] ?? 0, table.value[i] ?? Number.NaN);
  }
  const out = new Map<string, { points: TrendPoints; unit: string }>();
  for (const [code, byCombo] of groups) {
    if (byCombo.size !== 1) continue;
    const g = byCombo.values().next().value;
    if (g === undefined) continue;
    const years = [...g.byYear.keys()].sort((a, b) => a - b);
    out.set(code, { points: { years, values: years.map((y) => g.byYear.get(y) ?? Number.NaN) }, unit: d.unit[g.unit] ?? '' });
  }
  return out;
}

function lastFinite(points: TrendPoints | null): YearValue | null {
  if (points === null) return null;
  for (let i = points.years.length - 1; i >= 0; i--) {
    const year = points.years[i] ?? Number.NaN;
    const value = points.values[i] ?? Number.NaN;
    if (Number.isFinite(year) && Number.isFinite(value)) return { year, value };
  }
  return null;
}

/** One overview row from a headline result, its registry entry and its trend points. */
export function toRow(p: IndicatorProgress, indicator: Indicator | undefined, trend: { points: TrendPoints; unit: string } | undefined): OverviewRow {
  const ex = p.result.explanation;
  const points = trend?.points ?? null;
  const latest = ex.latest !== null && Number.isFinite(ex.latest.value) ? ex.latest : lastFinite(points);
  const goal = indicator?.goalTarget ?? null;
  return {
    code: p.indicator,
    indicator,
    status: p.result.status,
    score: p.result.score !== null && Number.isFinite(p.result.score) ? p.result.score : null,
    latest,
    target: ex.target ?? (goal === null ? null : { year: goal.year, value: goal.value }),
    dataUnit: trend?.unit ?? '',
    points,
    insufficientReason: ex.insufficientReason,
  };
}

/** Everything the overview shows for one city (see CityOverview). An unknown city gives an empty overview. */
export function buildCityOverview(dashboard: Pick<Dashboard, 'byCity' | 'table'>, registry: Registry, cityKey: string): CityOverview {
  const results = dashboard.byCity.get(cityKey) ?? [];
  const trends = results.length === 0 ? new Map<string, { points: TrendPoints; unit: string }>() : headlineTrends(dashboard.table, registry, cityKey);
  const rows: OverviewRow[] = results.map((p) => {
    const row = toRow(p, registry.byCode.get(p.indicator), trends.get(p.indicator));
    const described = row.indicator === undefined ? registry.described?.get(p.indicator) : undefined;
    return described === undefined ? row : { ...row, described };
  });
  const known = rows.filter((r) => r.indicator !== undefined);
  const unknown = rows.filter((r) => r.indicator === undefined).sort((a, b) => compareIndicatorCodes(a.code, b.code));
  const ordered = [...known.sort((a, b) => compareIndicatorCodes(a.indicator?.code ?? a.code, b.indicator?.code ?? b.code)), ...unknown];
  const reportedCodes = new Set(known.map((r) => r.indicator?.code));
  const gaps = registry.indicators.filter((ind) => !reportedCodes.has(ind.code));
  return {
    cityKey,
    rows: ordered,
    ...summarizeRows(ordered),
    gaps,
    reported: reportedCodes.size,
    registered: registry.indicators.length,
    unregistered: unknown.length,
  };
}

function groupOf(kind: GroupKind, key: string, rows: OverviewRow[]): RowGroup {
  return { kind, key, rows, ...summarizeRows(rows) };
}

/**
 * The rows in groups: by SDG target (registry order; local indicators after), by NUA commitment (an
 * indicator serving two commitments is in both) or by implementation priority (governance, planning,
 * finance). Indicators unknown to the registry come last, in their own group. Empty groups are left out.
 */
export function groupRows(rows: readonly OverviewRow[], grouping: Grouping): RowGroup[] {
  const buckets = new Map<string, OverviewRow[]>();
  const local: OverviewRow[] = [];
  const unregistered: OverviewRow[] = [];
  const put = (key: string, row: OverviewRow) => {
    let list = buckets.get(key);
    if (list === undefined) buckets.set(key, (list = []));
    list.push(row);
  };
  for (const row of rows) {
    const ind = row.indicator;
    if (ind === undefined) {
      // A national or local indicator whose code names an SDG target (`11.1.1.c` → target 11.1) sits under it.
      const target = grouping === 'target' ? targetOfCode(row.code) : undefined;
      if (target !== undefined) put(target, row);
      else unregistered.push(row);
      continue;
    }
    switch (grouping) {
      case 'target':
        if (ind.target === null) local.push(row);
        else put(ind.target, row);
        break;
      case 'commitment':
        for (const c of new Set(ind.nua.commitments)) put(c, row);
        break;
      case 'priority':
        put(ind.nua.priority, row);
        break;
      default:
        return assertNever(grouping);
    }
  }
  const order: readonly string[] =
    grouping === 'target' ? [...buckets.keys()].sort(compareIndicatorCodes) : grouping === 'commitment' ? NuaCommitmentSchema.options : NuaPrioritySchema.options;
  const groups: RowGroup[] = [];
  for (const key of order) {
    const list = buckets.get(key);
    if (list !== undefined) groups.push(groupOf(grouping, key, list));
  }
  if (local.length > 0) groups.push(groupOf('local', '', local));
  if (unregistered.length > 0) groups.push(groupOf('unregistered', '', unregistered));
  return groups;
}

/** The SDG target a code names: `11.1.1.c` → `11.1`, `11.b.2` → `11.b`; undefined for other codes. */
export function targetOfCode(code: string): string | undefined {
  const m = /^(\d{1,2})\.(\d{1,2}|[a-z])\.\d{1,2}(?:\.|$)/.exec(code);
  return m === null ? undefined : `${m[1]}.${m[2]}`;
}

function assertNever(x: never): never {
  throw new Error(`unexpected grouping ${String(x)}`);
}

export type SparklineBox = { readonly width: number; readonly height: number; readonly pad: number };

export type Sparkline = {
  /** SVG path data ('' when fewer than two finite points in a row); a missing value breaks the line. */
  readonly d: string;
  /** The latest finite point, for a dot; null when there is none. */
  readonly last: { readonly x: number; readonly y: number } | null;
  /** Finite points drawn. */
  readonly count: number;
  /** First and latest finite points (for the text alternative). */
  readonly first: YearValue | null;
  readonly lastPoint: YearValue | null;
};

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * An SVG sparkline of a series in a width × height box: years on x (evenly by year, so gaps in years
 * show), values on y (the series' own range; a flat series is drawn mid-height). Right to left, time
 * runs from right to left (x mirrored), as the charts do. Missing values (NaN) break the line.
 */
export function sparklinePath(points: TrendPoints, box: SparklineBox, dir: 'ltr' | 'rtl'): Sparkline {
  const { width, height, pad } = box;
  const finite: YearValue[] = [];
  const n = Math.min(points.years.length, points.values.length);
  let minY = Infinity;
  let maxY = -Infinity;
  let minV = Infinity;
  let maxV = -Infinity;
  for (let i = 0; i < n; i++) {
    const year = points.years[i] ?? Number.NaN;
    const value = points.values[i] ?? Number.NaN;
    if (!Number.isFinite(year) || !Number.isFinite(value)) continue;
    finite.push({ year, value });
    minY = Math.min(minY, year);
    maxY = Math.max(maxY, year);
    minV = Math.min(minV, value);
    maxV = Math.max(maxV, value);
  }
  if (finite.length === 0) return { d: '', last: null, count: 0, first: null, lastPoint: null };
  const innerW = Math.max(0, width - 2 * pad);
  const innerH = Math.max(0, height - 2 * pad);
  const xOf = (year: number) => {
    const x = maxY === minY ? width / 2 : pad + ((year - minY) / (maxY - minY)) * innerW;
    return round1(dir === 'rtl' ? width - x : x);
  };
  const yOf = (value: number) => round1(maxV === minV ? height / 2 : pad + ((maxV - value) / (maxV - minV)) * innerH);
  const parts: string[] = [];
  let run = 0;
  for (let i = 0; i < n; i++) {
    const year = points.years[i] ?? Number.NaN;
    const value = points.values[i] ?? Number.NaN;
    if (!Number.isFinite(year) || !Number.isFinite(value)) {
      run = 0;
      continue;
    }
    parts.push(`${run === 0 ? 'M' : 'L'}${xOf(year)} ${yOf(value)}`);
    run++;
  }
  // A lone point between gaps draws nothing as a path (the dot marks the latest one).
  const d = parts.filter((p, i) => p.startsWith('L') || parts[i + 1]?.startsWith('L') === true).join('');
  const lastPoint = finite[finite.length - 1] ?? null;
  return {
    d,
    last: lastPoint === null ? null : { x: xOf(lastPoint.year), y: yOf(lastPoint.value) },
    count: finite.length,
    first: finite[0] ?? null,
    lastPoint,
  };
}
