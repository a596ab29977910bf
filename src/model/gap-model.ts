import type { Direction } from '@/domain/indicator';
import type { SeriesLayout } from '@/domain/progress/series';
import type { Dashboard } from './dashboard-model';
import { pointsOf, type SeriesChoice, seriesChoices } from './indicator-model';

/**
 * "Leave no one behind": for each breakdown of a city × indicator (sex, age, disability, income…: a
 * disaggregation column with at least two groups), the groups' latest values and the gap between the
 * best and the worst group — best in the indicator's desired direction (the highest when it is not
 * known) — in the latest year two groups share, and in the earliest such year (the base), and how the
 * gap changed: narrowed, widened or unchanged, compared at the indicator's decimals. Only the series
 * and unit shown for the city are compared (groups in another unit are never set against each other).
 */

export type GapGroup = { readonly label: string; readonly value: number; readonly year: number; readonly seriesIndex: number };
export type GapAt = { readonly year: number; readonly best: GapGroup; readonly worst: GapGroup; readonly gap: number };
export type GapChange = 'narrowed' | 'widened' | 'unchanged';

export type GapDimension = {
  /** The disaggregation column ("Sex", "Age"). */
  readonly column: string;
  /** Each group's latest value, best first. */
  readonly groups: readonly GapGroup[];
  readonly latest: GapAt;
  /** The earliest year two groups share; null when it is the latest year (no change to tell). */
  readonly base: GapAt | null;
  readonly change: GapChange | null;
  /** latest gap − base gap (at the decimals), null without a base. */
  readonly delta: number | null;
  /** The report series of the groups (for the figure's CSV). */
  readonly series: readonly number[];
};

function rounded(v: number, decimals: number | undefined): number {
  return decimals === undefined ? v : Number(v.toFixed(decimals));
}

/** The best and worst of groups' values in one year (null with fewer than two groups). */
function gapAt(year: number, groups: readonly GapGroup[], direction: Direction | null, decimals: number | undefined): GapAt | null {
  if (groups.length < 2) return null;
  const better = (a: GapGroup, b: GapGroup) => (direction === 'decrease' ? a.value < b.value : a.value > b.value);
  let best = groups[0];
  let worst = groups[0];
  for (const g of groups) {
    if (best === undefined || better(g, best)) best = g;
    if (worst === undefined || better(worst, g)) worst = g;
  }
  if (best === undefined || worst === undefined) return null;
  return { year, best, worst, gap: rounded(Math.abs(best.value - worst.value), decimals) };
}

export function gapModel(
  dashboard: Pick<Dashboard, 'headlineOf' | 'report'>,
  layout: SeriesLayout,
  cityKey: string,
  indicator: string,
  like: Pick<SeriesChoice, 'series' | 'unit'> | undefined,
  direction: Direction | null,
  decimals: number | undefined,
): GapDimension[] {
  const { choices } = seriesChoices(dashboard, layout, cityKey, indicator);
  const shown = like ?? choices.find((c) => c.isHeadline) ?? choices[0];
  if (shown === undefined) return [];
  const byColumn = new Map<string, SeriesChoice[]>();
  for (const c of choices) {
    const pair = c.pairs[0];
    if (c.pairs.length !== 1 || pair === undefined || c.series !== shown.series || c.unit !== shown.unit) continue;
    let list = byColumn.get(pair[0]);
    if (list === undefined) byColumn.set(pair[0], (list = []));
    list.push(c);
  }
  const out: GapDimension[] = [];
  for (const [column, groupChoices] of byColumn) {
    const byYear = new Map<number, GapGroup[]>();
    const latestOf: GapGroup[] = [];
    for (const c of groupChoices) {
      const label = c.pairs[0]?.[1] ?? '';
      let last: GapGroup | undefined;
      for (const p of pointsOf(layout, c.index)) {
        if (!Number.isFinite(p.value)) continue;
        const g = { label, value: p.value, year: p.year, seriesIndex: c.index };
        let list = byYear.get(p.year);
        if (list === undefined) byYear.set(p.year, (list = []));
        list.push(g);
        last = g;
      }
      if (last !== undefined) latestOf.push(last);
    }
    const shared = [...byYear.entries()].filter(([, g]) => g.length >= 2).map(([y]) => y).sort((a, b) => a - b);
    const lastYear = shared.at(-1);
    const firstYear = shared[0];
    if (lastYear === undefined || firstYear === undefined) continue;
    const latest = gapAt(lastYear, byYear.get(lastYear) ?? [], direction, decimals);
    if (latest === null) continue;
    const base = firstYear === lastYear ? null : gapAt(firstYear, byYear.get(firstYear) ?? [], direction, decimals);
    const delta = base === null ? null : rounded(latest.gap - base.gap, decimals);
    const sign = direction === 'decrease' ? 1 : -1;
    out.push({
      column,
      groups: [...latestOf].sort((a, b) => sign * (a.value - b.value) || a.label.localeCompare(b.label)),
      latest,
      base,
      change: delta === null ? null : delta < 0 ? 'narrowed' : delta > 0 ? 'widened' : 'unchanged',
      delta,
      series: groupChoices.map((c) => c.index),
    });
  }
  return out;
}
