import { describePeriod } from '@/ingest/parse-year';

/**
 * Where observations sit on a chart's time axis, in years: the year itself, or within it for a month,
 * quarter, half, week or day (`1993 03` → 1993.1667), so a monthly series is drawn over time, not stacked
 * on its year. Used where charts are drawn (the indicator view, the figures), not on the overview.
 */

const WITHIN_YEAR_CACHE = new Map<string, number>();

/**
 * How far into its year a period starts, as a fraction of the year (0 for a year, fiscal year or range;
 * March → 2/12; week 5 → 4/52; 17 May → (4 + 16/31)/12). Labels repeat across series: cached.
 */
export function withinYear(period: string): number {
  if (period === '') return 0;
  const cached = WITHIN_YEAR_CACHE.get(period);
  if (cached !== undefined) return cached;
  const p = describePeriod(period);
  let f = 0;
  if (p !== undefined) {
    if (p.granularity === 'week' && p.week !== undefined) f = (p.week - 1) / 52;
    else if (p.month !== undefined && p.granularity !== 'year' && p.granularity !== 'fiscal_year' && p.granularity !== 'range') f = (p.month - 1 + ((p.day ?? 1) - 1) / 31) / 12;
  }
  f = Math.min(Math.max(f, 0), 0.999);
  if (WITHIN_YEAR_CACHE.size < 10_000) WITHIN_YEAR_CACHE.set(period, f);
  return f;
}

/** The points with their place on the time axis (`x`). */
export function onTimeAxis<P extends { readonly year: number; readonly period: string }>(points: readonly P[]): Array<P & { readonly x: number }> {
  return points.map((p) => ({ ...p, x: p.year + withinYear(p.period) }));
}
